/**
 * Reconciliation of the publication-date signals into one answer: declared
 * metadata first, checked against the URL, the date printed under the
 * headline and each other (see `zones.ts` for the time-zone rules).
 */
import { dayNumber, isLocalDayOf, preferLocalForm, zoneKind } from './zones.js';

/** Every publication-date signal of a page, one value (or null) per source. */
export interface DateCandidates {
  /** `<meta>` names of the published-date table. */
  meta: string | null;
  /** `<meta>` names that carry a date without naming it (`date`, `dc.date`). */
  genericMeta: string | null;
  /** JSON-LD `datePublished`. */
  ldPublished: string | null;
  /** JSON-LD `dateCreated`. */
  ldCreated: string | null;
  /** Microdata `datePublished`. */
  microdata: string | null;
  /** The `<time>` element of the publication. */
  time: string | null;
  /** A date in the page URL or its canonical URL. */
  url: string | null;
  /** The modification date. */
  modified: string | null;
}

/** The printed-date searches, called lazily: they are the slow part. */
export interface PrintedDates {
  /** The nearest date printed around the headline: date-like elements, then labelled ones, then any. */
  near: () => string | null;
  /** The same, else the nearest printed date anywhere on the page. */
  any: () => string | null;
}

/** Greatest gap (days) between a URL date and a metadata date for the two to be the same day in different time zones. */
const URL_AGREEMENT_DAYS = 2;

/**
 * Reconciles the publication-date signals. Meta names come first, as
 * htmldate reads them: the CMS writes them for this article, while JSON-LD
 * blocks are often added by plugins that fill datePublished with the post's
 * first draft. Where the signals state one moment in several time zones, the
 * newsroom's local form wins; a bare day that both the date printed under the
 * headline and another signal's timestamp contradict gives way to them. The
 * printed dates are a fallback of last resort, then the modification date.
 */
export function resolvePublished(c: DateCandidates, printed: PrintedDates): string | null {
  const declared = [c.meta, c.genericMeta, c.ldPublished, c.ldCreated, c.microdata, c.time];
  const first = declared.find((d) => d !== null) ?? null;
  if (!first) return c.url ?? printed.any() ?? c.modified;
  if (first === c.genericMeta && c.meta === null) {
    const shown = printed.near();
    if (shown && !first.startsWith(shown)) return shown;
  }
  const chosen = chooseDeclaredOrUrl(preferLocalForm(first, declared), c.url);
  const kind = zoneKind(chosen);
  if (kind === 'utc' || kind === 'floating') {
    // A UTC timestamp with no local form: the date printed under the headline, when it is the
    // timestamp's local day somewhere, is the day the newsroom published on. A time without an
    // offset is as often UTC with its "Z" left off as local time: the printed day tells them apart.
    const shown = printed.near();
    if (shown && isLocalDayOf(kind === 'floating' ? `${chosen}Z` : chosen, shown)) return shown;
  } else if (kind === 'date') {
    // Agreement: a bare day (a date-only meta, the URL) loses to the printed day when a timestamp says it too.
    const shown = printed.near();
    if (shown && !chosen.startsWith(shown)) return declared.find((d) => d !== null && d.length > 10 && d.startsWith(shown)) ?? chosen;
  }
  return chosen;
}

/**
 * The declared date against the URL's. The URL is written once, when the
 * story is filed, in the newsroom's own time zone: where it and a UTC or
 * offset-less timestamp disagree by a day or two, the URL has the local
 * calendar date; a timestamp with the newsroom's own offset already shows it.
 * A URL days older than the declared date keeps the filing date of a story
 * the site re-stamped (a migration, a re-publication); a URL days newer is
 * another story's, or a section page's.
 */
function chooseDeclaredOrUrl(declared: string, url: string | null): string {
  if (!url) return declared;
  const gap = dayNumber(declared) - dayNumber(url);
  if (gap > URL_AGREEMENT_DAYS) return url;
  if (zoneKind(declared) === 'offset' || declared.startsWith(url)) return declared;
  return Math.abs(gap) <= URL_AGREEMENT_DAYS ? url : declared;
}
