/**
 * The headline: the article's own title, without the site name, agreeing with
 * the visible `h1` when one matches the metadata (the `h1` is what readers see;
 * metadata titles often carry the brand or an SEO variant).
 */
import type { Element } from 'domhandler';
import { isElement, textOf } from '../../dom/nodes.js';
import type { PageMetadata } from '../../metadata/collect.js';
import { metaValue } from '../../metadata/collect.js';
import { ldString } from '../../metadata/jsonld.js';
import { isSiteName, sameText, similarity, stripSiteAffix, titleParts, wordCount } from './affix.js';

/** Agreement an h1 needs with a metadata title to be taken as the headline. */
const H1_AGREEMENT = 0.75;
/** Words a lone h1 needs to be taken over the metadata (shorter ones are often section or site names). */
const MIN_H1_WORDS = 4;
/** Least word overlap a lone h1 needs with a metadata title (none at all: a section or site name). */
const MIN_H1_OVERLAP = 0.1;
/** Words an h1 printing the start of the title needs to be taken for the headline. */
const MIN_PRINTED_WORDS = 2;
/** Plausible headline length, in characters. */
const MIN_CHARS = 4;
const MAX_CHARS = 400;
/** Characters of an `h1` read at most (ten headlines' worth: longer is no headline, and nested h1s must not each read the page). */
const SCAN_CHARS = 10 * MAX_CHARS;

/** Elements of an `h1` (and parents above it) looked at for a link to the home page: a logo's link sits at the top. */
const LOGO_SCAN_ELEMENTS = 16;
const LOGO_SCAN_PARENTS = 2;

/** Placeholder values that are not titles. */
const PLACEHOLDER = /^(untitled|null|undefined|home|homepage|page not found|404|index)$/i;

function plausible(s: string | null | undefined): s is string {
  return typeof s === 'string' && s.length >= MIN_CHARS && s.length <= MAX_CHARS && !PLACEHOLDER.test(s.trim());
}

/** Site names the page states (og:site_name, application-name, twitter:site, the JSON-LD publisher), to strip from titles. */
export function siteNames(md: PageMetadata): string[] {
  const names: string[] = [];
  const og = metaValue(md, 'og:site_name', 'application-name', 'twitter:site');
  if (og) names.push(og.replace(/^@/, ''));
  for (const node of md.ldArticles) {
    const pub = node.publisher;
    const name = typeof pub === 'object' && pub !== null ? ldString(pub as Record<string, unknown>, 'name') : typeof pub === 'string' ? pub : null;
    if (name) names.push(name);
  }
  return names;
}

/**
 * Names guessed from the page's host ("example.co.uk", "example"): a title
 * part that spells one of them out is the site name.
 */
export function hostNames(pageUrl: string | null): string[] {
  if (!pageUrl) return [];
  try {
    const host = new URL(pageUrl).hostname.replace(/^www\d?\./, '');
    return [host, host.split('.')[0] ?? host];
  } catch {
    return []; // not a URL: no host to strip
  }
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

/** Whether a link goes to a site's home page ("/", "https://example.com/"). */
function isHomeHref(href: string | undefined, pageUrl: string | null): boolean {
  if (href === undefined) return false;
  const h = href.trim();
  if (h === '/' || h === './') return true;
  try {
    const url = new URL(h, pageUrl ?? 'http://invalid.invalid/');
    return /^https?:$/.test(url.protocol) && (url.pathname === '/' || url.pathname === '') && !url.search && h !== '' && !h.startsWith('#');
  } catch {
    return false;
  }
}

/**
 * Whether an `h1` is the site's logo: it holds, or sits in, a link to the home
 * page (the masthead of many themes is an `h1`, as is its text: the site name).
 */
export function isLogoHeading(h1: Element, pageUrl: string | null): boolean {
  let p = h1.parent;
  for (let i = 0; i < LOGO_SCAN_PARENTS && p && isElement(p); i++, p = p.parent) {
    if (p.name === 'a' && isHomeHref(p.attribs.href, pageUrl)) return true;
  }
  const queue: Element[] = [h1];
  for (let seen = 0; queue.length && seen < LOGO_SCAN_ELEMENTS; seen++) {
    const el = queue.shift()!;
    if (el.name === 'a' && isHomeHref(el.attribs.href, pageUrl)) return true;
    for (const c of el.children) if (isElement(c)) queue.push(c);
  }
  return false;
}

/**
 * An `h1` that prints the first part of a metadata title, other than the site
 * name ("Kleine Schafskunde" of "Kleine Schafskunde | Mäscot das Schaf"): what
 * follows in the title is the site, its tagline or the section, however long.
 * (An `h1` printing a later part is as often the site's own name, as in
 * "Page title — Project name" documentation, as the headline.)
 */
function printsTitleStart(h1: string, metaTitles: readonly string[], isSite: (part: string) => boolean): boolean {
  return metaTitles.some((t) => {
    const parts = titleParts(t);
    return parts.length > 1 && sameText(parts[0]!, h1) && !isSite(parts[0]!);
  });
}

/** A permalink mark that documentation generators print after a heading ("Installation¶"). */
const ANCHOR_MARK = /\s?[¶🔗]$/u;

/**
 * The headline as readers read it: without a heading's permalink mark. (Soft
 * hyphens stay, as they do in the body text: they are the page's own characters.)
 */
function cleanHeadline(text: string): string {
  return text.replace(ANCHOR_MARK, '').trim();
}

/**
 * Chooses the headline from the metadata snapshot.
 *
 * @param md - The page's metadata snapshot.
 * @param pageUrl - The page's URL, when known: its host is matched as a site name, and links to its home page mark logo `h1`s.
 * @returns The headline, or `null` when the page gives none.
 */
export function extractHeadline(md: PageMetadata, pageUrl: string | null): string | null {
  const chosen = chooseHeadline(md, pageUrl);
  const clean = chosen === null ? null : cleanHeadline(chosen);
  return clean ? clean : null;
}

/**
 * Restores, in place, a metadata title that the page's own markup cut at an
 * unescaped double quote (`content="Senator calls Biden "unfit""` ends at
 * `Biden `): when another title starts with it and goes on with a quote, the
 * longer one is what the page meant.
 */
function restoreQuoteCutTitles(titles: string[]): void {
  for (let i = 0; i < titles.length; i++) {
    const cut = titles[i]!.trimEnd();
    const whole = titles.find((t) => t.length > cut.length && t.startsWith(cut) && /^\s*"/.test(t.slice(cut.length)));
    if (whole) titles[i] = whole;
  }
}

function chooseHeadline(md: PageMetadata, pageUrl: string | null): string | null {
  const sites = siteNames(md);
  const hosts = hostNames(pageUrl);
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
  restoreQuoteCutTitles(metaTitles);
  const stripped = metaTitles.map((t) => stripSiteAffix(t, sites, hosts)).filter(plausible);

  const h1s = md.h1.filter((el) => !isLogoHeading(el, pageUrl));
  // The visible h1 that agrees best with the metadata.
  let best: string | null = null;
  let bestScore = 0;
  for (const el of h1s) {
    const text = textOf(el, { maxChars: SCAN_CHARS });
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
  const visible = h1s.map((el) => textOf(el, { maxChars: SCAN_CHARS })).filter(plausible);
  const isSite = (part: string): boolean => isSiteName(part, sites, hosts);
  // The one h1 printing the start of the title: the rest of the title is the site's.
  // (A one-word h1 may be a section name, "Blog | Site", as well as a headline.)
  const printing = visible.filter((text) => wordCount(text) >= MIN_PRINTED_WORDS && printsTitleStart(text, metaTitles, isSite));
  if (printing.length === 1) return printing[0]!;
  // One visible h1 that reads as a headline is what readers see as the title, even when the
  // metadata carries an SEO variant of it.
  if (visible.length === 1 && wordCount(visible[0]!) >= MIN_H1_WORDS) {
    // Compared with the titles stripped of their site name: an h1 that only repeats the site name is no headline.
    const overlap = Math.max(0, ...stripped.map((t) => similarity(visible[0]!, t)));
    if (stripped.length === 0 || overlap >= MIN_H1_OVERLAP) return visible[0]!;
  }
  if (stripped.length > 0) return stripped[0]!;
  if (visible.length > 0) return visible[0]!;
  return null;
}
