/**
 * Astro's glob() loader for the guides, with each guide's MDX parsed here, once,
 * into HTML and components (src/lib/guide-body.ts) instead of being compiled
 * into a JavaScript module per guide. Frontmatter, schema errors, the content
 * cache and reloading in `astro dev` stay glob()'s.
 */
import { readFile } from 'node:fs/promises';
import type { Loader, LoaderContext } from 'astro/loaders';
import { glob } from 'astro/loaders';
import type { ContentEntryType } from 'astro';
import { bodyLineOffset } from '../lib/checklists.ts';
import { readingMinutes } from '../lib/guides.ts';
import { GuideBodyError, parseGuideBody } from '../lib/guide-body.ts';

type GlobOptions = Parameters<typeof glob>[0];
// glob() reads the entry types that integrations registered (here @astrojs/mdx's) from its context.
type GlobContext = LoaderContext & { entryTypes: Map<string, ContentEntryType> };

/** Metadata key of the parsed body in each entry's `rendered` field; read by src/lib/collections.ts. */
export const GUIDE_BODY_KEY = 'guideBody';
/** Metadata key of the guide's reading time in minutes. */
export const MINUTES_KEY = 'minutes';
const ERROR_KEY = 'guideBodyError';
/**
 * Bumped whenever what this loader stores changes (parseGuideBody's output, the metadata keys): it is part of
 * each entry's digest, so Astro's content cache loads every guide again instead of keeping the old shape.
 */
const ENTRY_FORMAT = 2;

export function guideLoader(options: GlobOptions): Loader {
  const inner = glob(options);
  return {
    name: 'mentor-field-guide:guides',
    load(context) {
      const { entryTypes, store, generateDigest } = context as GlobContext;
      const mdx = entryTypes.get('.mdx');
      if (!mdx)
        throw new Error(
          'guide-loader.ts: no entry type for .mdx files; is the @astrojs/mdx integration in astro.config.mjs?',
        );
      const guideType: ContentEntryType = {
        ...mdx,
        async getRenderFunction() {
          return async ({ body = '', filePath }) => {
            try {
              // Errors name lines of the file, frontmatter included.
              const file = filePath ? await readFile(filePath, 'utf8') : undefined;
              const { nodes, headings } = parseGuideBody(body, bodyLineOffset(file, body));
              return { html: '', metadata: { headings, [GUIDE_BODY_KEY]: nodes, [MINUTES_KEY]: readingMinutes(body) } };
            } catch (error) {
              if (!(error instanceof GuideBodyError)) throw error;
              return { html: '', metadata: { [ERROR_KEY]: error.message } };
            }
          };
        },
      };
      return inner.load({
        ...context,
        entryTypes: new Map([...entryTypes, ['.mdx', guideType]]),
        // A guide cached in an older body format (or as a compiled module) is parsed again.
        generateDigest: (data) =>
          generateDigest(typeof data === 'string' ? `guide-entry-${ENTRY_FORMAT}\n${data}` : data),
        store: {
          ...store,
          // glob() only logs an error thrown while rendering; a guide that cannot be rendered fails the build.
          set(entry: Parameters<typeof store.set>[0]) {
            const problem = entry.rendered?.metadata?.[ERROR_KEY];
            if (typeof problem === 'string') throw new Error(`${entry.filePath ?? entry.id}: ${problem}`);
            return store.set(entry);
          },
        },
      } as GlobContext);
    },
  };
}
