/**
 * The byline printed near the headline: short elements classed as a byline
 * (or a `rel=author` link, `<address>`, or a line starting with "By"); the
 * innermost of nested candidates wins (the name inside the byline box), and
 * candidates naming people win over agency-only credits.
 */
import type { Element } from 'domhandler';
import { classAndId, textOf } from '../../dom/nodes.js';
import type { PageIndex } from '../../body/features.js';
import type { PageMetadata } from '../../metadata/collect.js';
import { normaliseLabel } from '../../body/vocabulary.js';
import { creditText } from './credit-text.js';
import { BYLINE_CLASS, BYLINE_PREFIX, BYLINE_TAIL, COMMENT_CONTAINER, CREDIT_CONTEXT, MAX_BYLINE_CHARS, NOT_BYLINE_CLASS } from './tables.js';

/** Elements (in document order) after the headline searched for a printed byline. */
const BYLINE_WINDOW = 300;
/** Elements (in document order) before the headline searched (kickers and bylines printed above it). */
const BYLINE_WINDOW_BEFORE = 100;
/** Ancestor levels searched for a comment thread around a byline candidate. */
const COMMENT_LEVELS = 12;
/** Ancestor levels searched for a `<figure>` around a byline candidate. */
const FIGURE_LEVELS = 6;
/**
 * Levels searched for a caption's class: the candidate only, as some pages
 * name the whole text block under a header picture (headline, byline) "caption".
 */
const CREDIT_CLASS_LEVELS = 1;
/** Longest kicker (chars) printed inside the headline's heading before or after the headline. */
const MAX_KICKER_CHARS = 80;
/** Shortest headline (chars) found inside a longer heading: a short one could be any heading's end. */
const MIN_KICKED_HEADLINE = 20;
/**
 * Most elements a byline candidate may hold: a credit line is a few names,
 * links and a date. Without it, a few characters of text at the bottom of a
 * deep nest would make every wrapper above them a candidate read whole.
 */
const MAX_BYLINE_ELEMENTS = 100;
/** Headings read as possible headline elements: a page prints its headline once or twice. */
const MAX_HEADINGS = 200;

/** A byline element found near the headline. */
interface PrintedCandidate {
  el: Element;
  text: string;
  distance: number;
  persons: number;
  agency: boolean;
  /** The element's document order, and that of the last element inside it (`ElementStats`). */
  order: number;
  end: number;
}

/** How a candidate's text is judged: cleaned into a byline, and split into people and an agency. */
export interface BylineReader {
  clean(text: string): string | null;
  split(byline: string): { authors: string[]; agency: string | null };
}

/**
 * Document positions of the headline: the first visible `h1`, and every
 * `h1`/`h2` whose text is the headline (pages whose only `h1` is a logo, or
 * a copy of the headline in a hidden menu, print the headline as an `h2`).
 */
function headlineOrders(md: PageMetadata, index: PageIndex, headline: string | null): number[] {
  const orders: number[] = [];
  const first = md.h1.map((h) => index.stats.get(h)?.order).find((o) => o !== undefined);
  if (first !== undefined) orders.push(first);
  const target = headline ? normaliseLabel(headline) : '';
  if (!target) return orders;
  const headings = [...(index.byTag.get('h1') ?? []), ...(index.byTag.get('h2') ?? [])].slice(0, MAX_HEADINGS);
  for (const h of headings) {
    const st = index.stats.get(h);
    if (!st || st.excluded || st.text > 4 * target.length + 40) continue;
    if (isHeadlineText(normaliseLabel(textOf(h, { maxChars: 4 * target.length + 40 })), target) && !orders.includes(st.order)) orders.push(st.order);
  }
  return orders;
}

/**
 * Whether a heading's text prints the headline: the headline itself, or the
 * headline with a kicker before it or a tail after it inside the same heading
 * ("Nutzerbasierte Abrechnung: Musik-Stars fordern …", "\"Pure Leere\": …"),
 * which the headline stage cut off.
 */
function isHeadlineText(text: string, target: string): boolean {
  if (text === target) return true;
  if (text.length > target.length + MAX_KICKER_CHARS || target.length < MIN_KICKED_HEADLINE) return false;
  return text.endsWith(target) || text.startsWith(target);
}

/** Distance of a position from the nearest headline (positions before a headline count double), or null outside every window. */
function distanceFrom(order: number, anchors: readonly number[]): number | null {
  if (anchors.length === 0) return order;
  let best: number | null = null;
  for (const a of anchors) {
    if (order < a - BYLINE_WINDOW_BEFORE || order > a + BYLINE_WINDOW) continue;
    const d = order >= a ? order - a : (a - order) * 2;
    if (best === null || d < best) best = d;
  }
  return best;
}

/**
 * The element positions inside some headline's window, in document order
 * (the windows merged); every position when there is no headline.
 */
function* searchedOrders(anchors: readonly number[], count: number): Generator<number> {
  if (anchors.length === 0) {
    for (let o = 0; o < count; o++) yield o;
    return;
  }
  const windows = anchors.map((a) => [Math.max(0, a - BYLINE_WINDOW_BEFORE), Math.min(count - 1, a + BYLINE_WINDOW)] as const).sort((x, y) => x[0] - y[0]);
  let next = 0;
  for (const [from, to] of windows) {
    for (let o = Math.max(from, next); o <= to; o++) yield o;
    next = Math.max(next, to + 1);
  }
}

/** The printed byline near the headline, cleaned; null when none is printed. */
export function printedByline(md: PageMetadata, index: PageIndex, headline: string | null, reader: BylineReader): string | null {
  const anchors = headlineOrders(md, index, headline);
  // A consent overlay does not hold the headline: when every headline is "excluded", the
  // exclusion comes from a page-wide wrapper (a consent plugin's class on <body>,
  // "cookies-not-set"), and the byline beside the headline is as visible as the headline.
  const pageWideExclusion = anchors.length > 0 && anchors.every((o) => index.stats.get(index.elements[o]!)?.excluded);
  const candidates: PrintedCandidate[] = [];
  for (const order of searchedOrders(anchors, index.elements.length)) {
    if (index.budget.passed()) break;
    const el = index.elements[order]!;
    const st = index.stats.get(el)!;
    if ((st.excluded && !pageWideExclusion) || st.text < 3 || st.text > MAX_BYLINE_CHARS || st.end - st.order > MAX_BYLINE_ELEMENTS) continue;
    const distance = distanceFrom(st.order, anchors);
    if (distance === null) continue;
    const ci = classAndId(el);
    const relAuthor = el.name === 'a' && /\bauthor\b/i.test(el.attribs.rel ?? '');
    // <address> is HTML's element for the article's author contact.
    const classed = relAuthor || el.name === 'address' || (ci !== '' && BYLINE_CLASS.test(ci) && !NOT_BYLINE_CLASS.test(ci));
    const prose = el.name === 'p' || el.name === 'div' || el.name === 'span';
    if (!classed && (st.text >= 80 || !prose)) continue;
    // An unclassed line (under 80 characters) must open with "By"-like words: its plain text is
    // tested first, as most lines do not, before the finer credit reading.
    if (!classed && !opensWithPrefix(textOf(el, { spaceEveryElement: true }))) continue;
    let text: string | null = null;
    if (classed) text = creditText(el);
    else {
      const t = creditText(el);
      if (opensWithPrefix(t)) text = t;
    }
    if (!text) continue;
    // Ancestor climbs last: they cost more than the text tests that reject most elements.
    if (inContext(el, COMMENT_CONTAINER, COMMENT_LEVELS) || inPictureCredit(el)) continue;
    const cleaned = reader.clean(text);
    if (!cleaned) continue;
    const { authors, agency } = reader.split(cleaned);
    if (authors.length === 0 && !agency) continue;
    candidates.push({ el, text: cleaned, distance, persons: authors.length, agency: agency !== null, order: st.order, end: st.end });
  }
  // Candidates are in document order, so the ones inside a candidate are the run right after it.
  const insideOf = (i: number, list: readonly PrintedCandidate[]): PrintedCandidate[] => {
    const inside: PrintedCandidate[] = [];
    for (let j = i + 1; j < list.length && list[j]!.order <= list[i]!.end; j++) inside.push(list[j]!);
    return inside;
  };
  // Innermost: drop a candidate that contains another one, unless it holds several people's
  // candidates (a byline box listing each author in an element of its own).
  // A box that says more than the candidates inside it (more people, or an agency: "Par Claire
  // Vasseur et AFP") is kept whole.
  const kept = candidates.filter((c, i) => {
    const inside = insideOf(i, candidates);
    if (inside.length === 0) return true;
    const insidePersons = Math.max(...inside.map((o) => o.persons));
    return c.persons > insidePersons || (c.agency && !inside.some((o) => o.agency)) || (inside.filter((o) => o.persons > 0).length >= 2 && c.persons >= 2);
  });
  // Of the kept ones, those inside another kept one are dropped: each is inside the nearest kept candidate before it that contains it.
  const inner: PrintedCandidate[] = [];
  let openEnd = -1;
  for (const c of kept) {
    if (c.order <= openEnd) continue;
    inner.push(c);
    openEnd = c.end;
  }
  inner.sort((a, b) => Number(b.persons > 0) - Number(a.persons > 0) || a.distance - b.distance);
  return inner[0]?.text ?? null;
}

/** Whether a line opens with a byline prefix followed by a capitalised name ("By Jane", "Von Jana"). */
function opensWithPrefix(t: string): boolean {
  const m = BYLINE_PREFIX.exec(t);
  if (m === null || m[0].trim() === '') return false;
  const rest = t.slice(m[0].length);
  // A colon after the words that follow ("Von Mob mit Macheten ermordet: Trauer um …") makes the
  // line a teaser's kicker, which opens with the same word as a credit ("Von" = "by", "of", "from").
  // The credit's own tail ("Jane Doe | Updated: May 19") is cut first.
  return /^\p{Lu}/u.test(rest) && !/\p{L}:(?:\s|$)/u.test(rest.replace(BYLINE_TAIL, ''));
}

/** Whether an element or one of its near ancestors has a class/id matching `pattern`. */
function inContext(el: Element, pattern: RegExp, levels: number): boolean {
  let p: Element | null = el;
  for (let level = 0; p && level < levels; level++) {
    const ci = classAndId(p);
    if (ci && pattern.test(ci)) return true;
    p = p.parent && 'name' in p.parent ? (p.parent as Element) : null;
  }
  return false;
}

/**
 * Whether an element is a picture's caption or credit ("Photo by Jane Doe/Agency",
 * "Quelle: Jane Doe" under an image): the photographer is not the story's author.
 */
function inPictureCredit(el: Element): boolean {
  let p: Element | null = el;
  for (let level = 0; p && level < FIGURE_LEVELS; level++) {
    if (p.name === 'figure' || p.name === 'figcaption') return true;
    p = p.parent && 'name' in p.parent ? (p.parent as Element) : null;
  }
  return inContext(el, CREDIT_CONTEXT, CREDIT_CLASS_LEVELS);
}
