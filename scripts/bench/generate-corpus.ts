/**
 * Writes a synthetic corpus of guides for the search benchmark: N guides of
 * about 900 words, each with valid frontmatter, headings, a <Checklist> and
 * links to other synthetic guides, into a folder outside content/.
 *
 *   node --experimental-strip-types scripts/bench/generate-corpus.ts --out /tmp/corpus --count 1000 --seed 1
 *
 * Then build it with MFG_CONTENT_DIR=/tmp/corpus. The text is drawn from a
 * word-pair model of the real guides, so word frequencies look like the site's,
 * plus a steady supply of made-up rare words (names, drugs, programmes), so the
 * vocabulary keeps growing with the corpus as a real one does. The same seed
 * always writes the same corpus.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { audienceIds } from '../../src/data/audiences.ts';
import { glossary } from '../../src/data/glossary.ts';
import { topicIds } from '../../src/data/topics.ts';

/**
 * Guides the site's own pages link to whatever the content (the glossary's
 * "Read the guide" links). The first synthetic guides take these slugs so the
 * build's link check passes.
 */
export const REQUIRED_SLUGS: readonly string[] = [
  ...new Set(glossary.flatMap((entry) => (entry.guide ? [entry.guide] : []))),
];

export interface CorpusOptions {
  /** Folder to write; gets guides/<topic>/<slug>.mdx. Emptied first. */
  outDir: string;
  /** Number of guides. */
  count: number;
  /** Seed for the random choices; the same seed gives the same corpus. */
  seed?: number;
  /** Real content to learn the wording from (default: the repo's content/). */
  sourceDir?: string;
  /** Target words of prose per guide. */
  wordsPerGuide?: number;
}

export interface Corpus {
  outDir: string;
  slugs: string[];
  /** Words of prose written, over all guides. */
  words: number;
}

/** mulberry32: small, fast and good enough for reproducible test data. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function listMdx(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? listMdx(join(dir, entry.name)) : entry.name.endsWith('.mdx') ? [join(dir, entry.name)] : [],
  );
}

/** Plain sentences from each real guide: frontmatter, components, headings, lists and markup removed. */
function sourceSentences(sourceDir: string): string[][][] {
  const files = listMdx(join(sourceDir, 'guides')).sort();
  if (files.length === 0)
    throw new Error(`No guides found under ${join(sourceDir, 'guides')}; pass --source with a content folder.`);
  return files.map((file) => {
    const sentences: string[][] = [];
    const body = readFileSync(file, 'utf8').replace(/^---[\s\S]*?\n---\n/, '');
    const prose = body
      .split('\n')
      .filter((line) => !/^\s*(#|<|\||-|\*|\d+\.|>|import |export )/.test(line))
      .join(' ')
      .replace(/<[^>]*>/g, ' ')
      .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/[{}<>[\]`*_|#~]/g, ' ');
    for (const sentence of prose.split(/(?<=[.!?])\s+/)) {
      const words = sentence.split(/\s+/).filter(Boolean);
      if (words.length >= 5 && words.length <= 40) sentences.push(words);
    }
    return sentences;
  });
}

/** A word-pair (bigram) model: for each word, the words seen after it. */
function bigrams(sentences: string[][]): { starts: string[]; next: Map<string, string[]> } {
  const starts: string[] = [];
  const next = new Map<string, string[]>();
  for (const words of sentences) {
    starts.push(words[0]!);
    for (let index = 0; index < words.length - 1; index += 1) {
      const list = next.get(words[index]!) ?? [];
      list.push(words[index + 1]!);
      next.set(words[index]!, list);
    }
  }
  return { starts, next };
}

const SYLLABLES = [
  'ka',
  'lo',
  'ven',
  'dra',
  'mi',
  'tor',
  'sel',
  'qui',
  'ran',
  'pho',
  'ber',
  'ny',
  'sta',
  'lux',
  'cor',
  'fen',
  'gal',
  'ish',
  'mont',
  'rev',
];

export function generateCorpus(options: CorpusOptions): Corpus {
  const outDir = resolve(options.outDir);
  const contentRoot = resolve(import.meta.dirname, '../../content');
  if (outDir === contentRoot || outDir.startsWith(`${contentRoot}/`)) {
    throw new Error(
      `Refusing to write synthetic guides into ${outDir}: choose a folder outside content/, e.g. /tmp/mfg-corpus.`,
    );
  }
  const rand = random(options.seed ?? 1);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  const target = options.wordsPerGuide ?? 900;
  // Each synthetic guide writes mostly like one real guide (its topic words cluster, as on a real
  // site, where "research" is not on every page), with some sentences in the site's general voice.
  const perGuide = sourceSentences(options.sourceDir ?? resolve(import.meta.dirname, '../../content'));
  const general = bigrams(perGuide.flat());
  const models = perGuide.map((sentences) => bigrams(sentences));
  let model = general;

  // Made-up rare words: each guide coins a few and reuses some from recent guides.
  const coined: string[] = [];
  const coin = () => {
    const word = Array.from({ length: 2 + Math.floor(rand() * 2) }, () => pick(SYLLABLES)).join('');
    coined.push(word);
    return word;
  };

  let voice = general;
  const sentence = (min = 8, max = 22): string => {
    model = rand() < 0.08 ? general : voice;
    const words = [pick(model.starts)];
    while (words.length < max) {
      const options = model.next.get(words.at(-1)!) ?? general.next.get(words.at(-1)!);
      if (!options || (words.length >= min && /[.!?]$/.test(words.at(-1)!))) break;
      words.push(pick(options));
      if (rand() < 0.04)
        words.push(rand() < 0.5 || coined.length < 50 ? coin() : coined[coined.length - 1 - Math.floor(rand() * 50)]!);
    }
    const text = words.join(' ').replace(/[,;:]$/, '');
    const capital = text.charAt(0).toUpperCase() + text.slice(1);
    return /[.!?]$/.test(capital) ? capital : `${capital}.`;
  };
  const phrase = (min: number, max: number): string => {
    const words = sentence(min, max)
      .replace(/[^\p{L}\p{N}' -]/gu, '')
      .split(/\s+/)
      .filter(Boolean)
      .slice(0, max);
    const text = words.join(' ');
    return text.charAt(0).toUpperCase() + text.slice(1);
  };
  const wordCount = (text: string) => text.split(/\s+/).filter(Boolean).length;
  const yaml = (text: string) => `'${text.replace(/'/g, "''")}'`;

  const slugs = Array.from({ length: options.count }, (_, index) => {
    const words = phrase(3, 4)
      .toLowerCase()
      .replace(/[^a-z0-9 ]/g, '')
      .split(' ')
      .filter(Boolean)
      .slice(0, 4);
    return REQUIRED_SLUGS[index] ?? `syn-${String(index + 1).padStart(4, '0')}-${words.join('-')}`.replace(/-+$/, '');
  });

  rmSync(outDir, { recursive: true, force: true });
  let totalWords = 0;
  slugs.forEach((slug, index) => {
    voice = models[Math.floor(rand() * models.length)]!;
    const topic = topicIds[index % topicIds.length]!;
    const audiences = [...new Set([pick(audienceIds), pick(audienceIds)])];
    const others = () => slugs[(index + 1 + Math.floor(rand() * (slugs.length - 1))) % slugs.length]!;
    let title = phrase(4, 9);
    while (title.length < 5) title = phrase(4, 9);
    title = title.slice(0, 80).trim();
    let description = '';
    while (description.length < 50) description = `${description} ${sentence(10, 24)}`.trim();
    description = description.length > 200 ? `${description.slice(0, 196).replace(/\s+\S*$/, '')}.` : description;
    const keywords = Array.from({ length: 5 }, () => phrase(1, 3).toLowerCase()).filter(
      (keyword) => keyword.length >= 2,
    );

    const sections: string[] = [];
    let words = 0;
    const paragraph = () => {
      const parts: string[] = [];
      while (wordCount(parts.join(' ')) < 55) parts.push(sentence());
      const text = parts.join(' ');
      words += wordCount(text);
      return text;
    };
    sections.push(paragraph());
    const checklistAt = 2;
    for (let section = 0; words < target; section += 1) {
      const heading = phrase(2, 6);
      sections.push(`## ${heading}`);
      sections.push(paragraph());
      const link = others();
      const linkText = phrase(2, 4).toLowerCase();
      words += wordCount(linkText) + 4;
      sections.push(`${paragraph()} See [${linkText}](/guides/${link}/) for more.`);
      if (section === checklistAt) {
        const items = Array.from({ length: 5 }, (_, item) => {
          const text = sentence(6, 14);
          words += wordCount(text);
          return `  <Item id="step-${item + 1}">${text}</Item>`;
        });
        sections.push(
          `<Checklist id="syn-${index + 1}" title=${JSON.stringify(phrase(2, 5))}>\n${items.join('\n')}\n</Checklist>`,
        );
      }
    }
    totalWords += words;

    const frontmatter = [
      '---',
      `title: ${yaml(title)}`,
      `description: ${yaml(description)}`,
      `topic: ${topic}`,
      `order: ${index + 1}`,
      `audiences: [${audiences.join(', ')}]`,
      'reviewed: 2026-01-15',
      'sources:',
      `  - title: ${yaml(`Synthetic source ${index + 1}`)}`,
      '    authors: Benchmark Generator',
      '    year: 2025',
      `    url: https://example.org/synthetic/${index + 1}`,
      `related: [${[...new Set([others(), others()])].join(', ')}]`,
      `keywords: [${keywords.map(yaml).join(', ')}]`,
      '---',
      '',
    ].join('\n');
    const dir = join(outDir, 'guides', topic);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, `${slug}.mdx`), `${frontmatter}${sections.join('\n\n')}\n`);
  });
  return { outDir, slugs, words: totalWords };
}

if (import.meta.main) {
  const { values } = parseArgs({
    options: {
      out: { type: 'string' },
      count: { type: 'string', default: '1000' },
      seed: { type: 'string', default: '1' },
      source: { type: 'string' },
    },
  });
  if (!values.out) {
    console.error(
      'Usage: node --experimental-strip-types scripts/bench/generate-corpus.ts --out /tmp/mfg-corpus [--count 1000] [--seed 1] [--source content]',
    );
    process.exit(2);
  }
  const corpus = generateCorpus({
    outDir: values.out,
    count: Number(values.count),
    seed: Number(values.seed),
    ...(values.source ? { sourceDir: values.source } : {}),
  });
  console.log(
    `Wrote ${corpus.slugs.length} guides (${corpus.words} words, about ${Math.round(corpus.words / corpus.slugs.length)} each) to ${corpus.outDir}`,
  );
}
