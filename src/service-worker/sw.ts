/**
 * The service worker (sw.js). The build bundles this file with the workbox
 * modules it imports (src/integrations/service-worker.ts), with no slow
 * generateSW pass that re-minifies the whole precache list on every build.
 *
 * What it does: the install script the build puts before this code
 * (installScript in src/lib/precache-config.ts) holds the precache list, saves
 * the site several files at a time and hands the list over as
 * self.__WB_MANIFEST; workbox then serves every saved file, finds a
 * file whatever its query string, answers /guides/x/ with guides/x/index.html,
 * and shows the offline page for a navigation that is neither saved nor
 * reachable. A new version waits until the reader chooses "Reload"
 * (src/elements/offline-status.ts sends SKIP_WAITING).
 */
import { clientsClaim, setCacheNameDetails, type WorkboxPlugin } from 'workbox-core';
import { PrecacheFallbackPlugin, cleanupOutdatedCaches, precacheAndRoute } from 'workbox-precaching';
import { registerRoute } from 'workbox-routing';
import { NetworkOnly } from 'workbox-strategies';
import type { ServiceWorkerConfig } from '../lib/precache-config.ts';

// This file runs in a service worker, not a page; only what it uses is declared.
declare const self: {
  __WB_MANIFEST: { url: string; revision: string | null }[];
  skipWaiting(): Promise<void>;
  addEventListener(type: 'message', listener: (event: { data?: { type?: string } }) => void): void;
};
/** Replaced by the build with the JSON of serviceWorkerConfig() for this deployment. */
declare const __SW_CONFIG__: ServiceWorkerConfig;

const config = __SW_CONFIG__;
setCacheNameDetails({ prefix: config.cacheId });

self.addEventListener('message', (event) => {
  if (event.data?.type === 'SKIP_WAITING') void self.skipWaiting();
});
// The first visit's page is served by the worker as soon as it is ready, so it works offline without a reload.
clientsClaim();

precacheAndRoute(self.__WB_MANIFEST, {
  ignoreURLParametersMatching: config.ignoreUrlParameters.map((source) => new RegExp(source)),
  directoryIndex: config.directoryIndex,
});
cleanupOutdatedCaches();

// A navigation that is not saved goes to the network; only when that fails does the reader get the offline page.
// (Workbox's own types disagree under exactOptionalPropertyTypes, hence the cast.)
const offlineFallback = new PrecacheFallbackPlugin({ fallbackURL: config.offlineFallbackUrl }) as WorkboxPlugin;
registerRoute(({ request }) => request.mode === 'navigate', new NetworkOnly({ plugins: [offlineFallback] }));
