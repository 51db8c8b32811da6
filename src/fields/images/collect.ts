/**
 * The article's images, in page order: every picture in the article's scope
 * (the body and the lead figure above it), with its best source (`srcset`,
 * lazy-load attributes and `<noscript>` fallbacks are weighed by
 * `serialise/images.ts`, the same choice the body HTML makes), less tracking
 * pixels, icons, emoji, avatars, logos and ad creatives.
 */
import type { Element } from 'domhandler';
import { classAndId, isElement } from '../../dom/nodes.js';
import type { PageIndex } from '../../body/features.js';
import { neighbourHasImage, noscriptImages, resolveImage, type ResolvedImage } from '../../serialise/images.js';
import { ChildPositions, Place, ScopePlaces, orderKey, type MediaScope } from '../media-scope.js';
import { AVATAR_CONTEXT_CLASS, FURNITURE_IMAGE_CLASS, FURNITURE_IMAGE_URL, ICON_MAX_PX, MIN_DATA_URI_CHARS } from './patterns.js';

/** An image of the article with its element and size. */
export interface FoundImage extends ResolvedImage {
  el: Element;
}

/** Ancestor levels looked at for an avatar's container. */
const AVATAR_CONTEXT_LEVELS = 2;

function px(value: string | null): number | null {
  return value === null ? null : Number(value);
}

/**
 * True when an image is a picture of the article: not an icon (both sides at
 * most {@link ICON_MAX_PX}), emoji, avatar, logo, spinner, ad creative or
 * tracking pixel (by class, URL or the container around it), not the
 * thumbnail of a card linking to another story, and not a short `data:`
 * placeholder.
 */
export function isArticlePicture(img: Element, resolved: ResolvedImage, index: PageIndex): boolean {
  const src = resolved.src.toLowerCase();
  if (src.startsWith('data:')) return src.length >= MIN_DATA_URI_CHARS;
  const w = px(resolved.width);
  const h = px(resolved.height);
  if (w !== null && h !== null && w <= ICON_MAX_PX && h <= ICON_MAX_PX) return false;
  if ((w !== null && w <= ICON_MAX_PX / 2) || (h !== null && h <= ICON_MAX_PX / 2)) return false;
  const ci = classAndId(img);
  if (ci && FURNITURE_IMAGE_CLASS.test(ci)) return false;
  if (resolved.alt && /^(?:logo|icon|avatar)\b/i.test(resolved.alt)) return false;
  for (const part of FURNITURE_IMAGE_URL) if (src.includes(part)) return false;
  let p = img.parent;
  for (let level = 0; level < AVATAR_CONTEXT_LEVELS && isElement(p); level++, p = p.parent) {
    const pci = classAndId(p);
    if (pci && AVATAR_CONTEXT_CLASS.test(pci)) return false;
  }
  return !inTeaserCard(img, index);
}

/** Ancestor levels searched for the link of a teaser card. */
const CARD_LINK_LEVELS = 4;
/** Link targets that show the picture itself (a larger version), not another page. */
const MEDIA_FILE = /\.(?:jpe?g|png|gif|webp|avif|svg|bmp|tiff?)(?:$|[?#])/i;

/**
 * True when the image is the thumbnail of a card linking to another page (a
 * link preview, a teaser): the link holds text besides the image and does
 * not point to a picture.
 */
function inTeaserCard(img: Element, index: PageIndex): boolean {
  let p = img.parent;
  for (let level = 0; level < CARD_LINK_LEVELS && isElement(p); level++, p = p.parent) {
    if (p.name !== 'a') continue;
    const href = (p.attribs.href ?? '').trim();
    return href !== '' && !href.startsWith('#') && !MEDIA_FILE.test(href) && (index.stats.get(p)?.text ?? 0) > 0;
  }
  return false;
}

/**
 * Collects the article's pictures in page order, each source once: the
 * page's images (from the page index) that lie in the scope, and the
 * `<noscript>` fallbacks of lazy images that show nothing else.
 *
 * @param scope - where to look (the article container less its boilerplate)
 * @param base - the page's base URL, for resolving sources
 * @param captioned - image elements of the captions found: in weak subtrees (a
 *   block removed by conditional cleaning) only these count
 * @param resolve - resolves an image element (a cache shared with the serialiser); defaults to {@link resolveImage}
 * @param places - the scope's place resolver, when the caller shares one
 */
export function collectImages(
  scope: MediaScope,
  base: URL | null,
  captioned: ReadonlySet<Element>,
  resolve: (img: Element) => ResolvedImage | null = (img) => resolveImage(img, base),
  places = new ScopePlaces(scope),
): FoundImage[] {
  const { index } = scope;
  const candidates: Array<{ el: Element; key: number; noscript: boolean }> = [];
  const positions = new ChildPositions();
  for (const tag of ['img', 'amp-img', 'noscript']) {
    for (const el of index.byTag.get(tag) ?? []) {
      // The fallback inside an <amp-img> repeats it.
      if (tag === 'img' && isElement(el.parent) && el.parent.name === 'amp-img') continue;
      const place = places.of(el);
      if (place === Place.Out) continue;
      const weak = (place & Place.Weak) !== 0;
      if (weak && (tag === 'noscript' || !captioned.has(el))) continue;
      candidates.push({ el, key: orderKey(el, index, positions), noscript: tag === 'noscript' });
    }
  }
  candidates.sort((a, b) => a.key - b.key);
  const out: FoundImage[] = [];
  const seen = new Set<string>();
  const add = (el: Element, resolved: ResolvedImage | null) => {
    if (!resolved || seen.has(resolved.src) || !isArticlePicture(el, resolved, index)) return;
    seen.add(resolved.src);
    out.push({ ...resolved, el });
  };
  for (const c of candidates) {
    if (index.budget.passed()) break;
    if (!c.noscript) {
      add(c.el, resolve(c.el));
      continue;
    }
    // A noscript beside an image already shown repeats it.
    if (neighbourHasImage(c.el, base, 'prev') || neighbourHasImage(c.el, base, 'next')) continue;
    for (const img of noscriptImages(c.el)) add(img, resolve(img));
  }
  return out;
}
