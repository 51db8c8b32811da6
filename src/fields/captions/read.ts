/**
 * Reading a caption unit (a `<figure>`, a WordPress `wp-caption` box, a
 * gallery slide, a layout-table photo cell, a caption block printed after its
 * image) into its text, its credit and its image.
 */
import type { AnyNode, Element } from 'domhandler';
import { BLOCK_TAGS, classAndId, collapse, someInSubtree, isElement, isInvisibleTag, isText } from '../../dom/nodes.js';
import type { PageIndex } from '../../body/features.js';
import { cleanCredit, splitCredit } from './credit.js';
import { firstImage, isNamedCaption } from './blocks.js';
import {
  CAPTION_COUNTER,
  CAPTION_FURNITURE,
  CAPTION_LABEL,
  CREDIT_CLASS,
  CREDIT_ITEMPROP,
  CREDIT_TAGS,
  FILE_PHOTO_PREFIX,
  PLAYER_NOTICE,
  MAX_CREDIT_CHARS,
  SCREEN_READER_CLASS,
} from './patterns.js';

/** A caption read from the page, before its image is resolved. */
export interface ReadCaption {
  /** The caption without its credit. */
  text: string;
  /** The credit, or null. */
  credit: string | null;
  /** The image element the caption describes, or null (a video, a graphic drawn by script). */
  image: Element | null;
}

/** Bound on the nodes read inside one caption unit. */
const UNIT_NODE_LIMIT = 4000;
/** Longest text (chars) outside the caption of a figure taken for a credit printed over the image. */
const MAX_LOOSE_CREDIT_CHARS = 80;

/** True when markup names the element a photo credit. */
export function isCreditElement(el: Element): boolean {
  return CREDIT_CLASS.test(classAndId(el)) || CREDIT_ITEMPROP.test(el.attribs.itemprop ?? '');
}

/** Longest text (chars) of a control inside a caption ("Purchase Licensing Rights, opens new tab"). */
const MAX_FURNITURE_CHARS = 60;

function isScreenReaderOnly(el: Element): boolean {
  return (el.attribs.class !== undefined || el.attribs.id !== undefined) && SCREEN_READER_CLASS.test(classAndId(el));
}

/** The text a sighted reader sees in a short element: screen-reader labels left out. */
function visibleText(el: Element): string {
  const parts: string[] = [];
  const stack: AnyNode[] = [el];
  while (stack.length) {
    const n = stack.pop()!;
    if (isText(n)) parts.push(n.data);
    else if (isElement(n) && (n === el || (!isScreenReaderOnly(n) && !isInvisibleTag(n.name)))) {
      for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]!);
    }
  }
  return collapse(parts.join(' '));
}

/** Elements inside a caption whose text is not caption text: screen-reader labels, controls. */
function isFurniture(el: Element, index: PageIndex): boolean {
  if (isInvisibleTag(el.name) && el.name !== 'noscript') return true;
  if (isScreenReaderOnly(el)) return true;
  if (el.name === 'a' || el.name === 'span') {
    const chars = index.stats.get(el)?.text ?? 0;
    return chars > 0 && chars <= MAX_FURNITURE_CHARS && CAPTION_FURNITURE.test(visibleText(el));
  }
  return false;
}

/** What reading a caption needs besides the unit: the page index and the subtrees that are not the article's. */
export interface ReadContext {
  index: PageIndex;
  /** Subtrees left out (boilerplate inside a figure-shaped box). */
  excluded: ReadonlySet<AnyNode>;
}

/**
 * The visible text of `root` without the elements in `ignore`, excluded
 * subtrees, screen-reader labels, controls and hidden elements; blocks and
 * `<br>` become spaces.
 */
export function readText(root: Element, ctx: ReadContext, ignore: ReadonlySet<Element>): string {
  const { index } = ctx;
  const parts: string[] = [];
  const stack: AnyNode[] = [root];
  let budget = UNIT_NODE_LIMIT;
  while (stack.length && budget-- > 0) {
    const n = stack.pop()!;
    if (isText(n)) {
      parts.push(n.data);
      continue;
    }
    if (!isElement(n)) continue;
    if (n !== root && (ignore.has(n) || index.hidden.has(n) || ctx.excluded.has(n) || isFurniture(n, index))) continue;
    if (n.name === 'br' || BLOCK_TAGS.has(n.name)) parts.push(' ');
    for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]!);
  }
  return collapse(parts.join(''));
}

/**
 * Removes the labels and counters printed before a caption ("Image caption, ",
 * "1/7", "FILE PHOTO:", a player's "Media playback is unsupported on your
 * device"); a caption made only of controls ("Caption Close")
 * becomes empty.
 */
export function tidyCaption(text: string): string {
  let t = text;
  for (let i = 0; i < 3; i++) {
    const before = t;
    t = t.replace(PLAYER_NOTICE, '').replace(CAPTION_LABEL, '').replace(CAPTION_COUNTER, '').replace(FILE_PHOTO_PREFIX, '').trim();
    if (t === before) break;
  }
  return CAPTION_FURNITURE.test(t) ? '' : t;
}

/** Caption parts of a unit: its caption element and its credit elements (outermost of each). */
interface UnitParts {
  caption: Element | null;
  credits: Element[];
}

function partsOf(unit: Element, excluded: ReadonlySet<AnyNode>): UnitParts {
  let figcaption: Element | null = null;
  let named: Element | null = null;
  const credits: Element[] = [];
  const stack: AnyNode[] = [];
  for (let i = unit.children.length - 1; i >= 0; i--) stack.push(unit.children[i]!);
  let budget = UNIT_NODE_LIMIT;
  while (stack.length && budget-- > 0) {
    const n = stack.pop()!;
    if (!isElement(n) || excluded.has(n)) continue;
    if (isCreditElement(n) || (CREDIT_TAGS.has(n.name) && !isNamedCaption(n))) {
      if (!firstImage(n)) {
        credits.push(n);
        continue;
      }
    }
    if (n.name === 'figcaption' && !figcaption) figcaption = n;
    else if (!named && !figcaption && isNamedCaption(n) && !firstImage(n)) named = n;
    for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]!);
  }
  return { caption: figcaption ?? named, credits };
}

/** The text of a figure outside its caption and credits: a credit printed over the image ("British Antarctic Survey"). */
function looseCredit(unit: Element, parts: UnitParts, ctx: ReadContext): string | null {
  // The page index says whether the figure holds any text besides its caption; most do not.
  const all = ctx.index.stats.get(unit)?.text ?? 0;
  const caption = parts.caption ? (ctx.index.stats.get(parts.caption)?.text ?? 0) : 0;
  if (all - caption <= 1) return null;
  const ignore = new Set<Element>(parts.credits);
  if (parts.caption) ignore.add(parts.caption);
  const text = tidyCaption(readText(unit, ctx, ignore));
  if (text === '' || text.length > MAX_LOOSE_CREDIT_CHARS || !/\p{L}{2}/u.test(text)) return null;
  return cleanCredit(text);
}

/** Joins the credit elements' texts into one credit. */
function creditOf(credits: readonly Element[], ctx: ReadContext): string | null {
  const texts = credits.map((c) => cleanCredit(readText(c, ctx, new Set()))).filter((t): t is string => t !== null);
  const joined = [...new Set(texts)].join(' / ');
  return joined === '' || joined.length > MAX_CREDIT_CHARS * 2 ? null : joined;
}

/** Splits text and credit when no element carries the credit. */
function finish(text: string, credit: string | null, image: Element | null): ReadCaption | null {
  if (credit !== null) {
    const t = tidyCaption(text);
    return t === '' ? null : { text: t, credit, image };
  }
  const split = splitCredit(tidyCaption(text));
  return split.text === '' ? null : { text: split.text, credit: split.credit, image };
}

/**
 * Reads a unit that holds its image and its caption: a `<figure>`, a
 * `wp-caption` box, a gallery slide, a photo cell of a layout table. A unit
 * with neither an image nor a caption element (a `<figure>` used as a box of
 * links) has no caption.
 */
export function readUnit(unit: Element, ctx: ReadContext, needsCaptionElement = false): ReadCaption | null {
  const parts = partsOf(unit, ctx.excluded);
  const image = firstImage(unit);
  // A figure of a table, a quotation or a code listing has a caption, but not of a picture.
  if (!image && holdsNonPicture(unit)) return null;
  const credit = creditOf(parts.credits, ctx);
  if (parts.caption) {
    const text = readText(parts.caption, ctx, new Set(parts.credits));
    return finish(text, credit ?? looseCredit(unit, parts, ctx), image);
  }
  if (!image || needsCaptionElement) return null;
  // No caption element: the unit's own text (less its credits) is the caption, unless it is a link (a preview card).
  const st = ctx.index.stats.get(unit);
  if (st && st.text > 0 && st.link / st.text > MAX_LOOSE_LINK_SHARE) return null;
  return finish(readText(unit, ctx, new Set(parts.credits)), credit, image);
}

/** Share of links a caption without caption markup may hold: a linked card is a teaser, not a photo with its caption. */
const MAX_LOOSE_LINK_SHARE = 0.5;
/** Contents that make a figure something other than a picture. */
const NON_PICTURE_TAGS: ReadonlySet<string> = new Set(['table', 'blockquote', 'pre', 'code', 'ul', 'ol', 'dl']);

/** Nodes searched for the contents that make a figure something other than a picture. */
const NON_PICTURE_SEARCH_LIMIT = 256;

function holdsNonPicture(unit: Element): boolean {
  return someInSubtree(
    unit,
    (n) => NON_PICTURE_TAGS.has(n.name),
    NON_PICTURE_SEARCH_LIMIT,
    (n) => n.name !== 'figcaption',
  );
}

/**
 * Reads a caption block printed beside its image (`p.wp-caption-text` after
 * the image link, `span.caption` + `span.credit`), together with the credit
 * blocks that directly follow it.
 *
 * @param group - the block and the caption-named siblings that follow it
 * @param image - the image it describes, found by the caller
 */
export function readBlocks(group: readonly Element[], image: Element | null, ctx: ReadContext): ReadCaption | null {
  const credits: Element[] = [];
  const texts: string[] = [];
  for (const el of group) {
    if (isCreditElement(el) && !CAPTION_LIKE_TEXT_CLASS.test(classAndId(el))) {
      credits.push(el);
      continue;
    }
    const inner = partsOf(el, ctx.excluded).credits;
    credits.push(...inner);
    texts.push(readText(el, ctx, new Set(inner)));
  }
  return finish(texts.join(' '), creditOf(credits, ctx), image);
}

/** A class naming caption text even though it also says "credit" ("caption-and-credit"): read as text, split later. */
const CAPTION_LIKE_TEXT_CLASS = /caption-?(?:and|with)-?credit|caption-?text|caption__text/i;
