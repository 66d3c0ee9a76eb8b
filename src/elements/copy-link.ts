/**
 * <mfg-copy-link>: a permanent link with a "Copy link" button. Copies with the
 * Clipboard API and says "Copied"; where copying is not allowed (an http page,
 * a blocked permission) it selects the link text and says how to copy it.
 * Without JavaScript the link is shown as selectable text; the button keeps its
 * room but is never shown (CopyLink.astro).
 */
class CopyLinkElement extends HTMLElement {
  connectedCallback(): void {
    const button = this.querySelector<HTMLButtonElement>('[data-copy]');
    const text = this.querySelector<HTMLElement>('[data-url]');
    const status = this.querySelector<HTMLElement>('[data-status]');
    if (!button || !text || !status || button.dataset.ready) return;
    button.dataset.ready = '';
    let clear: ReturnType<typeof setTimeout> | undefined;
    const say = (message: string) => {
      status.textContent = message;
      clearTimeout(clear);
      // The status is for this click only; it goes after a while so a later click is announced again.
      clear = setTimeout(() => (status.textContent = ''), 6000);
    };
    button.addEventListener('click', async () => {
      const url = text.textContent?.trim() ?? '';
      try {
        if (!navigator.clipboard) throw new Error('no clipboard');
        await navigator.clipboard.writeText(url);
        say('Copied');
      } catch {
        const selection = getSelection();
        selection?.selectAllChildren(text);
        say(
          `Copying is blocked here: the link is selected, press ${/Mac|iPhone|iPad/.test(navigator.userAgent) ? '⌘C' : 'Ctrl+C'} to copy it.`,
        );
      }
    });
  }
}

customElements.define('mfg-copy-link', CopyLinkElement);
