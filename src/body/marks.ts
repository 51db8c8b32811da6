/**
 * The marks of a wrong extraction that a body's own lines show: lines that
 * belong around a story, not in it (a byline, a date, a photo caption or
 * credit, a class named for such a line), boilerplate wording (share rows,
 * "related" labels, newsletter and paywall pitches, legal notices), and the
 * shape of a page of several stories (headings that link elsewhere, several
 * `<article>` elements). Read from the blocks the learned layer read
 * (`learned.ts`), so it costs one pass over blocks already listed; with the
 * model's keep probabilities it also says how far the model doubts what the
 * body kept, and how much text the model would keep was left out.
 *
 * The vocabularies are the ones the byline, date, caption and cleaning stages
 * use: a line they would take out of a body is a mark when it is still in it.
 */
import type { AnyNode, Element } from 'domhandler';
import { classAndId, isElement } from '../dom/nodes.js';
import { BYLINE_PREFIX, DATE_WORD } from '../fields/byline/tables.js';
import { mayHoldCredit, splitCredit } from '../fields/captions/credit.js';
import { parseTextDate } from '../fields/dates/parse.js';
import { BLOCK_FEATURES } from './blocks.js';
import type { ReadBlock } from './learned.js';
import { META_LINE_CLASS } from './patterns.js';
import { CTA_LINK, isCookieNotice, isLegalText, labelKind, NEWSLETTER_PITCH, PAYWALL_TEXT, RELATED_PREFIX } from './vocabulary.js';

/** A line at most this long (characters) can be a byline, date or credit line; longer ones are prose. */
export const MARK_LINE_CHARS = 160;
/** A date line is at most this long: a date and a label, not a sentence that mentions one. */
const DATE_LINE_CHARS = 60;
/** A heading counts as a teaser's title when links hold at least this share of its text. */
const LINKED_HEADING_SHARE = 0.8;
/** Keep probability under which the block model doubts a kept block, and over which it would keep a left-out one. */
export const DOUBT_BELOW = 0.5;
/**
 * "Now" for reading date lines: far ahead, so that every printed date parses
 * and the marks do not depend on the day they are computed.
 */
const DATE_REFERENCE = new Date(Date.UTC(2100, 0, 1));

const LINK_DENSITY = BLOCK_FEATURES.indexOf('linkDensity');
const BEFORE_HEADLINE = BLOCK_FEATURES.indexOf('beforeHeadline');
const HEADING_TAGS: ReadonlySet<string> = new Set(['h2', 'h3', 'h4', 'h5', 'h6']);
const CAPTION_TAGS: ReadonlySet<string> = new Set(['figcaption', 'figure']);

/** What the marks count. Shares are of the kept blocks' characters. */
export interface BodyMarks {
  /** Kept blocks read. */
  keptBlocks: number;
  /** Kept lines that print a byline, a date, a caption or a photo credit, or carry a byline/date/credit class. */
  metaLines: number;
  /** Kept lines in the cleaner's boilerplate vocabularies. */
  boilerplateLines: number;
  /** Kept headings whose text is (nearly) all links: teaser titles of other stories. */
  linkedHeadings: number;
  /** Distinct `<article>` elements inside the region that hold kept blocks (0 or 1 for one story). */
  stories: number;
  /** Keep probability of the kept text, character-weighted mean (1 without blocks). */
  keptKeep: number;
  /** Share of the kept characters the model gives a keep probability under {@link DOUBT_BELOW}. */
  doubtedShare: number;
  /** Characters of left-out blocks the model would keep, over the kept characters (can exceed 1). */
  missedShare: number;
  /** Keep probability of the last third of the kept text, character-weighted mean (1 without blocks): a region that ran on into comments or other stories ends in text the model doubts. */
  tailKeep: number;
  /** Share of the kept characters in blocks before the headline. */
  beforeHeadlineShare: number;
  /** Share of the headline's words the kept text holds (1 without a headline): a body of another story shares few. */
  headlineWords: number;
  /** Share of the page's description's words the kept text holds (1 without a description). */
  descriptionWords: number;
}

/** What the page says its story is about: its headline and its description (either may be missing). */
export interface StoryCues {
  headline: string | null;
  description: string | null;
}

/** The marks of a body with no blocks read (the model did not run): nothing to doubt. */
export const NO_MARKS: BodyMarks = Object.freeze({
  keptBlocks: 0,
  metaLines: 0,
  boilerplateLines: 0,
  linkedHeadings: 0,
  stories: 0,
  keptKeep: 1,
  doubtedShare: 0,
  missedShare: 0,
  tailKeep: 1,
  beforeHeadlineShare: 0,
  headlineWords: 1,
  descriptionWords: 1,
});

/** Words compared between the body and its cues: runs of 3+ letters or digits, lower-cased (a dense script's run is one word). */
const CUE_WORD = /[\p{L}\p{N}]{3,}/gu;
/** Words of a cue read at most (a description can be long). */
const MAX_CUE_WORDS = 40;

/** Share of the words of `cue` found in `text` (1 when the cue has no words: no evidence either way). */
export function cueWordShare(cue: string | null, text: string): number {
  const words = [...new Set((cue ?? '').toLowerCase().match(CUE_WORD) ?? [])].slice(0, MAX_CUE_WORDS);
  if (!words.length) return 1;
  const lower = text.toLowerCase();
  return words.filter((w) => lower.includes(w)).length / words.length;
}

/** True when a short line reads as a byline, a date line or a photo credit. */
export function isMetaLine(text: string): boolean {
  if (text.length === 0 || text.length > MARK_LINE_CHARS) return false;
  if (BYLINE_PREFIX.test(text) && text.length <= 120) {
    // "By" alone opens many sentences ("By Tuesday the council..."): a byline is a few capitalised words.
    const rest = text.replace(BYLINE_PREFIX, '');
    if (rest.length > 0 && rest.split(/\s+/).length <= 8) return true;
  }
  if (text.length <= DATE_LINE_CHARS) {
    if (DATE_WORD.test(text.slice(0, 30)) && /\d/.test(text)) return true;
    if (/\d/.test(text) && parseTextDate(text, { language: null, referenceDate: DATE_REFERENCE }, false) !== null) return true;
  }
  return mayHoldCredit(text) && splitCredit(text).credit !== null;
}

/** True when a short line is in the cleaner's boilerplate vocabularies. */
export function isBoilerplateLine(text: string): boolean {
  if (text.length === 0 || text.length > 300) return false;
  return (
    labelKind(text) !== null ||
    isCookieNotice(text) ||
    PAYWALL_TEXT.test(text) ||
    NEWSLETTER_PITCH.test(text) ||
    RELATED_PREFIX.test(text) ||
    isLegalText(text) ||
    (text.length <= 60 && CTA_LINK.test(text))
  );
}

/** The `<article>` element a block lies in below the region's roots (a root itself is the one story), or null. */
function storyOf(el: Element, roots: ReadonlySet<Element>): Element | null {
  for (let p: AnyNode | null = el; p && isElement(p); p = p.parent) {
    if (roots.has(p)) return null;
    if (p.name === 'article') return p;
  }
  return null;
}

/** True when the block or its parent carries a byline, date, meta or credit class. */
function hasMetaClass(el: Element): boolean {
  if (META_LINE_CLASS.test(classAndId(el))) return true;
  const parent = el.parent;
  return parent !== null && isElement(parent) && META_LINE_CLASS.test(classAndId(parent));
}

/** Counts the marks over the blocks the learned layer read; `roots` are the region's roots. */
export function bodyMarks(blocks: readonly ReadBlock[], roots: readonly Element[], cues: StoryCues = { headline: null, description: null }): BodyMarks {
  if (!blocks.some((b) => b.kept)) return NO_MARKS;
  const rootSet = new Set(roots);
  const stories = new Set<Element>();
  let keptBlocks = 0,
    metaLines = 0,
    boilerplateLines = 0,
    linkedHeadings = 0;
  let keptChars = 0,
    keepSum = 0,
    doubted = 0,
    missed = 0,
    beforeHeadline = 0;
  const kept: string[] = [];
  for (const b of blocks) {
    const n = b.text.length;
    if (!b.kept) {
      if (b.keep >= DOUBT_BELOW) missed += n;
      continue;
    }
    keptBlocks++;
    keptChars += n;
    kept.push(b.text);
    if (b.features[BEFORE_HEADLINE] === 1) beforeHeadline += n;
    keepSum += b.keep * n;
    if (b.keep < DOUBT_BELOW) doubted += n;
    const story = storyOf(b.el, rootSet);
    if (story) stories.add(story);
    if (HEADING_TAGS.has(b.el.name) && (b.features[LINK_DENSITY] ?? 0) >= LINKED_HEADING_SHARE) linkedHeadings++;
    if (n > MARK_LINE_CHARS) continue;
    if (isMetaLine(b.text) || CAPTION_TAGS.has(b.el.name) || hasMetaClass(b.el)) metaLines++;
    else if (isBoilerplateLine(b.text)) boilerplateLines++;
  }
  const chars = keptChars || 1;
  // The last third of the kept text, from the end back.
  let tailChars = 0,
    tailSum = 0;
  for (let i = blocks.length - 1; i >= 0 && tailChars < keptChars / 3; i--) {
    const b = blocks[i]!;
    if (!b.kept) continue;
    tailChars += b.text.length;
    tailSum += b.keep * b.text.length;
  }
  return {
    keptBlocks,
    metaLines,
    boilerplateLines,
    linkedHeadings,
    stories: stories.size,
    keptKeep: keptChars ? keepSum / keptChars : 1,
    doubtedShare: doubted / chars,
    missedShare: missed / chars,
    tailKeep: tailChars ? tailSum / tailChars : 1,
    beforeHeadlineShare: beforeHeadline / chars,
    headlineWords: cueWordShare(cues.headline, kept.join(' ')),
    descriptionWords: cueWordShare(cues.description, kept.join(' ')),
  };
}
