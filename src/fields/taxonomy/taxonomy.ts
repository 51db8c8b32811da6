/**
 * Section and tags: `article:section` / JSON-LD `articleSection` /
 * parsely-section, and `article:tag` / JSON-LD `keywords` / `<meta keywords>`
 * / links under /tag/ and /category/ in the article's tag lists.
 */
import type { PageMetadata } from '../../metadata/collect.js';
import type { PageIndex } from '../../body/features.js';
import type { Element } from 'domhandler';
import { classAndId, isElement, textOf } from '../../dom/nodes.js';
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

/** Class/id of the section label printed above a headline ("kicker", "eyebrow", "rubric"). */
const KICKER_CLASS = /(?:^|[\s_-])(?:kicker|eyebrow|rubric|overline|section-label|category-label|story-section)(?=$|[\s_-])/i;
/** Longest section label (chars). */
const MAX_SECTION_CHARS = 40;
/** Elements before the headline searched for its kicker. */
const KICKER_WINDOW = 12;

/** The site section the article is filed under: metadata, else the linked kicker above the headline. */
export function extractSection(md: PageMetadata, index: PageIndex): string | null {
  const fromLd = md.ldArticles.flatMap((n) => list(n.articleSection))[0];
  const section = metaValue(md, 'article:section', 'parsely-section', 'sailthru.section', 'section', 'category') ?? fromLd;
  if (section?.trim()) return section.trim();
  const h1 = md.h1.map((h) => index.stats.get(h)?.order).find((o) => o !== undefined);
  if (h1 === undefined) return null;
  for (let o = Math.max(0, h1 - KICKER_WINDOW); o < h1 && o < index.elements.length; o++) {
    const el = index.elements[o]!;
    const st = index.stats.get(el)!;
    if (st.text === 0 || st.text > MAX_SECTION_CHARS || st.link === 0) continue;
    if (KICKER_CLASS.test(classAndId(el))) return textOf(el) || null;
  }
  return null;
}

/** A link to a tag page: "/tag/economy/", "/tags/ons", "/schlagwort/..." . */
const TAG_HREF = /\/(?:tags?|schlagw(?:o|ö)rter?|stichw(?:o|ö)rter?|etiquetas?|mots-cles)\/[^/?#]+\/?(?:[?#]|$)/i;
/** Levels searched above a tag link for its tag list. */
const TAG_LIST_LEVELS = 3;

function inTagList(el: Element): boolean {
  let p: Element | null = el;
  for (let i = 0; i < TAG_LIST_LEVELS && p; i++) {
    p = isElement(p.parent) ? p.parent : null;
    if (p && /tag|keyword|schlagw|etiquet/i.test(classAndId(p))) return true;
  }
  return false;
}

/** Texts of `rel=tag` links (the microformat WordPress and other CMSs print on tag lists) and of links to tag pages inside a tag list. */
function relTagLinks(index: PageIndex): string[] {
  const out: string[] = [];
  // The page's links, from the index (document order).
  for (const el of index.byTag.get('a') ?? []) {
    const st = index.stats.get(el);
    if (!st || st.excluded || st.text > MAX_TAG_CHARS) continue;
    const relTag = /(?:^|\s)tag(?:\s|$)/i.test(el.attribs.rel ?? '');
    if (!relTag && !(TAG_HREF.test(el.attribs.href ?? '') && inTagList(el))) continue;
    out.push(textOf(el));
  }
  return out;
}

/** The article's tags and keywords, de-duplicated in order. */
export function extractTags(md: PageMetadata, index: PageIndex): string[] {
  const raw = [
    ...(md.meta.get('article:tag') ?? []),
    ...relTagLinks(index),
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
