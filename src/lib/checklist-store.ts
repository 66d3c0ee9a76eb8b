/**
 * Checklist progress, kept in the reader's browser under one versioned key.
 * Pure: the storage is passed in, so tests use a fake and the page passes
 * localStorage. Ticks are keyed by checklist id and item id, never by
 * position, so guides can reorder, reword, add or remove items freely.
 *
 * Promises to the reader: reading never throws; data the store cannot read is
 * ignored for that checklist only, and the raw value is copied to a backup key
 * before anything overwrites it; when storage is blocked or full, progress
 * works for the visit from memory and `persistent` says it won't be saved.
 */

export const PROGRESS_KEY = 'mfg-progress';
/** A timestamp follows, so an earlier backup is never overwritten. */
export const BACKUP_KEY_PREFIX = 'mfg-progress-backup-';
export const SCHEMA_VERSION = 2;

const PROBE_KEY = 'mfg-progress-probe';

/** The part of the Web Storage API the store uses. */
export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export interface ItemProgress {
  done: true;
  /** When the item was ticked, ISO 8601. */
  at: string;
}

export interface ChecklistProgress {
  items: Record<string, ItemProgress>;
  updatedAt: string;
}

/** Schema version 2, the current one. */
export interface ProgressData {
  version: typeof SCHEMA_VERSION;
  checklists: Record<string, ChecklistProgress>;
}

/**
 * Schema version 1 (the first release): ticked item ids as a list and a
 * millisecond timestamp per checklist. Read and migrated, never written.
 */
export interface ProgressDataV1 {
  version: 1;
  lists: Record<string, { done: string[]; updated: number }>;
}

export interface ParsedProgress {
  data: ProgressData;
  /** The version found in the raw value; null when there was nothing readable. */
  from: number | null;
  /** Something in the raw value was unusable; it is backed up before the next write. */
  lossy: boolean;
  /** What was unusable, in words a reader can act on (shown for imports). */
  problems: string[];
}

export type Json = Record<string, unknown>;

// Null-prototype records: an id such as "__proto__" from foreign data stays a plain key.
function record<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

export function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,199}$/;

export function isValidId(value: unknown): value is string {
  return typeof value === 'string' && ID.test(value);
}

function isTimestamp(value: unknown): value is string {
  return typeof value === 'string' && value.length <= 40 && !Number.isNaN(Date.parse(value));
}

export function emptyProgress(): ProgressData {
  return { version: SCHEMA_VERSION, checklists: record() };
}

/** Version 1 → 2: lists become item maps with a tick time, and `lists` becomes `checklists`. */
function migrateV1(value: Json, problems: string[]): Json {
  const checklists = record<unknown>();
  if (!isObject(value.lists)) {
    problems.push('the saved progress (version 1) has no list of checklists');
    return { version: 2, checklists };
  }
  for (const [id, entry] of Object.entries(value.lists)) {
    if (
      !isObject(entry) ||
      !Array.isArray(entry.done) ||
      typeof entry.updated !== 'number' ||
      !Number.isFinite(entry.updated)
    ) {
      checklists[id] = entry; // left as is; the version 2 check below drops it and says why
      continue;
    }
    const at = new Date(entry.updated).toISOString();
    const items = record<unknown>();
    for (const itemId of entry.done) {
      if (typeof itemId === 'string') items[itemId] = { done: true, at };
      else problems.push(`checklist "${id}" has an item id that is not text`);
    }
    checklists[id] = { items, updatedAt: at };
  }
  return { version: 2, checklists };
}

/** Migrations from each older version to the next; the key is the version migrated from. */
const migrations: Record<number, (value: Json, problems: string[]) => Json> = { 1: migrateV1 };

function readChecklist(id: string, entry: unknown, problems: string[]): ChecklistProgress | undefined {
  if (!ID.test(id)) {
    problems.push(`"${id.slice(0, 60)}" is not a checklist id`);
    return undefined;
  }
  if (!isObject(entry) || !isObject(entry.items)) {
    problems.push(`checklist "${id}" is damaged`);
    return undefined;
  }
  const items = record<ItemProgress>();
  let latest = '';
  for (const [itemId, item] of Object.entries(entry.items)) {
    if (isValidId(itemId) && isObject(item) && item.done === false) continue; // an explicit "not done"
    if (!isValidId(itemId) || !isObject(item) || item.done !== true || !isTimestamp(item.at)) {
      problems.push(`checklist "${id}" has a damaged item "${itemId.slice(0, 60)}"`);
      continue;
    }
    items[itemId] = { done: true, at: item.at };
    if (item.at > latest) latest = item.at;
  }
  let updatedAt = entry.updatedAt;
  if (!isTimestamp(updatedAt)) {
    problems.push(`checklist "${id}" has no valid "updatedAt" time`);
    updatedAt = latest || new Date(0).toISOString();
  }
  return { items, updatedAt: updatedAt as string };
}

/**
 * Reads a raw stored (or exported) value. Never throws: anything unreadable is
 * left out and reported in `problems`, one checklist at a time.
 */
export function parseProgress(raw: string | null): ParsedProgress {
  if (raw === null || raw === '') return { data: emptyProgress(), from: null, lossy: false, problems: [] };
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return { data: emptyProgress(), from: null, lossy: true, problems: ['it is not valid JSON'] };
  }
  if (!isObject(value) || typeof value.version !== 'number' || !Number.isInteger(value.version)) {
    return { data: emptyProgress(), from: null, lossy: true, problems: ['it is not Mentor Field Guide progress data'] };
  }
  const from = value.version;
  if (from < 1 || from > SCHEMA_VERSION) {
    return {
      data: emptyProgress(),
      from,
      lossy: true,
      problems: [
        from > SCHEMA_VERSION
          ? `it was saved in a newer format (version ${from}) than this site reads (version ${SCHEMA_VERSION})`
          : `it has an unknown format version (${from})`,
      ],
    };
  }
  const problems: string[] = [];
  let current: Json = value;
  for (let version = from; version < SCHEMA_VERSION; version += 1) {
    current = migrations[version]!(current, problems);
  }
  const data = emptyProgress();
  if (!isObject(current.checklists)) {
    problems.push('it has no list of checklists');
  } else {
    for (const [id, entry] of Object.entries(current.checklists)) {
      const checklist = readChecklist(id, entry, problems);
      if (checklist) data.checklists[id] = checklist;
    }
  }
  return { data, from, lossy: problems.length > 0, problems };
}

function copyProgress(data: ProgressData): ProgressData {
  const copy = emptyProgress();
  for (const [id, checklist] of Object.entries(data.checklists)) {
    const items = record<ItemProgress>();
    for (const [itemId, item] of Object.entries(checklist.items)) items[itemId] = { ...item };
    copy.checklists[id] = { items, updatedAt: checklist.updatedAt };
  }
  return copy;
}

/** Adds the ticks in `incoming` to `data`; nothing is unticked, and an existing tick keeps its time. */
export function mergeProgress(data: ProgressData, incoming: ProgressData): ProgressData {
  const merged = copyProgress(data);
  for (const [id, checklist] of Object.entries(incoming.checklists)) {
    const target = (merged.checklists[id] ??= { items: record(), updatedAt: checklist.updatedAt });
    for (const [itemId, item] of Object.entries(checklist.items)) target.items[itemId] ??= { ...item };
    if (checklist.updatedAt > target.updatedAt) target.updatedAt = checklist.updatedAt;
    if (Object.keys(target.items).length === 0) delete merged.checklists[id];
  }
  return merged;
}

export interface ChecklistCount {
  done: number;
  total: number;
}

/** Ticks among the items a checklist has now; ticks of removed items are kept but not counted. */
export function countDone(data: ProgressData, checklistId: string, itemIds: readonly string[]): ChecklistCount {
  const items = Object.hasOwn(data.checklists, checklistId) ? data.checklists[checklistId]!.items : undefined;
  const unique = new Set(itemIds);
  let done = 0;
  for (const itemId of unique) if (items && Object.hasOwn(items, itemId)) done += 1;
  return { done, total: unique.size };
}

/** Why progress lives in memory only: storage was blocked from the start, or a save failed (e.g. storage full). */
export type UnsavedReason = 'blocked' | 'failed';

export interface ProgressStore {
  /** False when progress lives in memory for this visit only. */
  readonly persistent: boolean;
  readonly unsavedReason: UnsavedReason | null;
  /** A snapshot of all progress. */
  snapshot(): ProgressData;
  isDone(checklistId: string, itemId: string): boolean;
  count(checklistId: string, itemIds: readonly string[]): ChecklistCount;
  setDone(checklistId: string, itemId: string, done: boolean): void;
  /** Unticks every item of one checklist. */
  reset(checklistId: string): void;
  /** Unticks everything on the site. */
  clearAll(): void;
  /** Adds ticks (e.g. from an imported file, see progress-file.ts); unticks nothing. Says whether they were saved. */
  merge(incoming: ProgressData): { saved: boolean };
  /** Called after every change, here or in another tab (after refresh()); returns an unsubscribe function. */
  subscribe(listener: () => void): () => void;
  /** Re-reads storage, e.g. on a `storage` event from another tab. */
  refresh(): void;
}

export interface StoreOptions {
  now?: () => Date;
}

/**
 * Creates the store over `storage` (null when the browser blocks it). Each
 * change re-reads storage first, so ticks made in another tab are kept.
 */
export function createProgressStore(storage: StorageLike | null, options: StoreOptions = {}): ProgressStore {
  const now = options.now ?? (() => new Date());
  const listeners = new Set<() => void>();
  let memory: ProgressData | null = null;
  let unsavedReason: UnsavedReason | null = null;
  let cache: { raw: string | null; parsed: ParsedProgress } | undefined;

  const notify = () => {
    for (const listener of listeners) {
      try {
        listener();
      } catch (error) {
        // One broken listener must not stop the others from updating.
        queueMicrotask(() => {
          throw error;
        });
      }
    }
  };

  const fallBackToMemory = (data: ProgressData, reason: UnsavedReason) => {
    memory = data;
    unsavedReason ??= reason;
  };

  const readStored = (): ParsedProgress => {
    let raw: string | null;
    try {
      raw = storage!.getItem(PROGRESS_KEY);
    } catch {
      fallBackToMemory(cache?.parsed.data ?? emptyProgress(), 'blocked');
      return { data: memory!, from: null, lossy: false, problems: [] };
    }
    if (!cache || cache.raw !== raw) cache = { raw, parsed: parseProgress(raw) };
    return cache.parsed;
  };

  const current = (): ProgressData => memory ?? readStored().data;

  if (storage === null) {
    fallBackToMemory(emptyProgress(), 'blocked');
  } else {
    // Falls back to memory if even reading is blocked.
    const stored = readStored();
    // Some browsers let pages read storage but refuse every write; find out before the reader ticks anything.
    if (!memory) {
      try {
        storage.setItem(PROBE_KEY, '1');
        storage.removeItem(PROBE_KEY);
      } catch {
        fallBackToMemory(copyProgress(stored.data), 'blocked');
      }
    }
  }

  const update = (change: (data: ProgressData) => ProgressData): void => {
    if (memory) {
      memory = change(copyProgress(memory));
      notify();
      return;
    }
    const stored = readStored();
    const next = change(copyProgress(stored.data));
    if (memory) {
      // Reading failed just now: keep going in memory.
      memory = next;
      notify();
      return;
    }
    const raw = JSON.stringify(next);
    try {
      // Keep what we could not read before replacing it: nothing a reader saved is thrown away.
      if (stored.lossy && cache?.raw != null) storage!.setItem(`${BACKUP_KEY_PREFIX}${now().toISOString()}`, cache.raw);
      storage!.setItem(PROGRESS_KEY, raw);
      cache = { raw, parsed: { data: next, from: SCHEMA_VERSION, lossy: false, problems: [] } };
    } catch {
      fallBackToMemory(next, 'failed');
    }
    notify();
  };

  return {
    get persistent() {
      return memory === null;
    },
    get unsavedReason() {
      return unsavedReason;
    },
    snapshot: () => copyProgress(current()),
    isDone(checklistId, itemId) {
      const data = current();
      return Object.hasOwn(data.checklists, checklistId) && Object.hasOwn(data.checklists[checklistId]!.items, itemId);
    },
    count: (checklistId, itemIds) => countDone(current(), checklistId, itemIds),
    setDone(checklistId, itemId, done) {
      if (!isValidId(checklistId) || !isValidId(itemId))
        throw new TypeError(`Invalid checklist or item id: ${checklistId} / ${itemId}`);
      update((data) => {
        const at = now().toISOString();
        const checklist = (data.checklists[checklistId] ??= { items: record(), updatedAt: at });
        if (done) checklist.items[itemId] ??= { done: true, at };
        else delete checklist.items[itemId];
        checklist.updatedAt = at;
        if (Object.keys(checklist.items).length === 0) delete data.checklists[checklistId];
        return data;
      });
    },
    reset(checklistId) {
      update((data) => {
        delete data.checklists[checklistId];
        return data;
      });
    },
    clearAll() {
      update(() => emptyProgress());
    },
    merge(incoming) {
      update((data) => mergeProgress(data, incoming));
      return { saved: memory === null };
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    refresh() {
      if (memory) return;
      const before = cache?.raw;
      readStored();
      if (cache?.raw !== before || memory) notify();
    },
  };
}
