/**
 * The printed dateline at the start of a story ("SEOUL, May 21 (Reuters) -",
 * "WASHINGTON (AP) —", "Madrid, 3 jun (EFE).-"): recognised only at the very
 * start of the first paragraph, and only in the shapes of {@link DATELINE_PATTERNS},
 * so that a sentence is never taken for one.
 */
import { DATELINE_PATTERNS, MAX_DATELINE_CHARS, NOT_A_PLACE, agencyName } from './patterns.js';

/** A dateline found at the start of a text. */
export interface DatelineMatch {
  /** The dateline as printed, without trailing spaces ("SEOUL, May 21 (Reuters) -"). */
  text: string;
  /** The place ("SEOUL"), or null when only an agency is printed ("(Bloomberg) --"). */
  place: string | null;
  /** The credited agency's name ("Reuters"), or null for staff copy. */
  agency: string | null;
  /** Characters the dateline takes at the start of the text, separator and spaces included. */
  length: number;
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
    const printedAgency = groups.agency ?? groups.agency2 ?? null;
    const place = groups.place?.trim() || null;
    if (place && place.replace(/[^\p{L}]/gu, '').length < 2) continue;
    return {
      text: m[0].trim(),
      place: place ? place.replace(/\s*\[[^\]]*\]$/, '') : null,
      agency: printedAgency ? agencyName(printedAgency) : null,
      length: lead + m[0].length,
    };
  }
  return null;
}
