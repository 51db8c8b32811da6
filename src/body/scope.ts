/**
 * The article's container: the element that holds the body region together
 * with the headline and the lead figure printed above it. Captions, images
 * and the lead image are looked for inside it; the boilerplate account treats
 * its link lines more carefully (a byline is a link too).
 */
import type { AnyNode, Element } from 'domhandler';
import { isElement, isInside, textOf } from '../dom/nodes.js';
import { normaliseLabel } from './vocabulary.js';

/** Ancestor levels searched for the container. */
const CONTAINER_LEVELS = 8;
/** Item types of an article container (schema.org microdata). */
const ARTICLE_ITEMTYPE = /schema\.org\/(?:\w*Article|BlogPosting|LiveBlogPosting|Report)\b/i;
/** Shortest headline (chars) matched by containment rather than equality. */
const MIN_CONTAINED_HEADLINE = 20;

/** The visible `h1` that prints the headline, or null. */
export function headlineElement(h1s: readonly Element[], headline: string | null): Element | null {
  if (!headline) return null;
  const target = normaliseLabel(headline);
  if (!target) return null;
  for (const h of h1s) {
    const text = normaliseLabel(textOf(h));
    if (text === target) return h;
    if (text.length >= MIN_CONTAINED_HEADLINE && target.length >= MIN_CONTAINED_HEADLINE && (text.includes(target) || target.includes(text))) return h;
  }
  return null;
}

function isArticleElement(el: Element): boolean {
  return el.name === 'article' || ARTICLE_ITEMTYPE.test(el.attribs.itemtype ?? '');
}

function isPageLevel(el: AnyNode | null): boolean {
  return !isElement(el) || el.name === 'body' || el.name === 'html';
}

/**
 * The article container of a region: the smallest ancestor (within a few
 * levels) holding both the region and the headline; else the nearest
 * `<article>` (or schema.org Article item) around the region; else the
 * region's parent. Never `<body>`: a container is a part of the page.
 *
 * @returns the container, or null when the region is the whole page.
 */
export function articleContainer(region: readonly Element[], headline: Element | null): Element | null {
  if (region.length === 0) return null;
  const base: Element = region.length === 1 ? region[0]! : (region[0]!.parent as Element);
  if (isPageLevel(base)) return null;
  if (headline) {
    let el: AnyNode | null = base;
    for (let level = 0; level <= CONTAINER_LEVELS && !isPageLevel(el); level++, el = el!.parent) {
      if (isInside(headline, el as Element)) return el as Element;
    }
  }
  let el: AnyNode | null = base;
  for (let level = 0; level <= CONTAINER_LEVELS && !isPageLevel(el); level++, el = el!.parent) {
    if (isArticleElement(el as Element) && el !== base) return el as Element;
  }
  return isPageLevel(base.parent) ? base : (base.parent as Element);
}
