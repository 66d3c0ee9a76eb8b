/**
 * Every built HTML page is valid HTML (html-validate's recommended rules, which
 * include its WCAG checks and forbid inline styles the Content-Security-Policy
 * would block). Reads the built site: `npm run build` first.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { HtmlValidate, type ConfigData } from 'html-validate';
import { describe, expect, it } from 'vitest';
import { listFiles } from '../../src/integrations/dist-files.ts';
import { distDir } from '../support/site.ts';

const config: ConfigData = {
  root: true,
  extends: ['html-validate:recommended'],
  rules: {
    // A page title is the guide's title plus the site name; search results shorten long ones, which does no harm.
    'long-title': 'off',
    // The search forms submit with Enter and show results as you type; a submit button is a sufficient technique (H32), not a requirement.
    'wcag/h32': 'off',
    // The text of the help lines' tel: links is a sentence ("Call or text 988, or chat at …"), not a bare number to keep unbroken.
    'tel-non-breaking': 'off',
    // Unnamed <aside> callouts, and the table of contents twice (narrow and wide layouts, CSS shows one): not a WCAG failure, and axe checks the rendered page.
    'unique-landmark': 'off',
    // HTML allows ids that start with a digit; heading ids come from headings such as "1. Take stock of yourself".
    'valid-id': ['error', { relaxed: true }],
    // Topic filters are checkboxes sharing one name, so the search URL carries ?topic=a&topic=b.
    'form-dup-name': ['error', { shared: ['radio', 'checkbox', 'button', 'reset', 'submit'] }],
  },
};

describe('HTML validity', () => {
  it('every built page is valid HTML', async () => {
    const files = (await listFiles(distDir)).filter((file) => file.endsWith('.html'));
    expect(files.length).toBeGreaterThan(10);
    const validator = new HtmlValidate(config);
    const problems: string[] = [];
    for (const file of files) {
      const report = await validator.validateString(await readFile(join(distDir, file), 'utf8'), file);
      for (const result of report.results) {
        for (const message of result.messages) {
          problems.push(
            `${file}:${message.line}:${message.column} ${message.ruleId}: ${message.message} (${message.selector ?? 'document'})`,
          );
        }
      }
    }
    expect(problems, problems.slice(0, 40).join('\n')).toEqual([]);
  });
});
