/**
 * On a guide opened from search (?highlight=word&highlight=word), marks the
 * searched words in the guide text. Pagefind's highlight script (about 10 KB)
 * loads only then; a plain visit loads nothing.
 */
import { HIGHLIGHT_PARAM } from '../lib/search-options.ts';

interface PagefindHighlightModule {
  default: new (options: Record<string, unknown>) => unknown;
}

const words = new URLSearchParams(location.search).getAll(HIGHLIGHT_PARAM).filter((word) => word.trim());
if (words.length > 0) {
  const base = import.meta.env.BASE_URL;
  void import(/* @vite-ignore */ `${base}pagefind/pagefind-highlight.js`).then(
    ({ default: PagefindHighlight }: PagefindHighlightModule) => {
      // Styles come from the `pagefind` layer in global.css: the CSP forbids the inline <style> Pagefind would add.
      new PagefindHighlight({ highlightParam: HIGHLIGHT_PARAM, addStyles: false });
    },
  );
}
