/**
 * The tests the cleaner (`clean.ts`) applies to one element: a tag list, a
 * promo box, a data table, a capitals link line, an entry's meta line, the
 * verdict on a conditional container, and the limits each reads.
 */
import type { AnyNode, Element, ParentNode } from 'domhandler';
import { BLOCK_TAGS, isElement, isText, textOf } from '../dom/nodes.js';
import type { BoilerplateKind } from '../types.js';
import { isCaptionedPicture } from '../fields/captions/blocks.js';
import type { PageIndex } from './features.js';
import { TAG_LINK_REL } from './patterns.js';
import { classWeight, type AttemptFlags } from './score.js';
import { CTA_LINK, normaliseLabel } from './vocabulary.js';

/** Longest "Read more: ..." line (chars). */
export const MAX_RELATED_LINE_CHARS = 250;
/** Longest paragraph (chars) made of a link that is a teaser line ("Read more: ..."). */
export const MAX_LINK_LINE_CHARS = 100;
/**
 * Longer, up to this (chars), when it is all capitals: the headline of
 * another story set as a link between paragraphs ("TAYLOR SWIFT CLEARED TO
 * PERFORM HITS AT AMAS AMID FEUD WITH ...").
 */
export const MAX_CAPS_LINK_LINE_CHARS = 250;

/** Whether a text's letters are capitals (at least 20 of them, and no lower-case letter). */
export function isCapitals(text: string): boolean {
  let upper = 0;
  for (const ch of text) {
    if (ch !== ch.toUpperCase()) return false;
    if (ch !== ch.toLowerCase()) upper++;
  }
  return upper >= 20;
}

/** Longest block (chars) read for a cookie, paywall or rights notice. */
export const MAX_NOTICE_CHARS = 400;
/** Longest promotional box (chars): a heading, a line of pitch and a call-to-action link. */
export const MAX_PROMO_CHARS = 300;
export const PROMO_TAGS = new Set(['div', 'aside', 'section']);

/** A tag list has at least this many links... */
export const MIN_TAG_LINKS = 2;
/** ...at most this much text (chars)... */
export const MAX_TAG_LIST_CHARS = 1000;
/** ...and more than this share of it in links ("Tags" and commas are the rest). */
export const MIN_TAG_LIST_LINK_SHARE = 0.6;

/** Elements a tag list holds at most (a bound on the walk below for pathological nesting). */
const MAX_TAG_LIST_ELEMENTS = 300;

/** Whether every link inside `el` is a tag link (rel="tag"). */
export function isTagList(el: Element): boolean {
  let links = 0;
  let seen = 0;
  const stack: AnyNode[] = [...el.children];
  while (stack.length) {
    const n = stack.pop()!;
    if (!isElement(n)) continue;
    if (++seen > MAX_TAG_LIST_ELEMENTS) return false;
    if (n.name === 'a') {
      if (!TAG_LINK_REL.test(n.attribs.rel ?? '')) return false;
      links++;
      continue;
    }
    for (const c of n.children) stack.push(c);
  }
  return links >= MIN_TAG_LINKS;
}

/** A small box with a heading whose links are all calls to action ("Get our resources ... Browse the library"). */
export function isPromoBox(el: Element, index: PageIndex): boolean {
  const st = index.stats.get(el);
  if (!st || st.links === 0 || st.paragraphs > 2) return false;
  let heading = false;
  let ctas = 0;
  const stack: AnyNode[] = [...el.children];
  while (stack.length) {
    const n = stack.pop()!;
    if (!isElement(n)) continue;
    if (HEADING.test(n.name)) heading = true;
    if (n.name === 'a') {
      // One link that is not a call to action and the box is something else.
      if (!CTA_LINK.test(textOf(n))) return false;
      ctas++;
      continue;
    }
    for (const c of n.children) stack.push(c);
  }
  return heading && ctas > 0;
}

/** Longest block (chars) taken for a rights trailer. */
export const MAX_LEGAL_CHARS = 300;
/** A paragraph this long (chars) marks the start of the article text. */
export const PROSE_PARAGRAPH_CHARS = 120;
/** Longest text (chars) of a dek. */
export const MAX_DEK_CHARS = 600;
export const HEADING = /^h[1-6]$/;
/** Longest text (chars) such a metadata line may have. */
export const MAX_META_LINE_CHARS = 200;
/** Containers the conditional cleaning judges (Readability `_cleanConditionally`). */
const CONDITIONAL_TAGS = new Set(['div', 'section', 'ul', 'ol', 'table', 'form', 'fieldset', 'aside', 'header', 'dl']);
/** Tags the class/id vocabularies are applied to (not inline text such as a link inside a sentence). */
export function isStructural(el: Element, hasLooseText: (parent: ParentNode | null) => boolean): boolean {
  return BLOCK_TAGS.has(el.name) || el.name === 'ins' || el.name.includes('-') || (el.name === 'span' && el.children.length > 0 && !hasLooseText(el.parent));
}

/**
 * Whether a parent holds text of its own beside its elements, memoised for
 * one cleaning pass: a parent's children are read once, not once per span
 * child (100,000 sibling spans would otherwise cost 10^10 steps).
 */
export function looseTextMemo(): (parent: ParentNode | null) => boolean {
  const memo = new Map<ParentNode, boolean>();
  return (parent) => {
    if (!parent) return false;
    let known = memo.get(parent);
    if (known === undefined) {
      known = parent.children.some((c) => isText(c) && c.data.trim() !== '');
      memo.set(parent, known);
    }
    return known;
  };
}

/** Longest header or footer line (chars) of an entry that is its time or author, not boilerplate. */
const MAX_ENTRY_META_CHARS = 200;

/**
 * True for the header or footer line of an entry inside the region (a live
 * blog's update, a comment): its time and author are left out of the body
 * like a byline, and are not boilerplate to report.
 */
export function isEntryMeta(el: Element, index: PageIndex, roots: readonly Element[]): boolean {
  if (el.name !== 'header' && el.name !== 'footer') return false;
  const st = index.stats.get(el);
  if (!st || st.text > MAX_ENTRY_META_CHARS || st.links > 2) return false;
  for (let p = el.parent; isElement(p) && !roots.includes(p); p = p.parent) if (p.name === 'article') return true;
  return false;
}

function isDataTable(el: Element, index: PageIndex): boolean {
  if (el.name !== 'table') return false;
  if (el.attribs.role === 'presentation') return false;
  // Cheap structural tests: a caption or header cells mark data; layout tables carry large blocks.
  let cells = 0;
  let headers = false;
  const stack: AnyNode[] = [...el.children];
  while (stack.length && cells < 200) {
    const n = stack.pop()!;
    if (!isElement(n)) continue;
    if (n.name === 'table') continue; // nested tables are judged on their own
    if (n.name === 'caption' || n.name === 'th' || n.name === 'thead') headers = true;
    if (n.name === 'td' || n.name === 'th') cells++;
    for (const c of n.children) stack.push(c);
  }
  const st = index.stats.get(el);
  return headers || (cells > 10 && (st ? st.text / Math.max(cells, 1) < 200 : true));
}

/** Readability's conditional cleaning: the kind of boilerplate an unsure container looks like, or null to keep it. */
export function conditionalVerdict(el: Element, index: PageIndex, flags: AttemptFlags): BoilerplateKind | null {
  if (!flags.cleanConditionally || !CONDITIONAL_TAGS.has(el.name)) return null;
  if (isDataTable(el, index)) return null;
  const st = index.stats.get(el);
  if (!st) return null;
  // A picture with its caption is a figure in all but name (Readability keeps figures): never an unsure container.
  if (isCaptionedPicture(el, index)) return null;
  const weight = flags.weightClasses ? classWeight(el) : 0;
  if (weight < 0) return 'other';
  if (st.commas >= 10) return null;
  const isList = el.name === 'ul' || el.name === 'ol' || el.name === 'dl';
  const ld = st.text > 0 ? st.link / st.text : 0;
  const p = st.paragraphs;
  if (st.images > 1 && p / st.images < 0.5 && !isInside(el, 'figure')) return 'other';
  if (!isList && st.listItems > p + 3 && ld > 0.2) return 'related';
  if (st.inputs > Math.floor(p / 3)) return 'other';
  if (!isList && st.text < 25 && (st.images === 0 || st.images > 2) && ld > 0) return 'other';
  if (weight < 25 && ld > 0.2 && st.text < 1000) return isList ? 'related' : 'other';
  if (weight >= 25 && ld > 0.5) return 'related';
  if ((st.embeds === 1 && st.text < 75) || st.embeds > 1) return 'other';
  return null;
}

export function isInside(el: Element, tag: string): boolean {
  let p = el.parent;
  while (isElement(p)) {
    if (p.name === tag) return true;
    p = p.parent;
  }
  return false;
}

export function similar(a: string, b: string): boolean {
  const x = normaliseLabel(a);
  const y = normaliseLabel(b);
  return x !== '' && (x === y || (y.length > 20 && x.includes(y) && x.length < y.length * 1.3));
}
