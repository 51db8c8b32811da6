/**
 * The article's captions, images and lead image, read from its scope (the
 * article container less its boilerplate), plus what the serialiser needs to
 * keep a caption box (`div.wp-caption`) together as a figure in the body.
 */
import type { AnyNode, Element } from 'domhandler';
import { isElement, isInside } from '../dom/nodes.js';
import type { RemovedBlock } from '../body/clean.js';
import type { PageIndex } from '../body/features.js';
import type { PageMetadata } from '../metadata/collect.js';
import { resolveImage, type ResolvedImage } from '../serialise/images.js';
import { parseBaseUrl } from '../serialise/urls.js';
import type { ArticleImage, Caption } from '../types.js';
import { findCaptions } from './captions/find.js';
import { collectImages } from './images/collect.js';
import { chooseLeadImage } from './images/lead.js';
import { ScopePlaces, type MediaScope } from './media-scope.js';

/** The body region as the cleaner left it. */
export interface RegionResult {
  roots: readonly Element[];
  skip: ReadonlySet<AnyNode>;
  /** Caption blocks the cleaner kept out of the body. */
  captions: ReadonlySet<Element>;
  /** Boilerplate the cleaner removed from the region. */
  boilerplate: readonly RemovedBlock[];
}

/** Inputs of {@link extractMedia}. */
export interface MediaInput {
  index: PageIndex;
  md: PageMetadata;
  /** The page's base URL (page URL and `<base href>`), or null. */
  baseUrl: string | null;
  region: RegionResult;
  /** The article container, or null to search the region only. */
  container: Element | null;
  /** Boilerplate found around the region. */
  surroundings: readonly RemovedBlock[];
}

/** The media fields, and the serialiser's hints. */
export interface Media {
  captions: Caption[];
  images: ArticleImage[];
  leadImage: string | null;
  /** Caption boxes inside the body region to write as figures. */
  figures: Set<Element>;
  /** Caption blocks inside those boxes to put back into the body (as the figure's caption). */
  restore: Set<Element>;
  /** Image sources resolved here, for the serialiser to reuse. */
  imageCache: Map<Element, ResolvedImage | null>;
}

/** Reads the captions, images and lead image of the article. */
export function extractMedia(input: MediaInput): Media {
  const { index, region } = input;
  const weak = new Set<AnyNode>();
  for (const b of region.boilerplate) if (b.rule === 'conditional') weak.add(b.el);
  const excluded = new Set<AnyNode>();
  for (const n of region.skip) if (!weak.has(n) && !(isElement(n) && region.captions.has(n))) excluded.add(n);
  for (const b of input.surroundings) excluded.add(b.el);
  const scope: MediaScope = {
    index,
    roots: input.container ? [input.container] : region.roots,
    excluded,
    weak,
    region: new Set(region.roots),
  };
  const base = parseBaseUrl(input.baseUrl);
  const imageCache = new Map<Element, ResolvedImage | null>();
  const resolve = (img: Element): ResolvedImage | null => {
    let r = imageCache.get(img);
    if (r === undefined) {
      r = resolveImage(img, base);
      imageCache.set(img, r);
    }
    return r;
  };

  const places = new ScopePlaces(scope);
  const found = findCaptions(scope, region.captions, places);
  const captioned = new Set<Element>();
  for (const c of found) if (c.image) captioned.add(c.image);
  const images = collectImages(scope, base, captioned, resolve, places);
  const captionOf = new Map<Element, string>();
  for (const c of found) if (c.image && !captionOf.has(c.image)) captionOf.set(c.image, c.text);

  const figures = new Set<Element>();
  const restore = new Set<Element>();
  for (const c of found) {
    if (!c.box || !region.roots.some((r) => isInside(c.box!, r))) continue;
    figures.add(c.box);
  }
  // Each caption block looks up its own ancestors among the figures (one walk up per block),
  // rather than each figure testing every block: thousands of caption boxes were quadratic.
  for (const part of region.captions) {
    for (let p: AnyNode | null = part; p; p = p.parent) {
      if (figures.has(p as Element)) {
        restore.add(part);
        break;
      }
    }
  }

  return {
    captions: found.map((c) => {
      const resolved = c.image ? resolve(c.image) : null;
      return { text: c.text, credit: c.credit, image: resolved ? { src: resolved.src, alt: resolved.alt } : null };
    }),
    images: images.map((img) => ({ src: img.src, alt: img.alt, caption: captionOf.get(img.el) ?? null })),
    leadImage: chooseLeadImage(input.md, images, base),
    figures,
    restore,
    imageCache,
  };
}
