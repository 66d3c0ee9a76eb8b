// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import tailwindcss from '@tailwindcss/vite';
import siteConfig from './site.config.ts';
import { postBuild } from './src/integrations/post-build.ts';
import { withoutPreloadHelper } from './src/integrations/without-preload-helper.ts';
import { permalinkSources } from './src/integrations/permalinks.ts';
import { astroRedirects } from './src/lib/permalinks.ts';
import { satteri } from '@astrojs/markdown-satteri';
import { astroCsp } from './src/lib/security-headers.ts';
import { tableAlignClasses } from './src/markdown/table-align.ts';

export default defineConfig({
  site: siteConfig.site,
  // Tests build the site under a sub-path too.
  base: process.env.MFG_BASE ?? siteConfig.base,
  trailingSlash: 'always',
  // Tests and the benchmark build into their own folders.
  outDir: process.env.MFG_OUT_DIR ?? './dist',
  cacheDir: process.env.MFG_CACHE_DIR ?? './node_modules/.astro',
  build: { format: 'directory' },
  // Retired URLs (src/data/redirects.ts) become static redirect pages; see src/lib/permalinks.ts.
  redirects: astroRedirects(permalinkSources().redirects, process.env.MFG_BASE ?? siteConfig.base),
  integrations: [
    mdx(),
    // The offline fallback is for the service worker, not for search engines.
    sitemap({ filter: (page) => !new URL(page).pathname.endsWith('/offline/') }),
    postBuild(),
  ],
  // Content-Security-Policy as a <meta> in every page; the build also writes it to _headers and an nginx snippet.
  security: { csp: astroCsp },
  // Table column alignment as classes: the policy blocks the style attributes Markdown would write.
  // No syntax highlighting: the guides have no code, and Shiki's inline styles would break the policy.
  markdown: { processor: satteri({ hastPlugins: [tableAlignClasses] }), syntaxHighlight: false },
  // Lazy modules need no preloading here; see src/integrations/without-preload-helper.ts.
  vite: {
    plugins: [tailwindcss(), withoutPreloadHelper()],
    build: {
      rolldownOptions: {
        output: {
          // One server chunk per topic for the guides' compiled MDX, not one per guide: on 1,000 guides,
          // about a third less bundling and rendering time (fewer chunks to emit and modules to load).
          // Only the build's own server code changes; the pages come out byte for byte the same.
          codeSplitting: {
            groups: [
              {
                name: (id) => {
                  const topic = /[\\/]guides[\\/]([^\\/]+)[\\/][^\\/]+\.mdx(\?|$)/.exec(id)?.[1];
                  return topic ? `guides-${topic}` : null;
                },
              },
            ],
          },
        },
        // Every MDX module starts with Astro's "use astro:head-inject" directive, and the bundler warns about each
        // one (with a code frame): thousands of lines on a large site that hide warnings that matter.
        onLog(level, log, handler) {
          if (log.code === 'MODULE_LEVEL_DIRECTIVE' && log.message.includes('astro:head-inject')) return;
          handler(level, log);
        },
      },
    },
  },
});
