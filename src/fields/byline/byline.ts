/**
 * The byline (as printed, without "By") and the authors it names. Signals, in
 * order of trust: the byline printed near the headline (what readers see),
 * JSON-LD `author`, microdata, `rel=author` links, then author `<meta>` names.
 * Wire agencies in a byline ("Jane Doe | Reuters") are kept out of `authors`
 * and reported as the agency; organisation bylines ("BBC News") are kept.
 */
import type { Element } from 'domhandler';
import { classAndId, textOf } from '../../dom/nodes.js';
import type { PageIndex } from '../../body/features.js';
import type { PageMetadata } from '../../metadata/collect.js';
import type { LdNode } from '../../metadata/jsonld.js';
import { AGENCIES } from '../dateline/patterns.js';
import {
  AUTHOR_META, AUTHOR_SEPARATORS, BYLINE_CLASS, BYLINE_PREFIX, BYLINE_TAIL, COMMENT_CONTAINER, MAX_BYLINE_CHARS, MAX_NAME_WORDS, NOT_A_BYLINE, ROLE_WORDS,
} from './tables.js';

/** The byline and its authors. */
export interface BylineResult {
  /** The byline as printed, without a leading "By" (null when the page names no author). */
  byline: string | null;
  /** The individual authors, de-duplicated, without roles, handles or e-mail addresses. */
  authors: string[];
  /** A wire agency credited in the byline, if any. */
  agency: string | null;
}

/** Elements (in document order) around the headline searched for a printed byline. */
const BYLINE_WINDOW = 300;

/**
 * Longest text (chars) the name clean-up reads: credit lines and author lists
 * are far shorter, and JSON-LD or `<meta>` values can be any length; several
 * of the clean-up's expressions backtrack quadratically on long runs
 * (tests/redos.test.ts lists them as bounded by this).
 */
export const MAX_NAMES_INPUT = 1000;

const AGENCY_NAMES = new Map(AGENCIES.map(([printed, name]) => [printed.toLowerCase(), name] as const));

/** Cleans one name: no prefix, role, handle or e-mail; null when nothing name-like is left. */
export function cleanName(raw: string): string | null {
  let s = raw.slice(0, MAX_NAMES_INPUT).replace(/\s+/g, ' ').trim();
  s = s.replace(BYLINE_PREFIX, '');
  s = s.replace(/\([^)]*\)/g, ' ').replace(/<[^>]*>/g, ' ');
  s = s.replace(/\S+@\S+\.\S+/g, ' ').replace(/(?:^|\s)@\w+/g, ' ');
  // "Jane Doe, Staff Writer" / "Jane Doe - Senior Editor": drop the role after the name.
  const role = /\s*(?:,|\s[-–—|]\s)\s*(.*)$/.exec(s);
  if (role && ROLE_WORDS.test(role[1] ?? '')) s = s.slice(0, role.index);
  // "Nick Fairbairn in Perth": the reporter's location is not part of the name.
  s = s.replace(/\s+in\s+\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,2}$/u, '');
  s = s.replace(/^[\s,;:|·•–—-]+|[\s,;:|·•–—-]+$/g, '').trim();
  if (!s || s.length > 60) return null;
  const words = s.split(' ');
  if (words.length > MAX_NAME_WORDS) return null;
  // Digits only in a one-word handle ("Bo2man", "r23"), never in a written name.
  if ((/\d/.test(s) && words.length > 1) || NOT_A_BYLINE.test(s)) return null;
  return s;
}

/** Splits a byline into its authors, and finds a credited agency. */
export function splitAuthors(byline: string): { authors: string[]; agency: string | null } {
  const authors: string[] = [];
  let agency: string | null = null;
  const seen = new Set<string>();
  const text = byline.slice(0, MAX_NAMES_INPUT).replace(BYLINE_PREFIX, '');
  const names = text.split(AUTHOR_SEPARATORS).map(cleanName).filter((n): n is string => n !== null);
  // A part that is only a role ("Jane Doe, Staff Writer") names no one, unless it is the whole
  // byline: an organisation or desk byline ("Redaktion", "Staff") is kept as printed.
  const isRoleOnly = (n: string): boolean => n.split(' ').every((w) => ROLE_WORDS.test(w));
  const people = names.length > 1 ? names.filter((n) => !isRoleOnly(n)) : names;
  for (const name of people) {
    const asAgency = AGENCY_NAMES.get(name.toLowerCase());
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
  return [];
}

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
    const named = names.find((n) => isWithin(n, el));
    // A prefix is enough to reject a text longer than a byline, and keeps nested authors from each reading the page.
    const scan = 64 * MAX_BYLINE_CHARS;
    const text = named ? (named.attribs.content ?? textOf(named, undefined, false, scan)) : (el.attribs.content ?? textOf(el, undefined, false, scan));
    if (text && text.length <= MAX_BYLINE_CHARS) out.push(text);
    if (out.length >= 4) break;
  }
  return out;
}

function isWithin(node: Element, anc: Element): boolean {
  for (let p = node.parent; p; p = p.parent) if (p === anc) return true;
  return false;
}

function fromMeta(md: PageMetadata): string[] {
  for (const name of AUTHOR_META) {
    const values = (md.meta.get(name) ?? []).filter((v) => !/^https?:|^\/\//i.test(v) && !v.startsWith('@'));
    if (values.length) return name === 'citation_author' ? values : [values[0]!];
  }
  return [];
}

/** A byline element found near the headline. */
interface PrintedCandidate {
  el: Element;
  text: string;
  distance: number;
  persons: number;
  agency: boolean;
}

/**
 * The printed byline near the headline: short elements classed as a byline
 * (or a `rel=author` link, or a line starting with "By"); the innermost of
 * nested candidates wins (the name inside the byline box), and candidates
 * naming people win over agency-only credits.
 */
function printedByline(md: PageMetadata, index: PageIndex): string | null {
  const h1 = md.h1.map((h) => index.stats.get(h)?.order).find((o) => o !== undefined) ?? -1;
  const candidates: PrintedCandidate[] = [];
  for (const [el, st] of index.stats) {
    if (st.excluded || st.text < 3 || st.text > MAX_BYLINE_CHARS) continue;
    if (h1 >= 0 && (st.order < h1 - 100 || st.order > h1 + BYLINE_WINDOW)) continue;
    const ci = classAndId(el);
    const relAuthor = el.name === 'a' && /\bauthor\b/i.test(el.attribs.rel ?? '');
    // <address> is HTML's element for the article's author contact.
    const classed = relAuthor || el.name === 'address' || (ci !== '' && BYLINE_CLASS.test(ci) && !/avatar|image|photo|bio|box|description|about|label|title|role|job/i.test(ci));
    if (!classed && (st.text >= 80 || (el.name !== 'p' && el.name !== 'div' && el.name !== 'span'))) continue;
    if (inComments(el)) continue;
    let text: string | null = null;
    if (classed) text = textOf(el, undefined, true);
    else if (st.text < 80 && (el.name === 'p' || el.name === 'div' || el.name === 'span')) {
      const t = textOf(el, undefined, true);
      const m = BYLINE_PREFIX.exec(t);
      if (m && m[0].trim() !== '' && /^\p{Lu}/u.test(t.slice(m[0].length))) text = t;
    }
    if (!text) continue;
    const cleaned = cleanByline(text);
    if (!cleaned) continue;
    const { authors, agency } = splitAuthors(cleaned);
    if (authors.length === 0 && !agency) continue;
    const distance = h1 < 0 ? st.order : st.order >= h1 ? st.order - h1 : (h1 - st.order) * 2;
    candidates.push({ el, text: cleaned, distance, persons: authors.length, agency: agency !== null });
  }
  // Innermost: drop a candidate that contains another one, unless it holds several people's
  // candidates (a byline box listing each author in an element of its own).
  // A box that says more than the candidates inside it (more people, or an agency: "Par Claire
  // Vasseur et AFP") is kept whole.
  const inner = candidates.filter((c) => {
    const inside = candidates.filter((o) => o !== c && isWithin(o.el, c.el));
    if (inside.length === 0) return true;
    const insidePersons = Math.max(...inside.map((o) => o.persons));
    return c.persons > insidePersons || (c.agency && !inside.some((o) => o.agency)) || (inside.filter((o) => o.persons > 0).length >= 2 && c.persons >= 2);
  }).filter((c, _, all) => !all.some((o) => o !== c && isWithin(c.el, o.el)));
  inner.sort((a, b) => Number(b.persons > 0) - Number(a.persons > 0) || a.distance - b.distance);
  return inner[0]?.text ?? null;
}

/** Ancestor levels searched for a comment thread around a byline candidate. */
const COMMENT_LEVELS = 12;

function inComments(el: Element): boolean {
  let p: Element | null = el;
  for (let level = 0; p && level < COMMENT_LEVELS; level++) {
    const ci = classAndId(p);
    if (ci && COMMENT_CONTAINER.test(ci)) return true;
    p = p.parent && 'name' in p.parent ? (p.parent as Element) : null;
  }
  return false;
}

/** Drops role words printed after the name without punctuation ("Evan Halper Staff Writer"). */
function dropTrailingRoles(s: string): string {
  const words = s.split(' ');
  while (words.length > 2 && ROLE_WORDS.test(words[words.length - 1]!)) words.pop();
  return words.join(' ');
}

/** A printed byline without its "By", trailing date, social links and role. */
export function cleanByline(text: string): string | null {
  let s = text.slice(0, MAX_NAMES_INPUT).replace(/\s+/g, ' ').replace(/\s+([,;.])/g, '$1').trim().replace(BYLINE_PREFIX, '').replace(BYLINE_TAIL, '');
  // Parenthesised roles ("(reporting)", "(photography)") and locations are not part of the credit line's names.
  s = s.replace(/\s*\([^)]{0,40}\)/g, '');
  const role = /\s*(?:,|\s[-–—|]\s)\s*([^,]*)$/.exec(s);
  if (role && ROLE_WORDS.test(role[1] ?? '')) s = s.slice(0, role.index);
  s = dropTrailingRoles(s.trim());
  s = s.replace(/^[\s,;:|·•–—-]+|[\s,;:|·•–—-]+$/g, '').trim();
  if (!s || s.length > MAX_BYLINE_CHARS || NOT_A_BYLINE.test(s)) return null;
  return s;
}

/** Resolves the byline, the authors and a credited agency. */
export function extractByline(md: PageMetadata, index: PageIndex): BylineResult {
  const structured = fromJsonLd(md);
  const printed = printedByline(md, index);
  if (printed) {
    const { authors, agency } = splitAuthors(printed);
    return { byline: printed, authors, agency };
  }
  for (const names of [structured, fromMicrodata(md, index), fromMeta(md)]) {
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

