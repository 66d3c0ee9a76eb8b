/**
 * The slice of a long list that a page's navigation shows: the current item
 * with its neighbours, so a guide page's HTML stays the same size however many
 * guides its topic has (the topic page lists them all).
 */
export interface NavWindow<T> {
  items: T[];
  /** Items left out before and after the window. */
  hiddenBefore: number;
  hiddenAfter: number;
}

export function navWindow<T>(items: readonly T[], currentIndex: number, limit: number): NavWindow<T> {
  if (!Number.isInteger(limit) || limit < 1)
    throw new Error(`navWindow: limit must be a positive whole number, got ${limit}`);
  if (items.length <= limit) return { items: [...items], hiddenBefore: 0, hiddenAfter: 0 };
  const current = Math.min(Math.max(currentIndex, 0), items.length - 1);
  const start = Math.min(Math.max(current - Math.floor((limit - 1) / 2), 0), items.length - limit);
  return { items: items.slice(start, start + limit), hiddenBefore: start, hiddenAfter: items.length - start - limit };
}
