/**
 * Checklists as a student uses them, in Chromium: tick and come back, keyboard
 * only, two tabs, blocked or full storage, damaged saved data, reset, print,
 * "My progress" with export → clear → import, axe, and a guide whose items
 * are reordered, reworded, removed and inserted between two deploys.
 *
 * Runs against the fixture site tests/fixtures/checklist-reorder (v1, then v2
 * served from the same folder on the same origin, as a redeploy would), built
 * under a base path so every link must carry it.
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { glossary } from '../../src/data/glossary.ts';
import { BACKUP_KEY_PREFIX, PROGRESS_KEY } from '../../src/lib/checklist-store.ts';
import { newVisitor } from '../support/browser.ts';
import { buildFixture } from '../support/build-fixture.ts';
import { distDir, projectRoot } from '../support/site.ts';
import { useServer, useSite } from '../support/use-site.ts';

const BASE = '/mentoring/';
const GUIDE = 'guides/meeting-prep/';
const FIRST = 'fixture-first-meeting';
const AFTER = 'fixture-after-meeting';
const FEEDBACK = 'fixture-feedback';
const labels = {
  goals: 'Write down two or three goals.',
  research: 'Read their profile and the feedback guide.',
  agenda: 'Send a short agenda.',
  questions: 'Prepare three questions.',
  time: 'Confirm the time and place.',
  thankYou: 'Send a thank-you note.',
};
const axeTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

let work: string;
let siteDir: string;
let v1Dir: string;
let v2Dir: string;
const contexts: BrowserContext[] = [];
/** Folders buildFixture made, removed at the end. */
const builds: string[] = [];

/**
 * Builds one variant of the fixture. Site-wide pages (the glossary) link to
 * real guides, so stub guides with those slugs are added to the copy.
 */
function buildVariant(variant: 'v1' | 'v2'): string {
  const content = join(work, `content-${variant}`);
  cpSync(join(projectRoot, 'tests/fixtures/checklist-reorder', variant, 'content'), content, { recursive: true });
  mkdirSync(join(content, 'guides/burnout-and-wellbeing'), { recursive: true });
  for (const slug of new Set(glossary.flatMap((entry) => (entry.guide ? [entry.guide] : [])))) {
    writeFileSync(
      join(content, 'guides/burnout-and-wellbeing', `${slug}.mdx`),
      [
        '---',
        `title: Stub guide ${slug}`,
        'description: A stub so that site-wide pages linking to this guide still build in the fixture site.',
        'topic: burnout-and-wellbeing',
        'audiences: [student]',
        'reviewed: 2026-11-01',
        "sources:\n  - { title: A source, authors: Someone, year: 2020, url: 'https://example.org/a' }",
        '---',
        '',
        'Stub.',
        '',
      ].join('\n'),
    );
  }
  // Vitest sets NODE_ENV=test and BASE_URL=/ in process.env; the child build would inherit them and
  // come out as a dev build (no service worker) under the wrong base.
  const result = buildFixture('checklist-reorder', {
    MFG_CONTENT_DIR: content,
    MFG_BASE: BASE,
    BASE_URL: BASE,
    NODE_ENV: 'production',
  });
  builds.push(dirname(result.outDir));
  if (!result.ok) throw new Error(`Building checklist-reorder ${variant} failed:\n${result.output}`);
  return result.outDir;
}

/** Puts a build in the served folder: the same origin, so the same localStorage, like a redeploy. */
function deploy(dir: string): void {
  rmSync(siteDir, { recursive: true, force: true });
  cpSync(dir, siteDir, { recursive: true });
}

// Registered before useSite, so that it runs after the server has stopped (afterAll hooks run in reverse order).
afterAll(() => {
  for (const dir of [work, ...builds]) if (dir) rmSync(dir, { recursive: true, force: true });
});

const site = useSite({
  base: BASE,
  dir: () => {
    work = mkdtempSync(join(tmpdir(), 'mfg-checklists-e2e-'));
    v1Dir = buildVariant('v1');
    v2Dir = buildVariant('v2');
    siteDir = join(work, 'site');
    deploy(v1Dir);
    return siteDir;
  },
  timeout: 180_000,
});

interface Visitor {
  context: BrowserContext;
  page: Page;
  /** Uncaught errors in any page of this visitor. */
  errors: string[];
}

/** A new visitor. Service workers are off unless asked for: only the update test is about them, and they slow the rest. */
async function visitor(options: BrowserContextOptions = {}, init?: () => void): Promise<Visitor> {
  const context = await newVisitor(site.browser, { serviceWorkers: 'block', ...options });
  contexts.push(context);
  if (init) await context.addInitScript(init);
  const errors: string[] = [];
  context.on('page', (page) => page.on('pageerror', (error) => errors.push(error.message)));
  const page = await context.newPage();
  page.on('pageerror', (error) => errors.push(error.message));
  return { context, page, errors };
}

afterAll(async () => {
  await Promise.all(contexts.map((context) => context.close().catch(() => {})));
});

const url = (path = '') => `${site.server.url}${path}`;
const checklist = (page: Page, id: string) => page.locator(`#checklist-${id}`);
const count = (page: Page, id: string) => checklist(page, id).locator('[data-count]').textContent();
const box = (page: Page, name: string) => page.getByRole('checkbox', { name, exact: true });
const savedRaw = (page: Page) => page.evaluate((key) => localStorage.getItem(key), PROGRESS_KEY);

async function openGuide(page: Page, hash = ''): Promise<void> {
  await page.goto(url(`${GUIDE}${hash}`));
  await checklist(page, FIRST).locator('[data-count]:not([hidden])').waitFor();
}

async function axe(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(axeTags).analyze();
  return results.violations.map(
    (violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
  );
}

describe('without JavaScript', () => {
  it('is a readable list with empty boxes that print, and no controls that would not work', async () => {
    const { page } = await visitor({ javaScriptEnabled: false });
    await page.goto(url(GUIDE));
    const list = checklist(page, FIRST);
    await expect(list.getByRole('heading', { level: 3 }).textContent()).resolves.toContain('Before your first meeting');
    await expect(list.getByRole('listitem').allTextContents()).resolves.toEqual(Object.values(labels).slice(0, 5));
    expect(await page.getByRole('checkbox').count()).toBe(0);
    expect(await list.locator('.checklist-box').count()).toBe(5);
    expect(await list.getByRole('button').count()).toBe(0);
    expect(await list.locator('[data-count]').isVisible()).toBe(false);
    await page.emulateMedia({ media: 'print' });
    const border = await list
      .locator('.checklist-box')
      .first()
      .evaluate((element) => getComputedStyle(element).borderTopStyle);
    expect(border).toBe('solid');
    expect(await list.locator('.checklist-box').first().isVisible()).toBe(true);
  });
});

describe('ticking', () => {
  it('keeps ticks after a reload, with a count screen readers hear politely', async () => {
    const { page, errors } = await visitor();
    await openGuide(page);
    expect(await count(page, FIRST)).toBe('0 of 5 done');
    await expect(checklist(page, FIRST).locator('[data-count]').getAttribute('aria-live')).resolves.toBe('polite');
    // Clicking the label ticks the box: labels are real <label>s.
    await page.getByText(labels.goals, { exact: true }).click();
    await box(page, labels.agenda).check();
    expect(await count(page, FIRST)).toBe('2 of 5 done');
    expect(await count(page, AFTER)).toBe('0 of 3 done');

    await page.reload();
    await checklist(page, FIRST).locator('[data-count]:not([hidden])').waitFor();
    await expect(box(page, labels.goals).isChecked()).resolves.toBe(true);
    await expect(box(page, labels.agenda).isChecked()).resolves.toBe(true);
    await expect(box(page, labels.research).isChecked()).resolves.toBe(false);
    expect(await count(page, FIRST)).toBe('2 of 5 done');

    await box(page, labels.goals).uncheck();
    await page.reload();
    await expect(box(page, labels.goals).isChecked()).resolves.toBe(false);
    expect(await count(page, FIRST)).toBe('1 of 5 done');
    // Saved under one versioned key, by checklist id and item id.
    expect(JSON.parse((await savedRaw(page))!)).toMatchObject({
      version: 2,
      checklists: { [FIRST]: { items: { agenda: { done: true } } } },
    });
    expect(errors).toEqual([]);
  });

  it('has a permanent anchor, #checklist-<id>, that lands on the checklist', async () => {
    const { page } = await visitor();
    await openGuide(page, `#checklist-${AFTER}`);
    const top = await checklist(page, AFTER).evaluate((element) => element.getBoundingClientRect().top);
    expect(top).toBeGreaterThanOrEqual(0);
    expect(top).toBeLessThan(200);
    const link = checklist(page, AFTER).getByRole('link', { name: 'Link to this checklist' });
    await expect(link.getAttribute('href')).resolves.toBe(`#checklist-${AFTER}`);
  });

  it('works with the keyboard alone: Tab, Space, and a reset that asks first', async () => {
    const { page } = await visitor();
    await openGuide(page);
    const focused = () =>
      page.evaluate(() => {
        const element = document.activeElement;
        const name =
          element instanceof HTMLInputElement ? `checkbox:${element.value}` : (element?.textContent?.trim() ?? '');
        return element?.closest('dialog') ? `dialog:${name}` : name;
      });
    const tabTo = async (target: string) => {
      for (let presses = 0; presses < 120; presses += 1) {
        await page.keyboard.press('Tab');
        if ((await focused()) === target) return;
      }
      throw new Error(`Tab never reached ${target}`);
    };

    await tabTo('checkbox:goals');
    await page.keyboard.press('Space');
    await tabTo('checkbox:research');
    await page.keyboard.press('Space');
    expect(await count(page, FIRST)).toBe('2 of 5 done');
    await page.keyboard.press('Space');
    expect(await count(page, FIRST)).toBe('1 of 5 done');
    await page.keyboard.press('Space');

    await tabTo('Reset checklist');
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Reset “Before your first meeting”?' });
    // The dialog's code loads on the first reset.
    await dialog.waitFor();
    expect(await focused()).toBe('dialog:Cancel');
    await page.keyboard.press('Escape');
    await expect(dialog.isVisible()).resolves.toBe(false);
    expect(await count(page, FIRST)).toBe('2 of 5 done');
    await expect.poll(focused).toBe('Reset checklist');

    await page.keyboard.press('Enter');
    await dialog.waitFor();
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('dialog:Reset checklist');
    await page.keyboard.press('Enter');
    await expect(dialog.isVisible()).resolves.toBe(false);
    // The dialog's "close" event, which applies the reset, comes a moment after the dialog hides.
    await expect.poll(() => count(page, FIRST)).toBe('0 of 5 done');
    await expect(box(page, labels.goals).isChecked()).resolves.toBe(false);
    await expect.poll(focused).toBe('Reset checklist');
  });

  it('shows a tick made in one tab in another open tab', async () => {
    const { context, page: first } = await visitor();
    const second = await context.newPage();
    await openGuide(first);
    await openGuide(second);
    await box(first, labels.questions).check();
    await expect.poll(() => box(second, labels.questions).isChecked()).toBe(true);
    await expect.poll(() => count(second, FIRST)).toBe('1 of 5 done');
    await box(second, labels.questions).uncheck();
    await box(second, labels.thankYou).check();
    await expect.poll(() => box(first, labels.questions).isChecked()).toBe(false);
    await expect.poll(() => count(first, AFTER)).toBe('1 of 3 done');
  });

  it('prints the current ticks, and "Print checklist" prints that checklist alone', async () => {
    const { page } = await visitor();
    await openGuide(page);
    await box(page, labels.goals).check();
    await page.evaluate(() => {
      window.print = () => {};
    });
    await checklist(page, FIRST).getByRole('button', { name: 'Print checklist' }).click();
    await page.emulateMedia({ media: 'print' });
    const mark = (name: string) => box(page, name).evaluate((input) => getComputedStyle(input, '::after').content);
    expect(await mark(labels.goals)).toBe('"✓"');
    expect(await mark(labels.agenda)).toBe('none');
    await expect(checklist(page, FIRST).isVisible()).resolves.toBe(true);
    await expect(checklist(page, FIRST).locator('[data-count]').textContent()).resolves.toBe('1 of 5 done');
    await expect(checklist(page, AFTER).isVisible()).resolves.toBe(false);
    await expect(page.locator('article h1').isVisible()).resolves.toBe(false);
    // On its own, the printout says where it came from.
    await expect(checklist(page, FIRST).locator('.checklist-source').textContent()).resolves.toMatch(
      new RegExp(`From “Preparing for a first mentor meeting”, https?://\\S+${BASE}${GUIDE}#checklist-${FIRST}`),
    );
    // When printing ends, the browser's own print prints the whole guide again, ticks included.
    await page.evaluate(() => dispatchEvent(new Event('afterprint')));
    await expect(checklist(page, AFTER).isVisible()).resolves.toBe(true);
    await expect(page.locator('article h1').isVisible()).resolves.toBe(true);
    await expect(checklist(page, FIRST).locator('.checklist-source').isVisible()).resolves.toBe(false);
    expect(await mark(labels.goals)).toBe('"✓"');
  });
});

describe('when storage fails', () => {
  it('works for the visit and says plainly that progress will not be saved when storage is blocked', async () => {
    const { page, errors } = await visitor({}, () => {
      Object.defineProperty(window, 'localStorage', {
        get() {
          throw new DOMException('The operation is insecure.', 'SecurityError');
        },
      });
    });
    await openGuide(page);
    const notice = checklist(page, FIRST).locator('[data-unsaved]');
    await expect(notice.isVisible()).resolves.toBe(true);
    await expect(notice.textContent()).resolves.toMatch(
      /^Progress won't be saved: .*ticks last only until you leave this page/,
    );
    await box(page, labels.goals).check();
    await box(page, labels.thankYou).check();
    expect(await count(page, FIRST)).toBe('1 of 5 done');
    expect(await count(page, AFTER)).toBe('1 of 3 done');
    await page.goto(url('progress/'));
    await expect(page.locator('mfg-progress [data-unsaved]').isVisible()).resolves.toBe(true);
    expect(errors).toEqual([]);
  });

  it('keeps ticking and warns when a save fails because storage is full', async () => {
    const { page, errors } = await visitor({}, () => {
      const setItem = Storage.prototype.setItem;
      Storage.prototype.setItem = function (key: string, value: string) {
        if (key === 'mfg-progress') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        setItem.call(this, key, value);
      };
    });
    await openGuide(page);
    const notice = checklist(page, FIRST).locator('[data-unsaved]');
    await expect(notice.isVisible()).resolves.toBe(false);
    await box(page, labels.goals).check();
    await expect(box(page, labels.goals).isChecked()).resolves.toBe(true);
    expect(await count(page, FIRST)).toBe('1 of 5 done');
    await expect(notice.isVisible()).resolves.toBe(true);
    await expect(notice.textContent()).resolves.toMatch(/can't be saved right now/);
    await expect(checklist(page, AFTER).locator('[data-unsaved]').isVisible()).resolves.toBe(true);
    expect(errors).toEqual([]);
  });

  it('ignores damaged saved data for that checklist only, and keeps the damaged value in a backup', async () => {
    const { page, errors } = await visitor();
    await page.goto(url());
    const at = '2026-11-01T09:00:00.000Z';
    const raw = JSON.stringify({
      version: 2,
      checklists: {
        [FIRST]: { items: 'this is not a map of items' },
        [AFTER]: { items: { 'thank-you': { done: true, at } }, updatedAt: at },
      },
    });
    await page.evaluate(([key, value]) => localStorage.setItem(key!, value!), [PROGRESS_KEY, raw]);
    await openGuide(page);
    expect(await count(page, FIRST)).toBe('0 of 5 done');
    expect(await count(page, AFTER)).toBe('1 of 3 done');
    await box(page, labels.time).check();
    expect(await count(page, FIRST)).toBe('1 of 5 done');
    const backups = await page.evaluate(
      (prefix) =>
        Object.keys(localStorage)
          .filter((key) => key.startsWith(prefix))
          .map((key) => localStorage.getItem(key)),
      BACKUP_KEY_PREFIX,
    );
    expect(backups).toEqual([raw]);

    // Something that is not JSON at all: the page still works.
    await page.evaluate((key) => localStorage.setItem(key, '{"version": 2, "checklists": {'), PROGRESS_KEY);
    await openGuide(page);
    expect(await count(page, FIRST)).toBe('0 of 5 done');
    await box(page, labels.goals).check();
    expect(await count(page, FIRST)).toBe('1 of 5 done');
    expect(errors).toEqual([]);
  });
});

describe('My progress', () => {
  it('is linked from the header and lists every checklist with its progress and a link to it', async () => {
    const { page } = await visitor();
    await openGuide(page);
    await box(page, labels.goals).check();
    await box(page, labels.agenda).check();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My progress' }).click();
    await page.waitForURL(url('progress/'));
    const rows = page.locator('[data-progress-list] > li');
    await expect(rows.evaluateAll((items) => items.map((item) => item.id))).resolves.toEqual([
      `progress-${FIRST}`,
      `progress-${AFTER}`,
      `progress-${FEEDBACK}`,
    ]);
    const row = (id: string) => page.locator(`#progress-${id}`);
    await expect(row(FIRST).locator('[data-count]').textContent()).resolves.toBe('2 of 5 done');
    await expect(row(AFTER).locator('[data-count]').textContent()).resolves.toBe('Not started (3 items)');
    // Nothing to reset on an untouched checklist.
    await expect(row(AFTER).getByRole('button').count()).resolves.toBe(0);
    await row(AFTER).getByRole('link', { name: 'After the meeting' }).click();
    await page.waitForURL(url(`${GUIDE}#checklist-${AFTER}`));

    // Reset one checklist from the progress page, after confirming.
    await page.goto(url('progress/'));
    await row(FIRST).getByRole('button', { name: 'Reset “Before your first meeting”' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(row(FIRST).locator('[data-count]').textContent()).resolves.toBe('2 of 5 done');
    await row(FIRST).getByRole('button', { name: 'Reset “Before your first meeting”' }).click();
    await dialog.getByRole('button', { name: 'Reset checklist' }).click();
    // The dialog closes, then the row updates: wait for it as a reader would.
    await expect.poll(() => row(FIRST).locator('[data-count]').textContent()).toBe('Not started (5 items)');
    // Its button goes with the ticks; focus stays in the row, on the checklist's link.
    await expect(row(FIRST).getByRole('button').count()).resolves.toBe(0);
    await expect(page.evaluate(() => document.activeElement?.textContent?.trim())).resolves.toBe(
      'Before your first meeting',
    );
  });

  it("a checklist's own “My progress” link opens its topic's progress page at its row, where reset works too", async () => {
    const { page } = await visitor();
    await openGuide(page);
    await box(page, labels.goals).check();
    await page.locator(`#checklist-${FIRST}`).getByRole('link', { name: 'My progress' }).click();
    await page.waitForURL(url(`progress/meetings/#progress-${FIRST}`));
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
      'My progress: Mentoring meetings',
    );
    // Only the topic's checklists: the feedback guide's list is on its own topic page.
    await expect(
      page.locator('[data-progress-list] > li').evaluateAll((items) => items.map((item) => item.id)),
    ).resolves.toEqual([`progress-${FIRST}`, `progress-${AFTER}`]);
    const count = page.locator(`#progress-${FIRST} [data-count]`);
    await expect(count.textContent()).resolves.toBe('1 of 5 done');
    await page
      .locator(`#progress-${FIRST}`)
      .getByRole('button', { name: /^Reset/ })
      .click();
    await page.getByRole('dialog').getByRole('button', { name: 'Reset checklist' }).click();
    await expect.poll(() => count.textContent()).toBe('Not started (5 items)');
    await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: 'My progress' }).click();
    await page.waitForURL(url('progress/'));
  });

  it('exports progress to a file, clears it, and imports it back; an invalid file changes nothing', async () => {
    const { page, errors } = await visitor();
    await openGuide(page);
    await box(page, labels.goals).check();
    await box(page, labels.time).check();
    await box(page, labels.thankYou).check();
    await page.goto(url('progress/'));
    const row = (id: string) => page.locator(`#progress-${id} [data-count]`);
    const message = page.locator('mfg-progress [data-message]');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: /Export progress/ }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^mentor-field-guide-progress-\d{4}-\d{2}-\d{2}\.json$/);
    const file = join(work, 'exported-progress.json');
    await download.saveAs(file);
    const exported = JSON.parse(readFileSync(file, 'utf8'));
    expect(Object.keys(exported.checklists[FIRST].items).sort()).toEqual(['goals', 'time']);

    await page.getByRole('button', { name: 'Clear all progress' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Clear all progress' }).click();
    await expect.poll(() => row(FIRST).textContent()).toBe('Not started (5 items)');
    await expect.poll(() => row(AFTER).textContent()).toBe('Not started (3 items)');

    await page.getByLabel('Import progress from a file').setInputFiles(file);
    await expect.poll(() => message.textContent()).toMatch(/^Imported 3 ticks from 2 checklists/);
    await expect(row(FIRST).textContent()).resolves.toBe('2 of 5 done');
    await expect(row(AFTER).textContent()).resolves.toBe('1 of 3 done');
    const before = await savedRaw(page);

    for (const [name, content] of [
      ['notes.json', '{ this is not json'],
      ['package.json', '{"name": "something-else", "version": "1.0.0"}'],
    ] as const) {
      await page
        .getByLabel('Import progress from a file')
        .setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(content) });
      await expect.poll(() => message.textContent()).toMatch(/^This file can't be imported: .*Nothing was changed\.$/);
      await message.evaluate((element) => (element.textContent = ''));
    }
    expect(await savedRaw(page)).toBe(before);
    await expect(row(FIRST).textContent()).resolves.toBe('2 of 5 done');

    await page.goto(url(GUIDE));
    await expect(box(page, labels.time).isChecked()).resolves.toBe(true);
    await expect(box(page, labels.thankYou).isChecked()).resolves.toBe(true);
    expect(errors).toEqual([]);
  });
});

describe('accessibility', () => {
  for (const colorScheme of ['light', 'dark'] as const) {
    it(`axe finds nothing on a guide with checklists, the reset dialog and "My progress" (${colorScheme})`, async () => {
      const { page } = await visitor({ colorScheme });
      await openGuide(page);
      await box(page, labels.goals).check();
      expect(await axe(page)).toEqual([]);
      await checklist(page, FIRST).getByRole('button', { name: 'Reset checklist' }).click();
      await page.getByRole('dialog').waitFor();
      expect(await axe(page)).toEqual([]);
      await page.keyboard.press('Escape');
      await page.goto(url('progress/'));
      await page
        .getByLabel('Import progress from a file')
        .setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('nope') });
      await expect.poll(() => page.locator('mfg-progress [data-message]').textContent()).toMatch(/can't be imported/);
      expect(await axe(page)).toEqual([]);
    });
  }

  it('axe finds nothing when storage is blocked and the notice shows', async () => {
    const { page } = await visitor({}, () => {
      Object.defineProperty(window, 'localStorage', {
        get() {
          throw new DOMException('The operation is insecure.', 'SecurityError');
        },
      });
    });
    await openGuide(page);
    expect(await axe(page)).toEqual([]);
  });
});

describe('a new deploy that reorders, rewords, removes and inserts items', () => {
  it('keeps every tick by id and counts only the items the guide has now', async () => {
    const { page } = await visitor();
    await openGuide(page);
    for (const name of [labels.goals, labels.research, labels.agenda, labels.time, labels.thankYou])
      await box(page, name).check();
    expect(await count(page, FIRST)).toBe('4 of 5 done');

    deploy(v2Dir);
    await page.reload();
    await checklist(page, FIRST).locator('[data-count]:not([hidden])').waitFor();
    const items = await checklist(page, FIRST)
      .getByRole('checkbox')
      .evaluateAll((inputs) =>
        inputs.map(
          (input) => `${(input as HTMLInputElement).labels?.[0]?.textContent}: ${(input as HTMLInputElement).checked}`,
        ),
      );
    expect(items).toEqual([
      'Confirm the time, the place and how long you have.: true',
      'Bring a notebook or a notes app.: false',
      'Email a three-line agenda two days ahead.: true',
      'Write down two or three goals.: true',
      'Prepare three questions.: false',
    ]);
    // "research" was removed: its tick no longer counts.
    expect(await count(page, FIRST)).toBe('3 of 5 done');
    expect(await count(page, AFTER)).toBe('1 of 3 done');
    await page.goto(url('progress/'));
    await expect(page.locator(`#progress-${FIRST} [data-count]`).textContent()).resolves.toBe('3 of 5 done');
  });
  it('keeps ticks through a service-worker update to the new deploy', async () => {
    deploy(v1Dir);
    const { page, errors } = await visitor({ serviceWorkers: 'allow' });
    await openGuide(page);
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await box(page, labels.goals).check();
    await box(page, labels.agenda).check();
    await page.reload();
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);

    deploy(v2Dir);
    await openGuide(page);
    // The worker still serves the saved version, with its ticks.
    await expect(box(page, labels.agenda).isChecked()).resolves.toBe(true);
    // It finds the new deploy and, once it takes over, the new guide shows with the same ticks.
    await page.evaluate(async () => {
      const registration = (await navigator.serviceWorker.getRegistration())!;
      await registration.update();
      const waiting =
        registration.waiting ??
        (await new Promise<ServiceWorker>((resolve) => {
          const installing = registration.installing!;
          installing.addEventListener('statechange', () => {
            if (installing.state === 'installed') resolve(installing);
          });
        }));
      const taken = new Promise((resolve) =>
        navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }),
      );
      waiting.postMessage({ type: 'SKIP_WAITING' });
      await taken;
    });
    await openGuide(page);
    await expect(box(page, 'Email a three-line agenda two days ahead.').isChecked()).resolves.toBe(true);
    await expect(box(page, labels.goals).isChecked()).resolves.toBe(true);
    await expect(box(page, 'Bring a notebook or a notes app.').isChecked()).resolves.toBe(false);
    expect(await count(page, FIRST)).toBe('2 of 5 done');
    expect(errors).toEqual([]);
  });
});

describe('the real site', () => {
  const real = useServer();

  it('lists every checklist of every guide on "My progress", each linking to its anchor', async () => {
    const guides = readdirSync(join(distDir, 'guides'), { withFileTypes: true }).filter((entry) => entry.isDirectory());
    const onGuides = guides.flatMap((guide) => {
      const html = readFileSync(join(distDir, 'guides', guide.name, 'index.html'), 'utf8');
      return [...html.matchAll(/<section class="checklist[^"]*" id="checklist-([^"]+)"/g)].map(
        (match) => `/guides/${guide.name}/#checklist-${match[1]}`,
      );
    });
    const { page } = await visitor();
    await page.goto(`${real.server.url}progress/`);
    const links = await page
      .locator('[data-progress-list] > li a')
      .evaluateAll((anchors) => anchors.map((anchor) => anchor.getAttribute('href')));
    expect(links.toSorted()).toEqual(onGuides.toSorted());
    expect(await axe(page)).toEqual([]);

    // Each topic's own progress page lists exactly that topic's checklists; together, every one.
    const topicPages = readdirSync(join(distDir, 'progress'), { withFileTypes: true }).filter((entry) =>
      entry.isDirectory(),
    );
    const onTopicPages: string[] = [];
    for (const topic of topicPages) {
      await page.goto(`${real.server.url}progress/${topic.name}/`);
      const hrefs = await page
        .locator('[data-progress-list] > li a')
        .evaluateAll((anchors) => anchors.map((anchor) => anchor.getAttribute('href') ?? ''));
      for (const href of hrefs) {
        const guide = readFileSync(join(distDir, href.split('#')[0]!, 'index.html'), 'utf8');
        expect(guide, `${href} is listed under ${topic.name}`).toContain(`/progress/${topic.name}/#progress-`);
      }
      onTopicPages.push(...hrefs);
    }
    expect(onTopicPages.toSorted()).toEqual(onGuides.toSorted());
  });
});
