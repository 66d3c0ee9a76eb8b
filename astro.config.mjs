// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import tailwindcss from '@tailwindcss/vite';
import siteConfig from './site.config.ts';
import { postBuild } from './src/integrations/post-build.ts';

export default defineConfig({
  site: siteConfig.site,
  // Tests build the site under a sub-path too.
  base: process.env.MFG_BASE ?? siteConfig.base,
  trailingSlash: 'always',
  // Tests and the benchmark build into their own folders.
  outDir: process.env.MFG_OUT_DIR ?? './dist',
  cacheDir: process.env.MFG_CACHE_DIR ?? './node_modules/.astro',
  build: { format: 'directory' },
  integrations: [mdx(), sitemap(), postBuild()],
  vite: { plugins: [tailwindcss()] },
});
