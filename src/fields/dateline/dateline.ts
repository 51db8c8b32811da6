/**
 * The printed dateline at the start of a story ("SEOUL, May 21 (Reuters) -",
 * "WASHINGTON (AP) —", "Madrid, 3 jun (EFE).-", "(서울=연합뉴스) 홍길동 기자 =",
 * "【新华社北京5月21日电】"): recognised only at the very start of the first
 * paragraph, and only in the shapes of {@link DATELINE_PATTERNS}, so that a
 * sentence is never taken for one.
 */
import type { BylineResult } from '../byline/byline.js';
import { DATELINE_PATTERNS, MAX_DATELINE_CHARS, NOT_A_PLACE, agencyName } from './patterns.js';

/** A dateline found at the start of a text. */
export interface DatelineMatch {
  /** The dateline as printed, without trailing spaces ("SEOUL, May 21 (Reuters) -"). */
  text: string;
  /** The place ("SEOUL"), or null when only an agency is printed ("(Bloomberg) --"). */
  place: string | null;
  /** The credited agency's name ("Reuters"), or null for staff copy. */
  agency: string | null;
  /** The date as printed inside the dateline ("May 21", "21 мая", "5月21日"), or null. */
  date: string | null;
  /** Reporters named inside the dateline ("(서울=연합뉴스) 홍길동 기자 =", "新华社北京5月21日电（记者张三）"). */
  reporters: string[];
  /** Characters the dateline takes at the start of the text, separator and spaces included. */
  length: number;
}

/** The first non-empty group among numbered alternatives ("agency", "agency2"). */
function group(groups: Record<string, string | undefined>, name: string): string | null {
  for (const key of [name, `${name}2`]) {
    const v = groups[key]?.trim();
    if (v) return v;
  }
  return null;
}

/**
 * The place as reported: without the country in brackets ("New Delhi [India]"),
 * the dashes of "SAN FRANCISCO--(BUSINESS WIRE)", or the full stop of
 * "Москва. 21 мая." (an abbreviation's stop, "FERGUSON, Mo.", stays).
 */
function cleanPlace(place: string): string {
  let p = place.replace(/\s*\[[^\]]*\]$/, '');
  let end = p.length;
  while (end > 0 && '-–—'.includes(p[end - 1]!)) end--;
  p = p.slice(0, end);
  return p.replace(/(\p{L}{4})\.$/u, '$1').trim();
}

/** `text` without commas, stops and spaces at either end (a scan, not an end-anchored pattern). */
function trimPunctuation(text: string): string {
  let a = 0;
  let b = text.length;
  while (a < b && /[,.\s]/.test(text[a]!)) a++;
  while (b > a && /[,.\s]/.test(text[b - 1]!)) b--;
  return text.slice(a, b);
}

/** Recognises a dateline at the start of `text` (leading spaces allowed); null when there is none. */
export function matchDateline(text: string): DatelineMatch | null {
  const lead = text.length - text.trimStart().length;
  const head = text.slice(lead, lead + MAX_DATELINE_CHARS + 20);
  if (NOT_A_PLACE.test(head)) return null;
  for (const re of DATELINE_PATTERNS) {
    const m = re.exec(head);
    if (!m || m[0].length > MAX_DATELINE_CHARS) continue;
    // Something must follow: a dateline opens a sentence, it is not the whole paragraph.
    if (head.length <= m[0].length) continue;
    const groups = m.groups ?? {};
    const printedAgency = group(groups, 'agency');
    const place = group(groups, 'place');
    if (place && place.replace(/[^\p{L}]/gu, '').length < 2) continue;
    const date = trimPunctuation(group(groups, 'date') ?? '') || null;
    const reporter = group(groups, 'reporter');
    return {
      text: m[0].trim(),
      place: place ? cleanPlace(place) : null,
      agency: printedAgency ? agencyName(printedAgency) : null,
      date,
      reporters: reporter
        ? reporter
            .split(/[,、·]/)
            .map((r) => r.trim())
            .filter(Boolean)
        : [],
      length: lead + m[0].length,
    };
  }
  return null;
}

/**
 * The byline, completed by the reporters a wire prints inside its dateline
 * ("(서울=연합뉴스) 홍길동 기자 =", "新华社北京5月21日电（记者张三）") when the page
 * names no author elsewhere; the agency stays the dateline's.
 */
export function withDatelineReporters(credit: BylineResult, dateline: DatelineMatch | null): BylineResult {
  if (!dateline || dateline.reporters.length === 0 || credit.authors.length > 0) return credit;
  return { ...credit, byline: credit.byline ?? dateline.reporters.join(', '), authors: [...dateline.reporters] };
}
