/**
 * The byline (as printed, without "By") and the authors it names. Signals, in
 * order of trust: the byline printed near the headline (what readers see),
 * JSON-LD `author`, microdata, `rel=author` links, then author `<meta>` names.
 * Wire agencies in a byline ("Jane Doe | Reuters") are kept out of `authors`
 * and reported as the agency; organisation bylines ("BBC News") are kept.
 */
import { isStrictlyInside, textOf } from '../../dom/nodes.js';
import type { PageIndex } from '../../body/features.js';
import type { PageMetadata } from '../../metadata/collect.js';
import { ldTypes, type LdNode } from '../../metadata/jsonld.js';
import { agencyOfAnyCase } from '../agencies/table.js';
import {
  ACCOUNT_NAME,
  AFFILIATION_WORDS,
  AUTHOR_LABEL,
  AUTHOR_META,
  AUTHOR_SEPARATORS,
  BYLINE_PREFIX,
  BYLINE_TAIL,
  COLLECTIVE_WORDS,
  MAX_BYLINE_CHARS,
  MAX_NAME_WORDS,
  NOT_A_BYLINE,
  DATE_WORD,
  JOB_TITLE,
  LOGIN_HANDLE,
  NAME_SUFFIXES,
  PICTURE_PREFIX,
  PICTURE_ROLES,
  ROLE_WORDS,
  WEEKDAY_TAIL,
} from './tables.js';

/** The name without a CJK reporter's title after it ("홍길동 기자" gives "홍길동"); compared by suffix, no end-anchored regex. */
function withoutNameSuffix(s: string): string {
  const t = s.trimEnd();
  for (const suffix of NAME_SUFFIXES) if (t.endsWith(suffix)) return t.slice(0, t.length - suffix.length).trimEnd();
  return s;
}

/** The text before the first date word ("Jane Doe Updated May 3" gives "Jane Doe"; "Actualizado 21/05" gives ""). */
function beforeDateWord(s: string): string {
  const m = DATE_WORD.exec(s);
  return m ? s.slice(0, m.index) : s;
}
import { printedByline } from './printed.js';
import { extractPublisher } from '../source/source.js';

/** The byline and its authors. */
export interface BylineResult {
  /** The byline as printed, without a leading "By" (null when the page names no author). */
  byline: string | null;
  /** The individual authors, de-duplicated, without roles, handles or e-mail addresses. */
  authors: string[];
  /** A wire agency credited in the byline, if any. */
  agency: string | null;
}

/** What the byline stage knows besides the page: the headline chosen, and the page's URL. */
export interface BylineContext {
  /** The headline text (locates the headline element the byline is printed near). */
  headline?: string | null;
  /** The page URL (its host names the outlet, which is not an author). */
  url?: string | null;
}

/**
 * Longest text (chars) the name clean-up reads: credit lines and author lists
 * are far shorter, and JSON-LD or `<meta>` values can be any length; several
 * of the clean-up's expressions backtrack quadratically on long runs
 * (tests/redos.test.ts lists them as bounded by this).
 */
export const MAX_NAMES_INPUT = 1000;

/** Cleans one name: no prefix, role, handle or e-mail; null when nothing name-like is left. */
export function cleanName(raw: string): string | null {
  let s = raw.slice(0, MAX_NAMES_INPUT).replace(/\s+/g, ' ').trim();
  s = withoutNameSuffix(beforeDateWord(s.replace(PICTURE_PREFIX, '').replace(BYLINE_PREFIX, '')));
  s = s.replace(/\([^)]*\)/g, ' ').replace(/<[^>]*>/g, ' ');
  s = s.replace(/\S+@\S+\.\S+/g, ' ').replace(/(?:^|\s)@\w+/g, ' ');
  // "Jane Doe, Staff Writer" / "Jane Doe - Senior Editor": drop the role after the name.
  const role = /\s*(?:,|\s[-–—|]\s)\s*(.*)$/.exec(s);
  if (role && ROLE_WORDS.test(role[1] ?? '')) s = s.slice(0, role.index);
  // "Nick Fairbairn in Perth": the reporter's location is not part of the name.
  s = s.replace(/\s+in\s+\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,2}$/u, '');
  s = s.replace(/^[\s,;:|·•–—-]+|[\s,;:|·•–—-]+$/g, '').trim();
  if (!s || s.length > 60 || !/\p{L}/u.test(s)) return null;
  const words = s.split(' ');
  if (words.length > MAX_NAME_WORDS) return null;
  // Digits only in a one-word handle ("Bo2man", "r23"), never in a written name.
  if ((/\d/.test(s) && words.length > 1) || NOT_A_BYLINE.test(s) || ACCOUNT_NAME.test(s)) return null;
  return s;
}

/**
 * A name without the job title printed after it ("Daniel Marans Senior Politics Reporter" gives
 * "Daniel Marans", "Matt Asay Contributor" gives "Matt Asay"); "" when the part is only a title
 * ("Senior Science Writer", "Staff Writer", "Redakteur"). The title is the title noun, the role
 * words before it and at most one beat word ("Politics", "Science", "AI"); a name keeps two words.
 */
export function withoutJobTitle(part: string): string {
  if (!JOB_TITLE.test(part)) return part;
  const words = part.split(' ');
  // Index after the last word of the name, moving back over role words ("Senior", "Staff").
  const backOverRoles = (end: number): number => {
    while (end > 0 && ROLE_WORDS.test(words[end - 1]!)) end--;
    return end;
  };
  const noBeat = backOverRoles(words.length - 1);
  if (noBeat === 0) return '';
  const withBeat = backOverRoles(noBeat - 1);
  if (withBeat === 0) return '';
  if (withBeat >= 2) return words.slice(0, withBeat).join(' ');
  return noBeat >= 2 ? words.slice(0, noBeat).join(' ') : part;
}

/**
 * The printed byline without the reporters' job titles ("Matt Asay Contributor" gives "Matt Asay";
 * "Jane Doe, Senior Science Writer" gives "Jane Doe"): the title goes, the names and the rest of
 * the line (outlets, agencies, separators) stay as printed.
 */
function withoutJobTitles(byline: string): string {
  let out = byline;
  for (const raw of byline.split(AUTHOR_SEPARATORS)) {
    const part = raw.trim();
    if (!part) continue;
    const name = withoutJobTitle(part);
    if (name !== part) out = out.replace(part, name);
  }
  if (out === byline) return byline;
  // A title removed whole leaves its separator behind ("Jane Doe, " or "Jane Doe, , John Roe"): parts are
  // rejoined without the empty ones (a split and a join, linear on any input).
  const tidy = out
    .split(/([,;|·])/)
    .reduce<string[]>((kept, piece, i, all) => {
      const isSeparator = i % 2 === 1;
      if (isSeparator) return kept;
      const text = piece.trim();
      if (text) kept.push(kept.length ? `${all[i - 1]!.trim()} ${text}` : text);
      return kept;
    }, [])
    .join('')
    .replace(/ ([,;|·])/g, '$1')
    .replace(/([,;|·])(?=\S)/g, '$1 ');
  return tidy || byline;
}

/** Splits a byline into its authors, and finds a credited agency. */
export function splitAuthors(byline: string): { authors: string[]; agency: string | null } {
  const authors: string[] = [];
  let agency: string | null = null;
  const seen = new Set<string>();
  const text = byline.slice(0, MAX_NAMES_INPUT).replace(PICTURE_PREFIX, '').replace(BYLINE_PREFIX, '');
  const names = text
    .split(AUTHOR_SEPARATORS)
    .map(cleanName)
    .filter((n): n is string => n !== null);
  // A part that is only a role ("Jane Doe, Staff Writer") names no one, unless it is the whole
  // byline: an organisation or desk byline ("Redaktion", "Staff") is kept as printed.
  const isRoleOnly = (n: string): boolean => n.split(' ').every((w) => ROLE_WORDS.test(w)) || withoutJobTitle(n) === '';
  const people = (names.length > 1 ? names.filter((n) => !isRoleOnly(n)) : names).map((n) => withoutJobTitle(n) || n);
  for (const name of people) {
    const asAgency = agencyOfAnyCase(name);
    if (asAgency) {
      agency ??= asAgency;
      continue;
    }
    const key = name.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    authors.push(name);
  }
  return { authors, agency };
}

/** Names of a JSON-LD `author` value: a string, a Person/Organization, or an array of them. */
function ldAuthorNames(value: unknown, byId: ReadonlyMap<string, LdNode>): string[] {
  const out: string[] = [];
  const list = Array.isArray(value) ? value : [value];
  for (let item of list) {
    if (typeof item === 'string') {
      if (!/^https?:/i.test(item)) out.push(item);
      continue;
    }
    if (typeof item !== 'object' || item === null) continue;
    const node = item as LdNode;
    const ref = node['@id'];
    if (typeof node.name !== 'string' && typeof ref === 'string' && byId.has(ref)) item = byId.get(ref);
    const name = (item as LdNode).name;
    if (typeof name === 'string') out.push(name);
    else if (Array.isArray(name)) for (const n of name) if (typeof n === 'string') out.push(n);
  }
  return out.map((n) => n.trim()).filter((n) => n && !/^https?:/i.test(n));
}

function fromJsonLd(md: PageMetadata): string[] {
  const byId = new Map<string, LdNode>();
  for (const node of md.ld) if (typeof node['@id'] === 'string') byId.set(node['@id'] as string, node);
  for (const node of md.ldArticles) {
    const names = ldAuthorNames(node.author ?? node.creator, byId);
    if (names.length) return names;
  }
  // Pages without an article node (WordPress SEO plugins describe a post as a WebPage) credit the
  // author on the page node; the site's WebSite or Organization nodes are not read.
  for (const node of md.ld) {
    if (!ldTypes(node).some((t) => PAGE_TYPES.has(t))) continue;
    const names = ldAuthorNames(node.author ?? node.creator, byId);
    if (names.length) return names;
  }
  return [];
}

/** JSON-LD types of the page itself, read for an author when no article node names one. */
const PAGE_TYPES: ReadonlySet<string> = new Set(['webpage', 'itempage']);

/**
 * Microdata elements read at most: a page credits a handful of authors, and
 * nested or repeated `itemprop` elements must not make the search quadratic
 * (each author looks for its name among the name elements).
 */
const MAX_MICRODATA_AUTHORS = 20;
const MAX_MICRODATA_NAMES = 200;

function fromMicrodata(md: PageMetadata, index: PageIndex): string[] {
  const out: string[] = [];
  const names = (md.microdata.get('name') ?? []).slice(0, MAX_MICRODATA_NAMES);
  for (const el of (md.microdata.get('author') ?? []).slice(0, MAX_MICRODATA_AUTHORS)) {
    if (el.name !== 'meta' && index.stats.get(el)?.excluded) continue;
    const named = names.find((n) => isStrictlyInside(n, el));
    // A prefix is enough to reject a text longer than a byline, and keeps nested authors from each reading the page.
    const scan = 64 * MAX_BYLINE_CHARS;
    const text = named ? (named.attribs.content ?? textOf(named, { maxChars: scan })) : (el.attribs.content ?? textOf(el, { maxChars: scan }));
    if (text && text.length <= MAX_BYLINE_CHARS) out.push(text);
    if (out.length >= 4) break;
  }
  return out;
}

function fromMeta(md: PageMetadata): string[] {
  for (const name of AUTHOR_META) {
    const values = (md.meta.get(name) ?? []).filter((v) => !/^https?:|^\/\//i.test(v) && !v.startsWith('@'));
    if (values.length) return name === 'citation_author' ? values : [values[0]!];
  }
  return fromTwitterLabels(md);
}

/** Twitter card label/value pairs read (`twitter:label1` … `twitter:label4`). */
const MAX_TWITTER_LABELS = 4;

/**
 * The author given as a Twitter card's labelled value (`twitter:label1` "Written by",
 * `twitter:data1` "Jane Doe"), as SEO plugins print it; the label says which value it is.
 */
function fromTwitterLabels(md: PageMetadata): string[] {
  for (let i = 1; i <= MAX_TWITTER_LABELS; i++) {
    const label = md.meta.get(`twitter:label${i}`)?.[0];
    const value = md.meta.get(`twitter:data${i}`)?.[0];
    if (label && value && AUTHOR_LABEL.test(label.trim())) return [value];
  }
  return [];
}

/**
 * Drops role words printed after the name without punctuation ("Evan Halper
 * Staff Writer"), but not a collective noun ending the whole credit ("Smart
 * Shopping Team", "Teufel Blog Redaktion"): that names a desk, not a role.
 */
function dropTrailingRoles(s: string): string {
  const words = s.split(' ');
  if (COLLECTIVE_WORDS.test(words[words.length - 1] ?? '')) return s;
  while (words.length > 2 && ROLE_WORDS.test(words[words.length - 1]!)) words.pop();
  return words.join(' ');
}

/**
 * Cuts a role with its affiliation printed after the name without punctuation
 * ("Ingo Arzt Redakteur für Wirtschaft", "Jane Doe Editor at Large"): a role
 * word, after at least two words of name, followed by for/of/at/für/bei.
 */
function dropRoleAffiliation(s: string): string {
  const words = s.split(' ');
  for (let i = 2; i + 1 < words.length; i++) {
    if (ROLE_WORDS.test(words[i]!) && AFFILIATION_WORDS.test(words[i + 1]!)) return words.slice(0, i).join(' ');
  }
  return s;
}

/** "in Perth", "in Valve" at the end of a credit: where the reporter was, or the section. */
const PLACE_TAIL = /\s+in\s+\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,2}$/u;

/** The separators of a credit line, kept when it is split (they are printed between the people). */
const CREDIT_PARTS = /(\s*(?:,|;|&|\band\b|\bund\b|\bet\b|\by\b)\s*)/iu;

/**
 * Drops the people credited for a picture ("Eleanor Ainge Roy (reporting) and
 * Adrian Malloch (photography)"): they did not write the story. A credit line
 * naming no one else is left as it is.
 */
function dropPictureCredits(s: string): string {
  if (!PICTURE_ROLES.test(s)) return s;
  const parts = s.split(CREDIT_PARTS);
  const kept: string[] = [];
  for (let i = 0; i < parts.length; i += 2) {
    if (PICTURE_ROLES.test(parts[i]!)) continue;
    if (kept.length > 0) kept.push(parts[i - 1]!);
    kept.push(parts[i]!);
  }
  const out = kept.join('').trim();
  return /\p{L}/u.test(out) ? out : s;
}

/** A host name ("phys.org", "rent-a-pastor.com") inside a credit's last part. */
const HOST_NAME = /[\p{L}\d-]{2,}\.[a-z]{2,6}(?![\p{L}\d])/u;

/** The last part of a credit line, after a comma, a spaced dash or bar, or a slash. */
const LAST_PART = /\s*(?:,|\s[-–—|/]\s|\s\/|\/\s)\s*([^,|/–—]*)$/;

/** A printed byline without its "By", trailing date, social links and role. */
export function cleanByline(text: string): string | null {
  let s = text
    .slice(0, MAX_NAMES_INPUT)
    .replace(/\s+/g, ' ')
    .replace(/\s+([,;.])/g, '$1')
    .trim();
  // Decorations printed before the credit ("~ Jane Doe", "— Jane Doe").
  s = s
    .replace(/^[\s~*»›>|/·•–—-]+/, '')
    .replace(BYLINE_PREFIX, '')
    .replace(BYLINE_TAIL, '')
    .replace(WEEKDAY_TAIL, '');
  // A date word ends the credit ("Par AFP Publié le ...", "홍길동 기자 입력 2024.05.21"); alone, it is no credit ("Actualizado").
  s = withoutNameSuffix(beforeDateWord(s));
  // Contact details are not names: "Mike Cason | mcason@example.com", "April Glaser @aprilaser".
  s = s
    .replace(/\S+@\S+\.\S+/g, ' ')
    .replace(/(?:^|\s)@\w+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  // The photographer or illustrator of a picture ("and Adrian Malloch (photography)") did not write the story.
  s = dropPictureCredits(s);
  // Parenthesised roles ("(reporting)") and locations are not part of the credit line's names.
  s = s.replace(/\s*\([^)]{0,40}\)/g, '');
  const role = /\s*(?:,|\s[-–—|]\s)\s*([^,]*)$/.exec(s);
  if (role && ROLE_WORDS.test(role[1] ?? '')) s = s.slice(0, role.index);
  // An affiliation given as a site's host ("Bob Yirka, Phys.org", "Sam Doe, Speaker at example.com").
  const last = LAST_PART.exec(s);
  if (last && last.index > 0 && HOST_NAME.test(last[1] ?? '')) s = s.slice(0, last.index);
  // "Daniel Marans Senior Politics Reporter": the title goes with its beat word, then any role words left.
  s = dropRoleAffiliation(s.trim());
  s = dropTrailingRoles(withoutJobTitle(s) || s);
  // "Michael Larabel in Valve", "Nick Fairbairn in Perth": a location or section after the name.
  const place = PLACE_TAIL.exec(s);
  if (place && s.slice(0, place.index).includes(' ')) s = s.slice(0, place.index);
  s = s.replace(/^[\s,;:|·•–—/~-]+|[\s,;:|·•–—/~-]+$/g, '').trim();
  // A credit names someone in letters: "26." or "3.17" left by a date or a rating is not one.
  if (!s || s.length > MAX_BYLINE_CHARS || !/\p{L}/u.test(s) || NOT_A_BYLINE.test(s) || ACCOUNT_NAME.test(s)) return null;
  return s;
}

/** Letters and digits only, lower-cased: how an outlet's name is compared ("Phys.org" = "physorg"). */
const squash = (s: string): string => s.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');

/**
 * Names the page's outlet goes by: its site name, publisher, and host labels
 * ("www.cnn.com" gives "cnn" and "cnncom").
 */
function outletNames(md: PageMetadata, url: string | null): Set<string> {
  const names = new Set<string>();
  const publisher = extractPublisher(md, url);
  if (publisher) names.add(squash(publisher));
  const site = md.meta.get('og:site_name')?.[0];
  if (site) names.add(squash(site));
  let host: string | null = null;
  try {
    host = url ? new URL(url).hostname.replace(/^www\d*\./, '') : null;
  } catch {
    host = null;
  }
  if (host) {
    names.add(squash(host));
    names.add(squash(host.split('.')[0]!));
  }
  names.delete('');
  return names;
}

/**
 * Drops the outlet credited after the people ("Stephen Collinson, CNN" on
 * cnn.com): the publisher is reported as such, and is not an author. Wire
 * agencies are left to {@link splitAuthors}.
 */
function dropOutlet(byline: string, outlets: ReadonlySet<string>): string {
  const last = LAST_PART.exec(byline);
  if (!last || last.index === 0 || !outlets.has(squash(last[1] ?? ''))) return byline;
  return (
    byline
      .slice(0, last.index)
      .replace(/[\s,;:|·•–—/-]+$/, '')
      .trim() || byline
  );
}

/** Resolves the byline, the authors and a credited agency. */
export function extractByline(md: PageMetadata, index: PageIndex, context: BylineContext = {}): BylineResult {
  const structured = fromJsonLd(md);
  const found = printedByline(md, index, context.headline ?? null, { clean: cleanByline, split: splitAuthors });
  if (found) {
    const printed = dropOutlet(found, outletNames(md, context.url ?? null));
    const { authors, agency } = splitAuthors(printed);
    return { byline: withoutJobTitles(printed), authors, agency };
  }
  for (const signal of [structured, fromMicrodata(md, index), fromMeta(md)]) {
    // A login handle is the account, not the name the page prints.
    const names = signal.filter((n) => !LOGIN_HANDLE.test(n.trim()));
    if (names.length === 0) continue;
    const split = names.flatMap((n) => splitAuthors(n).authors);
    const authors = [...new Set(split)];
    if (authors.length === 0) continue;
    // One value is the credit line as the page wrote it ("Mac & i"); several are joined.
    const single = names.length === 1 ? cleanByline(names[0]!) : null;
    return { byline: single ?? authors.join(', '), authors, agency: null };
  }
  return { byline: null, authors: [], agency: null };
}
