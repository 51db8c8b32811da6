/**
 * Stage 3a: one walk over the parsed page that fills side tables the later
 * stages read in O(1): per-element subtree text length, link-text length and
 * commas; the text blocks (the innermost block elements owning inline text);
 * hidden elements; document order; and an index of the tags metadata needs.
 *
 * Scores and stats live beside the tree (in Maps), never on it.
 */
import { Deadline } from '../limits.js';
import type { AnyNode, Document, Element } from 'domhandler';
import { BLOCK_TAGS, classAndId, isElement, isInvisibleTag, isText } from '../dom/nodes.js';
import { CONSENT_CLASS, MAYBE_CANDIDATE, UNLIKELY_CANDIDATE, UNLIKELY_ROLES, UNLIKELY_TAGS } from './patterns.js';

/** Per-element figures over its visible subtree. */
export interface ElementStats {
  /** Visible text characters (whitespace runs count as one). */
  text: number;
  /** Of which inside links. */
  link: number;
  /** Links (`<a>` elements) in the subtree, the element itself included. */
  links: number;
  /** Commas (Latin, CJK and Arabic). */
  commas: number;
  /** Number of `<p>` descendants. */
  paragraphs: number;
  /** Images (`img`, `amp-img`), list items, form inputs and embeds (iframe, object, embed, video) in the subtree. */
  images: number;
  listItems: number;
  inputs: number;
  embeds: number;
  /** Document order of the element. */
  order: number;
  /**
   * Document order of the last indexed element inside it (its own `order`
   * when it holds none): the indexed elements of its subtree are those
   * ordered from `order + 1` to `end`, so `end - order` counts them and
   * containment is two comparisons.
   */
  end: number;
  /** True when the element or an ancestor looks like a menu, sidebar, comments... (Readability's unlikely candidates). */
  unlikely: boolean;
  /** True when the element or an ancestor is a consent banner or a modal dialog: never article text, in any attempt. */
  excluded: boolean;
}

/** An element that owns inline text directly (a paragraph, a cell, a div of phrasing content). */
export interface TextBlock {
  el: Element;
  /** Characters of its own inline text (not of nested blocks). */
  text: number;
  link: number;
  commas: number;
}

/** The page and its side tables. */
export interface PageIndex {
  document: Document;
  /** The `<body>` element, or null for fragments. */
  body: Element | null;
  /**
   * Elements other stages look up by tag, in document order: what metadata
   * readers need (meta, title, link, script, h1, h2, time, base, html), the
   * page's links (a), its pictures (img, amp-img, figure, and `noscript` image fallbacks), and
   * microdata under {@link ITEMPROP_KEY}.
   */
  byTag: ReadonlyMap<string, Element[]>;
  stats: ReadonlyMap<Element, ElementStats>;
  /**
   * The elements that have {@link stats}, in document order:
   * `elements[stats.get(el).order] === el`. Stages that read a stretch of the
   * page around a position (the headline) index it directly, and walks over
   * every element use it instead of iterating the map (which makes an entry
   * array per element).
   */
  elements: readonly Element[];
  /** Text blocks in document order. */
  blocks: readonly TextBlock[];
  /** Elements hidden by attribute or inline style; their subtrees count as no text. */
  hidden: ReadonlySet<Element>;
  /**
   * The call's time budget: the long walks of the stages that read the index
   * check it and stop when it has run out (see `Deadline`).
   */
  budget: Deadline;
}

/** Tags collected into {@link PageIndex.byTag}. */
const INDEXED_TAGS = new Set(['meta', 'title', 'link', 'script', 'h1', 'h2', 'time', 'base', 'html', 'body', 'noscript', 'img', 'amp-img', 'figure', 'a']);

/**
 * Elements that own the inline text inside them: the block tags, plus `font`,
 * which old table layouts use as the paragraph wrapper of a whole story.
 */
const OWNER_TAGS: ReadonlySet<string> = new Set([...BLOCK_TAGS, 'font']);

const EMBED_TAGS = new Set(['iframe', 'object', 'embed', 'video', 'audio']);

const HIDDEN_STYLE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)/i;

/** True when markup hides the element from readers. */
export function isHidden(el: Element): boolean {
  const a = el.attribs;
  if (a.hidden !== undefined) return true;
  if (a['aria-hidden'] === 'true' && !(a.class ?? '').includes('fallback-image')) return true;
  const style = a.style;
  return style !== undefined && HIDDEN_STYLE.test(style);
}

function isUnlikely(el: Element): boolean {
  if (UNLIKELY_TAGS.has(el.name) || isUnlikelyRole(el)) return true;
  if (el.name === 'body' || el.name === 'a' || el.name === 'article' || el.name === 'main') return false;
  const ci = classAndId(el);
  return ci !== '' && UNLIKELY_CANDIDATE.test(ci) && !MAYBE_CANDIDATE.test(ci);
}

function isExcluded(el: Element): boolean {
  const a = el.attribs;
  if (a['aria-modal'] === 'true' || a.role === 'dialog' || a.role === 'alertdialog') return true;
  const ci = classAndId(el);
  return ci !== '' && CONSENT_CLASS.test(ci);
}

/** Counts characters with whitespace runs as one, and commas. */
function measure(text: string): { chars: number; commas: number } {
  let chars = 0;
  let commas = 0;
  let inSpace = true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 10 || c === 9 || c === 13 || c === 12 || c === 160) {
      if (!inSpace) {
        chars++;
        inSpace = true;
      }
      continue;
    }
    inSpace = false;
    chars++;
    // , ، ， 、
    if (c === 44 || c === 0x060c || c === 0xff0c || c === 0x3001) commas++;
  }
  return { chars, commas };
}

function addTo(byTag: Map<string, Element[]>, key: string, el: Element): void {
  let list = byTag.get(key);
  if (!list) {
    list = [];
    byTag.set(key, list);
  }
  list.push(el);
}

function addToIndex(byTag: Map<string, Element[]>, el: Element): void {
  addTo(byTag, el.name, el);
}

/** Key of {@link PageIndex.byTag} under which elements with an `itemprop` attribute (microdata) are listed. */
export const ITEMPROP_KEY = '[itemprop]';

/** Indexes the metadata tags of an invisible subtree (the `<head>`) without measuring it. */
function indexSubtree(root: Element, byTag: Map<string, Element[]>): void {
  const stack: AnyNode[] = [...root.children];
  stack.reverse();
  while (stack.length) {
    const n = stack.pop()!;
    if (!isElement(n)) continue;
    if (INDEXED_TAGS.has(n.name)) addToIndex(byTag, n);
    if (n.attribs.itemprop !== undefined) addTo(byTag, ITEMPROP_KEY, n);
    for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]!);
  }
}

/**
 * Walks the document once and builds its {@link PageIndex}. Past the
 * `budget`'s deadline the walk stops: the elements not reached have no
 * figures, and the stages after it read them as they read invisible ones.
 */
export function indexPage(document: Document, budget: Deadline = new Deadline(Infinity)): PageIndex {
  const byTag = new Map<string, Element[]>();
  const stats = new Map<Element, ElementStats>();
  const elements: Element[] = [];
  const blockOf = new Map<Element, TextBlock>();
  const blocks: TextBlock[] = [];
  const hidden = new Set<Element>();
  let body: Element | null = null;
  let order = 0;

  // Explicit stack; an entry is a node to enter, or (exit=true) an element to close.
  const nodes: AnyNode[] = [];
  const exits: boolean[] = [];
  // Context stacks, pushed on enter and popped on exit of elements.
  const blockStack: Element[] = [];
  let linkDepth = 0;
  const unlikelyStack: boolean[] = [false];
  const excludedStack: boolean[] = [false];
  // Elements named unlikely by their own class/id under a parent that is not: the wrappers a rescue may clear.
  const unlikelyRoots: Element[] = [];

  for (let i = document.children.length - 1; i >= 0; i--) {
    nodes.push(document.children[i]!);
    exits.push(false);
  }

  while (nodes.length) {
    if (budget.passed()) break;
    const node = nodes.pop()!;
    const exit = exits.pop()!;
    if (isText(node)) {
      const owner = blockStack[blockStack.length - 1];
      if (!owner) continue;
      const { chars, commas } = measure(node.data);
      if (chars === 0 || (chars === 1 && node.data.trim() === '')) continue;
      let block = blockOf.get(owner);
      if (!block) {
        block = { el: owner, text: 0, link: 0, commas: 0 };
        blockOf.set(owner, block);
        blocks.push(block);
      }
      block.text += chars;
      block.commas += commas;
      if (linkDepth > 0) block.link += chars;
      const s = stats.get(node.parent as Element)!;
      s.text += chars;
      s.commas += commas;
      if (linkDepth > 0) s.link += chars;
      continue;
    }
    if (!isElement(node)) {
      if (node.type === 'root' || node.type === 'cdata') {
        // Nested documents do not occur in parsed HTML; CDATA holds no visible text in HTML.
      }
      continue;
    }
    const el = node;
    if (exit) {
      // Close: fold this element's figures into its parent's.
      const s = stats.get(el)!;
      s.end = order - 1;
      if (OWNER_TAGS.has(el.name)) blockStack.pop();
      if (el.name === 'a') linkDepth--;
      unlikelyStack.pop();
      excludedStack.pop();
      const parent = el.parent;
      if (parent && isElement(parent)) {
        const ps = stats.get(parent);
        if (ps) {
          ps.text += s.text;
          ps.link += s.link;
          ps.links += s.links;
          ps.commas += s.commas;
          ps.paragraphs += s.paragraphs + (el.name === 'p' ? 1 : 0);
          ps.images += s.images;
          ps.listItems += s.listItems + (el.name === 'li' ? 1 : 0);
          ps.inputs += s.inputs;
          ps.embeds += s.embeds;
        }
      }
      continue;
    }

    const name = el.name;
    if (INDEXED_TAGS.has(name)) {
      addToIndex(byTag, el);
      if (name === 'body' && !body) body = el;
    }
    if (el.attribs.itemprop !== undefined) addTo(byTag, ITEMPROP_KEY, el);
    if (name === 'head') {
      indexSubtree(el, byTag);
      continue;
    }
    if (isInvisibleTag(name) || name === 'br' || name === 'img' || name === 'hr') {
      const ps = el.parent && isElement(el.parent) ? stats.get(el.parent) : undefined;
      if (ps) {
        if (name === 'img') ps.images++;
        else if (name === 'input' || name === 'textarea' || name === 'select' || name === 'button') ps.inputs++;
        else if (EMBED_TAGS.has(name)) ps.embeds++;
      }
      continue;
    }
    if (isHidden(el)) {
      hidden.add(el);
      continue;
    }
    const inherited = unlikelyStack[unlikelyStack.length - 1]!;
    const unlikely = inherited || isUnlikely(el);
    if (unlikely && !inherited) unlikelyRoots.push(el);
    const excluded = excludedStack[excludedStack.length - 1]! || isExcluded(el);
    stats.set(el, {
      // An AMP image is an element with fallback children, not a void tag: it counts itself.
      text: 0,
      link: 0,
      links: name === 'a' ? 1 : 0,
      commas: 0,
      paragraphs: 0,
      images: name === 'amp-img' ? 1 : 0,
      listItems: 0,
      inputs: 0,
      embeds: 0,
      order,
      end: order,
      unlikely,
      excluded,
    });
    order++;
    elements.push(el);
    unlikelyStack.push(unlikely);
    excludedStack.push(excluded);
    if (OWNER_TAGS.has(name)) blockStack.push(el);
    if (name === 'a') linkDepth++;
    nodes.push(el);
    exits.push(true);
    const kids = el.children;
    for (let i = kids.length - 1; i >= 0; i--) {
      nodes.push(kids[i]!);
      exits.push(false);
    }
  }
  rescueLayoutWrappers(unlikelyRoots, { body, byTag, stats, elements });
  return { document, body, byTag, stats, elements, blocks, hidden, budget };
}

/**
 * A wrapper named unlikely by a layout word ("above-footer", "header-offset")
 * that holds at least this share of the page's text, the headline among it,
 * is the page's frame, not a sidebar or a comment section: Readability's rule
 * would strip the whole article with it on the first attempt.
 */
export const LAYOUT_WRAPPER_SHARE = 0.5;

/** The h1s whose ancestors may be layout wrappers (pages print one or two; a bound for pages that print thousands). */
const MAX_HEADINGS_LOOKED_AT = 10;

/**
 * Clears the unlikely flag of the layout wrappers among `roots` (the
 * elements unlikely by their own name) and re-derives it below them. Only
 * class/id names are overruled: `nav`, `aside`, `footer` and unlikely roles say
 * what an element is.
 */
function rescueLayoutWrappers(roots: readonly Element[], index: Pick<PageIndex, 'body' | 'byTag' | 'stats' | 'elements'>): void {
  const { body, stats, elements } = index;
  const pageText = body ? (stats.get(body)?.text ?? 0) : 0;
  // The ancestors of the page's first visible h1s, gathered once: each test below is then a lookup.
  const headingAncestors = new Set<Element>();
  for (const h of (index.byTag.get('h1') ?? []).filter((el) => stats.has(el)).slice(0, MAX_HEADINGS_LOOKED_AT)) {
    for (let p: Element | null = h; p && !headingAncestors.has(p); p = p.parent && isElement(p.parent) ? p.parent : null) headingAncestors.add(p);
  }
  if (pageText === 0 || headingAncestors.size === 0) return;
  const isLayoutWrapper = (el: Element): boolean =>
    stats.get(el)!.text >= LAYOUT_WRAPPER_SHARE * pageText && !UNLIKELY_TAGS.has(el.name) && !isUnlikelyRole(el) && headingAncestors.has(el);
  for (const root of roots) {
    if (!isLayoutWrapper(root)) continue;
    // Re-derive the flag below it, in document order (a parent's flag is final before its children's).
    stats.get(root)!.unlikely = false;
    const inside = new Set<Element>([root]);
    for (let o = stats.get(root)!.order + 1; o < elements.length; o++) {
      const el = elements[o]!;
      const parent = el.parent as Element;
      if (!inside.has(parent)) break; // past the subtree: document order does not come back to it
      inside.add(el);
      const st = stats.get(el)!;
      st.unlikely = stats.get(parent)!.unlikely || (isUnlikely(el) && !isLayoutWrapper(el));
    }
    // At most one wrapper holds half of the page's text and the headline at each level; the inner ones were judged above.
    break;
  }
}

function isUnlikelyRole(el: Element): boolean {
  const role = el.attribs.role;
  return role !== undefined && UNLIKELY_ROLES.has(role);
}
