import { describe, expect, it } from 'vitest';
import { GuideBodyError, parseGuideBody, type BodyNode, type ComponentNode } from '../../src/lib/guide-body.ts';

/** The components in a parsed body, depth first, as "Name(prop=value)". */
function components(nodes: readonly BodyNode[]): string[] {
  return nodes.flatMap((node) =>
    typeof node === 'string'
      ? []
      : [
          `${node.component}(${Object.entries(node.props)
            .map(([key, value]) => `${key}=${value}`)
            .join(' ')})`,
          ...components(node.children),
        ],
  );
}

/** The body as HTML, with each component drawn as <Name>children</Name>. */
function flatten(nodes: readonly BodyNode[]): string {
  return nodes
    .map((node) =>
      typeof node === 'string' ? node : `<${node.component}>${flatten(node.children)}</${node.component}>`,
    )
    .join('');
}

function errorOf(source: string): string {
  try {
    parseGuideBody(source);
  } catch (error) {
    expect(error).toBeInstanceOf(GuideBodyError);
    return (error as Error).message;
  }
  throw new Error('expected parseGuideBody to fail');
}

describe('parseGuideBody', () => {
  it('gives headings GitHub-style anchors, numbered when repeated, and lists them for the table of contents', () => {
    const { headings, nodes } = parseGuideBody(
      '## Before you meet\n\nText.\n\n### Agenda & goals\n\n## Before you meet\n',
    );
    expect(headings).toEqual([
      { depth: 2, slug: 'before-you-meet', text: 'Before you meet' },
      { depth: 3, slug: 'agenda--goals', text: 'Agenda & goals' },
      { depth: 2, slug: 'before-you-meet-1', text: 'Before you meet' },
    ]);
    // Headings are components (they get a "#" link), with their anchor as the id.
    expect(components(nodes)).toEqual(['h2(id=before-you-meet)', 'h3(id=agenda--goals)', 'h2(id=before-you-meet-1)']);
  });

  it('keeps prose between components as one piece of HTML, escaped as the rest of the page is', () => {
    const { nodes } = parseGuideBody('First *paragraph* with "quotes" & more.\n\nSecond paragraph.\n');
    expect(nodes).toHaveLength(1);
    expect(nodes[0]).toBe('<p>First <em>paragraph</em> with “quotes” &amp; more.</p>\n<p>Second paragraph.</p>');
  });

  it('turns guide components into nodes with their attributes and their content, nested', () => {
    const { nodes } = parseGuideBody(
      [
        'Intro.',
        '',
        '<Checklist id="prep" title="Before the meeting">',
        '  <Item id="goals">Write **two** goals.</Item>',
        '  <Item id="agenda">Send an agenda.</Item>',
        '</Checklist>',
        '',
        '<Callout kind="caution" title="Careful">',
        'Keep it short.',
        '</Callout>',
        '',
        '<Diagram name="mentoring-network" />',
      ].join('\n'),
    );
    expect(components(nodes)).toEqual([
      'Checklist(id=prep title=Before the meeting)',
      'Item(id=goals)',
      'Item(id=agenda)',
      'Callout(kind=caution title=Careful)',
      'Diagram(name=mentoring-network)',
    ]);
    const checklist = nodes.find(
      (node): node is ComponentNode => typeof node !== 'string' && node.component === 'Checklist',
    );
    expect(flatten(checklist!.children)).toContain('<Item>Write <strong>two</strong> goals.</Item>');
    expect(flatten(nodes)).toContain('<Callout><p>Keep it short.</p></Callout>');
  });

  it('splits a paragraph around an inline component and keeps the paragraph tags around it', () => {
    const { nodes } = parseGuideBody('A <Term id="sponsor">sponsor</Term> speaks for you.\n');
    expect(flatten(nodes)).toBe('<p>A <Term>sponsor</Term> speaks for you.</p>');
    expect(components(nodes)).toEqual(['Term(id=sponsor)']);
  });

  it('renders links as components with HTML attribute names, so site links can get the base path', () => {
    const { nodes } = parseGuideBody(
      'See [the first meeting](/guides/first-meeting/ "Plan it") and <a class="x" href="https://example.org">this</a>.\n',
    );
    expect(components(nodes)).toEqual([
      'a(href=/guides/first-meeting/ title=Plan it)',
      'a(class=x href=https://example.org)',
    ]);
  });

  it('writes lowercase tags as HTML, as MDX does', () => {
    const { nodes } = parseGuideBody('Use <abbr title="Program director">PD</abbr> here.\n');
    expect(nodes).toEqual(['<p>Use <abbr title="Program director">PD</abbr> here.</p>']);
  });

  it('aligns table columns with classes: the Content-Security-Policy blocks style attributes', () => {
    const { nodes } = parseGuideBody('| Step | Minutes |\n| :--- | ---: |\n| Agenda | 5 |\n');
    const html = flatten(nodes);
    expect(html).toContain('<th class="text-left">Step</th>');
    expect(html).toContain('<td class="text-right">5</td>');
    expect(html).not.toContain('style=');
  });

  it('names the line and the components to use for an unknown component', () => {
    const message = errorOf('Intro.\n\n<Calout kind="tip">Hi</Calout>\n');
    expect(message).toMatch(/^line 3: <Calout> is not a guide component\. Use one of <Callout>, <Checklist>, <Item>/);
  });

  it('counts lines in the whole file when told how many lines the frontmatter takes', () => {
    expect(() => parseGuideBody('Intro.\n\n<Calout>Hi</Calout>\n', 10)).toThrow(/^line 13: <Calout>/);
  });

  it('refuses JavaScript in a guide: imports, expressions and expression attributes, each with the fix', () => {
    expect(errorOf("import X from './x.astro';\n\nText.\n")).toMatch(/^line 1: guides cannot import or export/);
    expect(errorOf('Text.\n\n{1 + 1}\n')).toMatch(/^line 3: guides cannot use \{expressions\}.*escape a literal brace/);
    expect(errorOf('<Callout title={"Hi"}>Text</Callout>\n')).toMatch(
      /^line 1: <Callout title=\{\.\.\.\}> uses an expression\. Write the value in quotes: title="\.\.\."/,
    );
  });

  it('refuses images, which would not be bundled, and points to diagrams', () => {
    expect(errorOf('Intro.\n\n![A network](./network.png)\n')).toMatch(
      /^line 3: guides cannot show images\. Draw it as a <Diagram>/,
    );
    expect(errorOf('<img src="/x.png" alt="x" />\n')).toMatch(/^line 1: guides cannot show images/);
  });

  it('says how to fix MDX that cannot be parsed', () => {
    expect(errorOf('<Callout kind="tip">\n\nNever closed.\n')).toMatch(
      /^the MDX cannot be parsed: .*every <Component> is closed/,
    );
  });
});
