/**
 * The setup every end-to-end test file shares: a static server for a built
 * site (static-server.ts) and a headless Chromium (browser.ts), started in
 * beforeAll and stopped in afterAll. Vitest runs afterAll hooks even when a
 * test or beforeAll fails, and both are closed even if one of them fails to,
 * so a failed run never leaves a server or a browser behind.
 *
 * Call at the top of a test file (or of a describe block) and read the
 * server and browser from the returned object inside hooks and tests:
 *
 *   const site = useSite();
 *   it('…', async () => {
 *     const context = await newVisitor(site.browser);
 *     await (await context.newPage()).goto(site.server.url);
 *   });
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser } from './browser.ts';
import { distDir } from './site.ts';
import { startStaticServer, type StaticServer } from './static-server.ts';

export interface ServeOptions {
  /**
   * The built site to serve (default: dist/), or a function that makes one (e.g.
   * builds a fixture) and returns its folder; it runs first in beforeAll.
   */
  dir?: string | (() => string | Promise<string>);
  /** The base path the site is served under, e.g. "/mentoring/". Default: "/". */
  base?: string;
  /** Time limit for beforeAll (a fixture build takes a while); default: the project's hookTimeout. */
  timeout?: number;
}

export interface Site {
  readonly server: StaticServer;
  readonly browser: Browser;
}

/** A static server for the built site and a headless Chromium, for the tests of the file or describe block. */
export function useSite(options: ServeOptions = {}): Site {
  return register(options, true, options.timeout);
}

/** Only the static server, for tests that use a browser from elsewhere. */
export function useServer(options: ServeOptions = {}): Pick<Site, 'server'> {
  return register(options, false, options.timeout);
}

/** Only the headless Chromium, for tests that start and stop their own servers. */
export function useBrowser(): Pick<Site, 'browser'> {
  return register(null, true);
}

function register(serve: ServeOptions | null, withBrowser: boolean, timeout?: number): Site {
  let server: StaticServer | undefined;
  let browser: Browser | undefined;

  beforeAll(async () => {
    if (serve) {
      const dir = typeof serve.dir === 'function' ? await serve.dir() : (serve.dir ?? distDir);
      server = await startStaticServer(dir, serve.base);
    }
    if (withBrowser) browser = await launchBrowser();
  }, timeout);

  afterAll(async () => {
    // Each is closed even if the other fails to close.
    const results = await Promise.allSettled([browser?.close(), server?.close()]);
    const errors = results.flatMap((result) => (result.status === 'rejected' ? [result.reason] : []));
    if (errors.length === 1) throw errors[0];
    if (errors.length > 1) throw new AggregateError(errors, 'Closing the browser and the static server failed');
  });

  return {
    get server() {
      if (!server)
        throw new Error('No static server: read site.server in a hook or a test, after beforeAll started it.');
      return server;
    },
    get browser() {
      if (!browser) throw new Error('No browser: read site.browser in a hook or a test, after beforeAll launched it.');
      return browser;
    },
  };
}
