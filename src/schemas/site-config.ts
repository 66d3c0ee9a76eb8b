import { z } from 'astro/zod';

/** A local contact shown on help pages and in the footer. */
export const localResourceSchema = z.object({
  /** What the service is, e.g. "Student wellness office". */
  name: z.string().min(2),
  /** One line on when to use it. */
  description: z.string().min(2),
  /** A phone number as people dial it. */
  phone: z.string().optional(),
  /** An email address. */
  email: z.email().optional(),
  /** A web page, absolute https URL. */
  url: z.url().optional(),
  /** Which kind of contact this is, for grouping. */
  kind: z.enum(['wellness', 'ombudsperson', 'mentoring-program', 'employee-assistance', 'other']),
});

export const siteConfigSchema = z.object({
  /** Full site name, shown in the header and titles. */
  name: z.string().min(2).max(60),
  /** Short name for the installed app icon. */
  shortName: z.string().min(2).max(20),
  /** One sentence under the name on the home page. */
  tagline: z.string().min(10).max(160),
  /** Absolute origin the site is published at, used for canonical URLs and the sitemap. */
  site: z.url({ error: 'must be an absolute URL such as https://example.org' }),
  /** Sub-path the site is served under: "/" or e.g. "/mentoring/" (leading and trailing slash). */
  base: z.string().regex(/^\/([a-z0-9._-]+\/)*$/i, {
    error: 'must start and end with "/", e.g. "/" or "/mentoring/"',
  }),
  /** Language of the content, an ISO 639-1 code. */
  lang: z.string().regex(/^[a-z]{2}(-[A-Z]{2})?$/, { error: 'must be a language code such as "en"' }),
  /** Accent colour as a 6-digit hex value; it must keep 4.5:1 contrast on white. */
  accentColor: z.string().regex(/^#[0-9a-f]{6}$/i, { error: 'must be a hex colour such as "#0f766e"' }),
  /** The institution deploying this copy, or null for the public site. */
  institution: z
    .object({
      /** Institution name, shown in the footer. */
      name: z.string().min(2),
      /** Institution home page. */
      url: z.url().optional(),
    })
    .nullable(),
  /** Local contacts shown beside the national help resources. */
  localResources: z.array(localResourceSchema),
});

export type SiteConfig = z.infer<typeof siteConfigSchema>;
export type LocalResource = z.infer<typeof localResourceSchema>;

/** Validates a site config, failing with the file, the field and the fix. */
export function parseSiteConfig(input: unknown, file: string): SiteConfig {
  const result = siteConfigSchema.safeParse(input);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => `  - ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  throw new Error(`Invalid site config in ${file}:\n${lines.join('\n')}`);
}
