/**
 * Publication and modification dates, reconciled from every signal the page
 * gives, most reliable first: JSON-LD, `<meta>` names, microdata, `<time>`
 * elements near the headline, the URL, then dates printed near the headline.
 * Dates of comments, related cards and sidebars are avoided by reading the
 * page around the headline first (region-scoped metadata) and by skipping
 * elements that are never article content.
 */
import type { AnyNode, Element } from 'domhandler';
import { classAndId, textOf } from '../../dom/nodes.js';
import type { PageIndex } from '../../body/features.js';
import type { PageMetadata } from '../../metadata/collect.js';
import type { LdNode } from '../../metadata/jsonld.js';
import { dateFromUrl, leadingDate, LEADING_CHARS, parseMachineDate, parseTextDate, type DateContext } from './parse.js';
import { resolvePublished, type DateCandidates, type PrintedDates } from './resolve.js';
import { DATE_ELEMENT_CLASS, GENERIC_DATE_META, MODIFIED_META, PUBLISHED_META, NOT_PUBLICATION_WORDS, PUBLISHED_WORDS, UPDATED_WORDS } from './tables.js';

/** The dates of an article. */
export interface ArticleDates {
  published: string | null;
  modified: string | null;
}

/** Longest text (chars) of an element read as a printed date. */
const MAX_DATE_TEXT = 120;
/** Elements (in document order) after the headline searched for a printed date. */
const HEADER_WINDOW = 400;
/** Elements read by the last-resort search: all of them (bounded windows lost dates printed in page footers). */
const WIDE_WINDOW = Number.MAX_SAFE_INTEGER;

function firstLd(nodes: readonly LdNode[], key: string, ctx: DateContext): string | null {
  for (const node of nodes) {
    const v = node[key];
    const value = Array.isArray(v) ? v[0] : v;
    if (typeof value === 'string' || typeof value === 'number') {
      const d = parseMachineDate(String(value), ctx);
      if (d) return d;
    }
  }
  return null;
}

function firstMeta(md: PageMetadata, names: readonly string[], ctx: DateContext): string | null {
  for (const name of names) {
    for (const value of md.meta.get(name) ?? []) {
      const d = parseMachineDate(value, ctx);
      if (d) return d;
    }
  }
  return null;
}

/** A microdata or `<time>` element's machine value: `datetime`, `content`, else its text. */
function elementDate(el: Element, ctx: DateContext): string | null {
  const machine = el.attribs.datetime ?? el.attribs.content ?? el.attribs.value;
  if (machine) {
    const d = parseMachineDate(machine, ctx);
    if (d) return d;
  }
  // A prefix is enough to tell a date's text from a longer one, and keeps nested elements from each reading the page.
  const text = textOf(el, { maxChars: 64 * MAX_DATE_TEXT });
  return text.length <= MAX_DATE_TEXT ? parseTextDate(text, ctx) : null;
}

function firstMicrodata(md: PageMetadata, prop: string, index: PageIndex, ctx: DateContext): string | null {
  for (const el of md.microdata.get(prop) ?? []) {
    // A machine value (`content`, `datetime`) is a declaration wherever it sits; page-wide state classes
    // ("no-cookie" on the body) can flag a whole page as a consent banner. Text in a real dialog is not the article's.
    const declared = el.name === 'meta' || el.attribs.content !== undefined || el.attribs.datetime !== undefined;
    if (!declared && index.stats.get(el)?.excluded) continue;
    const d = elementDate(el, ctx);
    if (d) return d;
  }
  return null;
}

/** Heading tags searched for the headline's own element, in rank order. */
const HEADLINE_TAGS = ['h1', 'h2', 'h3'] as const;

const normaliseHeading = (s: string): string => s.replace(/\s+/g, ' ').trim().toLowerCase();

/**
 * Document order of the headline's element, where the walks for printed
 * dates start: the visible h1, h2 or h3 that reads as the headline (pages
 * without an h1 title their story with an h2), else the first visible h1,
 * else -1.
 */
export function headlineOrder(md: PageMetadata, index: PageIndex, headline: string | null): number {
  const wanted = headline ? normaliseHeading(headline) : '';
  if (wanted) {
    for (const tag of HEADLINE_TAGS) {
      for (const h of index.byTag.get(tag) ?? []) {
        const st = index.stats.get(h);
        if (st && !st.excluded && st.text <= wanted.length * 2 + 20 && normaliseHeading(textOf(h)) === wanted) return st.order;
      }
    }
  }
  for (const h of md.h1) {
    const o = index.stats.get(h)?.order;
    if (o !== undefined) return o;
  }
  return -1;
}

/**
 * Where the walks for printed dates start: the headline's element (see
 * {@link headlineOrder}), else the first element of the article body. A page
 * that titles its story in a styled `<div>` has no heading to find, and a walk
 * from the top of the page meets the dates of the menus' teaser lists first.
 */
export function articleAnchor(md: PageMetadata, index: PageIndex, headline: string | null, body: readonly Element[]): number {
  const h = headlineOrder(md, index, headline);
  if (h >= 0) return h;
  let first = -1;
  for (const el of body) {
    const o = index.stats.get(el)?.order;
    if (o !== undefined && (first < 0 || o < first)) first = o;
  }
  return first;
}

/** Ancestors climbed to find an embedded post around a `<time>`. */
const QUOTE_DEPTH = 8;

/** True when the element sits in a `<blockquote>`: an embedded post (Instagram, X) dated by its own author. */
function inQuote(el: Element): boolean {
  let p = el.parent;
  for (let i = 0; p && p.type === 'tag' && i < QUOTE_DEPTH; i++, p = p.parent) if ((p as Element).name === 'blockquote') return true;
  return false;
}

/** Elements between the headline and a `<time>` or printed date beside it, read even in a header, banner or sidebar box. */
const TIME_BESIDE_HEADLINE = 12;

/** Shortest link text (chars) read as a headline of another story. */
const TEASER_LINK_TEXT = 20;

/**
 * True when the element dates a teaser: a sibling link with a headline's worth of text ("<time>…</time><a>Other story</a>").
 * `teasers` remembers the answer per parent: a list of thousands of `<time>` siblings reads their parent's children once.
 */
function datesTeaser(index: PageIndex, el: Element, teasers: Map<Element, boolean>): boolean {
  const parent = el.parent;
  if (!parent || parent.type !== 'tag') return false;
  let known = teasers.get(parent as Element);
  if (known === undefined) {
    known = (parent as Element).children.some(
      (c) => c.type === 'tag' && (c as Element).name === 'a' && (index.stats.get(c as Element)?.text ?? 0) >= TEASER_LINK_TEXT,
    );
    teasers.set(parent as Element, known);
  }
  return known;
}

/** Class/id of a `<time>` element flagged as the publication's. */
const PUBLICATION_TIME_CLASS = /published|entry-date|pubdate|post-date|date-published/i;

/** The `<time>` element that marks the publication: flagged ones first, then the nearest after the headline. */
function timeElementDate(md: PageMetadata, index: PageIndex, ctx: DateContext, wantModified: boolean, h1: number): string | null {
  let nearest: { d: string; distance: number } | null = null;
  const isFlagged = (el: Element): boolean => el.attribs.pubdate !== undefined || PUBLICATION_TIME_CLASS.test(classAndId(el));
  // A flag on every item of a list (related stories, comments) marks a template, not the article's date.
  const flags = md.times.length > 1 && md.times.filter(isFlagged).length > 1 ? 'ignored' : 'read';
  // The headline's own header box, when it is an "unlikely" one, holds the article's date.
  const scope: [number, number] = h1 >= 0 && md.times.length > 0 ? unlikelyScope(index, h1) : [-1, -1];
  const teasers = new Map<Element, boolean>();
  for (const el of md.times) {
    const st = index.stats.get(el);
    if (!st || st.excluded || inQuote(el) || datesTeaser(index, el, teasers)) continue;
    const ci = classAndId(el);
    const flagged = flags === 'read' && isFlagged(el);
    // In headers, sidebars and comment threads only a flagged <time> is the article's.
    if (st.unlikely && !flagged && !(st.order > scope[0] && st.order < scope[1]) && !(h1 >= 0 && Math.abs(st.order - h1) <= TIME_BESIDE_HEADLINE)) continue;
    const updated = /updated|modified/i.test(ci);
    if (updated !== wantModified && (flagged || updated)) continue;
    const d = elementDate(el, ctx);
    if (!d) continue;
    if (flagged && !wantModified) return d;
    if (wantModified) {
      if (updated) return d;
      continue;
    }
    const distance = h1 < 0 ? st.order : st.order >= h1 ? st.order - h1 : (h1 - st.order) * 3;
    if (!nearest || distance < nearest.distance) nearest = { d, distance };
  }
  return nearest?.d ?? null;
}

/** Where {@link printedDate} looks, and what it accepts. */
export type PrintedMode = 'classed' | 'labelled' | 'any' | 'anywhere';

/**
 * A date printed near the headline ("Published: Sunday, May 19, 2024").
 * `classed`: in a date-like element; `labelled`: in a text block that names
 * the publication ("Erstellt am", "Posted"); `any`: in any short text block;
 * `anywhere`: the same, across the whole page and in sidebars too. Elements
 * are read outward from the headline (after it first, before it at a third of
 * the pace), so the first date found is the nearest and the walk stops there.
 */
export function printedDate(index: PageIndex, ctx: DateContext, h1: number, mode: PrintedMode): string | null {
  const anywhere = mode === 'anywhere';
  const { elements } = index;
  // Element positions are their document order (see PageIndex.elements).
  const at = h1 < 0 || h1 >= elements.length ? 0 : h1;
  const after = Math.min(elements.length, at + (anywhere ? WIDE_WINDOW : HEADER_WINDOW));
  const before = Math.min(at, anywhere ? WIDE_WINDOW / 3 : 50);
  // A headline inside an "unlikely" container (a header box) shares it with its date line.
  const [scopeStart, scopeEnd] = h1 === at && !anywhere ? unlikelyScope(index, at) : [-1, -1];
  const read = (i: number): string | null => {
    const el = elements[i]!;
    const st = index.stats.get(el)!;
    if (st.excluded || st.text < 6) return null;
    // Beside the headline even an "unlikely" box is read: a layout box named "sidebar" can hold the story's date line.
    if (!anywhere && st.unlikely && !(i > scopeStart && i < scopeEnd) && !(h1 === at && Math.abs(i - at) <= TIME_BESIDE_HEADLINE)) return null;
    if (st.text > MAX_DATE_TEXT) return mode === 'any' && isTextLeaf(el, true) ? leadingDate(textOf(el, { maxChars: LEADING_CHARS * 4 }), ctx) : null;
    if (mode === 'classed') {
      const ci = classAndId(el);
      if (!ci || !DATE_ELEMENT_CLASS.test(ci)) return null;
    } else if (!isTextLeaf(el, mode !== 'labelled')) return null;
    const text = textOf(el);
    if (NOT_PUBLICATION_WORDS.test(text)) return null;
    // A bare date takes its label from the element before it ("<dt>Updated</dt><dd>May 20</dd>").
    const label = PUBLISHED_WORDS.test(text) || UPDATED_WORDS.test(text) ? text : siblingLabel(index, el);
    if (mode === 'labelled' && !PUBLISHED_WORDS.test(label)) return null;
    // Near the headline an "Updated" date is passed over for the publication's; the last resort takes it.
    if (!anywhere && label !== text && UPDATED_WORDS.test(label) && !PUBLISHED_WORDS.test(label)) return null;
    const d = parseTextDate(beforeUpdate(text), ctx, mode === 'classed');
    // The last resort takes a modification date when nothing else dates the page.
    return d ?? (anywhere ? parseTextDate(text, ctx, false) : null);
  };
  // Step k reads the element k after the headline, and every third step one before it.
  for (let k = 0; k < after - at || k < before * 3; k++) {
    if (index.budget.passed()) break;
    if (at + k < after) {
      const d = read(at + k);
      if (d) return d;
    }
    if (k % 3 === 2) {
      const i = at - 1 - Math.floor(k / 3);
      if (i >= at - before && i >= 0) {
        const d = read(i);
        if (d) return d;
      }
    }
  }
  return null;
}

/** Longest text (chars) of an element read as the label of the date after it. */
const MAX_LABEL_TEXT = 40;

/**
 * The text of the element just before `el` when it is short enough to be a
 * label ("Erschienen am:"), else ''. A first child takes its parent's label
 * ("<h4>Updated</h4><ul><li>May 20</li></ul>").
 */
function siblingLabel(index: PageIndex, el: Element): string {
  let prev = previousElement(el);
  if (!prev && el.parent?.type === 'tag') prev = previousElement(el.parent as Element);
  if (!prev) return '';
  const st = index.stats.get(prev as Element);
  if (!st || st.text === 0 || st.text > MAX_LABEL_TEXT) return '';
  // A label is words only: an element with digits is a date line of its own.
  const text = textOf(prev);
  return /\d/.test(text) ? '' : text;
}

/** The element sibling before `el`, skipping blank text; null when text or nothing comes first. */
function previousElement(el: Element): Element | null {
  let prev = el.prev;
  while (prev && prev.type === 'text' && prev.data.trim() === '') prev = prev.prev;
  return prev && prev.type === 'tag' ? (prev as Element) : null;
}

/**
 * Document orders bounding the outermost "unlikely" container (a header or
 * banner box, see {@link ElementStats.unlikely}) that holds the element at
 * `order`: [its own order, the order after its last descendant]; [-1, -1]
 * when the element is not in one. Climbs the ancestors once.
 */
function unlikelyScope(index: PageIndex, order: number): [number, number] {
  let el = index.elements[order]!;
  if (!index.stats.get(el)?.unlikely) return [-1, -1];
  for (let p = el.parent; p && p.type === 'tag'; p = p.parent) {
    if (!index.stats.get(p as Element)?.unlikely) break;
    el = p as Element;
  }
  const start = index.stats.get(el)!.order;
  // The first element after the container's subtree: the next sibling of it or of an ancestor.
  for (let n: AnyNode | null = el; n; n = n.parent) {
    for (let s = n.nextSibling; s; s = s.nextSibling) {
      const st = s.type === 'tag' ? index.stats.get(s as Element) : undefined;
      if (st) return [start, st.order];
    }
  }
  return [start, index.elements.length];
}

/**
 * The part of a date line before its modification stamp: "Written: 2023-11-07 / Updated: 2023-11-08"
 * gives the first date, "Updated May 20" nothing; "Updated May 20, published May 19" the date after its label.
 */
function beforeUpdate(text: string): string {
  const published = PUBLISHED_WORDS.exec(text);
  if (published) return text.slice(published.index);
  const updated = UPDATED_WORDS.exec(text);
  return updated ? text.slice(0, updated.index) : text;
}

/** True when the element holds text directly (not only through child elements); with `digits`, text with a digit. */
function isTextLeaf(el: Element, digits = false): boolean {
  return el.children.some((c) => c.type === 'text' && (digits ? /\d/.test(c.data) : c.data.trim() !== ''));
}

/** Reads every date signal of the page (the printed-date searches are left to {@link extractDates}: they are slow). */
export function dateCandidates(
  md: PageMetadata,
  index: PageIndex,
  pageUrl: string | null,
  ctx: DateContext,
  anchor = headlineOrder(md, index, null),
): DateCandidates {
  const ld = md.ldArticles.length > 0 ? md.ldArticles : md.ld;
  return {
    meta: firstMeta(md, PUBLISHED_META, ctx),
    genericMeta: firstMeta(md, GENERIC_DATE_META, ctx),
    ldPublished: firstLd(ld, 'datePublished', ctx),
    ldCreated: firstLd(ld, 'dateCreated', ctx),
    microdata: firstMicrodata(md, 'datepublished', index, ctx),
    time: timeElementDate(md, index, ctx, false, anchor),
    url: (pageUrl ? dateFromUrl(pageUrl, ctx) : null) ?? (md.canonical ? dateFromUrl(md.canonical, ctx) : null),
    modified:
      firstLd(ld, 'dateModified', ctx) ??
      firstMeta(md, MODIFIED_META, ctx) ??
      firstMicrodata(md, 'datemodified', index, ctx) ??
      timeElementDate(md, index, ctx, true, anchor),
  };
}

/**
 * Resolves the publication and modification dates. The publication date
 * falls back to the modification date only when nothing else dates the page.
 * `headline` (the resolved headline text) finds the heading the printed-date
 * walks start from when the page has no h1 or titles the story elsewhere.
 */
export function extractDates(
  md: PageMetadata,
  index: PageIndex,
  pageUrl: string | null,
  ctx: DateContext,
  headline: string | null = null,
  body: readonly Element[] = [],
): ArticleDates {
  const anchor = articleAnchor(md, index, headline, body);
  const c = dateCandidates(md, index, pageUrl, ctx, anchor);
  let near: string | null | undefined;
  const printed: PrintedDates = {
    near: () => {
      if (near === undefined)
        near = printedDate(index, ctx, anchor, 'classed') ?? printedDate(index, ctx, anchor, 'labelled') ?? printedDate(index, ctx, anchor, 'any');
      return near;
    },
    any: () => printed.near() ?? printedDate(index, ctx, anchor, 'anywhere'),
  };
  return { published: resolvePublished(c, printed), modified: c.modified };
}
