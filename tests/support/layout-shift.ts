/**
 * Layout shifts as Chromium reports them (the Layout Instability API), for tests
 * that check a page does not move under the reader while its scripts fill it in.
 */
import type { BrowserContext, Page } from 'playwright-core';

interface ShiftEntry {
  value: number;
  hadRecentInput: boolean;
  sources: { node: Node | null }[];
}

/** Records every layout shift from the first paint, on each page the context (or page) opens from now on. */
export async function recordLayoutShifts(target: BrowserContext | Page): Promise<void> {
  await target.addInitScript(() => {
    const shifts: string[] = [];
    (window as unknown as { mfgLayoutShifts: string[] }).mfgLayoutShifts = shifts;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as unknown as ShiftEntry[]) {
        // A shift right after a click or a key press is the reader's own doing, and not counted (as in CLS).
        if (entry.hadRecentInput) continue;
        const moved = entry.sources.map((source) => source.node?.nodeName.toLowerCase() ?? '?').join(', ');
        shifts.push(`${entry.value.toFixed(4)} (${moved})`);
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
}

/** The page's layout shifts so far, read after two frames so none is pending, and their sum. */
export async function layoutShifts(page: Page): Promise<{ total: number; shifts: string[] }> {
  const shifts = await page.evaluate(
    () =>
      new Promise<string[]>((resolve) =>
        requestAnimationFrame(() =>
          requestAnimationFrame(() => resolve((window as unknown as { mfgLayoutShifts: string[] }).mfgLayoutShifts)),
        ),
      ),
  );
  return { total: shifts.reduce((sum, shift) => sum + Number.parseFloat(shift), 0), shifts };
}
