/**
 * Emphasis in Markdown: the sentinel characters the inline writer puts around
 * emphasised and strong runs, resolved into `*`/`**` delimiters that
 * CommonMark's flanking rules read back as the same emphasis.
 */

/*
 * Emphasis is rendered in two steps. A `*` only opens emphasis when it is
 * "left-flanking" (roughly: not followed by whitespace, and not squeezed
 * between a letter before and punctuation after), and only closes it when it
 * is "right-flanking". `a<em>-b</em>` written as `a*-b*` is therefore not
 * emphasis at all. So the inline writer first emits sentinels, and
 * resolveEmphasis() then checks each delimiter against its real neighbours,
 * writing `*`/`**` where CommonMark will read them as intended and dropping
 * the pair (keeping the text) where it would not.
 */
export const EM_OPEN = '\uE000';
export const EM_CLOSE = '\uE001';
export const STRONG_OPEN = '\uE002';
export const STRONG_CLOSE = '\uE003';
const SENTINEL_RUN = /[\uE000-\uE003]+/g;
/** Code spans are placeholders until emphasis is settled: two spans left adjacent by dropped emphasis must merge. */
export const CODE_OPEN = '\uE004';
export const CODE_CLOSE = '\uE005';
export const PRIVATE_SENTINELS = /[\uE000-\uE005]/g;
const UNICODE_WHITESPACE = /\s/u;
const UNICODE_PUNCTUATION = /[\p{P}\p{S}]/u;
/** Passes of emphasis checking before the strict fallback (see resolveEmphasis). */
const MAX_EMPHASIS_PASSES = 6;

interface Delimiter {
  /** Position of the sentinel in the text. */
  at: number;
  opener: boolean;
  /** Width in `*` characters (1 for em, 2 for strong). */
  width: number;
  /** Index of its run in `runs`. */
  run: number;
  /** Index of the matching delimiter. */
  partner: number;
}

interface DelimiterRun {
  left: boolean;
  right: boolean;
}

export function resolveEmphasis(input: string): string {
  // `<em>a</em><i>b</i>` would be `*a**b*`, which CommonMark reads differently: join the two.
  const text = input.replace(/\uE001\uE000|\uE003\uE002/g, '');
  // 1. Delimiters, their runs and the runs' flanking, from the characters around each run.
  const delimiters: Delimiter[] = [];
  const runs: DelimiterRun[] = [];
  const open: number[] = [];
  for (const m of text.matchAll(SENTINEL_RUN)) {
    const start = m.index;
    const end = start + m[0].length;
    let before = start > 0 ? text[start - 1]! : '\n';
    let after = end < text.length ? text[end]! : '\n';
    if (before === CODE_CLOSE) before = '`';
    if (after === CODE_OPEN) after = '`';
    const beforeSpace = UNICODE_WHITESPACE.test(before);
    const afterSpace = UNICODE_WHITESPACE.test(after);
    const beforePunct = UNICODE_PUNCTUATION.test(before);
    const afterPunct = UNICODE_PUNCTUATION.test(after);
    runs.push({
      left: !afterSpace && (!afterPunct || beforeSpace || beforePunct),
      right: !beforeSpace && (!beforePunct || afterSpace || afterPunct),
    });
    for (let k = start; k < end; k++) {
      const c = text[k];
      const d: Delimiter = {
        at: k,
        opener: c === EM_OPEN || c === STRONG_OPEN,
        width: c === EM_OPEN || c === EM_CLOSE ? 1 : 2,
        run: runs.length - 1,
        partner: -1,
      };
      // Sentinels nest properly: a closer's partner is the innermost open opener.
      if (d.opener) open.push(delimiters.length);
      else {
        const o = open.pop()!;
        d.partner = o;
        delimiters[o]!.partner = delimiters.length;
      }
      delimiters.push(d);
    }
  }
  // 2. Drop pairs CommonMark would not read as we mean them, until none is left:
  //    - an opener must be left-flanking, a closer right-flanking;
  //    - a run that could both open and close is only safe as an opener when no
  //      emphasis is open (otherwise it closes that one), and as part of a pair
  //      only when the "multiple of 3" rule allows the pair.
  const dropped = new Array<boolean>(delimiters.length).fill(false);
  const runWidth = new Array<number>(runs.length);
  // Each pass is linear; a dropped pair can only make its neighbours' runs
  // narrower, so passes settle quickly. After MAX_EMPHASIS_PASSES the last pass
  // is strict (every run that could both open and close goes), which is stable.
  for (let pass = 0, changed = true; changed; pass++) {
    changed = false;
    const strict = pass >= MAX_EMPHASIS_PASSES;
    runWidth.fill(0);
    for (let i = 0; i < delimiters.length; i++) if (!dropped[i]) runWidth[delimiters[i]!.run]! += delimiters[i]!.width;
    let depth = 0;
    for (let i = 0; i < delimiters.length; i++) {
      if (dropped[i]) continue;
      const d = delimiters[i]!;
      const run = runs[d.run]!;
      const both = run.left && run.right;
      let bad: boolean;
      if (d.opener) {
        bad = !run.left || (both && (depth > 0 || strict));
        if (!bad) depth++;
      } else {
        const o = delimiters[d.partner]!;
        depth--; // the pair ends here whether it stays or not
        const oRun = runs[o.run]!;
        const oBoth = oRun.left && oRun.right;
        const widthO = runWidth[o.run]!;
        const widthC = runWidth[d.run]!;
        const multipleOf3 = (widthO + widthC) % 3 === 0 && !(widthO % 3 === 0 && widthC % 3 === 0);
        bad = !run.right || ((both || oBoth) && (multipleOf3 || strict));
      }
      if (bad) {
        dropped[i] = true;
        dropped[d.partner] = true;
        changed = true;
      }
    }
  }
  // 3. Spell the survivors.
  const keep = new Set<number>();
  for (let i = 0; i < delimiters.length; i++) if (!dropped[i]) keep.add(delimiters[i]!.at);
  return text.replace(SENTINEL_RUN, (run: string, offset: number) => {
    let out = '';
    for (let k = 0; k < run.length; k++) {
      if (!keep.has(offset + k)) continue;
      out += run[k] === EM_OPEN || run[k] === EM_CLOSE ? '*' : '**';
    }
    return out;
  });
}
