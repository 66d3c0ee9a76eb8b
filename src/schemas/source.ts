import { z } from 'astro/zod';

/** A published work a guide rests on, listed as a numbered source. */
export const sourceSchema = z
  .object({
    /** Title of the article, book or web page. */
    title: z.string().min(3, { error: 'give the full title of the source' }),
    /** Authors as cited, e.g. "Zerzan JT, Hess R, et al." or an organisation. */
    authors: z.string().min(2, { error: 'give the authors or the organisation' }),
    /** Year of publication, four digits. */
    year: z.int({ error: 'must be a four-digit year such as 2019' }).min(1900).max(2100),
    /** Journal, publisher or site, e.g. "Acad Med 2009;84(1):140-144". */
    publication: z.string().optional(),
    /** Web address of the source, absolute https URL. */
    url: z.url({ error: 'must be an absolute URL such as https://example.org/page' }).optional(),
    /** Digital object identifier without the https://doi.org/ prefix, e.g. "10.1001/jama.296.9.1103". */
    doi: z
      .string()
      .regex(/^10\.\d{4,9}\/\S+$/, { error: 'must look like 10.1001/jama.296.9.1103 (no https://doi.org/ prefix)' })
      .optional(),
  })
  .refine((source) => source.url || source.doi, {
    error: 'each source needs a url or a doi so readers can find it',
  });

export type Source = z.infer<typeof sourceSchema>;
