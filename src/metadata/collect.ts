/**
 * Stage 3 (metadata): a read-only snapshot of the page's metadata, taken from
 * the tag index before anything else looks at the tree: `<meta>` values by
 * name/property/itemprop, the `<title>`, JSON-LD nodes, canonical and base
 * URLs, the `<html lang>`, and the visible `h1`s.
 */
import type { Element } from 'domhandler';
import { textOf } from '../dom/nodes.js';
import { ITEMPROP_KEY, type PageIndex } from '../body/features.js';
import { articleNodes, flattenLd, parseLdText, type LdNode } from './jsonld.js';

/** The frozen metadata snapshot other stages read. */
export interface PageMetadata {
  /** `<meta>` contents keyed by lower-cased name, property or itemprop (first value first). */
  meta: ReadonlyMap<string, readonly string[]>;
  /** The `<title>` text. */
  title: string | null;
  /** All JSON-LD object nodes, flattened. */
  ld: readonly LdNode[];
  /** The JSON-LD article nodes (NewsArticle, BlogPosting...). */
  ldArticles: readonly LdNode[];
  /** Visible `h1` elements in document order. */
  h1: readonly Element[];
  /** `<link rel=canonical>` href, as written. */
  canonical: string | null;
  /** `<base href>`, as written. */
  baseHref: string | null;
  /** `<html lang>`. */
  htmlLang: string | null;
  /** Microdata elements by lower-cased `itemprop` token, in document order (`<meta itemprop>` included). */
  microdata: ReadonlyMap<string, readonly Element[]>;
  /** `<time>` elements in document order. */
  times: readonly Element[];
  /** `<link>` elements in document order. */
  links: readonly Element[];
}

/** Reads the metadata snapshot from the page index. */
export function collectMetadata(index: PageIndex): PageMetadata {
  const meta = new Map<string, string[]>();
  for (const el of index.byTag.get('meta') ?? []) {
    // Some saved pages and older CMSs write `value=` where the standard says `content=`.
    const content = el.attribs.content ?? el.attribs.value;
    if (content === undefined || !content.trim()) continue;
    for (const keyAttr of ['name', 'property', 'itemprop', 'http-equiv']) {
      const key = el.attribs[keyAttr];
      if (!key) continue;
      // RDFa allows several properties in one attribute ("dc:creator twitter:site_name"), and
      // Dublin Core is written both "dc:creator" and "DC.creator".
      for (const token of key.trim().toLowerCase().split(/\s+/)) {
        const k = token.replace(/^(dc|dcterms):/, '$1.');
        let list = meta.get(k);
        if (!list) {
          list = [];
          meta.set(k, list);
        }
        list.push(content.trim());
      }
    }
  }
  const titleEl = (index.byTag.get('title') ?? []).find((t) => !isInSvg(t));
  const title = titleEl ? textOf(titleEl) || null : null;

  const parsed: unknown[] = [];
  for (const s of index.byTag.get('script') ?? []) {
    if (index.budget.passed()) break;
    const type = (s.attribs.type ?? '').toLowerCase();
    if (!type.includes('ld+json')) continue;
    const text = s.children.map((c) => ('data' in c ? String(c.data) : '')).join('');
    const v = parseLdText(text);
    if (v !== null) parsed.push(v);
  }
  const ld = flattenLd(parsed);
  const h1 = (index.byTag.get('h1') ?? []).filter((el) => index.stats.has(el));
  const canonicalEl = (index.byTag.get('link') ?? []).find((l) => (l.attribs.rel ?? '').toLowerCase().split(/\s+/).includes('canonical'));
  const baseEl = (index.byTag.get('base') ?? []).find((b) => b.attribs.href);
  const htmlEl = (index.byTag.get('html') ?? [])[0];
  const microdata = new Map<string, Element[]>();
  for (const el of index.byTag.get(ITEMPROP_KEY) ?? []) {
    for (const token of (el.attribs.itemprop ?? '').toLowerCase().split(/\s+/)) {
      if (!token) continue;
      let list = microdata.get(token);
      if (!list) {
        list = [];
        microdata.set(token, list);
      }
      list.push(el);
    }
  }
  return {
    microdata,
    times: index.byTag.get('time') ?? [],
    links: index.byTag.get('link') ?? [],
    meta,
    title,
    ld,
    ldArticles: articleNodes(ld),
    h1,
    canonical: canonicalEl?.attribs.href?.trim() || null,
    baseHref: baseEl?.attribs.href?.trim() || null,
    htmlLang: htmlEl?.attribs.lang?.trim() || null,
  };
}

function isInSvg(el: Element): boolean {
  let p = el.parent;
  while (p && p.type !== 'root') {
    if ('name' in p && p.name === 'svg') return true;
    p = p.parent;
  }
  return false;
}

/** The first value of a meta key, or null. */
export function metaValue(md: PageMetadata, ...keys: string[]): string | null {
  for (const k of keys) {
    const v = md.meta.get(k)?.[0];
    if (v) return v;
  }
  return null;
}
