/**
 * Block-level tests shared by the region cleaner (`clean.ts`) and the account
 * of the page around the region (`surroundings.ts`): the boilerplate kind a
 * block's markup names, whether a block is a bare wrapper, a label or a
 * container of blocks, and the summary text a boilerplate record carries.
 */
import type { Element } from 'domhandler';
import { BLOCK_TAGS, classAndId, isElement, isText, textOf } from '../dom/nodes.js';
import type { BoilerplateKind } from '../types.js';
import { own } from '../own.js';
import type { PageIndex } from './features.js';
import {
  AREA_CLASS_ANY,
  AREA_CLASS_TOKENS,
  AREA_ROLES,
  AREA_TAGS,
  BOILERPLATE_CLASS_ANY,
  BOILERPLATE_CLASS_TOKENS,
  BOILERPLATE_ROLES,
  BOILERPLATE_TAGS,
  MENU_LINK_CHARS,
} from './patterns.js';
import { MAX_LABEL_CHARS, isCookieNotice, labelKind } from './vocabulary.js';

/**
 * Longest text (chars) a boilerplate record keeps: the record says which
 * block it is, it is not a copy (a site footer can hold thousands of words).
 */
export const MAX_SUMMARY_CHARS = 300;

/**
 * The text of a boilerplate record: the block's text, cut at a word after
 * {@link MAX_SUMMARY_CHARS} characters with "…". Reading stops soon after the
 * cap, so the cost follows the summary, not the size of the block.
 */
export function summary(el: Element): string {
  const text = textOf(el, { maxChars: MAX_SUMMARY_CHARS * 2 });
  if (text.length <= MAX_SUMMARY_CHARS) return text;
  const cut = text.lastIndexOf(' ', MAX_SUMMARY_CHARS);
  return `${text.slice(0, cut > MAX_SUMMARY_CHARS / 2 ? cut : MAX_SUMMARY_CHARS)}…`;
}

/** What an element's markup says it is, and which part of the markup said so. */
export interface MarkupKind {
  kind: BoilerplateKind;
  source: 'tag' | 'role' | 'class';
}

/**
 * The boilerplate kind an element's tag, ARIA role or class/id names, or
 * null. The first of the three that names a specific kind wins; `other`
 * (an `<aside>`, a `role=dialog`, a "widget") gives way to a class that says
 * more (`<div role="dialog" class="cookie-notice">` is a cookie banner).
 */
export function markupKind(el: Element, ci: string = classAndId(el)): MarkupKind | null {
  let generic: MarkupKind | null = null;
  const byTag = own(BOILERPLATE_TAGS, el.name);
  if (byTag) {
    if (byTag !== 'other') return { kind: byTag, source: 'tag' };
    generic = { kind: byTag, source: 'tag' };
  }
  const role = el.attribs.role;
  if (role) {
    const byRole = own(BOILERPLATE_ROLES, role);
    if (byRole && byRole !== 'other') return { kind: byRole, source: 'role' };
    if (byRole && !generic) generic = { kind: byRole, source: 'role' };
  }
  if (ci && BOILERPLATE_CLASS_ANY.test(ci)) {
    for (const [kind, re] of BOILERPLATE_CLASS_TOKENS) {
      if (!re.test(ci)) continue;
      if (kind !== 'other' || !generic) return { kind, source: 'class' };
      break;
    }
  }
  return generic;
}

/**
 * The area kind of a block whose markup makes it a page area (a sidebar, a
 * site header: see {@link areaKind}), or null. The area wins over markup that
 * says nothing more (`other`) or that is the area's own tag or role
 * (`<aside>`, `role=complementary`); a block tag of its own (`<nav>`,
 * `<footer>`) or a specific class ("header-menu", "sidebar-newsletter") wins
 * over the area.
 *
 * @param m - the element's {@link markupKind}
 */
export function areaOfBlock(el: Element, m: MarkupKind | null, ci: string = classAndId(el)): BoilerplateKind | null {
  const area = canBeArea(el) ? areaKind(el, ci) : null;
  if (!area) return null;
  if (!m || m.kind === 'other') return area;
  if (m.source === 'role' && own(AREA_ROLES, el.attribs.role ?? '') !== undefined) return area;
  if (m.source === 'tag' && own(AREA_TAGS, el.name) !== undefined) return area;
  return null;
}

/** Elements that can be areas: containers of blocks, not a heading or a line that happens to be classed "header". */
export function canBeArea(el: Element): boolean {
  return el.name === 'aside' || el.name === 'header' || (BLOCK_TAGS.has(el.name) && !/^(?:h[1-6]|p|li|dt|dd)$/.test(el.name) && hasChildBlocks(el));
}

/** Levels searched for the label a block opens with. */
const OPENING_LABEL_LEVELS = 6;

/**
 * The kind named by the label a block opens with ("Te puede interesar",
 * "Popular", "Recibe nuestro boletín"): the first text of the block, when it
 * is a short label. Null when the block opens with something else.
 */
export function openingLabelKind(el: Element, index: PageIndex): BoilerplateKind | null {
  let cur = el;
  for (let level = 0; level < OPENING_LABEL_LEVELS; level++) {
    let first: Element | null = null;
    for (const c of cur.children) {
      if (isText(c) && c.data.trim() !== '') return cur === el ? null : labelOf(cur);
      if (isElement(c) && (index.stats.get(c)?.text ?? 0) > 0) {
        first = c;
        break;
      }
    }
    if (!first) return null;
    // A short block that holds blocks of its own (a label and a short list) is looked into, not read whole.
    // A link is an item of the box, not its label ("Subscribe" at the head of a bar of account links).
    if (index.stats.get(first)!.text <= MAX_LABEL_CHARS && !hasChildBlocks(first))
      return isLabelElement(first) && first.name !== 'a' ? labelKind(textOf(first)) : null;
    cur = first;
  }
  return null;
}

function labelOf(el: Element): BoilerplateKind | null {
  return labelKind(textOf(el));
}

/**
 * A more telling kind for a block named only `other` (an `<aside>`, a dialog,
 * a widget, a container the conditional rules removed): the label it opens
 * with, or `cookie` for a consent notice. Null when nothing says more.
 *
 * @param text - the block's summary text (its first words)
 */
export function refineOther(el: Element, index: PageIndex, text: string): BoilerplateKind | null {
  const label = openingLabelKind(el, index);
  if (label) return label;
  if (isCookieNotice(text)) return 'cookie';
  // Mostly links: a menu (short links) or a list of other articles (headline-long links).
  const st = index.stats.get(el);
  if (st && st.links >= MIN_LIST_LINKS && st.link / Math.max(st.text, 1) > LIST_LINK_DENSITY) {
    return st.link / st.links < MENU_LINK_CHARS ? 'navigation' : 'related';
  }
  return null;
}

/** Links a block named `other` needs to be called a menu or a list of articles. */
const MIN_LIST_LINKS = 3;
/** Share of a block's text in links for it to be a list of links. */
const LIST_LINK_DENSITY = 0.6;

/**
 * The kind a removed block is recorded with: a block named only `other` is
 * refined ({@link refineOther}); a "footer" box that opens with a newsletter
 * call ("Sign up to First Edition") is a newsletter box.
 */
export function recordedKind(kind: BoilerplateKind, el: Element, index: PageIndex, text: string): BoilerplateKind {
  if (kind === 'other') return refineOther(el, index, text) ?? kind;
  if (kind === 'footer' && openingLabelKind(el, index) === 'newsletter') return 'newsletter';
  return kind;
}

/** The boilerplate kind an element's tag, ARIA role or class/id names, or null. */
export function kindFromMarkup(el: Element): BoilerplateKind | null {
  return markupKind(el)?.kind ?? null;
}

/**
 * The kind of page area an element is (a sidebar, a site header: see
 * {@link AREA_TAGS}), or null. Callers let a class that names a kind of its
 * own ("header-menu", "sidebar-newsletter") win over the area.
 */
export function areaKind(el: Element, ci: string = classAndId(el)): BoilerplateKind | null {
  const role = el.attribs.role;
  const byRole = role ? own(AREA_ROLES, role) : undefined;
  if (byRole) return byRole;
  const byTag = own(AREA_TAGS, el.name);
  if (byTag) return byTag;
  if (ci && AREA_CLASS_ANY.test(ci)) {
    for (const [kind, re] of AREA_CLASS_TOKENS) if (re.test(ci)) return kind;
  }
  return null;
}

/**
 * Kinds whose markup names are trusted even on long prose (comment threads, cookie notices). Not
 * `paywall`: a container a CMS names after its paywall ("paywall-container") holds the article's
 * own text when the page carries it; the prompt to subscribe is short and is still removed.
 */
const TRUSTED_KINDS: ReadonlySet<BoilerplateKind> = new Set(['comments', 'newsletter', 'cookie', 'footer']);
/** Prose this long and this free of links outweighs a weak class name ("toc-section", "post-share-wrapper"). */
const PROSE_CHARS = 500;
const PROSE_LINK_DENSITY = 0.25;

/** True when a block named `kind` by a weak class name holds article prose instead. */
export function looksLikeProse(kind: BoilerplateKind, st: { text: number; link: number; paragraphs: number }): boolean {
  if (TRUSTED_KINDS.has(kind)) return false;
  return st.text > PROSE_CHARS && st.link / st.text < PROSE_LINK_DENSITY && st.paragraphs >= 2;
}

/** True when `el` holds nothing but one element child carrying all of its text. */
export function isWrapper(el: Element, text: number, index: PageIndex): boolean {
  let only: Element | null = null;
  for (const c of el.children) {
    if (isElement(c)) {
      if (only || !index.stats.has(c)) {
        if (index.stats.has(c)) return false;
        continue;
      }
      only = c;
    } else if (isText(c) && c.data.trim() !== '') return false;
  }
  return only !== null && (index.stats.get(only)?.text ?? -1) === text;
}

/** Elements whose whole text can be a label: headings, short blocks and inline wrappers. */
export function isLabelElement(el: Element): boolean {
  return /^h[1-6]$/.test(el.name) || BLOCK_TAGS.has(el.name) || el.name === 'span' || el.name === 'strong' || el.name === 'b' || el.name === 'a';
}

/** True when `el` has a block-level element child. */
export function hasChildBlocks(el: Element): boolean {
  return el.children.some((c) => isElement(c) && BLOCK_TAGS.has(c.name));
}
