/**
 * Checklists written in guides' MDX: found in the source, checked, and listed
 * for the "My progress" page. Ticks are saved by checklist id and item id (see
 * checklist-store.ts), so those ids must be present, unique and permanent; a
 * problem here fails the build with the file, the id and the fix.
 */
import { joinBase, routes } from './routes.ts';

export interface ChecklistItemInfo {
  id: string;
  /** Plain text of the item, for listings. */
  text: string;
}

export interface ChecklistInfo {
  id: string;
  title: string;
  items: ChecklistItemInfo[];
  /** Prompts to reflect on, not tasks (<Checklist reflective>): shown without a "3 of 8 done" count anywhere. */
  reflective?: true;
}

/** A checklist with the guide it lives in. */
export interface SiteChecklist extends ChecklistInfo {
  guide: { slug: string; title: string; topic: string; filePath: string };
}

/** Ids are kebab-case: they become URL anchors and storage keys. */
export const CHECKLIST_ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The permanent anchor of a checklist; program directors link to it, so never change the format. */
export function checklistAnchor(checklistId: string): string {
  return `checklist-${checklistId}`;
}

/** Link to a checklist inside its guide. */
export function checklistUrl(base: string, guideSlug: string, checklistId: string): string {
  return `${routes.guide(base, guideSlug)}#${checklistAnchor(checklistId)}`;
}

/** The "My progress" page. */
export function progressUrl(base: string): string {
  return joinBase(base, 'progress/');
}

/** "My progress" for one topic: every checklist in it, however many there are. */
export function topicProgressUrl(base: string, topic: string): string {
  return joinBase(base, `progress/${topic}/`);
}

/** The id of a checklist's row on the "My progress" pages. */
export function progressRowId(checklistId: string): string {
  return `progress-${checklistId}`;
}

/** A checklist's row on its topic's progress page; the checklist links here. */
export function checklistProgressUrl(base: string, checklist: { id: string; guide: { topic: string } }): string {
  return `${topicProgressUrl(base, checklist.guide.topic)}#${progressRowId(checklist.id)}`;
}

/** Permanent links to every checklist in one topic, for program directors. */
export function topicChecklistLinksUrl(base: string, topic: string): string {
  return joinBase(base, `program-directors/checklists/${topic}/`);
}

/**
 * Site-wide pages ("My progress", the program directors' page) show at most this
 * many checklists per topic and link to the topic's own page for the rest, so they
 * stay small however large the library grows (every page is saved for offline use).
 */
export const CHECKLISTS_PER_TOPIC_ON_INDEX = 30;

export interface ChecklistTopicGroup<C> {
  topic: { id: string; title: string };
  /** Every checklist in the topic, in reading order. */
  checklists: C[];
  /** The first `limit` of them, for a site-wide page. */
  shown: C[];
}

/** Checklists grouped by topic in topic order; topics without checklists are left out. */
export function groupChecklistsByTopic<C extends { guide: { topic: string } }>(
  checklists: readonly C[],
  topicList: readonly { id: string; title: string }[],
  limit = CHECKLISTS_PER_TOPIC_ON_INDEX,
): ChecklistTopicGroup<C>[] {
  const byTopic = Map.groupBy(checklists, (checklist) => checklist.guide.topic);
  return topicList.flatMap((topic) => {
    const inTopic = byTopic.get(topic.id) ?? [];
    return inTopic.length === 0 ? [] : [{ topic, checklists: inTopic, shown: inTopic.slice(0, limit) }];
  });
}

/** Thrown for authoring mistakes; the message names the file, the id and the fix. */
export class ChecklistError extends Error {
  override name = 'ChecklistError';
}

interface Tag {
  name: 'Checklist' | 'Item';
  closing: boolean;
  attributes: string;
  start: number;
  end: number;
  line: number;
}

interface OpenChecklist {
  info: ChecklistInfo;
  line: number;
  seenItems: Map<string, number>;
}

interface OpenItem {
  tag: Tag;
  id: { present: boolean; value?: string };
  checklist: OpenChecklist | undefined;
}

/** Reads a string attribute written as name="x", name='x', name={"x"} or name={'x'}. */
function readAttribute(attributes: string, name: string): { present: boolean; value?: string } {
  const match = new RegExp(
    `(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|\\{\\s*(?:"([^"]*)"|'([^']*)'|\`([^\`]*)\`)\\s*\\}|(\\{[^}]*\\}))`,
  ).exec(attributes);
  if (!match) return { present: new RegExp(`(?:^|\\s)${name}(?:\\s|=|$)`).test(attributes) };
  const value = match[1] ?? match[2] ?? match[3] ?? match[4] ?? match[5];
  return value === undefined ? { present: true } : { present: true, value };
}

/** Item text as a reader sees it: no tags, markdown markers or link targets. */
function plainText(source: string): string {
  return source
    .replace(/<[^>]+>/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|__|\*|_|`)(.+?)\1/g, '$2')
    .replace(/\{['"`](.*?)['"`]\}/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Blanks out fenced code blocks and comments (keeping offsets) so example markup in them is ignored. */
function maskIgnoredRegions(source: string): string {
  const blank = (text: string) => text.replace(/[^\n]/g, ' ');
  return source
    .replace(/^[ \t]*(```|~~~)[\s\S]*?^[ \t]*\1[^\n]*$/gm, blank)
    .replace(/`[^`\n]*`/g, blank)
    .replace(/\{\/\*[\s\S]*?\*\/\}/g, blank)
    .replace(/<!--[\s\S]*?-->/g, blank);
}

function lineAt(source: string, index: number): number {
  let line = 1;
  for (
    let position = source.indexOf('\n');
    position !== -1 && position < index;
    position = source.indexOf('\n', position + 1)
  ) {
    line += 1;
  }
  return line;
}

/**
 * Finds every <Checklist> with its <Item>s in a guide's MDX source. Throws a
 * ChecklistError listing every problem in the file: a checklist without an id
 * or title, an item without an id, an item id used twice in one checklist, an
 * id that is not kebab-case, an <Item> outside a checklist, an empty or
 * unclosed checklist, or a checklist id used twice in the file.
 */
export function extractChecklists(source: string, file: string, lineOffset = 0): ChecklistInfo[] {
  const masked = maskIgnoredRegions(source);
  const tags: Tag[] = [];
  for (const match of masked.matchAll(/<(\/?)(Checklist|Item)(?=[\s/>])((?:[^>"'{]|"[^"]*"|'[^']*'|\{[^}]*\})*)>/g)) {
    tags.push({
      name: match[2] as Tag['name'],
      closing: match[1] === '/',
      attributes: match[3] ?? '',
      start: match.index,
      end: match.index + match[0].length,
      line: lineAt(source, match.index) + lineOffset,
    });
  }

  const problems: string[] = [];
  const checklists: ChecklistInfo[] = [];
  const seenChecklists = new Map<string, number>();
  let open: OpenChecklist | undefined;
  let openItem: OpenItem | undefined;

  const checkId = (id: string, what: string, line: number) => {
    if (!CHECKLIST_ID_PATTERN.test(id)) {
      problems.push(
        `line ${line}: ${what} id "${id}" must be kebab-case (lowercase letters, digits and single hyphens, e.g. "ask-for-letters"). ` +
          "It becomes a link anchor and the key that saves readers' ticks.",
      );
    }
  };

  /** Checks an item once its text is known (undefined: the item was never closed). */
  const closeItem = (item: OpenItem, text: string | undefined) => {
    const { tag, id, checklist } = item;
    const quoted = text ? ` ("${text.length > 50 ? `${text.slice(0, 47)}...` : text}")` : '';
    const where = checklist ? `checklist "${checklist.info.id}"` : 'a checklist';
    if (text === undefined) {
      problems.push(`line ${tag.line}: an <Item> in ${where} is never closed. End it with </Item> on the same line.`);
    }
    if (id.value === undefined || id.value.trim() === '') {
      problems.push(
        id.present
          ? `line ${tag.line}: the <Item>${quoted} in ${where} has an id that is not plain text. Write it as <Item id="short-name">...</Item>.`
          : `line ${tag.line}: the <Item>${quoted} in ${where} has no id. Add a short, permanent id unique within the checklist, e.g. <Item id="send-agenda">...</Item>.`,
      );
    } else {
      checkId(id.value, 'item', tag.line);
      const earlier = checklist?.seenItems.get(id.value);
      if (checklist && earlier !== undefined) {
        problems.push(
          `line ${tag.line}: item id "${id.value}"${quoted} is used twice in ${where} (also on line ${earlier}). ` +
            'Give each <Item> its own id; keep the old id on the item whose meaning has not changed.',
        );
      }
      checklist?.seenItems.set(id.value, tag.line);
    }
    if (text !== undefined) checklist?.info.items.push({ id: id.value ?? '', text });
  };

  for (const tag of tags) {
    if (tag.name === 'Checklist' && !tag.closing) {
      if (open) {
        problems.push(
          `line ${tag.line}: a <Checklist> starts inside checklist "${open.info.id}" (line ${open.line}). Close the first one with </Checklist> before starting another.`,
        );
      }
      const id = readAttribute(tag.attributes, 'id');
      const title = readAttribute(tag.attributes, 'title');
      if (id.value === undefined || id.value.trim() === '') {
        problems.push(
          id.present
            ? `line ${tag.line}: <Checklist> id must be written as plain text, e.g. <Checklist id="first-meeting-prep" title="...">.`
            : `line ${tag.line}: <Checklist> has no id. Add a site-wide unique, permanent id, e.g. <Checklist id="first-meeting-prep" title="...">.`,
        );
      } else {
        checkId(id.value, 'checklist', tag.line);
        const earlier = seenChecklists.get(id.value);
        if (earlier !== undefined) {
          problems.push(
            `line ${tag.line}: checklist id "${id.value}" is already used on line ${earlier} of this file. Give each checklist its own id.`,
          );
        }
        seenChecklists.set(id.value, tag.line);
      }
      if (title.value === undefined || title.value.trim() === '') {
        problems.push(
          `line ${tag.line}: <Checklist id="${id.value ?? ''}"> has no title. Add title="..." saying what the list is for.`,
        );
      }
      if (tag.attributes.trim().endsWith('/')) {
        problems.push(
          `line ${tag.line}: <Checklist id="${id.value ?? ''}"> is self-closing. Put its <Item>s between <Checklist ...> and </Checklist>.`,
        );
        continue;
      }
      open = {
        info: {
          id: id.value ?? '',
          title: title.value ?? '',
          items: [],
          ...(readAttribute(tag.attributes, 'reflective').present ? { reflective: true as const } : {}),
        },
        line: tag.line,
        seenItems: new Map(),
      };
    } else if (tag.name === 'Checklist') {
      if (openItem) {
        closeItem(openItem, undefined);
        openItem = undefined;
      }
      if (!open) {
        problems.push(`line ${tag.line}: </Checklist> without a matching <Checklist>.`);
        continue;
      }
      if (open.info.items.length === 0) {
        problems.push(
          `line ${open.line}: checklist "${open.info.id}" has no items. Add <Item id="...">...</Item> lines inside it.`,
        );
      }
      checklists.push(open.info);
      open = undefined;
    } else if (!tag.closing) {
      if (openItem) closeItem(openItem, undefined);
      const id = readAttribute(tag.attributes, 'id');
      openItem = { tag, id, checklist: open };
      if (!open) {
        problems.push(
          `line ${tag.line}: <Item${id.value ? ` id="${id.value}"` : ''}> is outside a checklist. Put it between <Checklist ...> and </Checklist>.`,
        );
      }
      if (tag.attributes.trim().endsWith('/')) {
        problems.push(
          `line ${tag.line}: <Item${id.value ? ` id="${id.value}"` : ''} /> has no text. Write it as <Item id="...">what to do</Item>.`,
        );
        closeItem(openItem, '');
        openItem = undefined;
      }
    } else {
      if (!openItem) {
        problems.push(`line ${tag.line}: </Item> without a matching <Item>.`);
        continue;
      }
      closeItem(openItem, plainText(source.slice(openItem.tag.end, tag.start)));
      openItem = undefined;
    }
  }
  if (openItem) closeItem(openItem, undefined);
  if (open) problems.push(`line ${open.line}: checklist "${open.info.id}" is never closed. End it with </Checklist>.`);

  if (problems.length > 0) {
    throw new ChecklistError(`${file}: ${problems.length} checklist problem(s):\n  - ${problems.join('\n  - ')}`);
  }
  return checklists;
}

export interface ChecklistSource {
  /** Guide slug. */
  id: string;
  filePath?: string;
  data: { title: string; topic: string; draft?: boolean };
}

/** Lines before the body in the whole file (the frontmatter), so errors give the line a writer sees in the editor. */
export function bodyLineOffset(fileText: string | undefined, body: string): number {
  if (!fileText || body === '') return 0;
  const start = fileText.indexOf(body);
  return start < 0 ? 0 : fileText.slice(0, start).split('\n').length - 1;
}

/**
 * Every checklist in the given guides, in their order, after checking each
 * file and that no checklist id is used by two guides (drafts included: their
 * ids become live when they are published). Throws one ChecklistError listing
 * every problem. `checklistsOf` gives a guide's checklists or throws a
 * ChecklistError; the site's guides have theirs found when they are loaded
 * (src/loaders/guide-loader.ts), with line numbers that count the frontmatter.
 */
export function collectChecklists<E extends ChecklistSource>(
  entries: readonly E[],
  checklistsOf: (entry: E) => ChecklistInfo[],
): SiteChecklist[] {
  const problems: string[] = [];
  const found: SiteChecklist[] = [];
  const owner = new Map<string, string>();
  for (const entry of entries) {
    const file = entry.filePath ?? entry.id;
    let checklists: ChecklistInfo[];
    try {
      checklists = checklistsOf(entry);
    } catch (error) {
      if (!(error instanceof ChecklistError)) throw error;
      problems.push(error.message.replaceAll('\n', '\n  '));
      continue;
    }
    for (const checklist of checklists) {
      const other = owner.get(checklist.id);
      if (other !== undefined && other !== file) {
        problems.push(
          `${file}: checklist id "${checklist.id}" is also used in ${other}. Checklist ids must be unique across the site ` +
            "(they are link anchors and keys for saved ticks): rename the newer one, e.g. prefix it with the guide's slug.",
        );
        continue;
      }
      owner.set(checklist.id, file);
      found.push({
        ...checklist,
        guide: { slug: entry.id, title: entry.data.title, topic: entry.data.topic, filePath: file },
      });
    }
  }
  if (problems.length > 0) {
    throw new ChecklistError(
      `Checklists have ${problems.length} problem(s):\n${problems.map((problem) => `  - ${problem}`).join('\n')}`,
    );
  }
  return found;
}
