import { describe, expect, it } from 'vitest';
import { checkSearchIndexComplete } from '../../src/integrations/post-build.ts';
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

describe('checkSearchIndexComplete: search must hold every page with searchable text', () => {
  const pages = [
    { path: '/', html: '<main>Home</main>' },
    { path: '/guides/a/', html: '<article data-pagefind-body>A</article>' },
    { path: '/guides/b/', html: '<article data-pagefind-body>B</article>' },
  ];

  it('passes when the index holds every guide page', () => {
    expect(() => checkSearchIndexComplete(2, pages)).not.toThrow();
  });

  it('fails the build, naming the counts and where the pages come from, when the index missed pages', () => {
    expect(() => checkSearchIndexComplete(0, pages)).toThrow(
      /holds 0 pages, but 2 built pages have data-pagefind-body[\s\S]*src\/integrations\/search-index\.ts[\s\S]*setPrerenderer/,
    );
  });
});
