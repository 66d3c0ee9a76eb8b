/**
 * A topic with more checklists than a site-wide page shows: "My progress" and
 * the program directors' page list the first ones and link to the topic's own
 * page, which lists them all, so both pages stay small as the library grows
 * (the 5,000-guide benchmark failed when they listed every checklist).
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CHECKLISTS_PER_TOPIC_ON_INDEX } from '../../src/lib/checklists.ts';
import { buildContent, type FixtureBuild } from '../support/build-fixture.ts';

const inFeedback = CHECKLISTS_PER_TOPIC_ON_INDEX + 5;

function writeGuide(dir: string, topic: string, slug: string): void {
  mkdirSync(join(dir, 'guides', topic), { recursive: true });
  writeFileSync(
    join(dir, 'guides', topic, `${slug}.mdx`),
    `---
title: Guide ${slug}
description: A generated guide with one short checklist, one of many in the same topic.
topic: ${topic}
audiences: [student]
reviewed: 2026-11-01
sources:
  - { title: A source, authors: Someone, year: 2020, url: 'https://example.org/${slug}' }
related: []
---

Some text before the checklist.

<Checklist id="${slug}-list" title="Checklist of ${slug}">
  <Item id="one">First step.</Item>
  <Item id="two">Second step.</Item>
</Checklist>
`,
  );
}

describe('a topic with more checklists than a site-wide page lists', () => {
  let build: FixtureBuild;
  const html = (path: string) => readFileSync(join(build.outDir, path, 'index.html'), 'utf8');
  const count = (markup: string, pattern: RegExp) => [...markup.matchAll(pattern)].length;

  beforeAll(() => {
    const content = mkdtempSync(join(tmpdir(), 'mfg-large-topic-content-'));
    // Zero-padded so the reading order (by title) is the numeric order.
    for (let index = 1; index <= inFeedback; index += 1)
      writeGuide(content, 'feedback', `f${String(index).padStart(2, '0')}`);
    writeGuide(content, 'meetings', 'm01');
    mkdirSync(join(content, 'paths'));
    build = buildContent(content, 'large-topic');
    if (!build.ok) throw new Error(`The generated site did not build:\n${build.output}`);
  }, 180_000);

  it('"My progress" shows the first checklists of the topic and links to its page for all of them', () => {
    const page = html('progress');
    expect(count(page, /<li id="progress-f\d+-list"/g)).toBe(CHECKLISTS_PER_TOPIC_ON_INDEX);
    expect(page).toContain('id="progress-f01-list"');
    expect(page).not.toContain(`id="progress-f${inFeedback}-list"`);
    expect(page).toContain('id="progress-m01-list"');
    expect(page).toMatch(new RegExp(`<a href="/progress/feedback/">\\s*All ${inFeedback} checklists in Feedback`));
    // A topic that fits gets no such link.
    expect(page).not.toContain('href="/progress/meetings/"');

    const topicPage = html('progress/feedback');
    expect(count(topicPage, /<li id="progress-f\d+-list"/g)).toBe(inFeedback);
  });

  it('each checklist links to its row on its topic page, which always exists', () => {
    expect(html(`guides/f${inFeedback}`)).toContain(`href="/progress/feedback/#progress-f${inFeedback}-list"`);
    expect(html('progress/meetings')).toContain('id="progress-m01-list"');
  });

  it('the program directors’ page does the same with the permanent checklist links', () => {
    const page = html('program-directors');
    expect(count(page, /data-pd-checklist="f\d+-list"/g)).toBe(CHECKLISTS_PER_TOPIC_ON_INDEX);
    expect(page).toMatch(
      new RegExp(`<a href="/program-directors/checklists/feedback/">\\s*All ${inFeedback} checklist links in Feedback`),
    );
    const topicPage = html('program-directors/checklists/feedback');
    expect(count(topicPage, /data-pd-checklist="f\d+-list"/g)).toBe(inFeedback);
    expect(topicPage).toMatch(
      new RegExp(
        `<code[^>]*data-url[^>]*>\\s*https://[^<\\s]+/guides/f${inFeedback}/#checklist-f${inFeedback}-list\\s*</code>`,
      ),
    );
  });
});
