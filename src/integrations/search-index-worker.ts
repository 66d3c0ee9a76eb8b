/**
 * The worker thread of src/integrations/search-index.ts: it hands each rendered
 * page to Pagefind's process and, at the end, has Pagefind write the index.
 * Pagefind's Node API encodes every page (JSON, then base64) before sending it,
 * about a millisecond a page; here that happens beside Astro's rendering, not
 * in the same thread.
 */
import { parentPort, workerData } from 'node:worker_threads';
import * as pagefind from 'pagefind';

export type ToSearchWorker =
  { type: 'add'; sourcePath: string; html: Uint8Array } | { type: 'write'; outputPath: string } | { type: 'close' };

export type FromSearchWorker = { type: 'written'; pages: number } | { type: 'failed'; message: string };

export interface SearchWorkerData {
  excludeSelectors: string[];
}

if (!parentPort) throw new Error('search-index-worker.ts runs as a worker thread of search-index.ts.');
const port = parentPort;
const { excludeSelectors } = workerData as SearchWorkerData;
const decoder = new TextDecoder();

const started = pagefind.createIndex({ excludeSelectors }).then(({ index, errors }) => {
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  return index;
});
started.catch(() => {}); // reported on 'write'
const added: Promise<string[]>[] = [];

async function write(outputPath: string): Promise<number> {
  const index = await started;
  const errors = (await Promise.all(added)).flat();
  if (errors.length > 0) throw new Error(`Pagefind indexing failed: ${errors.join('; ')}`);
  const written = await index.writeFiles({ outputPath });
  if (written.errors.length > 0) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
  return added.length;
}

port.on('message', (message: ToSearchWorker) => {
  if (message.type === 'add') {
    const content = decoder.decode(message.html);
    const result = started
      .then((index) => index.addHTMLFile({ sourcePath: message.sourcePath, content }))
      .then(({ errors }) => errors);
    result.catch(() => {}); // reported on 'write'
    added.push(result);
  } else if (message.type === 'write') {
    write(message.outputPath).then(
      (pages) => port.postMessage({ type: 'written', pages } satisfies FromSearchWorker),
      (error: unknown) =>
        port.postMessage({
          type: 'failed',
          message: error instanceof Error ? error.message : String(error),
        } satisfies FromSearchWorker),
    );
  } else {
    void pagefind.close().then(() => port.close());
  }
});
