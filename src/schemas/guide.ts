import { z } from 'astro/zod';
import { audienceIds } from '../data/audiences.ts';
import { topicIds } from '../data/topics.ts';
import { sourceSchema } from './source.ts';

const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** A date written as YYYY-MM-DD; YAML may already have turned it into a Date. */
const isoDate = z.preprocess(
  (value) => (value instanceof Date && !Number.isNaN(value.getTime()) ? value.toISOString().slice(0, 10) : value),
  z
    .string({ error: 'must be a date written as YYYY-MM-DD, e.g. 2026-11-01' })
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'must be a date written as YYYY-MM-DD, e.g. 2026-11-01' })
    .refine(
      (value) => {
        const date = new Date(`${value}T00:00:00Z`);
        return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
      },
      { error: 'is not a real calendar date; write it as YYYY-MM-DD, e.g. 2026-11-01' },
    )
    .transform((value) => new Date(`${value}T00:00:00Z`)),
);

const allowed = (values: readonly string[]) => values.map((value) => `"${value}"`).join(', ');

/** Frontmatter of a guide in content/guides/<topic>/<slug>.mdx. */
export const guideSchema = z.object({
  /** Page title and search-result title; say what the reader will be able to do. */
  title: z
    .string({ error: 'is required: add a title such as "How to ask someone to mentor you"' })
    .min(5, { error: 'is too short: use 5 to 80 characters' })
    .max(80, { error: 'is too long: use 5 to 80 characters' }),
  /** One or two sentences for search results, cards and meta tags (50 to 200 characters). */
  description: z
    .string({ error: 'is required: add one or two sentences (50 to 200 characters)' })
    .min(50, { error: 'is too short: use 50 to 200 characters' })
    .max(200, { error: 'is too long: use 50 to 200 characters' }),
  /** The topic this guide belongs to; one of the ids in src/data/topics.ts. */
  topic: z.enum(topicIds, { error: `must be one of ${allowed(topicIds)}` }),
  /** Position within the topic for a first-time reader, lowest first. */
  order: z.int({ error: 'must be a whole number giving the position within the topic' }).min(1).default(100),
  /** Who the guide is written for; ids from src/data/audiences.ts. */
  audiences: z
    .array(z.enum(audienceIds, { error: `must be one of ${allowed(audienceIds)}` }), {
      error: `must be a list of audiences, each one of ${allowed(audienceIds)}`,
    })
    .min(1, { error: `needs at least one of ${allowed(audienceIds)}` }),
  /** The day the guide was last checked against its sources, YYYY-MM-DD. */
  reviewed: isoDate,
  /** Works the guide rests on, shown as numbered sources. */
  sources: z.array(sourceSchema, { error: 'must be a list of sources' }).min(1, { error: 'needs at least one source' }),
  /** Slugs (file names without .mdx) of guides to read next; each must exist. */
  related: z
    .array(z.string().regex(slugPattern, { error: 'must be a guide slug such as "first-meeting"' }))
    .default([]),
  /** Words and abbreviations readers search for that the text may not use (e.g. "PD", "LOR"). */
  keywords: z.array(z.string().min(2)).default([]),
  /** Drafts are left out of the build. */
  draft: z.boolean().default(false),
});

export type GuideFrontmatter = z.infer<typeof guideSchema>;
