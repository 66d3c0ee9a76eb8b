/**
 * "My progress" export and import files. Kept apart from the store
 * (checklist-store.ts), which every page with a checklist loads: only the
 * progress page needs these.
 */
import { SCHEMA_VERSION, isObject, parseProgress, type ProgressData, type ProgressStore } from './checklist-store.ts';

/** Marks exported files, so an unrelated JSON file is recognised as such. */
export const EXPORT_FORMAT = 'mentor-field-guide-progress';

/** Larger imports are not progress files; refuse them before parsing. */
export const MAX_IMPORT_CHARS = 2_000_000;

export type ImportResult =
  { ok: true; checklists: number; ticks: number; saved: boolean } | { ok: false; message: string };

/** All progress as the text of a JSON file. */
export function exportProgress(data: ProgressData, exportedAt: Date): string {
  return `${JSON.stringify(
    {
      format: EXPORT_FORMAT,
      version: SCHEMA_VERSION,
      exportedAt: exportedAt.toISOString(),
      checklists: data.checklists,
    },
    null,
    2,
  )}\n`;
}

/** Validates the whole file first; an invalid file changes nothing. Valid ticks are merged in. */
export function importProgress(store: ProgressStore, text: string): ImportResult {
  const result = validateImport(text);
  if (!result.ok) return result;
  const { saved } = store.merge(result.data);
  const ticks = Object.values(result.data.checklists).reduce(
    (sum, checklist) => sum + Object.keys(checklist.items).length,
    0,
  );
  return { ok: true, checklists: Object.keys(result.data.checklists).length, ticks, saved };
}

/**
 * Checks an import file completely. Unlike reading storage, which keeps what
 * it can, an import is all or nothing, so a damaged file never half-applies.
 */
export function validateImport(text: string): { ok: true; data: ProgressData } | { ok: false; message: string } {
  const fail = (reason: string) => ({
    ok: false as const,
    message: `This file can't be imported: ${reason}. Nothing was changed.`,
  });
  if (text.length > MAX_IMPORT_CHARS) return fail('it is too large to be a progress file');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return fail('it is not a JSON file exported from "My progress"');
  }
  if (
    !isObject(value) ||
    (value.format !== undefined && value.format !== EXPORT_FORMAT) ||
    typeof value.version !== 'number'
  ) {
    return fail('it is not a progress file exported from this site');
  }
  const parsed = parseProgress(text);
  if (parsed.problems.length > 0) {
    const more =
      parsed.problems.length > 1
        ? ` (and ${parsed.problems.length - 1} more problem${parsed.problems.length > 2 ? 's' : ''})`
        : '';
    return fail(`${parsed.problems[0]}${more}`);
  }
  return { ok: true, data: parsed.data };
}
