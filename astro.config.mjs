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
import { astroCsp } from './src/lib/security-headers.ts';

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
    // Registers .mdx files as content (frontmatter); src/loaders/guide-loader.ts parses their bodies.
    mdx(),
    // The offline fallback is for the service worker, not for search engines.
    sitemap({ filter: (page) => !new URL(page).pathname.endsWith('/offline/') }),
    postBuild(),
  ],
  // Content-Security-Policy as a <meta> in every page; the build also writes it to _headers and an nginx snippet.
  security: { csp: astroCsp },
  // No syntax highlighting: the guides have no code, and Shiki's inline styles would break the policy.
  markdown: { syntaxHighlight: false },
  // Lazy modules need no preloading here; see src/integrations/without-preload-helper.ts.
  vite: {
    plugins: [tailwindcss(), withoutPreloadHelper()],
  },
});
