/**
 * A Vite plugin that drops Vite's module-preload helper from the browser bundle.
 *
 * Every dynamic import in the site's scripts (the search dialog, Pagefind, the
 * offline status) runs after the page has loaded and needs nothing preloaded,
 * yet Vite wraps each one in a 1.7 KB helper that then loads with every page
 * (the page-weight budget, issue #9). So: turn preloading off for the browser
 * build (Astro sets `build.modulePreload` itself, hence per environment), and
 * replace the helper with one that just runs the import.
 *
 * Styles stay in src/styles/global.css: a stylesheet imported by a lazily
 * loaded script is not emitted by this Astro build, with or without this plugin
 * (checked November 2026), so the helper never has CSS to load.
 */
import type { Plugin } from 'vite';

/** Vite's id for its helper module (vite/dist/node: preloadHelperId). */
const PRELOAD_HELPER_ID = '\0vite/preload-helper.js';

export function withoutPreloadHelper(): Plugin {
  return {
    name: 'mentor-field-guide:without-preload-helper',
    enforce: 'pre',
    configEnvironment: (name) => (name === 'client' ? { build: { modulePreload: false } } : undefined),
    load(id) {
      if (id !== PRELOAD_HELPER_ID || this.environment.name !== 'client') return null;
      return 'export const __vitePreload = (load) => load();';
    },
  };
}
