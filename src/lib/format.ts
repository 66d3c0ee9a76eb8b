// One formatter per language: creating an Intl.DateTimeFormat is slow, and every page shows dates.
const formatters = new Map<string, Intl.DateTimeFormat>();

/** Dates shown to readers, e.g. "November 1, 2026"; always UTC so builds agree everywhere. */
export function formatDate(date: Date, lang = 'en'): string {
  const locale = lang === 'en' ? 'en-US' : lang;
  let formatter = formatters.get(locale);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
    formatters.set(locale, formatter);
  }
  return formatter.format(date);
}

/** Machine-readable date for <time datetime>. */
export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}
