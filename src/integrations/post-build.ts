/**
 * Everything that runs after `astro build`, in a fixed order, in one place:
 * 1. check that every internal link and #anchor in the built HTML resolves;
 * 2. build the Pagefind search index over the built HTML.
 * Later steps (service worker, permalink check) join the list below.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';
import { findBrokenLinks } from '../lib/link-check.ts';
import { readBuiltPages } from './dist-files.ts';

async function buildSearchIndex(outDir: string, log: (message: string) => void): Promise<void> {
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  const added = await index.addDirectory({ path: outDir });
  if (added.errors.length > 0) throw new Error(`Pagefind indexing failed: ${added.errors.join('; ')}`);
  const written = await index.writeFiles({ outputPath: `${outDir}/pagefind` });
  if (written.errors.length > 0) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
  log(`Pagefind indexed ${added.page_count} pages.`);
  await pagefind.close();
}

async function checkInternalLinks(outDir: string, base: string): Promise<void> {
  const { pages, files } = await readBuiltPages(outDir, base);
  const broken = findBrokenLinks(pages, files);
  if (broken.length === 0) return;
  const sourceOf = new Map(
    pages.map((page) => [page.path, /data-source-file="([^"]+)"/.exec(page.html)?.[1] ?? `the template for ${page.path}`]),
  );
  const lines = broken.map(
    (link) => `  - ${sourceOf.get(link.from)} (page ${link.from}) links to ${link.href}: ${link.reason}. Fix or remove the link.`,
  );
  throw new Error(`Broken internal links (${broken.length}):\n${lines.join('\n')}`);
}

export function postBuild(): AstroIntegration {
  let base = '/';
  return {
    name: 'mentor-field-guide:post-build',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
      },
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir).replace(/\/$/, '');
        await checkInternalLinks(outDir, base);
        await buildSearchIndex(outDir, (message) => logger.info(message));
      },
    },
  };
}
