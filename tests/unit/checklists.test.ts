/**
 * Finding and checking checklists in guides' MDX source: ids, titles, item
 * text, and the build errors writers see for missing or repeated ids.
 */
import { describe, expect, it } from 'vitest';
import {
  ChecklistError,
  bodyLineOffset,
  checklistAnchor,
  checklistUrl,
  collectChecklists,
  checklistProgressUrl,
  extractChecklists,
  groupChecklistsByTopic,
  progressUrl,
  topicChecklistLinksUrl,
} from '../../src/lib/checklists.ts';

const file = 'content/guides/meetings/first-meeting.mdx';

function problemsOf(source: string, name = file): string {
  try {
    extractChecklists(source, name);
  } catch (error) {
    expect(error).toBeInstanceOf(ChecklistError);
    return (error as Error).message;
  }
  throw new Error('expected a ChecklistError');
}

describe('extractChecklists', () => {
  it('reads the authoring syntax writers use', () => {
    const source = `Intro.

<Checklist id="first-meeting-prep" title="Before the meeting">
  <Item id="goals">Write two or three goals.</Item>
  <Item id="research">Read their **profile** and [one paper](/guides/x/).</Item>
  <Item id='agenda'>Send an \`agenda\`, *briefly*.</Item>
</Checklist>

More prose.

<Checklist title={"After the meeting"} id={'first-meeting-after'}>
  <Item id="thanks">Send a thank-you note.</Item>
</Checklist>
`;
    expect(extractChecklists(source, file)).toEqual([
      {
        id: 'first-meeting-prep',
        title: 'Before the meeting',
        items: [
          { id: 'goals', text: 'Write two or three goals.' },
          { id: 'research', text: 'Read their profile and one paper.' },
          { id: 'agenda', text: 'Send an agenda, briefly.' },
        ],
      },
      {
        id: 'first-meeting-after',
        title: 'After the meeting',
        items: [{ id: 'thanks', text: 'Send a thank-you note.' }],
      },
    ]);
  });

  it('marks a reflective checklist, whose rows elsewhere show no count', () => {
    const source = `<Checklist id="weekly" title="This week" reflective>
  <Item id="sleep">Did I sleep enough?</Item>
</Checklist>`;
    expect(extractChecklists(source, file)).toEqual([
      { id: 'weekly', title: 'This week', items: [{ id: 'sleep', text: 'Did I sleep enough?' }], reflective: true },
    ]);
  });

  it('returns nothing for a guide without checklists', () => {
    expect(extractChecklists('Just prose, and a <Callout kind="tip">tip</Callout>.', file)).toEqual([]);
  });

  it('ignores checklist markup shown inside code blocks and comments', () => {
    const source =
      '```mdx\n<Checklist id="example">\n  <Item>no id</Item>\n</Checklist>\n```\n\n{/* <Item>old</Item> */}\n\nUse `<Item id="x">`.';
    expect(extractChecklists(source, file)).toEqual([]);
  });

  it('accepts an item written over several lines', () => {
    const source = '<Checklist id="a" title="A">\n  <Item id="one">\n    Do one thing.\n  </Item>\n</Checklist>';
    expect(extractChecklists(source, file)[0]!.items).toEqual([{ id: 'one', text: 'Do one thing.' }]);
  });

  it('names the file, checklist and item id when an item id is used twice', () => {
    const message = problemsOf(
      '<Checklist id="prep" title="Prep">\n  <Item id="goals">A</Item>\n  <Item id="agenda">B</Item>\n  <Item id="goals">C</Item>\n</Checklist>',
    );
    expect(message).toContain(file);
    expect(message).toContain('item id "goals" ("C") is used twice in checklist "prep" (also on line 2)');
    expect(message).toContain('line 4');
  });

  it('names the file and checklist when an item has no id, with the fix', () => {
    const message = problemsOf(
      '<Checklist id="prep" title="Prep">\n  <Item id="goals">A</Item>\n  <Item>B</Item>\n</Checklist>',
    );
    expect(message).toContain(file);
    expect(message).toContain('line 3: the <Item> ("B") in checklist "prep" has no id');
    expect(message).toContain('<Item id="send-agenda">');
  });

  it.each([
    [
      'a checklist without an id',
      '<Checklist title="T">\n<Item id="a">A</Item>\n</Checklist>',
      '<Checklist> has no id',
    ],
    [
      'a checklist without a title',
      '<Checklist id="t">\n<Item id="a">A</Item>\n</Checklist>',
      '<Checklist id="t"> has no title',
    ],
    [
      'an id that is not kebab-case',
      '<Checklist id="My List" title="T">\n<Item id="a">A</Item>\n</Checklist>',
      'checklist id "My List" must be kebab-case',
    ],
    [
      'an item id that is not kebab-case',
      '<Checklist id="t" title="T">\n<Item id="Step_1">A</Item>\n</Checklist>',
      'item id "Step_1" must be kebab-case',
    ],
    [
      'an id computed in code',
      '<Checklist id="t" title="T">\n<Item id={name}>A</Item>\n</Checklist>',
      'has an id that is not plain text',
    ],
    ['an empty checklist', '<Checklist id="t" title="T">\n</Checklist>', 'checklist "t" has no items'],
    ['an unclosed checklist', '<Checklist id="t" title="T">\n<Item id="a">A</Item>\n', 'checklist "t" is never closed'],
    ['an unclosed item', '<Checklist id="t" title="T">\n<Item id="a">A\n</Checklist>', 'never closed'],
    ['an item outside a checklist', '<Item id="a">A</Item>', '<Item id="a"> is outside a checklist'],
    [
      'a nested checklist',
      '<Checklist id="t" title="T">\n<Checklist id="u" title="U">\n<Item id="a">A</Item>\n</Checklist>\n</Checklist>',
      'starts inside checklist "t"',
    ],
    [
      'a checklist id used twice in one file',
      '<Checklist id="t" title="T">\n<Item id="a">A</Item>\n</Checklist>\n\n<Checklist id="t" title="T2">\n<Item id="a">A</Item>\n</Checklist>',
      'checklist id "t" is already used on line 1 of this file',
    ],
  ])('reports %s', (_name, source, expected) => {
    const message = problemsOf(source);
    expect(message).toContain(file);
    expect(message).toContain(expected);
  });

  it('lists every problem in a file at once', () => {
    const message = problemsOf(
      '<Checklist id="t" title="T">\n<Item>A</Item>\n<Item id="b">B</Item>\n<Item id="b">C</Item>\n</Checklist>',
    );
    expect(message).toContain('2 checklist problem(s)');
  });
});

describe('collectChecklists', () => {
  const guide = (slug: string, body: string, extra: { draft?: boolean } = {}) => ({
    id: slug,
    body,
    filePath: `content/guides/meetings/${slug}.mdx`,
    data: { title: `Guide ${slug}`, topic: 'meetings', ...extra },
  });
  // As the loader does it for the site's guides: the checklists found in each guide's body.
  const fromBody = (entry: { body: string; filePath: string }) => extractChecklists(entry.body, entry.filePath);
  const list = (id: string) => `<Checklist id="${id}" title="T">\n  <Item id="a">A</Item>\n</Checklist>`;

  it('lists checklists with their guide', () => {
    expect(collectChecklists([guide('one', list('one-prep')), guide('two', 'No list.')], fromBody)).toEqual([
      {
        id: 'one-prep',
        title: 'T',
        items: [{ id: 'a', text: 'A' }],
        guide: { slug: 'one', title: 'Guide one', topic: 'meetings', filePath: 'content/guides/meetings/one.mdx' },
      },
    ]);
  });

  it('fails when two guides use the same checklist id, naming both files and the id', () => {
    expect(() => collectChecklists([guide('one', list('shared')), guide('two', list('shared'))], fromBody)).toThrow(
      /content\/guides\/meetings\/two\.mdx: checklist id "shared" is also used in content\/guides\/meetings\/one\.mdx/,
    );
  });

  it('counts drafts for uniqueness, since their ids go live when published', () => {
    expect(() =>
      collectChecklists([guide('one', list('shared')), guide('two', list('shared'), { draft: true })], fromBody),
    ).toThrow(ChecklistError);
  });

  it('counts lines from the top of the file, frontmatter included', () => {
    const body = '\nIntro.\n\n<Checklist id="t" title="T">\n  <Item>A</Item>\n</Checklist>\n';
    const fileText = `---\ntitle: Guide\ndescription: D\n---\n${body}`;
    expect(bodyLineOffset(fileText, body)).toBe(4);
    expect(() => extractChecklists(body, file, bodyLineOffset(fileText, body))).toThrow(
      /line 9: the <Item> \("A"\) in checklist "t" has no id/,
    );
    // Without the file, lines count from the end of the frontmatter.
    expect(bodyLineOffset(undefined, body)).toBe(0);
  });

  it("takes each guide's checklists from checklistsOf, as found when the site loads its guides, and reports their problems with the rest", () => {
    const found = { one: [{ id: 'from-loader', title: 'T', items: [{ id: 'a', text: 'A' }] }] };
    const checklistsOf = (entry: { id: string }) => {
      if (entry.id === 'two')
        throw new ChecklistError('content/guides/meetings/two.mdx: line 7: a problem found at load');
      return found[entry.id as 'one'];
    };
    const one = guide('one', '');
    expect(collectChecklists([one], checklistsOf).map((checklist) => checklist.id)).toEqual(['from-loader']);
    expect(() => collectChecklists([one, guide('two', '')], checklistsOf)).toThrow(
      /Checklists have 1 problem\(s\):\n {2}- content\/guides\/meetings\/two\.mdx: line 7: a problem found at load/,
    );
  });

  it('reports problems from every file together', () => {
    let message = '';
    try {
      collectChecklists([guide('one', '<Item>x</Item>'), guide('two', '<Checklist id="t">\n</Checklist>')], fromBody);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain('content/guides/meetings/one.mdx');
    expect(message).toContain('content/guides/meetings/two.mdx');
  });
});

describe('checklist URLs', () => {
  it('keeps the permanent anchor format #checklist-<id>, under any base path', () => {
    expect(checklistAnchor('first-meeting')).toBe('checklist-first-meeting');
    expect(checklistUrl('/', 'first-meeting', 'prep')).toBe('/guides/first-meeting/#checklist-prep');
    expect(checklistUrl('/mentoring/', 'first-meeting', 'prep')).toBe(
      '/mentoring/guides/first-meeting/#checklist-prep',
    );
    expect(progressUrl('/mentoring')).toBe('/mentoring/progress/');
  });
});

describe('groupChecklistsByTopic', () => {
  const topicList = [
    { id: 'finding-a-mentor', title: 'Finding a mentor' },
    { id: 'meetings', title: 'Meetings' },
    { id: 'burnout', title: 'Burnout' },
  ];
  const checklist = (id: string, topic: string) => ({ id, guide: { topic } });

  it('groups in topic order, keeps reading order inside a topic and leaves out empty topics', () => {
    const groups = groupChecklistsByTopic(
      [checklist('m1', 'meetings'), checklist('f1', 'finding-a-mentor'), checklist('m2', 'meetings')],
      topicList,
    );
    expect(groups.map((group) => [group.topic.id, group.checklists.map((c) => c.id)])).toEqual([
      ['finding-a-mentor', ['f1']],
      ['meetings', ['m1', 'm2']],
    ]);
  });

  it('shows at most the limit per topic on a site-wide page but keeps the full list for the topic page', () => {
    const many = Array.from({ length: 45 }, (_, index) => checklist(`b${index}`, 'burnout'));
    const [group] = groupChecklistsByTopic(many, topicList, 30);
    expect(group!.shown.map((c) => c.id)).toEqual(many.slice(0, 30).map((c) => c.id));
    expect(group!.checklists).toHaveLength(45);
  });
});

describe('topic pages for checklists', () => {
  it("link a checklist to its row on its topic's progress page, under the deployment base", () => {
    expect(checklistProgressUrl('/mentoring/', { id: 'first-meeting-prep', guide: { topic: 'meetings' } })).toBe(
      '/mentoring/progress/meetings/#progress-first-meeting-prep',
    );
    expect(topicChecklistLinksUrl('/', 'burnout')).toBe('/program-directors/checklists/burnout/');
  });
});
