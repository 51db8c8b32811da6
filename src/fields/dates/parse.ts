/**
 * Date parsing for publication dates: machine formats (ISO 8601, compact,
 * epochs) and dates printed in text in English, German, French, Spanish,
 * Italian, Portuguese, Dutch, Russian and the year-month-day of Chinese,
 * Japanese and Korean ("Sunday, May 19, 2024", "2024年5月19日",
 * "19. Mai 2024", "19 mai 2024", "19/05/2024" with the page language deciding
 * the day-month order), plus relative dates ("3 hours ago") against a
 * reference date. Results are ISO 8601 strings: the page's own offset is kept
 * when it gives one; a date without a time is "YYYY-MM-DD".
 */
import { MONTH_NUMBERS, RELATIVE_UNITS, RELATIVE_PATTERNS } from './tables.js';

/** Earliest plausible publication date (the web's news archives start here). */
export const MIN_YEAR = 1995;

/** Options of the parsers. */
export interface DateContext {
  /** Page language (BCP 47), deciding D/M/Y against M/D/Y for numeric dates; null = day first unless impossible. */
  language: string | null;
  /** "Now" for relative dates and the upper bound of plausible dates. */
  referenceDate: Date;
}

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

function validYmd(y: number, m: number, d: number, ctx: DateContext): boolean {
  if (m < 1 || m > 12 || d < 1 || d > 31) return false;
  if (y < MIN_YEAR) return false;
  const maxYear = ctx.referenceDate.getUTCFullYear() + 1;
  if (y > maxYear) return false;
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d && dt.getTime() <= ctx.referenceDate.getTime() + 2 * 86_400_000;
}

function ymd(y: number, m: number, d: number): string {
  return `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
}

/** ISO 8601 and close variants: "2024-05-19", "2024-05-19T08:00:00+09:00", "2024-05-19 08:00", "2024/05/19". */
const ISO =
  /^\s*(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:(?:[T\s]+)(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*(Z|[+-]\d{2}:?\d{2}|(?:GMT|UTC)(?:[+-]\d{1,2}(?::?\d{2})?)?)?)?/i;
/** Compact "20240519" or "20240519T080000Z". */
const COMPACT = /^\s*(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})?(Z|[+-]\d{4})?)?\s*$/;
/** RFC 2822 dates: "Sun, 19 May 2024 08:00:00 +0200" (weekday optional). */
const RFC_2822 =
  /^\s*(?:[A-Za-z]{3},?\s+)?(\d{1,2})\s+([A-Za-z]{3})[a-z]*\.?\s+(\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(Z|GMT|UTC|[+-]\d{4}|[+-]\d{2}:\d{2})?)?/;
/** Epoch seconds or milliseconds. */
const EPOCH = /^\s*(\d{10}|\d{13})\s*$/;

function normaliseOffset(raw: string | undefined): string {
  if (!raw) return '';
  const z = raw.toUpperCase();
  if (z === 'Z' || z === 'GMT' || z === 'UTC') return 'Z';
  const m = /([+-])(\d{1,2}):?(\d{2})?$/.exec(z);
  if (!m) return '';
  return `${m[1]}${pad(Number(m[2]))}:${m[3] ?? '00'}`;
}

/** Parses a machine-readable date (meta content, `datetime`, JSON-LD). Null when it is not one or implausible. */
export function parseMachineDate(value: string, ctx: DateContext): string | null {
  const text = value.trim();
  if (!text || text.length > 64) return null;
  let m = ISO.exec(text);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (!validYmd(y, mo, d, ctx)) return null;
    if (m[4] === undefined) return ymd(y, mo, d);
    const h = Number(m[4]);
    const mi = Number(m[5]);
    const s = m[6] !== undefined ? Number(m[6]) : 0;
    if (h > 23 || mi > 59 || s > 60) return ymd(y, mo, d);
    return `${ymd(y, mo, d)}T${pad(h)}:${pad(mi)}:${pad(s)}${normaliseOffset(m[7])}`;
  }
  m = COMPACT.exec(text);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (!validYmd(y, mo, d, ctx)) return null;
    if (m[4] === undefined) return ymd(y, mo, d);
    return `${ymd(y, mo, d)}T${m[4]}:${m[5]}:${m[6] ?? '00'}${normaliseOffset(m[7])}`;
  }
  m = EPOCH.exec(text);
  if (m) {
    const n = Number(m[1]);
    const dt = new Date(m[1]!.length === 13 ? n : n * 1000);
    if (!validYmd(dt.getUTCFullYear(), dt.getUTCMonth() + 1, dt.getUTCDate(), ctx)) return null;
    return dt.toISOString().replace('.000Z', 'Z');
  }
  // RFC 2822 ("Sun, 19 May 2024 08:00:00 +0200"): the page's own offset is kept.
  const rfc = RFC_2822.exec(text);
  if (rfc) {
    const mo = MONTH_NUMBERS.get(rfc[2]!.toLowerCase());
    const [d, y] = [Number(rfc[1]), Number(rfc[3])];
    if (mo !== undefined && validYmd(y, mo, d, ctx)) {
      if (rfc[4] === undefined) return ymd(y, mo, d);
      return `${ymd(y, mo, d)}T${pad(Number(rfc[4]))}:${rfc[5]}:${rfc[6] ?? '00'}${normaliseOffset(rfc[7])}`;
    }
  }
  if (/^[A-Za-z]{3},?\s+\d{1,2}\s+[A-Za-z]{3}\s+\d{4}/.test(text)) {
    const t = Date.parse(text);
    if (!Number.isNaN(t)) {
      const dt = new Date(t);
      if (validYmd(dt.getUTCFullYear(), dt.getUTCMonth() + 1, dt.getUTCDate(), ctx)) return dt.toISOString().replace('.000Z', 'Z');
    }
  }
  return parseTextDate(text, ctx);
}

/** "May 19, 2024" / "Sunday, May 19, 2024" / "May 19th 2024". */
const MONTH_FIRST = /(?:^|[^\p{L}])(\p{L}{3,10})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?!\d)/u;
/** "19 May 2024" / "19. Mai 2024" / "19 de mayo de 2024" / "19 мая 2024". */
const DAY_FIRST = /(?:^|[^\p{L}\d])(\d{1,2})(?:\.|er|º|°)?\s*(?:de\s+)?(\p{L}{3,10})\.?,?\s+(?:de\s+)?(\d{4})(?!\d)/u;
/** "19/05/2024", "19.05.2024", "05-19-2024", "19/05/24". */
const NUMERIC = /(?:^|[^\d])(\d{1,2})([./-])(\d{1,2})\2(\d{4}|\d{2})(?![\d])/;
/** "2024-05-19" or "2024/05/19" inside text. */
const YMD_IN_TEXT = /(?:^|[^\d])(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?![\d])/;

/** Chinese, Japanese and Korean dates: "2020年7月3日", "2020年07月03日", "2020년 7월 3일". */
const CJK_YMD = /(\d{4})\s*[年년]\s*(\d{1,2})\s*[月월]\s*(\d{1,2})\s*[日일]/u;

/** A year, or a numeric day and month: the digits every absolute printed date has. */
const HAS_DATE_DIGITS = /(?:19|20)\d\d|\d{1,2}[./-]\d{1,2}[./-]\d{2}/;

/** Languages that print numeric dates month first. */
const MONTH_FIRST_LANGUAGES = /^en-(?:us|ph|ca)$|^en$/i;

function monthNumber(word: string): number | null {
  return MONTH_NUMBERS.get(word.toLowerCase().replace(/\.$/, '')) ?? null;
}

/** Longest text (chars) searched for a printed date. */
const MAX_TEXT_CHARS = 200;

/**
 * Parses a date printed in text. Null when none is found or it is implausible.
 * Relative dates ("3 hours ago", "yesterday") are read only when `relative`
 * is set: in free text, "today" is more often a menu item than a date.
 */
export function parseTextDate(value: string, ctx: DateContext, relative = true): string | null {
  const text = value.slice(0, MAX_TEXT_CHARS);
  // Every printed date but a relative one has a year or a numeric day: skip the regexes without one.
  if (!HAS_DATE_DIGITS.test(text)) return relative ? parseRelativeDate(text, ctx) : null;
  let m = YMD_IN_TEXT.exec(text) ?? CJK_YMD.exec(text);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (validYmd(y, mo, d, ctx)) return ymd(y, mo, d);
  }
  m = MONTH_FIRST.exec(text);
  if (m) {
    const mo = monthNumber(m[1]!);
    if (mo !== null) {
      const [d, y] = [Number(m[2]), Number(m[3])];
      if (validYmd(y, mo, d, ctx)) return ymd(y, mo, d);
    }
  }
  m = DAY_FIRST.exec(text);
  if (m) {
    const mo = monthNumber(m[2]!);
    if (mo !== null) {
      const [d, y] = [Number(m[1]), Number(m[3])];
      if (validYmd(y, mo, d, ctx)) return ymd(y, mo, d);
    }
  }
  m = NUMERIC.exec(text);
  if (m) {
    const a = Number(m[1]);
    const b = Number(m[3]);
    let y = Number(m[4]);
    if (m[4]!.length === 2) y += y > (ctx.referenceDate.getUTCFullYear() % 100) + 1 ? 1900 : 2000;
    const monthFirst = ctx.language !== null && MONTH_FIRST_LANGUAGES.test(ctx.language) && m[2] === '/';
    let [d, mo] = monthFirst ? [b, a] : [a, b];
    if (mo > 12 && d <= 12) [d, mo] = [mo, d];
    if (validYmd(y, mo, d, ctx)) return ymd(y, mo, d);
  }
  return relative ? parseRelativeDate(text, ctx) : null;
}

/** "3 hours ago", "vor 2 Tagen", "il y a 3 heures", "hace 2 días", "yesterday". */
export function parseRelativeDate(value: string, ctx: DateContext): string | null {
  const text = value.slice(0, MAX_TEXT_CHARS).toLowerCase();
  for (const re of RELATIVE_PATTERNS) {
    const m = re.exec(text);
    if (!m?.groups) continue;
    const amount = m.groups.n ? Number(m.groups.n) : 1;
    const unit = RELATIVE_UNITS.get(m.groups.unit ?? m.groups.word ?? '');
    if (unit === undefined || !Number.isFinite(amount) || amount > 10_000) continue;
    const t = new Date(ctx.referenceDate.getTime() - amount * unit);
    return ymd(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
  }
  return null;
}

/** Characters at the start of a paragraph read for its leading date. */
export const LEADING_CHARS = 64;
/* The leading-date patterns read a head whose whitespace runs are single spaces, so each space is ` ?`: no two
   repetitions compete for the same characters (linear matching, tests/redos.test.ts). */
/** A place and separator before a leading date: "Karlsruhe, (", "PARIS –", "Berlin (dpa) -". */
const LEADING_PLACE = /^\p{Lu}[\p{L}\p{M}.'/]*(?:[ -][\p{L}\p{M}.'/]+){0,4}(?: \([^)\d]{1,12}\))?(?:,| [–—-]) /u;
/**
 * A label before a leading date: a press release's ("Pressemitteilung vom",
 * "Press release", "Communiqué du") or a publication's ("Published on",
 * "Veröffentlicht am"). Its words are the whole label: nothing else may
 * stand between it and the date.
 */
const LEADING_LABEL =
  /^(?:press(?:e)?(?:mitteilung|meldung|information)|press release|news release|media release|communiqué(?: de presse)?|comunicado(?: de prensa)?|nota de prensa|comunicato(?: stampa)?|persbericht|published|posted|veröffentlicht|erschienen|publié|publiée|publicado|publicada|pubblicato|pubblicata|gepubliceerd)(?: (?:vom|am|on|le|du|el|del|de|il|op))?:? /iu;
/** What a leading date starts with: a digit, or a month or weekday word then a digit. */
const DATE_START = /^\(?(?:\d|\p{L}{3,10}\.?,? \d)/u;
/** A leading date itself: numeric, "12 November 2021", "November 12, 2021", a weekday first, in brackets or not. */
const LEADING_DATE =
  /^\(?(?:\p{L}{2,10}\.?,? )?(?:\d{4}-\d{2}-\d{2}|\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{1,2}\.? (?:de )?\p{L}{3,10}\.? (?:de )?\d{4}|\p{L}{3,10}\.? \d{1,2}(?:st|nd|rd|th)?,? \d{4})\)?/u;
/** What may follow a leading date before the sentence: a time, a closing bracket, then punctuation, a dash, a quote or a capital. */
const AFTER_LEADING_DATE = /^(?:,? ?\d{1,2}[:.h]\d{2}(?: ?(?:Uhr|h))?)?\)? ?(?:[–—:.|-]|[„"«“]|\p{Lu})/u;

/**
 * The date a paragraph opens with, as press releases and regional papers
 * print it before the first sentence ("01.02.2022 – Der Arbeitsmarkt...",
 * "Karlsruhe, (12.11.2021). Traditionell...", "Pressemitteilung vom 25. Januar
 * 2022 | Berlin – ..."). Null when the paragraph
 * starts with anything else: a date inside a sentence is what the story is about.
 */
export function leadingDate(text: string, ctx: DateContext): string | null {
  const head = text.slice(0, LEADING_CHARS).replace(/\s+/g, ' ').trimStart().replace(LEADING_PLACE, '').replace(LEADING_LABEL, '');
  if (!DATE_START.test(head)) return null;
  const m = LEADING_DATE.exec(head);
  if (!m || !AFTER_LEADING_DATE.test(head.slice(m[0].length))) return null;
  return parseTextDate(m[0], ctx, false);
}

/** Finds a date in a URL path ("/2024/05/19/", "/2024-05-19-", "/20240519/"). */
export function dateFromUrl(url: string, ctx: DateContext): string | null {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return null;
  }
  const m = /(?:^|\/|[_-])((?:19|20)\d{2})[/_-](\d{1,2})[/_-](\d{1,2})(?:[/_.-]|$)/.exec(path) ?? /\/((?:19|20)\d{2})(\d{2})(\d{2})(?:\/|[_-]|$)/.exec(path);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return validYmd(y, mo, d, ctx) ? ymd(y, mo, d) : null;
}
