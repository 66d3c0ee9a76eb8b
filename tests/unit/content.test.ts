/**
 * Content checks over the real guides in content/guides: schema, length,
 * sources, links and anchors, originality and readability. Writes a
 * readability report to reports/content-report.md.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { guideSchema } from '../../src/schemas/guide.ts';
import { topics } from '../../src/data/topics.ts';
import { audiences } from '../../src/data/audiences.ts';
import { glossary } from '../../src/data/glossary.ts';
import { mdxToText, wordCount } from '../../src/lib/guides.ts';
import {
  COPIED_RUN_LENGTH,
  READABILITY_CEILING,
  WORD_BOUNDS,
  copiedRuns,
  headingAnchors,
  internalLinks,
  paragraphs,
  readabilityGrade,
  splitFrontmatter,
} from '../../src/lib/content-checks.ts';

const root = join(import.meta.dirname, '../..');
const guideDir = join(root, 'content/guides');
const briefPath = join(root, '../shared/content-brief.md');

const files = readdirSync(guideDir, { recursive: true })
  .map(String)
  .filter((file) => file.endsWith('.mdx'))
  .sort();
const guides = files.map((file) => {
  const source = readFileSync(join(guideDir, file), 'utf8');
  const { data, body } = splitFrontmatter(source);
  const slug = file.replace(/^.*\//, '').replace(/\.mdx$/, '');
  return { file: relative(root, join(guideDir, file)), slug, data: data as Record<string, unknown>, body };
});
const published = guides.filter((guide) => guide.data.draft !== true);
const anchorsBySlug = new Map(
  guides.map((guide) => [
    guide.slug,
    new Set([
      ...headingAnchors(guide.body),
      ...[...guide.body.matchAll(/<Checklist\s[^>]*id="([^"]+)"/g)].map((match) => `checklist-${match[1]}`),
    ]),
  ]),
);

/** Site paths other than guides that a guide may link to, with the anchors each has. */
const otherPages = new Map<string, Set<string>>([
  ['/', new Set()],
  ['/guides/', new Set(topics.map((topic) => topic.id))],
  ['/search/', new Set()],
  ['/progress/', new Set()],
  ['/paths/', new Set()],
  ['/program-directors/', new Set()],
  ['/glossary/', new Set(glossary.map((entry) => entry.id))],
  ...topics.map((topic) => [`/topics/${topic.id}/`, new Set<string>()] as const),
  ...audiences.map((audience) => [`/for/${audience.id}/`, new Set<string>()] as const),
]);

describe('guides in content/guides', () => {
  it('exist', () => {
    expect(published.length).toBeGreaterThanOrEqual(3);
  });

  describe.each(guides)('$file', (guide) => {
    it('has valid frontmatter', () => {
      const result = guideSchema.safeParse(guide.data);
      const problems = result.success
        ? []
        : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
      expect(problems).toEqual([]);
    });

    it(`has ${WORD_BOUNDS.min} to ${WORD_BOUNDS.max} words`, () => {
      const count = wordCount(guide.body);
      expect(count, `${guide.file} has ${count} words`).toBeGreaterThanOrEqual(WORD_BOUNDS.min);
      expect(count, `${guide.file} has ${count} words`).toBeLessThanOrEqual(WORD_BOUNDS.max);
    });

    it('cites at least two sources', () => {
      expect((guide.data.sources as unknown[] | undefined)?.length ?? 0).toBeGreaterThanOrEqual(2);
    });

    it('lists related guides that exist', () => {
      const related = (guide.data.related as string[] | undefined) ?? [];
      expect(related.length, 'add at least one related guide').toBeGreaterThan(0);
      const known = new Set(published.map((candidate) => candidate.slug));
      expect(related.filter((slug) => !known.has(slug))).toEqual([]);
    });

    it('links only to pages and anchors that exist', () => {
      const broken = internalLinks(guide.body).filter((href) => {
        const [path = '', anchor] = href.split('#');
        const guideMatch = /^\/guides\/([a-z0-9-]+)\/$/.exec(path);
        const anchors = guideMatch ? anchorsBySlug.get(guideMatch[1]!) : otherPages.get(path);
        if (!anchors) return true;
        return anchor !== undefined && anchor !== '' && !anchors.has(anchor);
      });
      expect(broken).toEqual([]);
    });

    it('takes crisis lines from the one data file, never typing them', () => {
      // Numbers change; src/data/help-resources.ts is verified and dated. Use <HelpNow /> instead.
      expect(guide.body.match(/\b(988|911|741741)\b|409-0141/g) ?? []).toEqual([]);
    });

    it(`reads at grade ${READABILITY_CEILING} or below (Flesch-Kincaid)`, () => {
      expect(readabilityGrade(mdxToText(guide.body))).toBeLessThanOrEqual(READABILITY_CEILING);
    });
  });

  it('links glossary entries only to guides that exist', () => {
    const known = new Set(published.map((guide) => guide.slug));
    expect(glossary.filter((entry) => entry.guide && !known.has(entry.guide)).map((entry) => entry.id)).toEqual([]);
  });

  it('repeats no paragraph across guides', () => {
    const seen = new Map<string, string>();
    const repeats: string[] = [];
    for (const guide of published) {
      for (const paragraph of new Set(paragraphs(guide.body))) {
        const earlier = seen.get(paragraph);
        if (earlier && earlier !== guide.file)
          repeats.push(`${guide.file} repeats a paragraph of ${earlier}: "${paragraph.slice(0, 80)}..."`);
        seen.set(paragraph, guide.file);
      }
    }
    expect(repeats).toEqual([]);
  });

  it.skipIf(!existsSync(briefPath))(`copies no run of ${COPIED_RUN_LENGTH} words from the content brief`, () => {
    const brief = readFileSync(briefPath, 'utf8');
    const copied = published.flatMap((guide) =>
      copiedRuns(mdxToText(guide.body), brief).map((run) => `${guide.file}: "${run}"`),
    );
    expect(copied).toEqual([]);
  });

  it('writes a readability report', () => {
    const rows = published.map((guide) => {
      const text = mdxToText(guide.body);
      return { file: guide.file, words: wordCount(guide.body), grade: readabilityGrade(text) };
    });
    const mean = rows.reduce((sum, row) => sum + row.grade, 0) / rows.length;
    const lines = [
      '# Content report',
      '',
      `Flesch-Kincaid grade ceiling: ${READABILITY_CEILING}. Mean grade: ${mean.toFixed(1)}.`,
      '',
      '| Guide | Words | FK grade |',
      '| --- | ---: | ---: |',
      ...rows.map((row) => `| ${row.file} | ${row.words} | ${row.grade.toFixed(1)} |`),
      '',
    ];
    mkdirSync(join(root, 'reports'), { recursive: true });
    writeFileSync(join(root, 'reports/content-report.md'), lines.join('\n'));
    console.log(`Readability (Flesch-Kincaid grade, ceiling ${READABILITY_CEILING}):`);
    for (const row of rows) console.log(`  ${row.grade.toFixed(1).padStart(5)}  ${row.words} words  ${row.file}`);
    expect(rows.length).toBe(published.length);
  });
});
