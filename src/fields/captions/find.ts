/**
 * Finding the captions of the article, in page order: figures and their
 * figcaptions, WordPress `wp-caption` boxes, caption and credit blocks named
 * by class or `itemprop`, captions printed in the block after the image,
 * gallery and slideshow items, and the photo cells of table layouts.
 *
 * Candidates come from the page index (its figures and images) and from the
 * caption blocks the cleaner kept out of the body; around each image, the
 * boxes that hold it and the blocks printed after it are looked at. Nothing
 * walks the article again.
 */
import type { AnyNode, Element } from 'domhandler';
import { classAndId, someInSubtree, isElement } from '../../dom/nodes.js';
import type { ElementStats, PageIndex } from '../../body/features.js';
import { Place, ScopePlaces, type MediaScope } from '../media-scope.js';
import { firstImage, imageBefore, isCaptionBlock, isNamedCaption, isPlainCaption } from './blocks.js';
import { readBlocks, readUnit, type ReadCaption } from './read.js';
import { GALLERY_CLASS, MAX_CAPTION_CHARS, MAX_PLAIN_CAPTION_CHARS } from './patterns.js';

/** A caption found in the page. */
export interface FoundCaption extends ReadCaption {
  /** The element the caption was read from (a figure, a caption box, a caption block). */
  el: Element;
  /**
   * For a caption box that is not a `<figure>` (`div.wp-caption`, an
   * ImageObject item): the box, which the serialiser writes as a figure.
   */
  box: Element | null;
  /** The caption and credit elements outside a `<figure>`: left out of the body text. */
  parts: Element[];
}

/** Caption-named siblings read together with a caption block (a caption and its credit line). */
const MAX_GROUP = 3;
/** Ancestor levels searched for the image of a caption block nested in a slide. */
const IMAGE_CLIMB_LEVELS = 2;
/** A slide ancestor may hold this much more text than its caption (a counter, a credit, a button). */
const IMAGE_CLIMB_EXTRA_CHARS = 300;
/** Item types of a box that holds an image and its caption. */
const MEDIA_ITEMTYPE = /ImageObject|Photograph/i;

/** Nodes searched for a figure nested in a figure. */
const NESTED_FIGURE_SEARCH_LIMIT = 512;

function hasNestedFigure(el: Element): boolean {
  return someInSubtree(el, (n) => n.name === 'figure', NESTED_FIGURE_SEARCH_LIMIT);
}

/**
 * A box that is a figure in all but name: named a caption (`wp-caption`) or
 * an ImageObject item (`named`, tested by the caller), holding an image.
 */
function isCaptionBox(el: Element, st: ElementStats): boolean {
  if (el.name === 'p' || el.name === 'a') return false;
  return st.text <= MAX_CAPTION_CHARS && st.paragraphs <= 2 && st.images >= 1 && st.images <= 2 && firstImage(el) !== null;
}

/** True when the image comes before any text inside `el` (a photo with its caption under it). */
function imageComesFirst(el: Element): boolean {
  const stack: AnyNode[] = [...el.children].reverse();
  let budget = 512;
  while (stack.length && budget-- > 0) {
    const n = stack.pop()!;
    if (n.type === 'text') {
      if ((n as { data: string }).data.trim() !== '') return false;
      continue;
    }
    if (!isElement(n)) continue;
    if (n.name === 'img' || n.name === 'amp-img') return true;
    for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]!);
  }
  return false;
}

/**
 * A photo with a line of text and nothing else: a cell of a table layout, or
 * an item of a gallery or slideshow. Inside the body region such a line is
 * body text, so it is only read there when the cleaner removed the gallery.
 */
function isImageBox(el: Element, st: ElementStats, ci: string): boolean {
  if (st.images !== 1 || st.text === 0 || st.text > MAX_PLAIN_CAPTION_CHARS || st.link > 0) return false;
  if (el.name !== 'td') {
    if (el.name !== 'li' && el.name !== 'div') return false;
    if (!GALLERY_CLASS.test(ci) && !(isElement(el.parent) && GALLERY_CLASS.test(classAndId(el.parent)))) return false;
  }
  return imageComesFirst(el);
}

/** The image a caption block describes: before it, or before the slide part it sits in. */
function imageFor(el: Element, index: PageIndex): Element | null {
  const direct = imageBefore(el, index);
  if (direct) return direct;
  const own = index.stats.get(el)?.text ?? 0;
  let p = el.parent;
  for (let level = 0; level < IMAGE_CLIMB_LEVELS && isElement(p); level++, p = p.parent) {
    const st = index.stats.get(p);
    if (!st || st.text > own + IMAGE_CLIMB_EXTRA_CHARS) break;
    const inside = firstImage(p);
    if (inside) return inside;
    const before = imageBefore(p, index);
    if (before) return before;
  }
  return null;
}

/** The caption block and the caption-named siblings right after it (its credit line). */
function groupOf(el: Element, index: PageIndex): Element[] {
  const group = [el];
  for (let s: AnyNode | null = el.next; s && group.length < MAX_GROUP; s = s.next) {
    if (s.type === 'text' && (s as { data: string }).data.trim() === '') continue;
    if (!isElement(s) || !isCaptionBlock(s, index)) break;
    group.push(s);
  }
  return group;
}

/** How a candidate is read. */
type CandidateKind = 'figure' | 'box' | 'imagebox' | 'block';

/** Ancestor levels above an image where a caption box or a caption printed after it is looked for. */
const AROUND_IMAGE_LEVELS = 4;
/** Siblings after an image's block looked at for its caption. */
const SIBLINGS_AFTER_IMAGE = 2;
/** Ancestor levels searched for a caption unit already read around a candidate. */
const UNIT_CLIMB_LEVELS = 8;

/**
 * Finds the captions of the article in page order.
 *
 * @param scope - where to look (the article container less its boilerplate)
 * @param blocks - caption blocks already known (the cleaner's, inside the body region)
 * @param places - the scope's place resolver, when the caller shares one
 */
export function findCaptions(scope: MediaScope, blocks: Iterable<Element> = [], places = new ScopePlaces(scope)): FoundCaption[] {
  const { index } = scope;
  const candidates = new Map<Element, CandidateKind>();
  const consider = (el: Element, kind: CandidateKind) => {
    if (!candidates.has(el)) candidates.set(el, kind);
  };
  for (const figure of index.byTag.get('figure') ?? []) {
    if ((index.stats.get(figure)?.text ?? 0) > 0 && places.of(figure) !== Place.Out) consider(figure, 'figure');
  }
  for (const block of blocks) consider(block, 'block');
  const textful = new TextfulSiblings(index);
  for (const tag of ['img', 'amp-img']) {
    for (const img of index.byTag.get(tag) ?? []) {
      if (index.budget.passed()) break;
      const place = places.of(img);
      if (place === Place.Out) continue;
      aroundImage(img, place, scope, textful, consider);
    }
  }

  const ordered = [...candidates].sort((a, b) => (index.stats.get(a[0])?.order ?? -1) - (index.stats.get(b[0])?.order ?? -1));
  const ctx = { index, excluded: scope.excluded };
  const found: FoundCaption[] = [];
  const units = new Set<Element>();
  const consumed = new Set<Element>();
  const seen = new Set<string>();
  const add = (cap: ReadCaption | null, el: Element, box: Element | null, parts: Element[]) => {
    if (!cap) return;
    // Galleries print a caption twice (thumbnail strip and slide, or one per size): keep the first.
    const key = `${cap.text}\u0000${cap.credit ?? ''}`;
    if (seen.has(key)) return;
    seen.add(key);
    found.push({ ...cap, el, box, parts });
  };
  for (const [el, kind] of ordered) {
    if (index.budget.passed()) break;
    if (consumed.has(el) || insideUnit(el, units)) continue;
    const place = places.of(el);
    if (place === Place.Out) continue;
    const weak = (place & Place.Weak) !== 0;
    if (kind === 'figure' || kind === 'box') {
      if (hasNestedFigure(el)) continue; // the inner figures are candidates of their own
      units.add(el);
      // In a block the conditional rules removed, only a figure with a caption of its own counts.
      add(readUnit(el, ctx, weak), el, kind === 'box' ? el : null, []);
    } else if (kind === 'imagebox') {
      // In the body a slide's line stays body text, unless the conditional rules removed the slideshow.
      if ((place & Place.Region) !== 0 && !weak) continue;
      units.add(el);
      add(readUnit(el, ctx), el, null, []);
    } else {
      if (weak) continue;
      const group = groupOf(el, index);
      for (const g of group) consumed.add(g);
      add(readBlocks(group, imageFor(el, index), ctx), el, null, group);
    }
  }
  return found;
}

/** True when an ancestor of `el` is a caption unit already read. */
function insideUnit(el: Element, units: ReadonlySet<Element>): boolean {
  if (units.size === 0) return false;
  let p = el.parent;
  for (let level = 0; level < UNIT_CLIMB_LEVELS && isElement(p); level++, p = p.parent) if (units.has(p)) return true;
  return false;
}

/**
 * The next element sibling holding text, at or after a node, with every
 * answer remembered: a run of images (or other empty blocks) with no text
 * between them is stepped over once, not once per image before it, which
 * would make a page of thousands of bare images quadratic.
 */
class TextfulSiblings {
  private readonly memo = new Map<AnyNode, Element | null>();

  constructor(private readonly index: PageIndex) {}

  private holdsText(n: AnyNode): n is Element {
    if (!isElement(n)) return false;
    const st = this.index.stats.get(n);
    return st !== undefined && st.text > 0;
  }

  /** The first element at or after `start` among its siblings whose text is not empty, or null. */
  from(start: AnyNode | null): Element | null {
    const path: AnyNode[] = [];
    let found: Element | null = null;
    for (let n = start; n; n = n.next) {
      const known = this.memo.get(n);
      if (known !== undefined) {
        found = known;
        break;
      }
      if (this.holdsText(n)) {
        found = n;
        break;
      }
      path.push(n);
    }
    for (const n of path) this.memo.set(n, found);
    return found;
  }
}

/**
 * The caption candidates around an image: the boxes holding it (a
 * `wp-caption` box, an ImageObject item, a gallery slide or a photo cell) and
 * the caption blocks printed right after it or after the block holding it.
 */
function aroundImage(img: Element, place: number, scope: MediaScope, textful: TextfulSiblings, consider: (el: Element, kind: CandidateKind) => void): void {
  const { index } = scope;
  let node: Element = img;
  for (let level = 0; level < AROUND_IMAGE_LEVELS; level++) {
    if ((place & Place.Weak) === 0) {
      // The first siblings after the image's block that hold text (empty ones are passed over).
      let s = textful.from(node.next);
      for (let seen = 0; s && seen < SIBLINGS_AFTER_IMAGE; seen++, s = textful.from(s.next)) {
        if ((isNamedCaption(s) && isCaptionBlock(s, index)) || isPlainCaption(s, index)) consider(s, 'block');
      }
    }
    const parent = node.parent;
    if (!isElement(parent) || parent.name === 'figure' || parent.name === 'body' || scope.roots.includes(node)) break;
    const st = index.stats.get(parent);
    if (!st) break;
    const ci = classAndId(parent);
    if ((isNamedCaption(parent, ci) || MEDIA_ITEMTYPE.test(parent.attribs.itemtype ?? '')) && isCaptionBox(parent, st)) consider(parent, 'box');
    else if (((place & Place.Region) === 0 || (place & Place.Weak) !== 0) && isImageBox(parent, st, ci)) consider(parent, 'imagebox');
    node = parent;
  }
}
