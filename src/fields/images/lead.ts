/**
 * The lead image: the picture the page itself names for sharing and search
 * (`og:image`, the JSON-LD article's `image`, `twitter:image`), else the first
 * large picture of the article. Read from the metadata snapshot; resolved
 * against the page's base URL.
 */
import type { PageMetadata } from '../../metadata/collect.js';
import type { LdNode } from '../../metadata/jsonld.js';
import { isPlaceholderName } from '../../serialise/images.js';
import { sanitiseUrl } from '../../serialise/urls.js';
import type { FoundImage } from './collect.js';
import { FURNITURE_IMAGE_URL, LEAD_MIN_WIDTH } from './patterns.js';

/** Meta keys naming the share image, most specific first. */
const OG_IMAGE_KEYS = ['og:image', 'og:image:url', 'og:image:secure_url'];
const TWITTER_IMAGE_KEYS = ['twitter:image', 'twitter:image:src'];
/** `<meta itemprop>` keys of microdata pages. */
const ITEMPROP_IMAGE_KEYS = ['image', 'thumbnailurl'];
/** Depth of JSON-LD references followed (`"image": {"@id": ...}` to the ImageObject node). */
const LD_REFERENCE_DEPTH = 3;

/**
 * The JSON-LD nodes by `@id`: the first two nodes of each id, in page order
 * (a reference resolves to the first node with its id that is not the
 * reference itself). Built once per page, so that resolving a reference is a
 * lookup, not a scan of every node: a graph of thousands of nodes that each
 * point at others would otherwise cost nodes × references.
 */
type LdIds = ReadonlyMap<string, readonly LdNode[]>;

function indexIds(ld: readonly LdNode[]): LdIds {
  const byId = new Map<string, LdNode[]>();
  for (const n of ld) {
    const id = n['@id'];
    if (typeof id !== 'string') continue;
    const list = byId.get(id);
    if (!list) byId.set(id, [n]);
    else if (list.length < 2) list.push(n);
  }
  return byId;
}

/** The URLs a JSON-LD `image` value names: a string, an ImageObject, a reference to one, or a list of those. */
function ldImageUrls(value: unknown, ids: LdIds, depth = 0): string[] {
  if (depth > LD_REFERENCE_DEPTH || value == null) return [];
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap((v) => ldImageUrls(v, ids, depth + 1));
  if (typeof value !== 'object') return [];
  const node = value as LdNode;
  const direct = [node.url, node.contentUrl].flatMap((v) =>
    typeof v === 'string' ? [v] : Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [],
  );
  if (direct.length > 0) return direct;
  const id = node['@id'];
  if (typeof id !== 'string') return [];
  const target = ids.get(id)?.find((n) => n !== node);
  return target ? ldImageUrls(target, ids, depth + 1) : [];
}

/**
 * An absolute http(s) image URL, or null for a missing, unsafe,
 * relative-without-base or placeholder value, and for the site's own
 * furniture that pages name when a story has no picture (a logo, a default
 * share icon).
 */
function usable(raw: string | undefined, base: URL | null): string | null {
  if (!raw) return null;
  const url = sanitiseUrl(raw, base, 'image');
  if (!url || !/^https?:\/\//i.test(url) || isPlaceholderName(url)) return null;
  const lower = url.toLowerCase();
  for (const part of FURNITURE_IMAGE_URL) if (lower.includes(part)) return null;
  return url;
}

/**
 * Chooses the lead image URL.
 *
 * Order: `og:image`; the JSON-LD article's `image` (then `thumbnailUrl`);
 * `twitter:image`; a microdata `image`; the first picture of the article at
 * least {@link LEAD_MIN_WIDTH} pixels wide (or of unknown width).
 *
 * @param md - the page's metadata snapshot
 * @param images - the article's pictures, in page order
 * @param base - the page's base URL
 * @returns an absolute URL, or null
 */
export function chooseLeadImage(md: PageMetadata, images: readonly FoundImage[], base: URL | null): string | null {
  const candidates: Array<() => Array<string | undefined>> = [
    () => OG_IMAGE_KEYS.flatMap((k) => [...(md.meta.get(k) ?? [])]),
    () => {
      const ids = indexIds(md.ld);
      return md.ldArticles.flatMap((n) => [...ldImageUrls(n.image, ids), ...ldImageUrls(n.thumbnailUrl, ids)]);
    },
    () => TWITTER_IMAGE_KEYS.flatMap((k) => [...(md.meta.get(k) ?? [])]),
    () => ITEMPROP_IMAGE_KEYS.flatMap((k) => [...(md.meta.get(k) ?? [])]),
  ];
  for (const next of candidates) {
    for (const raw of next()) {
      const url = usable(raw, base);
      if (url) return url;
    }
  }
  for (const img of images) {
    const w = img.width === null ? null : Number(img.width);
    if ((w === null || w >= LEAD_MIN_WIDTH) && /^https?:\/\//i.test(img.src)) return img.src;
  }
  return null;
}
