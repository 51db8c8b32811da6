/**
 * Title clean-up: separating a headline from the site name around it
 * ("Headline | Site", "Site - Headline", "Headline – Section – Site").
 */

/** Separators sites put between the headline and the site name (spaced, so hyphenated words stay whole). */
// One space each side: titles are whitespace-collapsed before they are split, and `\s+` here would
// backtrack quadratically on a long run of spaces. (`::` is two characters of the class.)
const SEPARATOR = /\s[|\-–—•·»«/~:]{1,2}\s/;

/** Lower-cased word tokens. */
function tokens(s: string): string[] {
  return s.toLowerCase().normalize('NFKC').match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Share of the longer string's tokens that the other has (0..1). */
export function similarity(a: string, b: string): number {
  const ta = tokens(a);
  const tb = tokens(b);
  if (ta.length === 0 || tb.length === 0) return 0;
  const setB = new Set(tb);
  let common = 0;
  for (const t of new Set(ta)) if (setB.has(t)) common++;
  return common / Math.max(new Set(ta).size, setB.size);
}

function isSiteName(part: string, sites: readonly string[]): boolean {
  const p = tokens(part).join('');
  if (!p) return true;
  return sites.some((s) => {
    const q = tokens(s).join('');
    return q !== '' && (p === q || (q.length >= 4 && (p.includes(q) || q.includes(p)) && p.length <= q.length + 12));
  });
}

/**
 * Removes the site name from the ends of a title. Without a known site name,
 * a short last part (≤ 3 words) after a separator is taken as the brand when
 * what remains is still a headline of 4+ words.
 */
export function stripSiteAffix(title: string, sites: readonly string[]): string {
  const trimmed = title.replace(/\s+/g, ' ').trim();
  const parts = trimmed.split(SEPARATOR);
  if (parts.length < 2) return trimmed;
  let kept = parts.filter((p) => !isSiteName(p, sites));
  if (kept.length === parts.length) {
    const last = parts[parts.length - 1]!;
    const rest = parts.slice(0, -1).join(' ');
    if (tokens(last).length <= 3 && tokens(rest).length >= 4) kept = parts.slice(0, -1);
    else return trimmed;
  }
  if (kept.length === 0) return trimmed;
  if (kept.length === parts.length - 1 && parts.length > 2) {
    // Keep the original separators between the remaining parts.
    const first = kept[0]!;
    const lastKept = kept[kept.length - 1]!;
    const start = trimmed.indexOf(first);
    const end = trimmed.lastIndexOf(lastKept) + lastKept.length;
    return trimmed.slice(start, end).trim();
  }
  return kept.length === 1 ? kept[0]!.trim() : kept.join(' - ').trim();
}
