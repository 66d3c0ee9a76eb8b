import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { guideSchema } from './schemas/guide.ts';

// Tests point this at a fixture site's content to check bad-input errors.
const contentDir = process.env.MFG_CONTENT_DIR ?? './content';

const guides = defineCollection({
  loader: glob({
    pattern: '**/*.mdx',
    base: `${contentDir}/guides`,
    // A guide's id is its file name, so moving it to another topic keeps its URL.
    generateId: ({ entry }) => entry.replace(/^.*\//, '').replace(/\.mdx$/, ''),
  }),
  schema: guideSchema,
});

export const collections = { guides };
