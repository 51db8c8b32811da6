/**
 * Counting in text without keeping what is counted. `text.split(' ').length`
 * or `(text.match(re) ?? []).length` build an array of every piece; on a
 * paragraph of a million words that array lives through several young-generation
 * collections, each of which copies it (an 8 MiB one-paragraph page spent
 * seconds collecting garbage). These read the text once and allocate nothing
 * that outlives a step.
 */

/** Occurrences of the one-character `char` in `text`. */
export function countChar(text: string, char: string): number {
  let count = 0;
  for (let at = text.indexOf(char); at !== -1; at = text.indexOf(char, at + 1)) count++;
  return count;
}

/** Matches of `pattern` (which must have the `g` flag, and match at least one character) in `text`. */
export function countMatches(text: string, pattern: RegExp): number {
  let count = 0;
  pattern.lastIndex = 0;
  while (pattern.exec(text) !== null) count++;
  return count;
}
