import { isDark, parseThemeChoice, THEME_STORAGE_KEY, type ThemeChoice } from '../lib/theme.ts';

const systemDark = matchMedia('(prefers-color-scheme: dark)');

function readChoice(): ThemeChoice {
  try {
    return parseThemeChoice(localStorage.getItem(THEME_STORAGE_KEY));
  } catch {
    return 'auto';
  }
}

function apply(choice: ThemeChoice): void {
  document.documentElement.classList.toggle('dark', isDark(choice, systemDark.matches));
}

/** The theme picker in the header. */
class ThemeElement extends HTMLElement {
  connectedCallback(): void {
    const select = this.querySelector('select');
    if (!select) return;
    select.value = readChoice();
    select.addEventListener('change', () => {
      const choice = parseThemeChoice(select.value);
      try {
        if (choice === 'auto') localStorage.removeItem(THEME_STORAGE_KEY);
        else localStorage.setItem(THEME_STORAGE_KEY, choice);
      } catch {
        // Storage blocked: the choice still applies to this page.
      }
      apply(choice);
    });
    systemDark.addEventListener('change', () => apply(readChoice()));
    // Another tab changed the theme.
    addEventListener('storage', (event) => {
      if (event.key !== THEME_STORAGE_KEY) return;
      select.value = readChoice();
      apply(readChoice());
    });
  }
}

customElements.define('mfg-theme', ThemeElement);
