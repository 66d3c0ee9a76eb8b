import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { guideLoader } from './loaders/guide-loader.ts';
import { guideSchema } from './schemas/guide.ts';
import { pathSchema } from './schemas/path.ts';
// Tests point this at a fixture site's content to check bad-input errors.
import { CONTENT_DIR as contentDir } from './lib/content-dir.ts';

// Each guide's MDX is parsed when it is loaded, not compiled into a module: see src/loaders/guide-loader.ts.
const guides = defineCollection({
  loader: guideLoader({
    pattern: '**/*.mdx',
    base: `${contentDir}/guides`,
    // The parsed body (and the reading time) is what pages use; keeping the source too would double the content
    // data that Astro bundles into the build (about 6 KB a guide).
    retainBody: false,
    // A guide's id is its file name, so moving it to another topic keeps its URL.
    generateId: ({ entry }) => entry.replace(/^.*\//, '').replace(/\.mdx$/, ''),
  }),
  schema: guideSchema,
});

// Curated reading paths; the file name is the slug and the URL (/paths/<slug>/).
const paths = defineCollection({
  loader: glob({ pattern: '*.yaml', base: `${contentDir}/paths` }),
  schema: pathSchema,
});

export const collections = { guides, paths };
