/**
 * Pagefind's search index, built while Astro renders the pages rather than
 * after: each guide page goes to Pagefind's own process (through a worker
 * thread, search-index-worker.ts) as soon as it is rendered, so indexing runs
 * on the second core during rendering, and only writing the index is left for
 * the end of the build. On 1,000 guides this takes about five seconds off the
 * build (npm run bench).
 *
 * Only pages with `data-pagefind-body` (the guide articles) are sent: Pagefind
 * drops every other page from an index once any page has that attribute, so
 * the index is the same as one built over the finished dist/ folder.
 */
import type { AstroPrerenderer } from 'astro';
import { Worker } from 'node:worker_threads';
import { SEARCH_INDEX_DIR } from '../lib/precache-config.ts';
import { SEARCH_INDEX_CHUNK_SIZE } from '../lib/search-options.ts';
import type { FromSearchWorker, SearchWorkerData, ToSearchWorker } from './search-index-worker.ts';

/** The attribute on a page's searchable text (the guide article); Pagefind indexes only pages that have it. */
export const SEARCH_BODY_ATTRIBUTE = 'data-pagefind-body';

/** Whether a page has text to search, as the build checks it both when indexing and after. */
export function isSearchable(html: string | Buffer): boolean {
  return html.includes(SEARCH_BODY_ATTRIBUTE);
}

export interface SearchIndexBuild {
  /** Wraps Astro's prerenderer so every page it renders is offered to the index. */
  wrap(prerenderer: AstroPrerenderer): AstroPrerenderer;
  /**
   * Waits for the index, which Pagefind starts writing to `<outDir>/pagefind` as soon as the last
   * page is rendered, and reports its errors. Resolves to the number of pages indexed.
   */
  write(log: (message: string) => void): Promise<number>;
  /** Stops Pagefind's process and the worker thread that talks to it. */
  close(): Promise<void>;
}

/** The file a page is written to, relative to dist/, for a request URL (directory build format). */
export function pageSourcePath(requestUrl: string, base: string): string {
  const pathname = decodeURI(new URL(requestUrl).pathname);
  const prefix = base.endsWith('/') ? base : `${base}/`;
  const sitePath = pathname.startsWith(prefix) ? pathname.slice(prefix.length) : pathname.replace(/^\//, '');
  if (sitePath === '' || sitePath.endsWith('/')) return `${sitePath}index.html`;
  return sitePath.endsWith('.html') ? sitePath : `${sitePath}/index.html`;
}

export function startSearchIndex(outDir: string, base: string): SearchIndexBuild {
  // Smaller index chunks (Pagefind's default is 20,000 word positions, about 27 KB gzip on 1,000
  // guides): a two-word query fetches the chunks holding its words, so smaller chunks mean fewer
  // bytes before the first results. The variable is Pagefind's (marked unstable); an older or newer
  // Pagefind that ignores it just keeps its default. Measured in scripts/bench/search-bench.ts.
  process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE ??= String(SEARCH_INDEX_CHUNK_SIZE);
  const worker = new Worker(new URL('./search-index-worker.ts', import.meta.url), {
    workerData: {
      // The "#" links beside headings carry data-pagefind-ignore, but Pagefind still reads any
      // text inside them into section titles ("When to ask#"). Excluding their children too
      // keeps sub-result titles clean should one ever hold text again.
      excludeSelectors: ['.heading-anchor *'],
    } satisfies SearchWorkerData,
  });
  // A build that fails before the end must not wait for the worker; write() holds it again.
  worker.unref();
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  const written = new Promise<number>((resolve, reject) => {
    worker.on('message', (message: FromSearchWorker) => {
      if (message.type === 'written') resolve(message.pages);
      else reject(new Error(message.message));
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`The search index worker stopped early (exit code ${code}).`)));
  });
  written.catch(() => {}); // reported by write()
  let writing = false;
  const startWriting = () => {
    if (writing) return;
    writing = true;
    worker.ref();
    worker.postMessage({ type: 'write', outputPath: `${outDir}/${SEARCH_INDEX_DIR}` } satisfies ToSearchWorker);
  };

  return {
    wrap: (prerenderer) => ({
      ...prerenderer,
      name: `${prerenderer.name} + search index`,
      async render(request, options) {
        const rendered = await prerenderer.render(request, options);
        const response = rendered instanceof Response ? rendered : rendered.response;
        if (response.status !== 200 || !response.headers.get('content-type')?.startsWith('text/html')) return rendered;
        const html = new Uint8Array(await response.arrayBuffer());
        if (isSearchable(Buffer.from(html.buffer, html.byteOffset, html.byteLength))) {
          const message: ToSearchWorker = { type: 'add', sourcePath: pageSourcePath(request.url, base), html };
          worker.postMessage(message); // a copy: the bytes below stay Astro's
        }
        // The body is read, so Astro gets a new response with the same bytes to write to dist/.
        const copy = new Response(html, { status: response.status, headers: response.headers });
        return rendered instanceof Response ? copy : { ...rendered, response: copy };
      },
      // Every page is rendered: Pagefind writes the index while Astro and the post-build steps go on.
      async teardown() {
        await prerenderer.teardown?.();
        startWriting();
      },
    }),
    async write(log) {
      startWriting();
      const pages = await written;
      log(`Pagefind indexed ${pages} pages.`);
      return pages;
    },
    async close() {
      worker.postMessage({ type: 'close' } satisfies ToSearchWorker);
      await exited;
    },
  };
}
