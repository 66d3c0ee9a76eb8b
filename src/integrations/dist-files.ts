import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { BuiltPage } from '../lib/link-check.ts';

/** Every file under a directory, as paths relative to it with forward slashes. */
export async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'));
}

/** Files read at once by readBuiltPages. */
const PARALLEL_READS = 16;

/** Built HTML pages with their URL paths under the base path, in the order listFiles gives. */
export async function readBuiltPages(
  outDir: string,
  base: string,
): Promise<{ pages: BuiltPage[]; files: Set<string> }> {
  const files = await listFiles(outDir);
  const prefix = base.endsWith('/') ? base : `${base}/`;
  const htmlFiles = files.filter((name) => name.endsWith('.html'));
  const pages: BuiltPage[] = new Array(htmlFiles.length);
  // A few reads at a time, not one after another: thousands of pages read in a fraction of the time.
  let next = 0;
  const reader = async () => {
    while (next < htmlFiles.length) {
      const index = next++;
      const file = htmlFiles[index]!;
      const path = prefix + (file.endsWith('index.html') ? file.slice(0, -'index.html'.length) : file);
      pages[index] = { path, html: await readFile(join(outDir, file), 'utf8') };
    }
  };
  await Promise.all(Array.from({ length: PARALLEL_READS }, reader));
  return { pages, files: new Set(files.map((file) => prefix + file)) };
}
