/**
 * The offline status shown in the footer, as a small state machine: what the
 * service worker reported, and what to tell the reader. Pure, so the wording
 * and the transitions are unit-tested; src/elements/offline-status.ts wires it
 * to workbox-window.
 */

export type OfflineState =
  /** Nothing known yet (or no service worker support): show nothing. */
  | { kind: 'idle' }
  /** First visit: the site is being saved. `total` is null until the worker reports it. */
  | { kind: 'saving'; cached: number; total: number | null }
  /** Every page is saved on this device. */
  | { kind: 'ready' }
  /** A new version is installed and waiting for the reader to reload. */
  | { kind: 'update' }
  /** The reader chose to reload; waiting for the new version to take over. */
  | { kind: 'updating' }
  /** Another tab switched to the new version: this page is out of date. */
  | { kind: 'updated-elsewhere' }
  /** Saving failed (e.g. storage full); the browser retries on a later visit. */
  | { kind: 'failed' };

export type OfflineEvent =
  /** A worker was already active when the page loaded: the site is saved. */
  | { type: 'active' }
  /** The first install started. */
  | { type: 'installing' }
  /** Progress message from the installing worker. */
  | { type: 'progress'; cached: number; total: number }
  /** The first install finished and the worker activated. */
  | { type: 'activated' }
  /** A new version is waiting. */
  | { type: 'waiting' }
  /** The reader pressed Reload. */
  | { type: 'reload-requested' }
  /** A new worker took control without this page asking for it. */
  | { type: 'controlled-elsewhere' }
  /** The installing worker was discarded. */
  | { type: 'install-failed' };

export const initialOfflineState: OfflineState = { kind: 'idle' };

/** The progress event in a message from the service worker (see installScript in precache-config.ts), or null for any other message. */
export function parseProgressMessage(data: unknown, type: string): Extract<OfflineEvent, { type: 'progress' }> | null {
  if (typeof data !== 'object' || data === null) return null;
  const { type: messageType, cached, total } = data as Record<string, unknown>;
  if (messageType !== type || typeof cached !== 'number' || typeof total !== 'number') return null;
  if (!Number.isFinite(cached) || !Number.isFinite(total) || total < 1) return null;
  return { type: 'progress', cached, total };
}

export function nextOfflineState(state: OfflineState, event: OfflineEvent): OfflineState {
  switch (event.type) {
    case 'active':
      // An update found before the page finished loading stays visible.
      return state.kind === 'idle' || state.kind === 'saving' ? { kind: 'ready' } : state;
    case 'installing':
      return state.kind === 'idle' ? { kind: 'saving', cached: 0, total: null } : state;
    case 'progress':
      // Progress only matters on the first install; an update downloads quietly.
      if (state.kind !== 'saving') return state;
      return {
        kind: 'saving',
        cached: Math.max(state.cached, Math.min(event.cached, event.total)),
        total: event.total,
      };
    case 'activated':
      return state.kind === 'saving' || state.kind === 'idle' || state.kind === 'failed' ? { kind: 'ready' } : state;
    case 'waiting':
      return state.kind === 'updating' ? state : { kind: 'update' };
    case 'reload-requested':
      return state.kind === 'update' ? { kind: 'updating' } : state;
    case 'controlled-elsewhere':
      return state.kind === 'updating' ? state : { kind: 'updated-elsewhere' };
    case 'install-failed':
      return state.kind === 'saving' ? { kind: 'failed' } : state;
  }
}

export interface OfflineView {
  /** The visible line; empty hides the status. */
  text: string;
  /** Progress from 0 to 1, or null for no progress bar. */
  progress: number | null;
  /** Whether the Reload button shows. */
  reload: boolean;
}

export function describeOfflineState(state: OfflineState): OfflineView {
  switch (state.kind) {
    case 'idle':
      return { text: '', progress: null, reload: false };
    case 'saving':
      return {
        text:
          state.total === null
            ? 'Saving the guides for offline use…'
            : `Saving the guides for offline use… ${state.cached} of ${state.total} files`,
        progress: state.total === null ? 0 : state.cached / state.total,
        reload: false,
      };
    case 'ready':
      return { text: 'Available offline', progress: null, reload: false };
    case 'update':
      return { text: 'Update available.', progress: null, reload: true };
    case 'updating':
      return { text: 'Updating…', progress: null, reload: false };
    case 'updated-elsewhere':
      return { text: 'Updated in another tab.', progress: null, reload: true };
    case 'failed':
      return {
        text: 'Could not save the guides for offline use. We will try again on your next visit.',
        progress: null,
        reload: false,
      };
  }
}

/**
 * What a screen reader hears when the state changes while the page is open.
 * Null when there is nothing worth interrupting for (including the state the
 * page opened in, so every page load is not announced).
 */
export function announceOfflineChange(previous: OfflineState, next: OfflineState): string | null {
  if (previous.kind === next.kind) return null;
  switch (next.kind) {
    case 'ready':
      return previous.kind === 'saving' ? 'The guides are saved: available offline.' : null;
    case 'update':
    case 'updated-elsewhere':
      return 'An update to the guides is available. Use the Reload button to see it.';
    case 'failed':
      return describeOfflineState(next).text;
    default:
      return null;
  }
}
