/**
 * Caption blocks printed outside a `<figure>`: the tests the cleaner uses to
 * keep them out of the body and the caption finder uses to report them.
 * Both read the same predicates, so that what leaves the body is what the
 * captions field reports.
 */
import type { AnyNode, Element } from 'domhandler';
import { classAndId, isElement, isInvisibleTag, isText, textOf } from '../../dom/nodes.js';
import type { PageIndex } from '../../body/features.js';
import { mayHoldCredit, splitCredit } from './credit.js';
import { CAPTION_CLASS, CAPTION_ITEMPROP, GALLERY_CLASS, MAX_CAPTION_CHARS, MAX_PLAIN_CAPTION_CHARS } from './patterns.js';

/** Tags of the image elements a caption can describe. */
export const IMAGE_TAGS: ReadonlySet<string> = new Set(['img', 'amp-img', 'picture']);
/** Bound on the nodes searched for an image inside a block. */
const IMAGE_SEARCH_LIMIT = 256;
/** Previous siblings looked at for the image a caption block describes. */
const SIBLING_LOOKBACK = 3;
/** Blocks a plain caption may be (a short paragraph or div after an image). */
const PLAIN_CAPTION_TAGS: ReadonlySet<string> = new Set(['p', 'div']);
/** Inline tags that set a whole line apart as a caption when all its text is inside them. */
const EMPHASIS_TAGS: ReadonlySet<string> = new Set(['em', 'i', 'small']);
const HEADING = /^h[1-6]$/;
/** Item types whose `description` is a caption. */
const MEDIA_ITEMTYPE = /ImageObject|VideoObject|MediaObject|Photograph/i;

/** The first image element inside `el` (document order), or null; bounded search. */
export function firstImage(el: Element): Element | null {
  const stack: AnyNode[] = [el];
  let budget = IMAGE_SEARCH_LIMIT;
  while (stack.length && budget-- > 0) {
    const n = stack.pop()!;
    if (!isElement(n)) continue;
    if (n.name === 'img' || n.name === 'amp-img') return n;
    for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]!);
  }
  return null;
}

/** The first image in `el`, answered from the page index when it counts no image there (the common case, in O(1)). */
export function imageIn(el: Element, index: PageIndex): Element | null {
  const st = index.stats.get(el);
  if (st && st.images === 0) return null;
  return firstImage(el);
}

/** True when the element's `itemprop` names a caption (a `description` only inside an image or video item). */
function isCaptionItemprop(el: Element): boolean {
  const ip = el.attribs.itemprop;
  if (!ip || !CAPTION_ITEMPROP.test(ip)) return false;
  if (/(?:^|\s)caption(?:$|\s)/i.test(ip)) return true;
  let p: AnyNode | null = el.parent;
  for (let level = 0; level < 3 && isElement(p); level++, p = p.parent) {
    if (MEDIA_ITEMTYPE.test(p.attribs.itemtype ?? '')) return true;
  }
  return false;
}

/** True when markup names the element a caption or credit (class, id or itemprop); `ci` is its class and id when already read. */
export function isNamedCaption(el: Element, ci: string = classAndId(el)): boolean {
  return (ci !== '' && CAPTION_CLASS.test(ci)) || (el.attribs.itemprop !== undefined && isCaptionItemprop(el));
}

/**
 * The image a caption printed after it describes: the nearest previous
 * sibling (passing over empty ones and short credit lines) that is or holds
 * an image and at most `maxText` characters of text, within `lookback`
 * element siblings. Null when there is none.
 */
export function imageBefore(el: Element, index: PageIndex, maxText = 120, lookback = SIBLING_LOOKBACK): Element | null {
  let seen = 0;
  for (let s: AnyNode | null = el.prev; s && seen < lookback; s = s.prev) {
    if (!isElement(s)) {
      if (isText(s) && s.data.trim() !== '') return null;
      continue;
    }
    if ((isInvisibleTag(s.name) && s.name !== 'noscript') || s.name === 'br') continue;
    const st = index.stats.get(s);
    // Empty blocks between the image and its caption (`<p>&nbsp;</p>`) are passed over.
    if (st && st.text === 0 && st.images === 0) continue;
    seen++;
    const image = imageIn(s, index);
    if (image) return (st?.text ?? 0) <= maxText ? image : null;
    if ((st?.text ?? 0) > 120) return null;
  }
  return null;
}

/** True when the element is a line of a gallery or slideshow item (`ul.slides > li > img + p`). */
function inGalleryItem(el: Element): boolean {
  const item = el.parent;
  if (!isElement(item)) return false;
  const list = item.parent;
  return GALLERY_CLASS.test(classAndId(item)) || (isElement(list) && GALLERY_CLASS.test(classAndId(list)));
}

/** True when all of a block's visible text sits inside emphasis (`<em>`, `<i>`, `<small>`). */
function allEmphasised(el: Element): boolean {
  const stack: Array<[AnyNode, boolean]> = [];
  for (let i = el.children.length - 1; i >= 0; i--) stack.push([el.children[i]!, false]);
  let any = false;
  while (stack.length) {
    const [n, em] = stack.pop()!;
    if (isText(n)) {
      if (n.data.trim() === '') continue;
      if (!em) return false;
      any = true;
    } else if (isElement(n) && !isInvisibleTag(n.name)) {
      const inside = em || EMPHASIS_TAGS.has(n.name);
      for (let i = n.children.length - 1; i >= 0; i--) stack.push([n.children[i]!, inside]);
    }
  }
  return any;
}

/**
 * A caption block named by its markup (`p.wp-caption-text`,
 * `div.image-caption`, `span[itemprop=caption]`, `div.photo-credit`) that
 * holds no image of its own. A named paragraph counts only next to an image
 * (some sites class body paragraphs "...-text") and only when it says more
 * than a credit.
 */
export function isCaptionBlock(el: Element, index: PageIndex): boolean {
  if (el.name === 'figure' || el.name === 'figcaption' || HEADING.test(el.name) || IMAGE_TAGS.has(el.name)) return false;
  const st = index.stats.get(el);
  if (!st || st.text === 0 || st.text > MAX_CAPTION_CHARS || st.paragraphs > 2) return false;
  if (!isNamedCaption(el) || imageIn(el, index) !== null) return false;
  if (el.name !== 'p') return true;
  if (imageBefore(el, index) === null && !(isElement(el.parent) && isNamedCaption(el.parent))) return false;
  // A paragraph that is only a credit ("Image source: Getty Images.") stays in the body, as it always has.
  return splitCredit(textOf(el)).text !== '';
}

/**
 * True for a caption or credit line of a box that holds the picture (a
 * "credit" span beside the image in an ImageObject item): caption furniture,
 * not the article's byline, although its class says "credit".
 */
export function isCaptionOfBox(el: Element, index: PageIndex): boolean {
  const parent = el.parent;
  if (!isElement(parent) || (index.stats.get(parent)?.images ?? 0) === 0) return false;
  return isCaptionBlock(el, index);
}

/** Most pictures a captioned picture box holds (a photo, or a photo and its enlargement). */
const MAX_BOX_IMAGES = 2;
/** Nodes searched for the caption of a picture box. */
const BOX_SEARCH_LIMIT = 64;

/**
 * True for a container that is one picture and its caption or credit
 * (`div.media > img + div.image-caption`): a figure in all but name.
 */
export function isCaptionedPicture(el: Element, index: PageIndex): boolean {
  const st = index.stats.get(el);
  if (!st || st.images === 0 || st.images > MAX_BOX_IMAGES || st.text === 0 || st.text > MAX_CAPTION_CHARS || st.paragraphs > 1 || st.link > st.text / 2)
    return false;
  const stack: AnyNode[] = [...el.children];
  let budget = BOX_SEARCH_LIMIT;
  while (stack.length && budget-- > 0) {
    const n = stack.pop()!;
    if (!isElement(n)) continue;
    if (n.name === 'figcaption' || isNamedCaption(n)) return true;
    for (const c of n.children) stack.push(c);
  }
  return false;
}

/**
 * A caption printed without caption markup: a short, link-free paragraph
 * right after a block that holds only an image, set entirely in emphasis,
 * ending with a printed credit ("Installation view, photos © X"), or under
 * the photo of a gallery item. A line that is nothing but a credit is not a
 * caption.
 */
export function isPlainCaption(el: Element, index: PageIndex): boolean {
  if (!PLAIN_CAPTION_TAGS.has(el.name)) return false;
  const st = index.stats.get(el);
  if (!st || st.text === 0 || st.text > MAX_PLAIN_CAPTION_CHARS || st.link > 0 || st.images > 0 || st.paragraphs > 0) return false;
  // The image block must hold no text of its own: a paragraph with an inline icon is not a photo.
  if (!imageBefore(el, index, 0, 1)) return false;
  // The line under a photo of a gallery or slideshow item is its caption, whatever its wording.
  if (inGalleryItem(el)) return true;
  if (allEmphasised(el)) return true;
  // A line that is only a credit ("Image source: Getty Images.") describes nothing: it stays where it is.
  const text = textOf(el);
  if (!mayHoldCredit(text)) return false;
  const split = splitCredit(text);
  return split.credit !== null && split.text !== '';
}
