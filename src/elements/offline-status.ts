import { Workbox } from 'workbox-window';
import { PROGRESS_MESSAGE } from '../lib/precache-config.ts';
import {
  announceOfflineChange,
  describeOfflineState,
  initialOfflineState,
  nextOfflineState,
  parseProgressMessage,
  type OfflineEvent,
  type OfflineState,
} from '../lib/precache-status.ts';

/** How often an open tab asks whether a new version was deployed. */
const UPDATE_CHECK_MS = 60 * 60 * 1000;

/**
 * Registers the service worker and tells the reader, in the footer, whether the
 * site is saved for offline use or an update is waiting.
 */
class OfflineStatusElement extends HTMLElement {
  #state: OfflineState = initialOfflineState;
  #reloading = false;

  connectedCallback(): void {
    // `astro dev` serves no sw.js, and a worker there would cache stale dev files.
    if (import.meta.env.DEV || !('serviceWorker' in navigator)) return;
    const swUrl = this.dataset.sw;
    const scope = this.dataset.scope;
    if (!swUrl || !scope) return;

    // A page this site's worker already controls is saved: say so at once, not
    // after register() settles, so the footer line never flashes in empty.
    const controller = navigator.serviceWorker.controller;
    if (controller && controller.scriptURL === new URL(swUrl, location.href).href) this.#dispatch({ type: 'active' });

    navigator.serviceWorker.addEventListener('message', (event: MessageEvent) => {
      const progress = parseProgressMessage(event.data, PROGRESS_MESSAGE);
      if (progress) this.#dispatch(progress);
    });
    navigator.serviceWorker.startMessages();

    // The worker's own script is always checked against the server, never the HTTP cache.
    const wb = new Workbox(swUrl, { scope, updateViaCache: 'none' });
    this.querySelector('[data-offline-reload]')?.addEventListener('click', () => this.#reload(wb));
    wb.addEventListener('activated', (event) => {
      if (!event.isUpdate && !event.isExternal) this.#dispatch({ type: 'activated' });
    });
    wb.addEventListener('waiting', () => this.#dispatch({ type: 'waiting' }));
    wb.addEventListener('redundant', (event) => {
      if (!event.isUpdate && !event.isExternal) this.#dispatch({ type: 'install-failed' });
    });
    wb.addEventListener('controlling', (event) => {
      // Only a reload the reader asked for; anything else just offers one.
      if (this.#state.kind === 'updating') this.#reloadOnce();
      else if (event.isUpdate) this.#dispatch({ type: 'controlled-elsewhere' });
    });
    void wb.register().then(
      (registration) => {
        if (!registration) return;
        if (registration.active) this.#dispatch({ type: 'active' });
        else if (registration.installing || registration.waiting) this.#dispatch({ type: 'installing' });
        // An update the browser started while this page loaded, before workbox-window listened.
        const installing = registration.installing;
        if (installing && registration.active) {
          installing.addEventListener('statechange', () => {
            if (installing.state === 'installed' && registration.waiting === installing)
              this.#dispatch({ type: 'waiting' });
          });
        }
        const check = () => void wb.update().catch(() => {});
        document.addEventListener('visibilitychange', () => {
          if (document.visibilityState === 'visible') check();
        });
        addEventListener('online', check);
        setInterval(check, UPDATE_CHECK_MS);
      },
      () => {
        // No worker (private mode, blocked storage, a first visit cut off): the site still works online.
      },
    );
  }

  #reload(wb: Workbox): void {
    if (this.#state.kind === 'updated-elsewhere') return this.#reloadOnce();
    this.#dispatch({ type: 'reload-requested' });
    // The page reloads when the new worker takes control ("controlling" above).
    // If another tab already activated it, there is nothing to wait for.
    navigator.serviceWorker.getRegistration(this.dataset.scope).then(
      (registration) => {
        if (registration?.waiting) wb.messageSkipWaiting();
        else this.#reloadOnce();
      },
      () => this.#reloadOnce(),
    );
  }

  /** One reload per page, whatever fires twice: the guard against reload loops. */
  #reloadOnce(): void {
    if (this.#reloading) return;
    this.#reloading = true;
    location.reload();
  }

  #dispatch(event: OfflineEvent): void {
    const previous = this.#state;
    this.#state = nextOfflineState(previous, event);
    if (this.#state === previous) return;
    this.#render(announceOfflineChange(previous, this.#state));
  }

  #render(announcement: string | null): void {
    const view = describeOfflineState(this.#state);
    const text = this.querySelector<HTMLElement>('[data-offline-text]');
    const progress = this.querySelector<HTMLProgressElement>('[data-offline-progress]');
    const button = this.querySelector<HTMLButtonElement>('[data-offline-reload]');
    const live = this.querySelector<HTMLElement>('[data-offline-announce]');
    const line = this.querySelector<HTMLElement>('[data-offline-line]');
    if (line) line.hidden = view.text === '';
    this.dataset.state = this.#state.kind;
    if (text) text.textContent = view.text;
    if (progress) {
      progress.hidden = view.progress === null;
      progress.value = view.progress ?? 0;
    }
    if (button) button.hidden = !view.reload;
    if (live && announcement) live.textContent = announcement;
  }
}

customElements.define('mfg-offline-status', OfflineStatusElement);
