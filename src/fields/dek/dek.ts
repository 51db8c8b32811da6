/**
 * The dek (standfirst, subheadline): a visible standfirst near the headline,
 * else the page's description (JSON-LD, Open Graph, meta).
 */
import { classAndId, textOf } from '../../dom/nodes.js';
import type { PageIndex } from '../../body/features.js';
import type { PageMetadata } from '../../metadata/collect.js';
import { metaValue } from '../../metadata/collect.js';
import { ldString } from '../../metadata/jsonld.js';
import { similarity } from '../headline/affix.js';

/** Class/id of a standfirst. */
export const DEK_CLASS =
  /(?:^|[\s_-])(?:dek|deck|standfirst|stand-first|subhead|subheadline|sub-headline|subtitle|sub-title|strapline|summary|excerpt|chapo|chapeau|description|article-description|post-excerpt|sapo|lede|teaser-text|article-lead|article-summary|intro-text|bajada|entradilla|sottotitolo|occhiello)(?=$|[\s_-])/i;

/**
 * Class/id words that name a standfirst only weakly: themes also give them to
 * the text of the article itself ("text-description", "entry-summary",
 * "story-excerpt"). A block named only by one of these is a dek when its text
 * is the page's own description, or when the page states none.
 */
export const WEAK_DEK_CLASS = /(?:^|[\s_-])(?:description|summary|excerpt)(?=$|[\s_-])/i;

/** Every weak word of a class/id string, to test what is left without them. */
const WEAK_DEK_WORDS = new RegExp(WEAK_DEK_CLASS.source, 'gi');

/**
 * Share of the longer text's words the other must hold for a block to print
 * the page's description (a standfirst often adds or trims a clause).
 */
export const DESCRIPTION_MATCH = 0.6;

/** Plausible dek length (chars). */
const MIN_DEK = 20;
const MAX_DEK = 500;
/** Elements (in document order) after the headline searched for a standfirst. */
const DEK_WINDOW = 120;

function plausible(s: string | null | undefined): s is string {
  return typeof s === 'string' && s.trim().length >= MIN_DEK && s.length <= MAX_DEK;
}

/**
 * The page's own summary: JSON-LD description, Dublin Core, Open Graph, meta,
 * Twitter, the first that is plausible and is not just the headline; or null.
 */
export function pageDescription(md: PageMetadata, headline: string | null): string | null {
  for (const d of [
    ldString(md.ldArticles[0], 'description'),
    metaValue(md, 'dc.description', 'dcterms.description'),
    metaValue(md, 'og:description'),
    metaValue(md, 'description'),
    metaValue(md, 'twitter:description'),
  ]) {
    if (plausible(d) && d.trim() !== headline) return d.replace(/\s+/g, ' ').trim();
  }
  return null;
}

/** Whether `text` prints the page's description. */
function printsDescription(text: string, description: string): boolean {
  return similarity(text, description) >= DESCRIPTION_MATCH;
}

/**
 * Whether a block whose class/id is `ci` and whose text is `text` is named a
 * standfirst: by a strong class word, or by a weak one that the page's
 * description confirms (or that no description contradicts).
 */
export function isNamedDek(ci: string, text: () => string, description: string | null): boolean {
  if (!DEK_CLASS.test(ci)) return false;
  // A strong word, alone or beside a weak one ("description dek"), settles it.
  if (!WEAK_DEK_CLASS.test(ci) || DEK_CLASS.test(ci.replace(WEAK_DEK_WORDS, ' '))) return true;
  return description === null || printsDescription(text(), description);
}

/** The dek, or null. `headline` keeps a description that only repeats the headline out. */
export function extractDek(md: PageMetadata, index: PageIndex, headline: string | null): string | null {
  const description = pageDescription(md, headline);
  const h1 = md.h1.map((h) => index.stats.get(h)?.order).find((o) => o !== undefined);
  if (h1 !== undefined) {
    let best: { text: string; order: number } | null = null;
    const end = Math.min(index.elements.length, h1 + DEK_WINDOW + 1);
    for (let o = h1 + 1; o < end; o++) {
      const el = index.elements[o]!;
      const st = index.stats.get(el)!;
      if (st.excluded || st.text < MIN_DEK || st.text > MAX_DEK) continue;
      const ci = classAndId(el);
      if (!ci || /h1/.test(el.name) || st.link / st.text > 0.3) continue;
      if (!isNamedDek(ci, () => textOf(el), description)) continue;
      if (!best || st.order < best.order) best = { text: textOf(el), order: st.order };
    }
    if (best && best.text !== headline) return best.text;
  }
  return description !== null && description !== headline ? description : null;
}
