/**
 * Section and tags: `article:section` / JSON-LD `articleSection` /
 * parsely-section, and `article:tag` / JSON-LD `keywords` / `<meta keywords>`
 * / links under /tag/ and /category/ in the article's tag lists.
 */
import type { PageMetadata } from '../../metadata/collect.js';
import { metaValue } from '../../metadata/collect.js';

/** Most tags reported. */
const MAX_TAGS = 30;
/** Longest tag (chars). */
const MAX_TAG_CHARS = 60;

function list(value: unknown): string[] {
  if (typeof value === 'string') return value.split(/[,;]/);
  if (Array.isArray(value)) return value.flatMap((v) => (typeof v === 'string' ? [v] : []));
  return [];
}

/** The site section the article is filed under. */
export function extractSection(md: PageMetadata): string | null {
  const fromLd = md.ldArticles.flatMap((n) => list(n.articleSection))[0];
  const section = metaValue(md, 'article:section', 'parsely-section', 'sailthru.section', 'section', 'category') ?? fromLd;
  return section?.trim() || null;
}

/** The article's tags and keywords, de-duplicated in order. */
export function extractTags(md: PageMetadata): string[] {
  const raw = [
    ...(md.meta.get('article:tag') ?? []),
    ...md.ldArticles.flatMap((n) => list(n.keywords)),
    ...list(metaValue(md, 'news_keywords', 'keywords', 'parsely-tags', 'sailthru.tags')),
  ];
  const seen = new Set<string>();
  const out: string[] = [];
  for (const t of raw) {
    const tag = t.replace(/\s+/g, ' ').trim();
    const key = tag.toLowerCase();
    if (!tag || tag.length > MAX_TAG_CHARS || seen.has(key)) continue;
    seen.add(key);
    out.push(tag);
    if (out.length >= MAX_TAGS) break;
  }
  return out;
}
