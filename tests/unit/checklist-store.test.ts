/**
 * The checklist progress store: schema, migration from version 1, damaged and
 * foreign data, changed item ids, unavailable or full storage, other tabs,
 * export and import (src/lib/progress-file.ts).
 */
import { describe, expect, it } from 'vitest';
import {
  BACKUP_KEY_PREFIX,
  PROGRESS_KEY,
  SCHEMA_VERSION,
  createProgressStore,
  parseProgress,
  type ProgressDataV1,
  type StorageLike,
} from '../../src/lib/checklist-store.ts';
import { EXPORT_FORMAT, exportProgress, importProgress, validateImport } from '../../src/lib/progress-file.ts';

/** An in-memory Storage that can be told to refuse reads or writes, like a blocked or full browser storage. */
class FakeStorage implements StorageLike {
  values = new Map<string, string>();
  failReads = false;
  failWrites: false | 'all' | 'progress' = false;
  writes = 0;

  constructor(initial: Record<string, string> = {}) {
    for (const [key, value] of Object.entries(initial)) this.values.set(key, value);
  }
  getItem(key: string): string | null {
    if (this.failReads) throw new DOMException('blocked', 'SecurityError');
    return this.values.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    if (this.failWrites === 'all' || (this.failWrites === 'progress' && key === PROGRESS_KEY)) {
      throw new DOMException('full', 'QuotaExceededError');
    }
    this.writes += 1;
    this.values.set(key, value);
  }
  removeItem(key: string): void {
    this.values.delete(key);
  }
  saved(): unknown {
    const raw = this.values.get(PROGRESS_KEY);
    return raw === undefined ? undefined : JSON.parse(raw);
  }
  backups(): string[] {
    return [...this.values.entries()].filter(([key]) => key.startsWith(BACKUP_KEY_PREFIX)).map(([, value]) => value);
  }
}

let clock = Date.parse('2026-11-20T10:00:00.000Z');
const now = () => new Date((clock += 1000));
const at = '2026-11-01T09:00:00.000Z';

const v2 = (checklists: Record<string, unknown>) => JSON.stringify({ version: 2, checklists });
const tick = (...ids: string[]) => ({
  items: Object.fromEntries(ids.map((id) => [id, { done: true, at }])),
  updatedAt: at,
});

describe('progress store', () => {
  it('saves ticks under one versioned key, by checklist id and item id', () => {
    const storage = new FakeStorage();
    const store = createProgressStore(storage, { now });
    store.setDone('first-meeting', 'goals', true);
    store.setDone('first-meeting', 'agenda', true);
    store.setDone('letters', 'ask-early', true);

    const saved = storage.saved() as {
      version: number;
      checklists: Record<string, { items: Record<string, unknown> }>;
    };
    expect(saved.version).toBe(SCHEMA_VERSION);
    expect(Object.keys(saved.checklists).sort()).toEqual(['first-meeting', 'letters']);
    expect(saved.checklists['first-meeting']!.items['goals']).toEqual({
      done: true,
      at: expect.stringMatching(/^2026-11-20T/),
    });
    expect([...storage.values.keys()]).toEqual([PROGRESS_KEY]);

    const again = createProgressStore(storage, { now });
    expect(again.isDone('first-meeting', 'goals')).toBe(true);
    expect(again.isDone('first-meeting', 'questions')).toBe(false);
    expect(again.count('first-meeting', ['goals', 'agenda', 'questions'])).toEqual({ done: 2, total: 3 });
  });

  it('unticks, and resets one checklist without touching others', () => {
    const storage = new FakeStorage();
    const store = createProgressStore(storage, { now });
    store.setDone('a', 'one', true);
    store.setDone('a', 'two', true);
    store.setDone('b', 'one', true);
    store.setDone('a', 'one', false);
    expect(store.isDone('a', 'one')).toBe(false);
    expect(store.isDone('a', 'two')).toBe(true);
    store.reset('a');
    expect(store.count('a', ['one', 'two'])).toEqual({ done: 0, total: 2 });
    expect(store.isDone('b', 'one')).toBe(true);
    store.clearAll();
    expect(store.isDone('b', 'one')).toBe(false);
    expect(storage.saved()).toEqual({ version: 2, checklists: {} });
  });

  it('keeps ticks when items are reordered, reworded, removed or inserted, and counts only current items', () => {
    const storage = new FakeStorage();
    const store = createProgressStore(storage, { now });
    for (const id of ['goals', 'research', 'agenda']) store.setDone('prep', id, true);
    // The guide now has: time, bring-notes (new), agenda (reworded), goals; "research" was removed.
    const current = ['time', 'bring-notes', 'agenda', 'goals'];
    const reloaded = createProgressStore(storage, { now });
    expect(reloaded.count('prep', current)).toEqual({ done: 2, total: 4 });
    expect(current.filter((id) => reloaded.isDone('prep', id))).toEqual(['agenda', 'goals']);
    // The removed item's tick is kept (it comes back if the item does) but never counted.
    expect(reloaded.isDone('prep', 'research')).toBe(true);
  });

  it('migrates version 1 data to version 2 and writes version 2 on the next change', () => {
    const v1: ProgressDataV1 = {
      version: 1,
      lists: {
        'first-meeting': { done: ['goals', 'agenda'], updated: Date.parse('2026-10-01T08:00:00Z') },
        letters: { done: [], updated: Date.parse('2026-10-02T08:00:00Z') },
      },
    };
    const storage = new FakeStorage({ [PROGRESS_KEY]: JSON.stringify(v1) });
    const store = createProgressStore(storage, { now });
    expect(store.isDone('first-meeting', 'goals')).toBe(true);
    expect(store.count('first-meeting', ['goals', 'agenda', 'questions'])).toEqual({ done: 2, total: 3 });
    expect(store.snapshot().checklists['first-meeting']!.items['agenda']).toEqual({
      done: true,
      at: '2026-10-01T08:00:00.000Z',
    });
    // Reading alone never rewrites what the reader saved.
    expect((storage.saved() as { version: number }).version).toBe(1);

    store.setDone('first-meeting', 'questions', true);
    const saved = storage.saved() as {
      version: number;
      checklists: Record<string, { items: Record<string, unknown> }>;
    };
    expect(saved.version).toBe(2);
    expect(Object.keys(saved.checklists['first-meeting']!.items).sort()).toEqual(['agenda', 'goals', 'questions']);
    // Migration lost nothing, so nothing needed backing up.
    expect(storage.backups()).toEqual([]);
  });

  it('drops a damaged version 1 list alone when migrating', () => {
    const raw = JSON.stringify({ version: 1, lists: { good: { done: ['a'], updated: 0 }, bad: { done: 'a' } } });
    const parsed = parseProgress(raw);
    expect(Object.keys(parsed.data.checklists)).toEqual(['good']);
    expect(parsed.from).toBe(1);
    expect(parsed.problems).toEqual(['checklist "bad" is damaged']);
  });

  it('ignores a damaged checklist entry alone, and backs up the raw value before the first write', () => {
    const raw = v2({ good: tick('a', 'b'), broken: { items: 'nonsense' }, alsoBroken: 42 });
    const storage = new FakeStorage({ [PROGRESS_KEY]: raw });
    const store = createProgressStore(storage, { now });
    expect(store.count('good', ['a', 'b'])).toEqual({ done: 2, total: 2 });
    expect(store.count('broken', ['a'])).toEqual({ done: 0, total: 1 });
    expect(storage.values.get(PROGRESS_KEY)).toBe(raw);

    store.setDone('broken', 'a', true);
    expect(store.isDone('broken', 'a')).toBe(true);
    expect(store.isDone('good', 'b')).toBe(true);
    expect(storage.backups()).toEqual([raw]);
    // The clean value no longer needs a backup.
    store.setDone('good', 'c', true);
    expect(storage.backups()).toHaveLength(1);
  });

  it('drops only the damaged items of a checklist', () => {
    const parsed = parseProgress(
      v2({
        list: {
          items: { a: { done: true, at }, b: { done: 'yes' }, c: { done: true, at: 'yesterday' } },
          updatedAt: at,
        },
      }),
    );
    expect(Object.keys(parsed.data.checklists['list']!.items)).toEqual(['a']);
    expect(parsed.lossy).toBe(true);
  });

  it.each([
    ['not JSON', '{"version": 2, "checklists": {'],
    ['JSON of another shape', '[1, 2, 3]'],
    ['a string', '"hello"'],
    ['another app’s data', '{"theme":"dark"}'],
    ['a newer schema version', JSON.stringify({ version: 99, checklists: { a: tick('x') } })],
  ])('never throws on %s, starts empty and keeps the raw value in a backup before writing', (_name, raw) => {
    const storage = new FakeStorage({ [PROGRESS_KEY]: raw, 'mfg-theme': 'dark' });
    const store = createProgressStore(storage, { now });
    expect(store.persistent).toBe(true);
    expect(store.count('a', ['x'])).toEqual({ done: 0, total: 1 });
    expect(storage.values.get(PROGRESS_KEY)).toBe(raw);

    store.setDone('a', 'y', true);
    expect(storage.backups()).toEqual([raw]);
    expect(store.isDone('a', 'y')).toBe(true);
    expect(storage.values.get('mfg-theme')).toBe('dark');
  });

  it('does not overwrite unreadable data it could not back up; it keeps ticks in memory instead', () => {
    const storage = new FakeStorage({ [PROGRESS_KEY]: 'garbage' });
    const store = createProgressStore(storage, { now });
    storage.failWrites = 'all';
    store.setDone('a', 'x', true);
    expect(storage.values.get(PROGRESS_KEY)).toBe('garbage');
    expect(store.isDone('a', 'x')).toBe(true);
    expect(store.persistent).toBe(false);
    expect(store.unsavedReason).toBe('failed');
  });

  it('treats ids such as "__proto__" in foreign data as data, not as object machinery', () => {
    const raw =
      '{"version":2,"checklists":{"__proto__":{"items":{"a":{"done":true,"at":"2026-01-01T00:00:00Z"}},"updatedAt":"2026-01-01T00:00:00Z"},"ok":' +
      JSON.stringify(tick('a')) +
      '}}';
    const store = createProgressStore(new FakeStorage({ [PROGRESS_KEY]: raw }), { now });
    expect(store.isDone('ok', 'a')).toBe(true);
    expect(store.isDone('__proto__', 'a')).toBe(false);
    expect(store.isDone('constructor', 'a')).toBe(false);
    expect(({} as Record<string, unknown>)['items']).toBeUndefined();
  });

  describe('when storage is unavailable', () => {
    it('works in memory when there is no storage at all, and says so', () => {
      const store = createProgressStore(null, { now });
      expect(store.persistent).toBe(false);
      expect(store.unsavedReason).toBe('blocked');
      store.setDone('a', 'x', true);
      expect(store.count('a', ['x', 'y'])).toEqual({ done: 1, total: 2 });
    });

    it('works in memory when every read throws', () => {
      const storage = new FakeStorage();
      storage.failReads = true;
      const store = createProgressStore(storage, { now });
      expect(store.persistent).toBe(false);
      store.setDone('a', 'x', true);
      expect(store.isDone('a', 'x')).toBe(true);
    });

    it('shows saved ticks but keeps new ones in memory when writes are refused from the start', () => {
      const storage = new FakeStorage({ [PROGRESS_KEY]: v2({ a: tick('x') }) });
      storage.failWrites = 'all';
      const store = createProgressStore(storage, { now });
      expect(store.persistent).toBe(false);
      expect(store.isDone('a', 'x')).toBe(true);
      store.setDone('a', 'y', true);
      expect(store.count('a', ['x', 'y'])).toEqual({ done: 2, total: 2 });
    });

    it('switches to memory and tells listeners when a save fails because storage is full', () => {
      const storage = new FakeStorage();
      const store = createProgressStore(storage, { now });
      let calls = 0;
      store.subscribe(() => (calls += 1));
      store.setDone('a', 'x', true);
      storage.failWrites = 'progress';
      store.setDone('a', 'y', true);
      expect(calls).toBe(2);
      expect(store.persistent).toBe(false);
      expect(store.unsavedReason).toBe('failed');
      expect(store.count('a', ['x', 'y'])).toEqual({ done: 2, total: 2 });
      expect(storage.saved()).toMatchObject({ checklists: { a: { items: { x: { done: true } } } } });
    });
  });

  describe('other tabs', () => {
    it('picks up another tab’s ticks on refresh and tells subscribers', () => {
      const storage = new FakeStorage();
      const here = createProgressStore(storage, { now });
      const there = createProgressStore(storage, { now });
      let calls = 0;
      const unsubscribe = here.subscribe(() => (calls += 1));
      there.setDone('a', 'x', true);
      here.refresh();
      expect(here.isDone('a', 'x')).toBe(true);
      expect(calls).toBe(1);
      here.refresh(); // nothing changed: no needless re-render
      expect(calls).toBe(1);
      unsubscribe();
      there.setDone('a', 'y', true);
      here.refresh();
      expect(calls).toBe(1);
    });

    it('never loses a tick made in another tab when this tab saves', () => {
      const storage = new FakeStorage();
      const here = createProgressStore(storage, { now });
      const there = createProgressStore(storage, { now });
      here.setDone('a', 'x', true);
      there.setDone('a', 'y', true);
      here.setDone('b', 'z', true);
      const fresh = createProgressStore(storage, { now });
      expect([fresh.isDone('a', 'x'), fresh.isDone('a', 'y'), fresh.isDone('b', 'z')]).toEqual([true, true, true]);
    });
  });

  describe('export and import', () => {
    it('round-trips: export, clear, import brings every tick back', () => {
      const storage = new FakeStorage();
      const store = createProgressStore(storage, { now });
      store.setDone('a', 'x', true);
      store.setDone('b', 'y', true);
      const file = exportProgress(store.snapshot(), now());
      expect(JSON.parse(file)).toMatchObject({ format: EXPORT_FORMAT, version: SCHEMA_VERSION });
      store.clearAll();
      expect(store.isDone('a', 'x')).toBe(false);
      expect(importProgress(store, file)).toEqual({ ok: true, checklists: 2, ticks: 2, saved: true });
      expect(createProgressStore(storage, { now }).isDone('b', 'y')).toBe(true);
    });

    it('merges: adds the file’s ticks, keeps the ones already here, and unticks nothing', () => {
      const source = createProgressStore(new FakeStorage(), { now });
      source.setDone('a', 'x', true);
      source.setDone('c', 'w', true);
      const target = createProgressStore(new FakeStorage(), { now });
      target.setDone('a', 'y', true);
      target.setDone('b', 'z', true);
      const before = target.snapshot().checklists['a']!.items['y'];
      importProgress(target, exportProgress(source.snapshot(), now()));
      expect(target.count('a', ['x', 'y'])).toEqual({ done: 2, total: 2 });
      expect(target.isDone('b', 'z')).toBe(true);
      expect(target.isDone('c', 'w')).toBe(true);
      expect(target.snapshot().checklists['a']!.items['y']).toEqual(before);
    });

    it('imports a version 1 file by migrating it', () => {
      const store = createProgressStore(new FakeStorage(), { now });
      const result = importProgress(store, JSON.stringify({ version: 1, lists: { a: { done: ['x'], updated: 0 } } }));
      expect(result.ok).toBe(true);
      expect(store.isDone('a', 'x')).toBe(true);
    });

    it.each([
      ['not JSON', 'hello', /not a JSON file/],
      [
        'an unrelated JSON file',
        '{"name":"my-package","version":"1.0.0"}',
        /not a progress file exported from this site/,
      ],
      [
        'another format marker',
        JSON.stringify({ format: 'something-else', version: 2, checklists: {} }),
        /not a progress file/,
      ],
      [
        'a newer version',
        JSON.stringify({ format: EXPORT_FORMAT, version: 3, checklists: {} }),
        /newer format \(version 3\)/,
      ],
      [
        'one damaged checklist',
        JSON.stringify({ format: EXPORT_FORMAT, version: 2, checklists: { a: tick('x'), b: { items: [] } } }),
        /checklist "b" is damaged/,
      ],
      [
        'a damaged item',
        JSON.stringify({
          format: EXPORT_FORMAT,
          version: 2,
          checklists: { a: { items: { x: { done: 1 } }, updatedAt: at } },
        }),
        /damaged item "x"/,
      ],
      ['a huge file', ' '.repeat(3_000_000), /too large/],
    ])('rejects %s with a clear message and changes nothing', (_name, text, message) => {
      const storage = new FakeStorage();
      const store = createProgressStore(storage, { now });
      store.setDone('keep', 'me', true);
      const before = storage.values.get(PROGRESS_KEY);
      const writes = storage.writes;
      const result = importProgress(store, text);
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.message).toMatch(message);
        expect(result.message).toMatch(/Nothing was changed\.$/);
      }
      expect(storage.values.get(PROGRESS_KEY)).toBe(before);
      expect(storage.writes).toBe(writes);
    });

    it('accepts the raw stored value as an import (no format marker)', () => {
      expect(validateImport(v2({ a: tick('x') })).ok).toBe(true);
    });
  });
});
