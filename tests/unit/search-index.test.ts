import { describe, expect, it } from 'vitest';
import { pageSourcePath } from '../../src/integrations/search-index.ts';

describe('pageSourcePath: the dist/ file a rendered page is written to, which Pagefind turns into its URL', () => {
  it('gives a directory page its index.html, at the root and under a base path', () => {
    expect(pageSourcePath('http://localhost/guides/first-meeting/', '/')).toBe('guides/first-meeting/index.html');
    expect(pageSourcePath('http://localhost/mentoring/guides/first-meeting/', '/mentoring/')).toBe(
      'guides/first-meeting/index.html',
    );
    expect(pageSourcePath('http://localhost/mentoring/guides/first-meeting/', '/mentoring')).toBe(
      'guides/first-meeting/index.html',
    );
  });

  it('maps the home page and .html pages as Astro writes them', () => {
    expect(pageSourcePath('http://localhost/', '/')).toBe('index.html');
    expect(pageSourcePath('http://localhost/mentoring/', '/mentoring/')).toBe('index.html');
    expect(pageSourcePath('http://localhost/404.html', '/')).toBe('404.html');
    expect(pageSourcePath('http://localhost/about', '/')).toBe('about/index.html');
  });

  it('decodes escaped characters, so the index URL matches the file name', () => {
    expect(pageSourcePath('http://localhost/guides/caf%C3%A9/', '/')).toBe('guides/café/index.html');
  });
});
