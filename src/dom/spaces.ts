/**
 * Whitespace runs to replace by one space, three sets of "whitespace" (each
 * site keeps its own, so that output stays as it was), each written to match
 * only the runs that are not one plain space already: a space followed by
 * more, or a run starting with another whitespace character. Replacing those
 * gives the same text as replacing every run (a single space replaced by a
 * space is itself), but prose, whose runs are single spaces, yields few
 * matches. V8 builds the result of a replace piece by piece, one piece a
 * match, and those pieces live as long as the result: an 8 MiB one-paragraph
 * page spent seconds of its time budget collecting them.
 */

/** JavaScript's `\s` (which holds NBSP, LS, PS and BOM) and the zero-width space: what `collapse` squashes. */
export const UNCOLLAPSED_RUN = / [\s\u200b]+|[\t-\r\u00a0\u1680\u2000-\u200b\u2028\u2029\u202f\u205f\u3000\ufeff][\s\u200b]*/g;

/** JavaScript's `\s`. */
export const UNSPACED_RUN = / \s+|[\t-\r\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]\s*/g;

/** HTML whitespace plus no-break and typographic spaces (`\s` without the BOM, which the serialiser removes as invisible). */
export const HTML_SPACE_RUN =
  / [ \t\n\r\f\v\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+|[\t\n\r\f\v\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000][ \t\n\r\f\v\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]*/g;
