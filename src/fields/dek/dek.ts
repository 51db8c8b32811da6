/**
 * The dek (standfirst, subheadline): a visible standfirst near the headline,
 * else the page's description (JSON-LD, Open Graph, meta).
 */
import { classAndId, textOf } from '../../dom/nodes.js';
import type { PageIndex } from '../../body/features.js';
import type { PageMetadata } from '../../metadata/collect.js';
import { metaValue } from '../../metadata/collect.js';
import { ldString } from '../../metadata/jsonld.js';

/** Class/id of a standfirst. */
export const DEK_CLASS = /(?:^|[\s_-])(?:dek|deck|standfirst|stand-first|subhead|subheadline|sub-headline|subtitle|sub-title|strapline|summary|excerpt|chapo|chapeau|description|article-description|post-excerpt|sapo|lede|teaser-text|article-lead|article-summary|intro-text|bajada|entradilla|sottotitolo|occhiello)(?=$|[\s_-])/i;
/** Plausible dek length (chars). */
const MIN_DEK = 20;
const MAX_DEK = 500;
/** Elements (in document order) after the headline searched for a standfirst. */
const DEK_WINDOW = 120;

function plausible(s: string | null | undefined): s is string {
  return typeof s === 'string' && s.trim().length >= MIN_DEK && s.length <= MAX_DEK;
}

/** The dek, or null. `headline` keeps a description that only repeats the headline out. */
export function extractDek(md: PageMetadata, index: PageIndex, headline: string | null): string | null {
  const h1 = md.h1.map((h) => index.stats.get(h)?.order).find((o) => o !== undefined);
  if (h1 !== undefined) {
    let best: { text: string; order: number } | null = null;
    const end = Math.min(index.elements.length, h1 + DEK_WINDOW + 1);
    for (let o = h1 + 1; o < end; o++) {
      const el = index.elements[o]!;
      const st = index.stats.get(el)!;
      if (st.excluded || st.text < MIN_DEK || st.text > MAX_DEK) continue;
      const ci = classAndId(el);
      if (!ci || !DEK_CLASS.test(ci) || /h1/.test(el.name)) continue;
      if (st.link / st.text > 0.3) continue;
      if (!best || st.order < best.order) best = { text: textOf(el), order: st.order };
    }
    if (best && best.text !== headline) return best.text;
  }
  for (const d of [ldString(md.ldArticles[0], 'description'), metaValue(md, 'dc.description', 'dcterms.description'), metaValue(md, 'og:description'), metaValue(md, 'description'), metaValue(md, 'twitter:description')]) {
    if (plausible(d) && d.trim() !== headline) return d.replace(/\s+/g, ' ').trim();
  }
  return null;
}
