import { describe, expect, it } from 'vitest';
import { joinBase, routes } from '../../src/lib/routes.ts';
import { isDark, parseThemeChoice } from '../../src/lib/theme.ts';
import { parseSiteConfig } from '../../src/schemas/site-config.ts';
import siteConfig from '../../site.config.ts';

describe('routes under a base path', () => {
  it('joins paths at the root and under a sub-path', () => {
    expect(routes.guide('/', 'first-meeting')).toBe('/guides/first-meeting/');
    expect(routes.guide('/mentoring/', 'first-meeting')).toBe('/mentoring/guides/first-meeting/');
    expect(joinBase('/mentoring', '/search/')).toBe('/mentoring/search/');
    expect(routes.home('/mentoring/')).toBe('/mentoring/');
  });
});

describe('theme choice', () => {
  it('follows the system unless the reader chose', () => {
    expect(isDark(parseThemeChoice(null), true)).toBe(true);
    expect(isDark(parseThemeChoice('light'), true)).toBe(false);
    expect(isDark(parseThemeChoice('dark'), false)).toBe(true);
    expect(parseThemeChoice('purple')).toBe('auto');
  });
});

describe('site config', () => {
  it('the committed config is valid', () => {
    expect(siteConfig.name.length).toBeGreaterThan(1);
  });

  it('rejects a bad base path and colour, naming the file and fields', () => {
    expect(() => parseSiteConfig({ ...siteConfig, base: 'mentoring', accentColor: 'teal' }, 'site.config.ts')).toThrow(
      /Invalid site config in site\.config\.ts:\n  - base: must start and end with "\/".*\n  - accentColor: must be a hex colour/s,
    );
  });
});
