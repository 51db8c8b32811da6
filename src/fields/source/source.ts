/**
 * Where the article comes from: the publisher (site name), the canonical URL,
 * and the original article a republishing page links to ("Source link",
 * "Originally published at", "Source:").
 */
import type { Element } from 'domhandler';
import { isElement, isInside, textOf } from '../../dom/nodes.js';
import type { PageIndex } from '../../body/features.js';
import type { PageMetadata } from '../../metadata/collect.js';
import { metaValue } from '../../metadata/collect.js';
import { ldString, ldTypes, type LdNode } from '../../metadata/jsonld.js';
import { resolveUrl } from '../../urls.js';

/** Longest plausible site name (chars). */
const MAX_SITE_NAME = 80;

/** Link texts and lead-ins that point to the original article. */
export const SOURCE_LINK_TEXT =
  /^(?:source(?: link)?|original(?: article| source| story)?|read (?:the )?(?:original|full) (?:article|story)(?: here)?|view original(?: article)?|via|quelle|fuente|fonte|source ?:)\W*$/iu;
/** Lead-in text before a source link inside a short block ("Originally published at <a>"). */
export const SOURCE_LEAD_IN =
  /(?:originally (?:published|appeared) (?:at|on|in|by)|this (?:article|story) (?:first |originally )?appeared (?:at|on|in)|republished (?:from|with permission from)|source\s*:|quelle\s*:|fuente\s*:|fonte\s*:|erstmals erschienen (?:bei|in|auf))/iu;
/** Longest block (chars) read for a source lead-in. */
const MAX_SOURCE_BLOCK = 300;

function plausibleSiteName(s: string | null | undefined): s is string {
  return typeof s === 'string' && s.trim().length > 1 && s.length <= MAX_SITE_NAME && !/^https?:\/\//i.test(s);
}

function ldPublisher(md: PageMetadata): string | null {
  for (const node of md.ldArticles) {
    const pub = node.publisher ?? node.sourceOrganization;
    if (typeof pub === 'string' && plausibleSiteName(pub)) return pub.trim();
    const list = Array.isArray(pub) ? pub : [pub];
    for (const p of list) {
      if (typeof p === 'object' && p !== null) {
        const name = ldString(p as LdNode, 'name') ?? ldString(p as LdNode, 'legalName');
        if (plausibleSiteName(name)) return name;
      }
    }
  }
  for (const node of md.ld) {
    const types = ldTypes(node);
    if (types.includes('website') || types.includes('newsmediaorganization') || types.includes('organization')) {
      const name = ldString(node, 'name') ?? ldString(node, 'alternateName');
      if (plausibleSiteName(name)) return name;
    }
  }
  return null;
}

/** The publisher's name: og:site_name, JSON-LD publisher, application-name, else the domain. */
export function extractPublisher(md: PageMetadata, pageUrl: string | null): string | null {
  const og = metaValue(md, 'og:site_name', 'og:sitename');
  if (plausibleSiteName(og)) return og.trim();
  const ld = ldPublisher(md);
  if (ld) return ld;
  const app = metaValue(md, 'application-name', 'apple-mobile-web-app-title', 'publisher', 'dc.publisher', 'citation_publisher', 'citation_journal_title');
  if (plausibleSiteName(app)) return app.trim();
  const host = hostOf(pageUrl);
  if (!host) return null;
  return titleSiteName(md.title, host) ?? host;
}

/** The part of the `<title>` that names the site ("... - The Millbrook Gazette" on millbrookgazette.com). */
function titleSiteName(title: string | null, host: string): string | null {
  if (!title) return null;
  const label = host
    .split('.')[0]!
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
  if (label.length < 4) return null;
  // One space each side: the title is whitespace-collapsed, and `\s+` would backtrack quadratically on a run.
  const parts = title.split(/\s[|\-–—•·»:]{1,2}\s/);
  if (parts.length < 2) return null;
  for (const part of [parts[parts.length - 1]!, parts[0]!]) {
    const squashed = part.toLowerCase().replace(/[^a-z0-9]/g, '');
    if (squashed.includes(label) && squashed.length <= label.length + 12 && plausibleSiteName(part)) return part.trim();
  }
  return null;
}

/** The canonical URL: `rel=canonical`, else og:url, resolved against the page URL. */
export function extractCanonicalUrl(md: PageMetadata, pageUrl: string | null): string | null {
  for (const href of [md.canonical, metaValue(md, 'og:url', 'twitter:url')]) {
    if (!href) continue;
    const url = resolveUrl(href, pageUrl);
    if (url && /^https?:/i.test(url)) return url;
  }
  return null;
}

/**
 * The original article a republished page credits: a link whose text is
 * "Source link" / "Original article", or a link in a short block led by
 * "Originally published at" / "Source:". Searched in the article region first
 * (where auto-blogging plugins append it), then in the whole page.
 */
export function extractSourceUrl(index: PageIndex, regions: readonly Element[], pageUrl: string | null): string | null {
  const pageHost = hostOf(pageUrl);
  let elsewhere: string | null = null;
  // The page's links in document order (one list from the page index, not a walk of the page).
  for (const el of index.byTag.get('a') ?? []) {
    const st = index.stats.get(el);
    // Hidden links have no figures; links in consent dialogs are excluded.
    if (!st || st.excluded || !el.attribs.href || st.text > MAX_SOURCE_LINK_TEXT) continue;
    // Cheap tests first: the link's own text, then the text just before it ("Originally published at").
    if (!SOURCE_LINK_TEXT.test(textOf(el, { maxChars: MAX_SOURCE_LINK_TEXT * 2 })) && !hasLeadIn(el)) continue;
    const url = resolveUrl(el.attribs.href, pageUrl);
    if (!url || !/^https?:/i.test(url) || hostOf(url) === pageHost) continue;
    if (regions.some((r) => isInside(el, r))) return url;
    if (elsewhere === null && index.body && isInside(el, index.body)) elsewhere = url;
  }
  return elsewhere;
}

/** True when the text before a link leads in to a source ("Originally published at"); most links have none to read. */
function hasLeadIn(a: Element): boolean {
  let n = a.prev;
  while (n && n.type === 'text' && n.data.trim() === '') n = n.prev;
  if (!n || (n.type !== 'text' && !isElement(n))) return false;
  return SOURCE_LEAD_IN.test(leadIn(a));
}

/** Longest link text (chars) read as a source link ("Read the original article here" and the like). */
const MAX_SOURCE_LINK_TEXT = 80;

/**
 * Siblings read back from a link for its lead-in. Empty ones (`<span></span>`)
 * add no characters, so the character cap alone would let a run of them make
 * every link of a paragraph walk the whole run.
 */
const MAX_LEAD_IN_NODES = 32;

/** The text right before a link, within its block: the lead-in of "Originally published at <a>". */
function leadIn(a: Element): string {
  const parts: string[] = [];
  let length = 0;
  let nodes = 0;
  for (let n = a.prev; n && length < MAX_SOURCE_BLOCK && nodes < MAX_LEAD_IN_NODES; n = n.prev, nodes++) {
    const t =
      n.type === 'text'
        ? n.data
        : isElement(n) && (n.name === 'em' || n.name === 'strong' || n.name === 'b' || n.name === 'i' || n.name === 'span')
          ? textOf(n)
          : null;
    if (t === null) break;
    parts.push(t);
    length += t.length;
  }
  return parts.reverse().join('').slice(-MAX_SOURCE_BLOCK);
}

function hostOf(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname.replace(/^www\d?\./, '');
  } catch {
    return null;
  }
}
