/**
 * Reading paths: validation against the published guides, order, the guides
 * and checklists each step brings, progress wording, URLs, the schema's
 * messages, and the committed paths themselves.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { pathSchema } from '../../src/schemas/path.ts';
import {
  PathError,
  absoluteUrl,
  assertPathsConsistent,
  describeChecklistProgress,
  describePathProgress,
  handoutUrl,
  pathChecklistTotals,
  pathUrl,
  resolveSteps,
  sortPaths,
  sumProgress,
  type PathEntry,
} from '../../src/lib/paths.ts';
import { projectRoot } from '../support/site.ts';

function path(id: string, guides: string[], order = 1, title = id): PathEntry {
  return {
    id,
    filePath: `content/paths/${id}.yaml`,
    data: { title, order, steps: guides.map((guide) => ({ guide, why: `Why ${guide} matters here.` })) },
  };
}

describe('assertPathsConsistent', () => {
  it('accepts paths whose steps all name published guides', () => {
    expect(() => assertPathsConsistent([path('a', ['one', 'two'])], ['one', 'two', 'three'])).not.toThrow();
  });

  it('names the file, the step field, the missing slug and the known guides', () => {
    expect(() => assertPathsConsistent([path('intern', ['one', 'gone'])], ['two', 'one'])).toThrow(
      'content/paths/intern.yaml: steps.1.guide: "gone" is not a published guide. Use the file name of an existing guide, without .mdx. Known guides: one, two',
    );
  });

  it('says when the guide is a draft, and lists every problem in every path at once', () => {
    let message = '';
    try {
      assertPathsConsistent([path('a', ['draft-guide']), path('b', ['one', 'one'])], ['one'], ['draft-guide']);
    } catch (error) {
      expect(error).toBeInstanceOf(PathError);
      message = (error as Error).message;
    }
    expect(message).toMatch(/^Reading paths have 2 problem\(s\)/);
    expect(message).toContain(
      'content/paths/a.yaml: steps.0.guide: "draft-guide" is not a published guide (that guide is a draft)',
    );
    expect(message).toContain(
      'content/paths/b.yaml: steps.1.guide: "one" is already step 0. List each guide once per path.',
    );
  });
});

describe('path order and steps', () => {
  it('sorts by order, then title', () => {
    const sorted = sortPaths([path('c', ['x'], 2, 'C'), path('b', ['x'], 1, 'B'), path('a', ['x'], 2, 'A')]);
    expect(sorted.map((entry) => entry.id)).toEqual(['b', 'a', 'c']);
  });

  it('resolves each step to its guide and that guide’s checklists, in path order', () => {
    const guides = [{ id: 'one' }, { id: 'two' }];
    const checklists = [
      { id: 'two-a', items: [{ id: 'x' }, { id: 'y' }], guide: { slug: 'two' } },
      { id: 'one-a', items: [{ id: 'x' }], guide: { slug: 'one' } },
      { id: 'two-b', items: [{ id: 'z' }], guide: { slug: 'two' } },
    ];
    const steps = resolveSteps(path('p', ['two', 'one']), guides, checklists);
    expect(steps.map((step) => [step.number, step.guide.id, step.checklists.map((checklist) => checklist.id)])).toEqual(
      [
        [1, 'two', ['two-a', 'two-b']],
        [2, 'one', ['one-a']],
      ],
    );
    expect(steps[0]!.why).toBe('Why two matters here.');
    expect(pathChecklistTotals(steps)).toEqual({ checklists: 3, tasks: { checklists: 3, items: 4 } });
  });

  it('counts a reflective checklist as a checklist, but not toward the progress a reader makes on the path', () => {
    const steps = [
      {
        checklists: [
          { id: 'plan', items: [{ id: 'a' }, { id: 'b' }], guide: { slug: 'one' } },
          { id: 'check-in', items: [{ id: 'x' }, { id: 'y' }, { id: 'z' }], guide: { slug: 'one' }, reflective: true },
        ],
      },
      { checklists: [{ id: 'letters', items: [{ id: 'c' }], guide: { slug: 'two' } }] },
    ];
    expect(pathChecklistTotals(steps)).toEqual({ checklists: 3, tasks: { checklists: 2, items: 3 } });
  });
});

describe('path progress', () => {
  it('sums checklists and counts the complete ones', () => {
    expect(
      sumProgress([
        { done: 2, total: 2 },
        { done: 1, total: 4 },
        { done: 0, total: 3 },
      ]),
    ).toEqual({ done: 3, total: 9, complete: 1 });
  });

  it('says where the reader is in words', () => {
    expect(describePathProgress({ done: 0, total: 9, complete: 0 }, 3)).toBe('Not started: 9 items in 3 checklists.');
    expect(describePathProgress({ done: 3, total: 9, complete: 1 }, 3)).toBe(
      '3 of 9 items done · 1 of 3 checklists complete.',
    );
    expect(describePathProgress({ done: 9, total: 9, complete: 3 }, 3)).toBe('All done: 9 of 9 items in 3 checklists.');
    expect(describePathProgress({ done: 0, total: 0, complete: 0 }, 0)).toBe('No checklists in this path.');
  });

  it("says a checklist's progress, and only started or not for a reflective one (its ticks are not a score)", () => {
    expect(describeChecklistProgress({ done: 0, total: 5 }, false)).toBe('Not started (5 items)');
    expect(describeChecklistProgress({ done: 0, total: 5 }, false, 'short')).toBe('0 of 5 done');
    expect(describeChecklistProgress({ done: 2, total: 5 }, false)).toBe('2 of 5 done');
    expect(describeChecklistProgress({ done: 0, total: 8 }, true)).toBe('Not started');
    expect(describeChecklistProgress({ done: 3, total: 8 }, true, 'short')).toBe('Started');
  });
});

describe('path URLs', () => {
  it('are permanent, under the base path, and absolute for sharing', () => {
    expect(pathUrl('/', 'becoming-a-mentor')).toBe('/paths/becoming-a-mentor/');
    expect(handoutUrl('/mentoring/', 'becoming-a-mentor')).toBe('/mentoring/paths/becoming-a-mentor/handout/');
    expect(absoluteUrl('https://intranet.example.edu', pathUrl('/mentoring/', 'x'))).toBe(
      'https://intranet.example.edu/mentoring/paths/x/',
    );
  });
});

describe('path schema', () => {
  const valid = {
    title: 'Starting clinical rotations',
    description: 'For students moving onto the wards: feedback, being easy to teach and testing specialties.',
    audiences: ['student'],
    steps: [
      { guide: 'first-meeting', why: 'Prepare so a first coffee becomes a working relationship.' },
      { guide: 'managing-up', why: 'Clear requests and follow-through make you easy to mentor.' },
    ],
  };

  it('accepts a valid path and defaults the order', () => {
    expect(pathSchema.parse(valid).order).toBe(100);
  });

  it('names the field and the fix for a bad step', () => {
    const result = pathSchema.safeParse({
      ...valid,
      audiences: ['students'],
      steps: [{ guide: 'First Meeting', why: 'short' }, valid.steps[1]],
    });
    expect(result.success).toBe(false);
    const issues = result.error!.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    expect(issues).toContain(
      'steps.0.guide: must be a guide slug such as "first-meeting" (the file name without .mdx)',
    );
    expect(issues).toContain(
      'steps.0.why: is too short: write one line (20 to 160 characters) on why this guide matters here',
    );
    expect(issues.some((issue) => issue.startsWith('audiences.0: must be one of "student"'))).toBe(true);
  });

  it('keeps a path short enough for a one-page handout', () => {
    const steps = Array.from({ length: 11 }, (_, index) => ({
      guide: `guide-${index}`,
      why: 'A line on why this guide matters here.',
    }));
    const result = pathSchema.safeParse({ ...valid, steps });
    expect(result.error?.issues[0]?.message).toMatch(/keep a path to 10 guides or fewer/);
  });
});

describe('the committed reading paths', () => {
  const pathsDir = join(projectRoot, 'content/paths');
  const guidesDir = join(projectRoot, 'content/guides');
  const guideFiles = readdirSync(guidesDir, { recursive: true, encoding: 'utf8' }).filter((file) =>
    file.endsWith('.mdx'),
  );
  const published = new Set(
    guideFiles
      .filter((file) => !/^draft:\s*true/m.test(readFileSync(join(guidesDir, file), 'utf8')))
      .map((file) => file.replace(/^.*\//, '').replace(/\.mdx$/, '')),
  );
  const files = readdirSync(pathsDir).filter((file) => file.endsWith('.yaml'));

  it('include the five paths program directors asked for', () => {
    const titles = files.map((file) => (parse(readFileSync(join(pathsDir, file), 'utf8')) as { title: string }).title);
    expect(titles.sort()).toEqual(
      [
        'Applying to residency',
        'Becoming a mentor',
        'First month of medical school',
        'Intern year: the first 90 days',
        'Starting clinical rotations',
      ].sort(),
    );
  });

  it.each(files)('%s is valid and names only published guides', (file) => {
    const data = pathSchema.parse(parse(readFileSync(join(pathsDir, file), 'utf8')));
    expect(() =>
      assertPathsConsistent(
        [{ id: file.replace(/\.yaml$/, ''), filePath: `content/paths/${file}`, data }],
        [...published],
      ),
    ).not.toThrow();
  });
});
