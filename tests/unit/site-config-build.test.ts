/**
 * Local customisation: the documented example config (site.config.example.ts)
 * builds, and its local contacts appear on a burnout page, in the footer, on
 * the program directors' page and on handouts, under its base path; an invalid
 * config fails the build with a message naming the file, the fields and the fix.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import QRCode from 'qrcode';
import { beforeAll, describe, expect, it } from 'vitest';
import example from '../../site.config.example.ts';
import { QR_OPTIONS } from '../../src/lib/qr-code.ts';
import { buildFixture, type FixtureBuild } from '../support/build-fixture.ts';

// A small complete site (it has burnout and well-being guides and a reading path).
const fixture = 'permalink-renamed-guide';

// Vitest puts Vite's BASE_URL ("/") and MODE into process.env; the child `astro build` would take
// BASE_URL as its own and drop the example's base path from every link. This file runs in its own worker.
delete process.env.BASE_URL;
delete process.env.MODE;

describe('the example config', () => {
  let build: FixtureBuild;
  const html = (path: string) => readFileSync(join(build.outDir, path, 'index.html'), 'utf8');
  const text = (markup: string) => markup.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

  beforeAll(() => {
    build = buildFixture(fixture, { MFG_SITE_CONFIG: 'example' });
    if (!build.ok) throw new Error(`The example config did not build:\n${build.output}`);
  }, 180_000);

  it('has a fictional institution and all four kinds of local contact', () => {
    expect(example.institution?.name).toBe('Northfield University School of Medicine');
    expect(example.localResources.map((resource) => resource.kind).sort()).toEqual(
      ['employee-assistance', 'mentoring-program', 'ombudsperson', 'wellness'].sort(),
    );
  });

  it('shows every local contact in "Get help now" on a burnout page, with its phone and email links', () => {
    const page = html('guides/what-is-burnout');
    const helpNow = /<aside[^>]*data-help-now[\s\S]*?<\/aside>/.exec(page)?.[0] ?? '';
    expect(text(helpNow)).toContain('At Northfield University School of Medicine');
    for (const resource of example.localResources) {
      expect(helpNow).toContain(`data-local-resource="${resource.kind}"`);
      expect(text(helpNow)).toContain(resource.name);
      if (resource.email) expect(helpNow).toContain(`href="mailto:${resource.email}"`);
    }
    expect(helpNow).toContain('href="tel:+15550100"');
  });

  it('shows the local contacts and the institution in the footer of every page', () => {
    for (const path of ['', 'guides/new-name', 'paths/fixture-path']) {
      // The site footer is the page's last <footer>.
      const page = html(path);
      const footer = page.slice(page.lastIndexOf('<footer'));
      for (const resource of example.localResources) expect(text(footer), path).toContain(resource.name);
      expect(text(footer)).toContain('Provided by Northfield University School of Medicine');
    }
  });

  it('serves the site under its base path with its name and accent colour', () => {
    const home = html('');
    expect(/<title>[^<]*<\/title>/.exec(home)?.[0]).toBe('<title>Northfield Mentoring Guide</title>');
    expect(/--mfg-accent:\s*(#[0-9a-f]{6})/i.exec(home)?.[1]).toBe('#6d28d9');
    const entryPoints = /<p[^>]*data-entry-points[\s\S]*?<\/p>/.exec(home)?.[0];
    expect(entryPoints).toContain('href="/mentoring/paths/"');
    expect(entryPoints).toContain('href="/mentoring/program-directors/"');
  });

  it('puts its own address in permanent links and in the handout QR code, and its contacts on the handout', async () => {
    const url = 'https://intranet.northfield.example.edu/mentoring/paths/fixture-path/';
    expect(html('program-directors').includes(`>${url}</code>`)).toBe(true);
    expect(text(html('program-directors'))).toContain('Office of the Ombudsperson');
    const handout = html('paths/fixture-path/handout');
    // The handout's code is exactly the QR code of the path's absolute URL.
    const inner = (svg: string) => svg.trim().replace(/^<svg [^>]*>/, '');
    const svg = /<svg role="img"[^>]*>[\s\S]*?<\/svg>/.exec(handout)?.[0] ?? '';
    expect(svg).toContain(`aria-label="QR code that opens this reading path: ${url}"`);
    expect(inner(svg)).toBe(inner(await QRCode.toString(url, QR_OPTIONS)));
    expect(text(handout)).toContain(
      'Support at Northfield University School of Medicine: Student and Resident Wellness Office +1 555 0100',
    );
  });
});

describe('an invalid config', () => {
  it('fails the build naming the file, each bad field and what is allowed', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'mfg-config-')), 'site.config.json');
    writeFileSync(
      file,
      JSON.stringify({
        ...example,
        base: 'mentoring',
        accentColor: 'purple',
        localResources: [{ ...example.localResources[0], kind: 'chaplain' }],
      }),
    );
    const build = buildFixture(fixture, { MFG_SITE_CONFIG: file });
    expect(build.ok).toBe(false);
    expect(build.output).toContain(`Invalid site config in ${file}:`);
    expect(build.output).toContain('  - base: must start and end with "/", e.g. "/" or "/mentoring/"');
    expect(build.output).toContain('  - accentColor: must be a hex colour such as "#0f766e"');
    expect(build.output).toMatch(/ {2}- localResources\.0\.kind: .*"wellness"/);
  });
});
