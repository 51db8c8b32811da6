/**
 * Is there an article on this page at all? Section fronts, search results,
 * tag pages and error pages have text, but no article: copydesk returns an
 * empty body and no headline for them rather than a list of teasers.
 */
import type { AnyNode, Element } from 'domhandler';
import { isElement, textOf } from '../dom/nodes.js';
import type { PageMetadata } from '../metadata/collect.js';
import { metaValue } from '../metadata/collect.js';
import { ldTypes } from '../metadata/jsonld.js';
import type { PageIndex } from './features.js';

/** JSON-LD types of pages that are one item (beyond the article types), which are never judged listings. */
const ITEM_TYPES: ReadonlySet<string> = new Set(['videoobject', 'recipe', 'product', 'event', 'howto', 'qapage', 'review']);

/** Titles of error pages, in several languages. */
export const ERROR_PAGE_TITLE =
  /\b(?:404|410|page not found|not found|can[’']t find (?:that|this|the) page|cannot be found|no longer available|seite nicht gefunden|seite existiert nicht|page introuvable|page non trouvée|página no encontrada|pagina non trovata|página não encontrada|pagina niet gevonden|страница не найдена)\b/iu;

/** Linked headings a region needs to be judged a list of teasers. */
const MIN_TEASER_HEADINGS = 3;
/** Share of a heading's text inside links for it to count as a teaser title. */
const TEASER_HEADING_LINK_SHARE = 0.8;

/** True when a heading's link leads to another page (not a "#section" anchor of this one). */
function linksElsewhere(heading: Element): boolean {
  const stack: AnyNode[] = [...heading.children];
  while (stack.length) {
    const n = stack.pop()!;
    if (!isElement(n)) continue;
    if (n.name === 'a') {
      const href = (n.attribs.href ?? '').trim();
      if (href && !href.startsWith('#') && !/^javascript:/i.test(href)) return true;
    }
    for (const c of n.children) stack.push(c);
  }
  return false;
}

/** True when the region is a list of teasers: several headings that are links to other pages. */
function isTeaserList(index: PageIndex, roots: readonly Element[], skip: ReadonlySet<AnyNode>): boolean {
  let linked = 0;
  let headings = 0;
  const stack: AnyNode[] = [...roots];
  while (stack.length) {
    const n = stack.pop()!;
    if (!isElement(n) || skip.has(n)) continue;
    if (/^h[2-6]$/.test(n.name)) {
      headings++;
      const st = index.stats.get(n);
      if (st && st.text > 0 && st.link / st.text >= TEASER_HEADING_LINK_SHARE && linksElsewhere(n)) linked++;
      continue;
    }
    for (const c of n.children) stack.push(c);
  }
  return linked >= MIN_TEASER_HEADINGS && linked * 2 >= headings;
}

/** Judges whether the page holds no article (a listing or an error page). */
export function isNotAnArticle(index: PageIndex, md: PageMetadata, region: { roots: readonly Element[]; skip: ReadonlySet<AnyNode> } | null): boolean {
  if (md.ldArticles.length > 0) return false;
  const title = md.title ?? '';
  // Error pages say so in a short h1; reading a prefix keeps nested h1s from each reading the page.
  const h1 = md.h1.map((el) => textOf(el, { maxChars: 1000 })).join(' ');
  if (ERROR_PAGE_TITLE.test(title) || ERROR_PAGE_TITLE.test(h1)) return true;
  // A page that declares itself an item (an article, a video, a product) is judged by its body, not here.
  const ogType = (metaValue(md, 'og:type') ?? '').toLowerCase();
  if (ogType !== '' && ogType !== 'website') return false;
  if (md.ld.flatMap(ldTypes).some((t) => ITEM_TYPES.has(t))) return false;
  return region !== null && isTeaserList(index, region.roots, region.skip);
}
