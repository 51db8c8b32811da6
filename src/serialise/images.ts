/**
 * Image source selection: `src`, lazy-load attributes, `srcset`, `<picture>`
 * sources and `<noscript>` fallbacks, with placeholder and tracking-pixel
 * detection.
 *
 * @packageDocumentation
 */

import type { AnyNode, Element } from 'domhandler';
import { parseDocument } from 'htmlparser2';
import { LAZY_IMAGE_ATTRIBUTES, PLACEHOLDER_PATTERN, SRCSET_ATTRIBUTES } from './allowlist.js';
import { sanitiseUrl } from './urls.js';

/** An image ready to be written: every field is already checked. */
export interface ResolvedImage {
  /** Absolute (or, without a base URL, relative) http(s) URL, or a base64 raster `data:` URI. */
  src: string;
  /** The alt text, whitespace-collapsed; `null` when the attribute is absent. */
  alt: string | null;
  /** The width attribute when it is a plain number of pixels. */
  width: string | null;
  /** The height attribute when it is a plain number of pixels. */
  height: string | null;
}

/**
 * A `width`/`height` value of 0 or 1 pixel: the signature of a tracking pixel.
 * (The optional unit carries its own leading spaces: two adjacent `\s*` around
 * an optional part would backtrack quadratically on a long run of spaces.)
 */
const TINY_SIZE = /^\s*[01](?:\.0*)?(?:\s*px)?\s*$/i;
/** A `width`/`height` value we pass through: a plain pixel count. */
const PIXEL_SIZE = /^\s*(\d{1,5})(?:\s*px)?\s*$/i;
const WHITESPACE_RUN = /[\s\u00a0]+/g;
/** Bound on the nodes searched for an image next to a `<noscript>`. */
const NEIGHBOUR_SEARCH_LIMIT = 64;
/** Bound on the nodes searched for images inside a `<noscript>`. */
const NOSCRIPT_SEARCH_LIMIT = 512;

/** True for an `<img>`-like element that is a tracking pixel (width or height of 0–1 px). */
export function isTrackingPixel(attribs: Record<string, string>): boolean {
  const { width, height } = attribs;
  return (width !== undefined && TINY_SIZE.test(width)) || (height !== undefined && TINY_SIZE.test(height));
}

function isDataUri(value: string): boolean {
  return value.trimStart().slice(0, 5).toLowerCase() === 'data:';
}

/**
 * True when the URL's file name marks it as a lazy-load placeholder
 * (`blank.gif`, `spacer.png`, `lazy-placeholder.svg`, ...). Only the last path
 * segment is looked at, so a directory called `/lazy/` does not count.
 */
export function isPlaceholderName(url: string): boolean {
  const cut = url.search(/[?#]/);
  const path = cut === -1 ? url : url.slice(0, cut);
  const name = path.slice(path.lastIndexOf('/') + 1);
  return PLACEHOLDER_PATTERN.test(name);
}

/**
 * Picks the largest candidate of a `srcset` value: the greatest `w` descriptor
 * when there is one, otherwise the greatest `x` density (a bare URL counts as
 * `1x`). Parsing follows the HTML algorithm, so URLs containing commas
 * (`/w_300,h_200/a.jpg 300w`) survive.
 *
 * @returns the chosen URL (unchecked), or `null` for an empty value.
 */
export function pickSrcset(value: string): string | null {
  let bestW: string | null = null;
  let bestWidth = -1;
  let bestX: string | null = null;
  let bestDensity = -1;
  const len = value.length;
  let pos = 0;
  while (pos < len) {
    while (pos < len && (value[pos] === ',' || isSpace(value.charCodeAt(pos)))) pos++;
    if (pos >= len) break;
    const start = pos;
    while (pos < len && !isSpace(value.charCodeAt(pos))) pos++;
    let url = value.slice(start, pos);
    let descriptors = '';
    if (url.endsWith(',')) {
      // Trailing commas, trimmed by hand: /,+$/ is quadratic on a long run of commas.
      let end = url.length;
      while (end > 0 && url.charCodeAt(end - 1) === 44) end--;
      url = url.slice(0, end);
    } else {
      const dStart = pos;
      let depth = 0;
      while (pos < len) {
        const c = value[pos];
        if (c === '(') depth++;
        else if (c === ')') depth--;
        else if (c === ',' && depth <= 0) break;
        pos++;
      }
      descriptors = value.slice(dStart, pos);
      pos++;
    }
    if (url === '') continue;
    let width = -1;
    let density = 1;
    for (const token of descriptors.trim().split(/\s+/)) {
      const last = token[token.length - 1];
      const n = Number(token.slice(0, -1));
      if (last === 'w' && Number.isFinite(n)) width = n;
      else if (last === 'x' && Number.isFinite(n)) density = n;
    }
    if (width >= 0) {
      if (width > bestWidth) {
        bestWidth = width;
        bestW = url;
      }
    } else if (density > bestDensity) {
      bestDensity = density;
      bestX = url;
    }
  }
  return bestW ?? bestX;
}

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0c || code === 0x0d;
}

/** Reads a candidate URL from a lazy-load attribute, ignoring placeholders. */
function candidateFrom(attribs: Record<string, string>, name: string, base: URL | null): string | null {
  const raw = attribs[name];
  if (!raw) return null;
  const url = SRCSET_ATTRIBUTES.has(name) ? pickSrcset(raw) : raw;
  if (!url || isDataUri(url) || isPlaceholderName(url)) return null;
  return sanitiseUrl(url, base, 'image');
}

/** The first usable `<source srcset>` of the `<picture>` an image sits in. */
function pictureSource(img: Element, base: URL | null): string | null {
  const parent = img.parent;
  if (!parent || parent.type !== 'tag' || (parent as Element).name.toLowerCase() !== 'picture') return null;
  for (const sibling of (parent as Element).children) {
    if (sibling === img) break;
    if (sibling.type !== 'tag' || (sibling as Element).name.toLowerCase() !== 'source') continue;
    const attribs = (sibling as Element).attribs;
    const url = candidateFrom(attribs, 'srcset', base) ?? candidateFrom(attribs, 'data-srcset', base);
    if (url) return url;
  }
  return null;
}

/**
 * Chooses the source of an image element, or `null` when it has none worth
 * showing (no URL, only a placeholder, an unsafe URL, or a tracking pixel).
 *
 * Order: a real `src`; then the lazy-load attributes in
 * {@link LAZY_IMAGE_ATTRIBUTES} order (largest `srcset` candidate); then the
 * enclosing `<picture>`'s sources; and last a non-GIF `data:` image in `src`
 * (a GIF data URI is the classic 1×1 placeholder).
 */
export function resolveImage(img: Element, base: URL | null): ResolvedImage | null {
  const attribs = img.attribs;
  if (isTrackingPixel(attribs)) return null;
  let src: string | null = null;
  let fallback: string | null = null;
  const rawSrc = attribs.src;
  if (rawSrc && rawSrc.trim() !== '') {
    if (isDataUri(rawSrc)) {
      if (!/^\s*data:image\/gif/i.test(rawSrc)) fallback = sanitiseUrl(rawSrc, base, 'image');
    } else if (!isPlaceholderName(rawSrc)) {
      src = sanitiseUrl(rawSrc, base, 'image');
    }
  }
  for (let i = 0; src === null && i < LAZY_IMAGE_ATTRIBUTES.length; i++) {
    src = candidateFrom(attribs, LAZY_IMAGE_ATTRIBUTES[i]!, base);
  }
  if (src === null) src = pictureSource(img, base) ?? fallback;
  if (src === null) return null;
  const alt = attribs.alt;
  return {
    src,
    alt: alt === undefined ? null : alt.replace(WHITESPACE_RUN, ' ').trim(),
    width: pixelSize(attribs.width),
    height: pixelSize(attribs.height),
  };
}

function pixelSize(value: string | undefined): string | null {
  if (value === undefined) return null;
  const m = PIXEL_SIZE.exec(value);
  return m ? String(Number(m[1])) : null;
}

/** True for an element whose (lower-cased) tag name is `name`. */
function isElement(node: AnyNode, name: string): node is Element {
  return (node.type === 'tag' || node.type === 'script' || node.type === 'style') && (node as Element).name.toLowerCase() === name;
}

/**
 * Collects the `<img>` elements a `<noscript>` offers as fallbacks. htmlparser2
 * parses noscript content as markup; parse5 (cheerio's default) keeps it as
 * text, which is parsed here into a private tree (the caller's tree is never
 * touched).
 */
export function noscriptImages(noscript: Element): Element[] {
  const found: Element[] = [];
  const stack: AnyNode[] = [...noscript.children].reverse();
  let budget = NOSCRIPT_SEARCH_LIMIT;
  while (stack.length > 0 && budget-- > 0) {
    const node = stack.pop()!;
    if (node.type === 'text') {
      const data = (node as unknown as { data: string }).data;
      if (/<img\b/i.test(data)) stack.push(...[...parseDocument(data).children].reverse());
    } else if (isElement(node, 'img')) {
      found.push(node);
    } else if ('children' in node && Array.isArray(node.children)) {
      for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
    }
  }
  return found;
}

/**
 * True when the element next to a `<noscript>` already shows an image (it is
 * one, or holds one within a few levels): the noscript's images are then the
 * fallback of that lazy image and would be duplicates.
 */
export function neighbourHasImage(noscript: Element, base: URL | null, direction: 'prev' | 'next'): boolean {
  let sibling: AnyNode | null = direction === 'prev' ? noscript.prev : noscript.next;
  while (sibling && (sibling.type === 'comment' || (sibling.type === 'text' && (sibling as unknown as { data: string }).data.trim() === ''))) {
    sibling = direction === 'prev' ? sibling.prev : sibling.next;
  }
  if (!sibling || sibling.type !== 'tag') return false;
  const stack: AnyNode[] = [sibling];
  let budget = NEIGHBOUR_SEARCH_LIMIT;
  while (stack.length > 0 && budget-- > 0) {
    const node = stack.pop()!;
    if (node.type !== 'tag') continue;
    const el = node as Element;
    const name = el.name.toLowerCase();
    if (name === 'img' || name === 'amp-img') {
      if (resolveImage(el, base) !== null) return true;
    } else if (name !== 'noscript') {
      for (const child of el.children) stack.push(child);
    }
  }
  return false;
}
