import { z } from 'astro/zod';
import { audienceIds } from '../data/audiences.ts';

const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const allowed = (values: readonly string[]) => values.map((value) => `"${value}"`).join(', ');

/** One stop on a reading path: a guide and why it matters at this point. */
export const pathStepSchema = z.object({
  /** Slug of a published guide (its file name without .mdx); the build fails if it does not exist. */
  guide: z
    .string({ error: 'is required: the slug of a guide, e.g. "first-meeting"' })
    .regex(slugPattern, { error: 'must be a guide slug such as "first-meeting" (the file name without .mdx)' }),
  /** One line (20 to 160 characters) on why this guide matters at this point in the path. */
  why: z
    .string({ error: 'is required: one line on why this guide matters here' })
    .min(20, { error: 'is too short: write one line (20 to 160 characters) on why this guide matters here' })
    .max(160, { error: 'is too long: keep it to one line (20 to 160 characters)' })
    .refine((value) => !value.includes('\n'), { error: 'must be a single line' }),
});

/** A curated reading path in content/paths/<slug>.yaml; the file name is its URL (/paths/<slug>/). */
export const pathSchema = z.object({
  /** Page and handout title, e.g. "Starting clinical rotations" (5 to 60 characters). */
  title: z
    .string({ error: 'is required: add a title such as "Starting clinical rotations"' })
    .min(5, { error: 'is too short: use 5 to 60 characters' })
    .max(60, { error: 'is too long: use 5 to 60 characters' }),
  /** One or two sentences on who the path is for and what it covers (50 to 220 characters). */
  description: z
    .string({ error: 'is required: add one or two sentences (50 to 220 characters)' })
    .min(50, { error: 'is too short: use 50 to 220 characters' })
    .max(220, { error: 'is too long: use 50 to 220 characters' }),
  /** Who the path is for; ids from src/data/audiences.ts. */
  audiences: z
    .array(z.enum(audienceIds, { error: `must be one of ${allowed(audienceIds)}` }), {
      error: `must be a list of audiences, each one of ${allowed(audienceIds)}`,
    })
    .min(1, { error: `needs at least one of ${allowed(audienceIds)}` }),
  /** Position in the list of paths, lowest first (roughly the order of a career). */
  order: z.int({ error: 'must be a whole number giving the position in the list of paths' }).min(1).default(100),
  /** The guides in reading order (2 to 10, so the handout fits one page), each with a line on why it matters. */
  steps: z
    .array(pathStepSchema, { error: 'must be a list of steps, each { guide: <slug>, why: <one line> }' })
    .min(2, { error: 'needs at least two steps' })
    .max(10, { error: 'has too many steps: keep a path to 10 guides or fewer so its handout fits on one page' }),
});

export type PathData = z.infer<typeof pathSchema>;
export type PathStepData = z.infer<typeof pathStepSchema>;
