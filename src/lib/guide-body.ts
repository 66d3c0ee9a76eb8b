/**
 * A guide's MDX body, parsed once when the content is loaded
 * (src/loaders/guide-loader.ts), as HTML strings with the guide components
 * between them. Pages render that list (src/components/GuideBody.astro)
 * instead of importing each guide as a compiled JavaScript module, which made
 * the build bundle and load one module per guide (npm run bench).
 *
 * Guides use MDX for the components in GUIDE_COMPONENTS only: no imports,
 * exports or {expressions}. Anything else fails the build naming the file,
 * the line and the fix.
 */
import type { MarkdownHeading } from 'astro';
import GithubSlugger from 'github-slugger';
import { toHtml } from 'hast-util-to-html';
import { find, html } from 'property-information';
import { mdxToHast, type HastNode } from 'satteri';

/**
 * Components a guide may use without an import (src/components/guide-components.ts
 * maps each to its .astro file), and the elements pages render as components:
 * headings get a "#" link, site links get the base path.
 */
export const GUIDE_COMPONENTS = [
  'Callout',
  'Checklist',
  'Item',
  'Diagram',
  'Term',
  'HelpNow',
  'h2',
  'h3',
  'a',
] as const;
export type GuideComponentName = (typeof GUIDE_COMPONENTS)[number];

/** One guide component with its attributes and its content. */
export interface ComponentNode {
  component: GuideComponentName;
  props: Record<string, string | true>;
  children: BodyNode[];
}

/** HTML as written, or a component to render. */
export type BodyNode = string | ComponentNode;

export interface GuideBody {
  nodes: BodyNode[];
  /** Every heading, for the table of contents, as Astro lists a Markdown page's. */
  headings: MarkdownHeading[];
}

/** A guide body that cannot be rendered; the message names the line and the fix. */
export class GuideBodyError extends Error {}

// Elements rendered as components (see GUIDE_COMPONENTS); every other element is plain HTML.
const ELEMENT_COMPONENTS = new Set<string>(['h2', 'h3', 'a']);
const KNOWN = new Set<string>(GUIDE_COMPONENTS);
const ALIGN_CLASS: Record<string, string> = { left: 'text-left', center: 'text-center', right: 'text-right' };
// Marks where an element's children go when only its tags are serialised.
const CHILDREN_MARK = 'mfg-children';
// "&amp;" rather than "&#x26;": the escaping Astro uses in the rest of the page.
const HTML_OPTIONS = { characterReferences: { useNamedReferences: true } };

type Node = HastNode & {
  type: string;
  tagName?: string;
  name?: string | null;
  value?: string;
  properties?: Record<string, unknown>;
  attributes?: { type: string; name?: string; value?: unknown }[];
  children?: Node[];
  position?: { start: { line: number } };
};

function lineOf(node: Node): string {
  return node.position ? `line ${node.position.start.line}` : 'somewhere';
}

function textContent(node: Node): string {
  if (node.type === 'text') return node.value ?? '';
  return (node.children ?? []).map(textContent).join('');
}

/**
 * Parses a guide's MDX body (without frontmatter); throws GuideBodyError for anything guides may not use.
 * `lineOffset` is the number of lines above the body in its file (the frontmatter), so errors give the line an
 * author sees.
 */
export function parseGuideBody(source: string, lineOffset = 0): GuideBody {
  let root: Node;
  try {
    root = mdxToHast(source, { features: { gfm: true, smartPunctuation: true } }) as Node;
  } catch (error) {
    throw new GuideBodyError(
      `the MDX cannot be parsed: ${error instanceof Error ? error.message : String(error)}. ` +
        'Check that every <Component> is closed and that "<" and "{" in prose are escaped as "\\<" and "\\{".',
    );
  }
  const slugger = new GithubSlugger();
  const headings: MarkdownHeading[] = [];

  function prepare(node: Node): void {
    if (node.position) node.position.start.line += lineOffset;
    // <abbr>, <br /> and other lowercase tags are HTML, as in MDX.
    if (isJsx(node) && /^[a-z]/.test(node.name ?? '')) {
      Object.assign(node, { type: 'element', tagName: node.name, properties: jsxProps(node) });
    }
    if (node.type === 'element' && node.tagName === 'img') {
      // Astro's MDX would have bundled a local image; this parser does not, and every image needs a width, a
      // height and alt text, so a picture is drawn as a diagram instead.
      throw new GuideBodyError(
        `${lineOf(node)}: guides cannot show images. Draw it as a <Diagram> (src/components/diagrams), which follows ` +
          'the theme and carries its text alternative, or link to the picture.',
      );
    }
    if (node.type === 'element' && node.properties) {
      // Heading anchors as Astro's Markdown gives them: GitHub's slugs, numbered when repeated.
      if (/^h[1-6]$/.test(node.tagName ?? '')) {
        const text = textContent(node);
        const slug = typeof node.properties.id === 'string' ? node.properties.id : slugger.slug(text);
        node.properties.id = slug;
        headings.push({ depth: Number(node.tagName![1]), slug, text });
      }
      // Column alignment as classes: the Content-Security-Policy blocks style attributes.
      const align = /^\s*text-align:\s*(left|center|right)\s*;?\s*$/i.exec(String(node.properties.style ?? ''))?.[1];
      if (align) {
        delete node.properties.style;
        node.properties.className = [...toClasses(node.properties.className), ALIGN_CLASS[align.toLowerCase()]!];
      }
    }
    node.children?.forEach(prepare);
  }
  prepare(root);

  return { nodes: convertChildren(root.children ?? []), headings };
}

function toClasses(value: unknown): string[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value.map(String) : String(value).split(/\s+/);
}

function isJsx(node: Node): boolean {
  return node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement';
}

function isComponent(node: Node): boolean {
  if (isJsx(node)) return true;
  if (node.type === 'mdxFlowExpression' || node.type === 'mdxTextExpression' || node.type === 'mdxjsEsm') return true;
  return node.type === 'element' && ELEMENT_COMPONENTS.has(node.tagName ?? '');
}

function containsComponent(node: Node): boolean {
  return isComponent(node) || (node.children ?? []).some(containsComponent);
}

/** Appends, joining neighbouring HTML into one string so pages output it in one piece. */
function push(nodes: BodyNode[], node: BodyNode): void {
  const last = nodes.at(-1);
  if (typeof node === 'string' && typeof last === 'string') nodes[nodes.length - 1] = last + node;
  else if (node !== '') nodes.push(node);
}

function convertChildren(children: Node[]): BodyNode[] {
  const nodes: BodyNode[] = [];
  for (const child of children) for (const node of convert(child)) push(nodes, node);
  return nodes;
}

function convert(node: Node): BodyNode[] {
  if (node.type === 'mdxjsEsm') {
    throw new GuideBodyError(
      `${lineOf(node)}: guides cannot import or export. Use the components available in every guide: ${componentList()}.`,
    );
  }
  if (node.type === 'mdxFlowExpression' || node.type === 'mdxTextExpression') {
    throw new GuideBodyError(
      `${lineOf(node)}: guides cannot use {expressions}. Write the text itself, or escape a literal brace as "\\{".`,
    );
  }
  if (isJsx(node)) return [jsxComponent(node)];
  if (node.type === 'element' && ELEMENT_COMPONENTS.has(node.tagName ?? '')) {
    // Components take attributes (class, aria-label), not hast's property names (className, ariaLabel).
    const props: Record<string, string | true> = {};
    for (const [name, value] of Object.entries(node.properties ?? {})) {
      const attribute = find(html, name).attribute;
      if (value === true) props[attribute] = true;
      else if (value !== undefined && value !== null && value !== false) {
        props[attribute] = Array.isArray(value) ? value.join(' ') : String(value);
      }
    }
    return [{ component: node.tagName as GuideComponentName, props, children: convertChildren(node.children ?? []) }];
  }
  if (node.type === 'element' && containsComponent(node)) {
    // Only the tags are HTML here; the children between them hold a component.
    const [open, close] = toHtml(
      { ...node, children: [{ type: 'comment', value: CHILDREN_MARK }] } as never,
      HTML_OPTIONS,
    ).split(`<!--${CHILDREN_MARK}-->`);
    return [open!, ...convertChildren(node.children ?? []), close!];
  }
  return [toHtml(node as never, HTML_OPTIONS)];
}

function jsxComponent(node: Node): ComponentNode {
  const name = node.name ?? '';
  if (!KNOWN.has(name) || ELEMENT_COMPONENTS.has(name)) {
    throw new GuideBodyError(
      `${lineOf(node)}: <${name}> is not a guide component. Use one of ${componentList()}, or write Markdown.`,
    );
  }
  return {
    component: name as GuideComponentName,
    props: jsxProps(node),
    children: convertChildren(node.children ?? []),
  };
}

/** A JSX element's attributes; only name="value" and bare names (true) have a meaning without JavaScript. */
function jsxProps(node: Node): Record<string, string | true> {
  const name = node.name ?? '';
  const props: Record<string, string | true> = {};
  for (const attribute of node.attributes ?? []) {
    if (attribute.type !== 'mdxJsxAttribute' || !attribute.name) {
      throw new GuideBodyError(
        `${lineOf(node)}: <${name}> cannot take {...spread} attributes. Write each as name="value".`,
      );
    }
    if (attribute.value === null || attribute.value === undefined) props[attribute.name] = true;
    else if (typeof attribute.value === 'string') props[attribute.name] = attribute.value;
    else {
      throw new GuideBodyError(
        `${lineOf(node)}: <${name} ${attribute.name}={...}> uses an expression. Write the value in quotes: ${attribute.name}="...".`,
      );
    }
  }
  return props;
}

function componentList(): string {
  return GUIDE_COMPONENTS.filter((name) => !ELEMENT_COMPONENTS.has(name))
    .map((name) => `<${name}>`)
    .join(', ');
}
