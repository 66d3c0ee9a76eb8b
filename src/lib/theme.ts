/** Theme preference: an explicit choice, or "auto" to follow the system. */
export type ThemeChoice = 'auto' | 'light' | 'dark';

export const THEME_STORAGE_KEY = 'mfg-theme';

export function parseThemeChoice(value: string | null | undefined): ThemeChoice {
  return value === 'light' || value === 'dark' ? value : 'auto';
}

/** Whether the page should be dark for a choice and the system's preference. */
export function isDark(choice: ThemeChoice, systemPrefersDark: boolean): boolean {
  return choice === 'dark' || (choice === 'auto' && systemPrefersDark);
}
