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
import { relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bodyLineOffset, ChecklistError, extractChecklists, type ChecklistInfo } from '../lib/checklists.ts';
import { readingMinutes } from '../lib/guides.ts';
import { GuideBodyError, parseGuideBody, type BodyNode } from '../lib/guide-body.ts';

type GlobOptions = Parameters<typeof glob>[0];
// glob() reads the entry types that integrations registered (here @astrojs/mdx's) from its context.
type GlobContext = LoaderContext & { entryTypes: Map<string, ContentEntryType> };

/** What the loader works out once per guide; src/lib/collections.ts reads it for the pages. */
export interface LoadedGuide {
  /** The body as HTML and components (src/lib/guide-body.ts). */
  nodes: BodyNode[];
  /** Minutes to read. */
  minutes: number;
  /** The guide's checklists, or why they cannot be used (a ChecklistError's message). */
  checklists: ChecklistInfo[] | { problem: string };
}

/** Key of the LoadedGuide in each entry's `rendered.metadata`. */
export const LOADED_GUIDE_KEY = 'mentorFieldGuide';
const ERROR_KEY = 'guideBodyError';
/**
 * Bumped whenever what this loader stores changes (parseGuideBody's output, the metadata keys): it is part of
 * each entry's digest, so Astro's content cache loads every guide again instead of keeping the old shape.
 */
const ENTRY_FORMAT = 5;

function checklistsOrProblem(body: string, file: string, lineOffset: number): LoadedGuide['checklists'] {
  try {
    return extractChecklists(body, file, lineOffset);
  } catch (error) {
    // Reported with every other checklist problem on the site, by collectChecklists in src/lib/collections.ts.
    if (error instanceof ChecklistError) return { problem: error.message };
    throw error;
  }
}

export function guideLoader(options: GlobOptions): Loader {
  // The raw MDX is parsed below and never read again; kept, it would be 40% of the content store, which Astro
  // holds in memory and bundles into the build's server code (32 of 77 MB at 5,000 guides).
  const inner = glob({ ...options, retainBody: false });
  return {
    name: 'mentor-field-guide:guides',
    load(context) {
      const { entryTypes, store, generateDigest, config } = context as GlobContext;
      const root = fileURLToPath(config.root);
      const mdx = entryTypes.get('.mdx');
      if (!mdx)
        throw new Error(
          'guide-loader.ts: no entry type for .mdx files; is the @astrojs/mdx integration in astro.config.mjs?',
        );
      const guideType: ContentEntryType = {
        ...mdx,
        async getRenderFunction() {
          return async ({ id, body = '', filePath }) => {
            try {
              // Errors name the file as the rest of the build does (from the project root) and lines of the file,
              // frontmatter included.
              const file = filePath ? relative(root, filePath).split(sep).join('/') : id;
              const lineOffset = filePath ? bodyLineOffset(await readFile(filePath, 'utf8'), body) : 0;
              const { nodes, headings } = parseGuideBody(body, lineOffset);
              const loaded: LoadedGuide = {
                nodes,
                minutes: readingMinutes(body),
                checklists: checklistsOrProblem(body, file, lineOffset),
              };
              return { html: '', metadata: { headings, [LOADED_GUIDE_KEY]: loaded } };
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
