/** The footer's offline status: transitions, wording and what screen readers hear. */
import { describe, expect, it } from 'vitest';
import {
  announceOfflineChange,
  describeOfflineState,
  initialOfflineState,
  nextOfflineState,
  parseProgressMessage,
  type OfflineEvent,
  type OfflineState,
} from '../../src/lib/precache-status.ts';

function run(...events: OfflineEvent[]): OfflineState {
  return events.reduce(nextOfflineState, initialOfflineState);
}

describe('nextOfflineState', () => {
  it('shows progress on a first visit, then "Available offline"', () => {
    const saving = run({ type: 'installing' }, { type: 'progress', cached: 12, total: 40 });
    expect(describeOfflineState(saving)).toEqual({
      text: 'Saving the guides for offline use… 12 of 40 files',
      progress: 0.3,
      reload: false,
    });
    expect(describeOfflineState(nextOfflineState(saving, { type: 'activated' })).text).toBe('Available offline');
  });

  it('never lets progress run backwards or past the total', () => {
    const state = run(
      { type: 'installing' },
      { type: 'progress', cached: 30, total: 40 },
      { type: 'progress', cached: 10, total: 40 },
    );
    expect(state).toEqual({ kind: 'saving', cached: 30, total: 40 });
    expect(nextOfflineState(state, { type: 'progress', cached: 99, total: 40 })).toEqual({
      kind: 'saving',
      cached: 40,
      total: 40,
    });
  });

  it('says "Available offline" straight away on a later visit', () => {
    expect(describeOfflineState(run({ type: 'active' })).text).toBe('Available offline');
  });

  it('ignores progress from an update downloading in the background', () => {
    expect(run({ type: 'active' }, { type: 'progress', cached: 3, total: 40 })).toEqual({ kind: 'ready' });
  });

  it('offers a reload when a new version waits, even if it was found before the page knew it was saved', () => {
    expect(describeOfflineState(run({ type: 'active' }, { type: 'waiting' }))).toEqual({
      text: 'Update available.',
      progress: null,
      reload: true,
    });
    expect(run({ type: 'waiting' }, { type: 'active' })).toEqual({ kind: 'update' });
  });

  it('goes to "Updating…" only from an offered update', () => {
    expect(run({ type: 'active' }, { type: 'waiting' }, { type: 'reload-requested' })).toEqual({ kind: 'updating' });
    expect(run({ type: 'active' }, { type: 'reload-requested' })).toEqual({ kind: 'ready' });
  });

  it('offers a reload when another tab switched to the new version', () => {
    const state = run({ type: 'active' }, { type: 'waiting' }, { type: 'controlled-elsewhere' });
    expect(describeOfflineState(state)).toMatchObject({ text: 'Updated in another tab.', reload: true });
    // This tab's own reload request is already under way: nothing more to offer.
    expect(
      run({ type: 'active' }, { type: 'waiting' }, { type: 'reload-requested' }, { type: 'controlled-elsewhere' }),
    ).toEqual({
      kind: 'updating',
    });
  });

  it('says when saving failed, and recovers if a later install succeeds', () => {
    const failed = run({ type: 'installing' }, { type: 'install-failed' });
    expect(describeOfflineState(failed).text).toMatch(/Could not save the guides for offline use/);
    expect(nextOfflineState(failed, { type: 'activated' })).toEqual({ kind: 'ready' });
    // A failed update is not the reader's problem: the saved version still works.
    expect(run({ type: 'active' }, { type: 'install-failed' })).toEqual({ kind: 'ready' });
  });

  it('shows nothing before anything is known', () => {
    expect(describeOfflineState(initialOfflineState)).toEqual({ text: '', progress: null, reload: false });
  });
});

describe('announceOfflineChange', () => {
  it('announces finishing a first save and a waiting update, once each', () => {
    const saving = run({ type: 'installing' });
    expect(announceOfflineChange(saving, { kind: 'ready' })).toBe('The guides are saved: available offline.');
    expect(announceOfflineChange({ kind: 'ready' }, { kind: 'update' })).toMatch(/update .* available/i);
    expect(announceOfflineChange({ kind: 'update' }, { kind: 'update' })).toBeNull();
  });

  it('stays quiet about the state a page opens in and about progress ticks', () => {
    expect(announceOfflineChange(initialOfflineState, { kind: 'ready' })).toBeNull();
    expect(announceOfflineChange(initialOfflineState, { kind: 'saving', cached: 0, total: null })).toBeNull();
  });
});

describe('parseProgressMessage', () => {
  it('reads the progress the service worker posts and ignores every other message', () => {
    expect(parseProgressMessage({ type: 'P', cached: 3, total: 9 }, 'P')).toEqual({
      type: 'progress',
      cached: 3,
      total: 9,
    });
    expect(parseProgressMessage({ type: 'OTHER', cached: 3, total: 9 }, 'P')).toBeNull();
    expect(parseProgressMessage({ type: 'P', cached: '3', total: 9 }, 'P')).toBeNull();
    expect(parseProgressMessage({ type: 'P', cached: 3, total: 0 }, 'P')).toBeNull();
    expect(parseProgressMessage('P', 'P')).toBeNull();
    expect(parseProgressMessage(null, 'P')).toBeNull();
  });
});
