/**
 * The headline: the article's own title, without the site name, agreeing with
 * the visible `h1` when one matches the metadata (the `h1` is what readers see;
 * metadata titles often carry the brand or an SEO variant).
 */
import { textOf } from '../../dom/nodes.js';
import type { PageMetadata } from '../../metadata/collect.js';
import { metaValue } from '../../metadata/collect.js';
import { ldString } from '../../metadata/jsonld.js';
import { similarity, stripSiteAffix } from './affix.js';

/** Agreement an h1 needs with a metadata title to be taken as the headline. */
const H1_AGREEMENT = 0.75;
/** Words a lone h1 needs to be taken over the metadata (shorter ones are often section or site names). */
const MIN_H1_WORDS = 4;
/** Least word overlap a lone h1 needs with a metadata title (none at all: a section or site name). */
const MIN_H1_OVERLAP = 0.1;
/** Plausible headline length, in characters. */
const MIN_CHARS = 4;
const MAX_CHARS = 400;
/** Characters of an `h1` read at most (ten headlines' worth: longer is no headline, and nested h1s must not each read the page). */
const SCAN_CHARS = 10 * MAX_CHARS;

/** Placeholder values that are not titles. */
const PLACEHOLDER = /^(untitled|null|undefined|home|homepage|page not found|404|index)$/i;

function plausible(s: string | null | undefined): s is string {
  return typeof s === 'string' && s.length >= MIN_CHARS && s.length <= MAX_CHARS && !PLACEHOLDER.test(s.trim());
}

/** Site names the page gives, to strip from titles. */
export function siteNames(md: PageMetadata, pageUrl: string | null): string[] {
  const names: string[] = [];
  const og = metaValue(md, 'og:site_name', 'application-name', 'twitter:site');
  if (og) names.push(og.replace(/^@/, ''));
  for (const node of md.ldArticles) {
    const pub = node.publisher;
    const name = typeof pub === 'object' && pub !== null ? ldString(pub as Record<string, unknown>, 'name') : typeof pub === 'string' ? pub : null;
    if (name) names.push(name);
  }
  if (pageUrl) {
    try {
      const host = new URL(pageUrl).hostname.replace(/^www\d?\./, '');
      names.push(host, host.split('.')[0] ?? host);
    } catch {
      // not a URL: no host to strip
    }
  }
  return names;
}

/**
 * An h1 that prints a kicker before the title ("Klimaschutz: Bohren, bis es
 * heiß wird", "Local News | ...") ends with the metadata title: keep that end.
 */
function withoutKicker(h1: string, metaTitles: readonly string[]): string {
  const folded = h1.toLowerCase();
  for (const t of metaTitles) {
    const tf = t.toLowerCase();
    if (tf.length >= 12 && tf.length < folded.length && folded.endsWith(tf) && /[\s:|\-–—]$/.test(folded.slice(0, -tf.length))) {
      return h1.slice(h1.length - t.length).trim();
    }
  }
  return h1;
}

/** Chooses the headline from the metadata snapshot. */
export function extractHeadline(md: PageMetadata, pageUrl: string | null): string | null {
  const sites = siteNames(md, pageUrl);
  const ld = md.ldArticles[0];
  const metaTitles = [
    ldString(ld, 'headline'),
    ldString(ld, 'name'),
    // Dublin Core before Open Graph: og:title is the social-media variant, dc.title the document's own.
    metaValue(md, 'dc.title', 'dcterms.title'),
    metaValue(md, 'og:title'),
    metaValue(md, 'twitter:title'),
    metaValue(md, 'headline', 'parsely-title', 'sailthru.title'),
    md.title,
  ].filter(plausible);
  const stripped = metaTitles.map((t) => stripSiteAffix(t, sites)).filter(plausible);

  // The visible h1 that agrees best with the metadata.
  let best: string | null = null;
  let bestScore = 0;
  for (const el of md.h1) {
    const text = textOf(el, undefined, false, SCAN_CHARS);
    if (!plausible(text)) continue;
    for (const t of [...stripped, ...metaTitles]) {
      const s = similarity(text, t);
      if (s > bestScore) {
        bestScore = s;
        best = text;
      }
    }
  }
  if (best && bestScore >= H1_AGREEMENT) return withoutKicker(best, stripped);
  // One visible h1 that reads as a headline is what readers see as the title, even when the
  // metadata carries an SEO variant of it.
  const visible = md.h1.map((el) => textOf(el, undefined, false, SCAN_CHARS)).filter(plausible);
  if (visible.length === 1 && visible[0]!.split(' ').length >= MIN_H1_WORDS) {
    // Compared with the titles stripped of their site name: an h1 that only repeats the site name is no headline.
    const overlap = Math.max(0, ...stripped.map((t) => similarity(visible[0]!, t)));
    if (stripped.length === 0 || overlap >= MIN_H1_OVERLAP) return visible[0]!;
  }
  if (stripped.length > 0) return stripped[0]!;
  const h1s = md.h1.map((el) => textOf(el, undefined, false, SCAN_CHARS)).filter(plausible);
  if (h1s.length > 0) return h1s[0]!;
  return null;
}
