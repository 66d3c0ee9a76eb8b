/**
 * A static file server for the built site on a free port, started and stopped
 * by each test file so a crashed run never leaves a server answering later ones.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import sirv from 'sirv';

export interface StaticServer {
  /** Origin plus base path, e.g. "http://127.0.0.1:40123/". */
  url: string;
  origin: string;
  close: () => Promise<void>;
}

export interface StaticServerOptions {
  /** A fixed port, e.g. to serve a new build at the same origin after closing the old server; 0 picks a free one. */
  port?: number;
}

/**
 * Serves `dir` under `base` ("/" or e.g. "/mentoring/"), with the site's 404 page
 * for unknown paths, like a static host.
 */
export async function startStaticServer(
  dir: string,
  base = '/',
  options: StaticServerOptions = {},
): Promise<StaticServer> {
  if (!existsSync(join(dir, 'index.html'))) {
    throw new Error(`No built site in ${dir}. Run "npm run build" first.`);
  }
  const serve = sirv(dir, { dev: true, etag: true });
  const notFound = sirv(dir, { dev: true });
  const server: Server = createServer((request, response) => {
    const url = request.url ?? '/';
    if (!url.startsWith(base)) {
      response.statusCode = 404;
      response.end('Not found');
      return;
    }
    request.url = `/${url.slice(base.length)}`;
    serve(request, response, () => {
      response.statusCode = 404;
      request.url = '/404.html';
      notFound(request, response, () => {
        response.end('Not found');
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}${base}`,
    origin,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
