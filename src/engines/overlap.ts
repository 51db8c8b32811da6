/**
 * How much of one text another holds, measured on word 4-grams (the
 * shingles the article-extraction benchmarks score with): robust to
 * whitespace, markup and block order, strict about wording.
 */

/** Words: runs of letters and digits, lower-cased. */
const WORD = /[\p{L}\p{N}]+/gu;
/** Words per shingle. */
const SHINGLE_WORDS = 4;

/** The set of word 4-grams of a text (a text of 1–3 words is one shorter shingle; an empty text has none). */
export function shingles(text: string): Set<string> {
  const words = text.toLowerCase().match(WORD) ?? [];
  const out = new Set<string>();
  if (words.length === 0) return out;
  const last = Math.max(1, words.length - SHINGLE_WORDS + 1);
  for (let i = 0; i < last; i++) out.add(words.slice(i, i + SHINGLE_WORDS).join(' '));
  return out;
}

/** Share of `a`'s shingles that `b` holds (1 when `a` is empty: nothing of it is missing). */
export function containment(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0) return 1;
  let shared = 0;
  for (const s of a) if (b.has(s)) shared++;
  return shared / a.size;
}
