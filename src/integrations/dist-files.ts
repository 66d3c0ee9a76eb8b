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

/** Built HTML pages with their URL paths under the base path. */
export async function readBuiltPages(
  outDir: string,
  base: string,
): Promise<{ pages: BuiltPage[]; files: Set<string> }> {
  const files = await listFiles(outDir);
  const prefix = base.endsWith('/') ? base : `${base}/`;
  const pages: BuiltPage[] = [];
  for (const file of files.filter((name) => name.endsWith('.html'))) {
    const path = prefix + (file.endsWith('index.html') ? file.slice(0, -'index.html'.length) : file);
    pages.push({ path, html: await readFile(join(outDir, file), 'utf8') });
  }
  return { pages, files: new Set(files.map((file) => prefix + file)) };
}
