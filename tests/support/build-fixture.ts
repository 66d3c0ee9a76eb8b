/**
 * Builds the site with a fixture's content (tests/fixtures/<name>/content), or
 * any content folder, into a temporary folder, and returns what the build
 * printed and whether it failed.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from './site.ts';

export interface FixtureBuild {
  ok: boolean;
  output: string;
  outDir: string;
}

export function buildFixture(name: string, env: Record<string, string> = {}): FixtureBuild {
  return buildContent(join(projectRoot, 'tests/fixtures', name, 'content'), name, env);
}

/**
 * Builds the site from any content folder (e.g. one a test generated), or from the site's own content
 * (`null`); `label` names the temp folder. `fromOtherFolder` runs `astro build --root <project>` from
 * the temp folder, as `npm run bench` does.
 */
export function buildContent(
  contentDir: string | null,
  label: string,
  env: Record<string, string> = {},
  { fromOtherFolder = false } = {},
): FixtureBuild {
  const work = mkdtempSync(join(tmpdir(), `mfg-${label}-`));
  const outDir = join(work, 'dist');
  // Astro's server chunks land in the working folder then, and import packages from there.
  if (fromOtherFolder) symlinkSync(join(projectRoot, 'node_modules'), join(work, 'node_modules'));
  // Vitest sets NODE_ENV=test and Vite's BASE_URL/MODE/DEV/PROD, which would turn the
  // build into a development build at the wrong base; a real build must not see them.
  // The content folder is the test's to choose, never the shell's.
  const {
    NODE_ENV,
    BASE_URL,
    MODE,
    DEV,
    PROD,
    SSR,
    VITEST,
    VITEST_POOL_ID,
    VITEST_WORKER_ID,
    MFG_CONTENT_DIR,
    ...inherited
  } = process.env;
  const args = fromOtherFolder ? ['build', '--root', projectRoot] : ['build'];
  const result = spawnSync(join(projectRoot, 'node_modules/.bin/astro'), args, {
    cwd: fromOtherFolder ? work : projectRoot,
    encoding: 'utf8',
    env: {
      ...inherited,
      NODE_ENV: 'production',
      ASTRO_TELEMETRY_DISABLED: '1',
      FORCE_COLOR: '0',
      NO_COLOR: '1',
      ...(contentDir === null ? {} : { MFG_CONTENT_DIR: contentDir }),
      MFG_OUT_DIR: outDir,
      MFG_CACHE_DIR: join(work, 'cache'),
      ...env,
    },
  });
  return { ok: result.status === 0, output: `${result.stdout}\n${result.stderr}`, outDir };
}
