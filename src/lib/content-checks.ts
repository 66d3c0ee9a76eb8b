/**
 * Text checks for guide sources: readability, copied runs of words, repeated
 * paragraphs, internal links and headings. Pure functions over strings, used
 * by the content tests and the content report.
 */
import { fleschKincaid } from 'flesch-kincaid';
import { syllable } from 'syllable';
import { parse as parseYaml } from 'yaml';
import { parseGuideBody } from './guide-body.ts';
import { mdxToText } from './guides.ts';

/** Highest Flesch-Kincaid grade a guide may have; README explains the choice. */
export const READABILITY_CEILING = 10;
/** Guide length bounds, in words of prose. */
export const WORD_BOUNDS = { min: 700, max: 1800 } as const;
/** Length of a run of words that counts as copied. */
export const COPIED_RUN_LENGTH = 12;

export function splitFrontmatter(source: string): { data: unknown; body: string } {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(source);
  if (!match) return { data: {}, body: source };
  return { data: parseYaml(match[1]!), body: source.slice(match[0].length) };
}

export function words(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[’']/g, '')
    .split(/[^a-z0-9%]+/)
    .filter(Boolean);
}

/** Flesch-Kincaid grade level of plain prose. */
export function readabilityGrade(text: string): number {
  const sentenceCount = Math.max(1, text.split(/[.!?]+(?:\s|$)/).filter((part) => part.trim().length > 0).length);
  const list = words(text);
  const syllables = list.reduce((sum, word) => sum + syllable(word), 0);
  return fleschKincaid({ sentence: sentenceCount, word: Math.max(1, list.length), syllable: syllables });
}

/** Every run of `length` consecutive words, normalised, as space-joined strings. */
export function wordRuns(text: string, length = COPIED_RUN_LENGTH): Set<string> {
  const list = words(text);
  const runs = new Set<string>();
  for (let index = 0; index + length <= list.length; index += 1) runs.add(list.slice(index, index + length).join(' '));
  return runs;
}

/** Runs of words in `text` that also appear in `source`. */
export function copiedRuns(text: string, source: string, length = COPIED_RUN_LENGTH): string[] {
  const sourceRuns = wordRuns(source, length);
  return [...wordRuns(text, length)].filter((run) => sourceRuns.has(run));
}

/** Prose paragraphs of at least `minWords` words, normalised for comparison. */
export function paragraphs(body: string, minWords = 10): string[] {
  return body
    .split(/\r?\n\s*\r?\n/)
    .map((block) => mdxToText(block))
    .map((text) => words(text).join(' '))
    .filter((text) => text.split(' ').length >= minWords);
}

/** Anchors of a guide's headings: the ones the site gives them (src/lib/guide-body.ts). */
export function headingAnchors(body: string): string[] {
  return parseGuideBody(body).headings.map((heading) => heading.slug);
}

/** Site-internal link targets written in a guide: Markdown links and href attributes starting with "/". */
export function internalLinks(body: string): string[] {
  const markdown = [...body.matchAll(/\]\((\/[^)\s]*)\)/g)].map((match) => match[1]!);
  const jsx = [...body.matchAll(/href="(\/[^"]*)"/g)].map((match) => match[1]!);
  return [...markdown, ...jsx];
}
