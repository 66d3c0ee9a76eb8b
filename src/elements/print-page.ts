/** <mfg-print-page>: shows its button and opens the browser's print dialog (without JavaScript, the page says to use Print). */
class PrintPageElement extends HTMLElement {
  connectedCallback(): void {
    const button = this.querySelector<HTMLButtonElement>('button');
    if (!button || !button.hidden) return;
    button.addEventListener('click', () => print());
    button.hidden = false;
  }
}

customElements.define('mfg-print-page', PrintPageElement);
