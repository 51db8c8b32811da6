/**
 * Small, allocation-light helpers over domhandler nodes (the tree cheerio and
 * htmlparser2 share). Every walk here is iterative: a page of 100,000 nested
 * elements must not overflow the call stack.
 */
import type { AnyNode, Element, ParentNode, Text } from 'domhandler';
import { UNCOLLAPSED_RUN } from './spaces.js';

/** True for element nodes (tags, script and style). */
export function isElement(node: AnyNode | null | undefined): node is Element {
  return node != null && (node.type === 'tag' || node.type === 'script' || node.type === 'style');
}

/** True for text nodes. */
export function isText(node: AnyNode | null | undefined): node is Text {
  return node != null && node.type === 'text';
}

/** The attribute's value, or null when absent. */
export function attr(el: Element, name: string): string | null {
  const v = el.attribs[name];
  return v === undefined ? null : v;
}

/** Class and id of an element, lower-cased and joined: what the pattern tables are matched against. */
export function classAndId(el: Element): string {
  const c = el.attribs.class;
  const i = el.attribs.id;
  if (c === undefined && i === undefined) return '';
  return `${c ?? ''} ${i ?? ''}`.toLowerCase();
}

/** Collapses runs of whitespace (including NBSP) to one space and trims. */
export function collapse(text: string): string {
  // Most text nodes need nothing: one test, no new string (collapse runs on every text read).
  if (!NEEDS_COLLAPSE.test(text)) return text;
  return text.replace(UNCOLLAPSED_RUN, ' ').trim();
}

/**
 * True when `collapse` would change the text: a whitespace character other
 * than the plain space (the \s set spelled out, plus U+200B), two spaces in a
 * row, or a space at either end.
 */
const NEEDS_COLLAPSE = /[\t-\r\u00a0\u1680\u2000-\u200b\u2028\u2029\u202f\u205f\u3000\ufeff]| {2}|^ | $/;

/** Element children of a parent, in order. */
export function childElements(parent: ParentNode): Element[] {
  const out: Element[] = [];
  for (const c of parent.children) if (isElement(c)) out.push(c);
  return out;
}

/**
 * Tags whose content is never visible text, or never article text: ruby
 * annotations (`rt`, `rtc`, `rp`: the readings printed above Japanese or
 * Chinese characters) are a reading aid; read inline they would split every
 * word ("子こども").
 */
const INVISIBLE_TAGS = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'head',
  'title',
  'meta',
  'link',
  'iframe',
  'object',
  'embed',
  'svg',
  'math',
  'canvas',
  'select',
  'option',
  'textarea',
  'button',
  'input',
  'audio',
  'video',
  'source',
  'track',
  'map',
  'rt',
  'rtc',
  'rp',
]);

/** True for tags whose content is never visible article text. */
export function isInvisibleTag(name: string): boolean {
  return INVISIBLE_TAGS.has(name);
}

/** What {@link textOf} leaves out and where it stops. */
export interface TextOfOptions {
  /** Nodes left out with their subtrees. */
  skip?: ReadonlySet<AnyNode> | undefined;
  /** A space at every element boundary, not only at blocks (labels: "Jane Doe<span>Staff Writer</span>"). */
  spaceEveryElement?: boolean;
  /** Stop once this many characters are gathered (the text is then a prefix). */
  maxChars?: number;
}

/**
 * The visible text of a subtree, whitespace-collapsed, skipping invisible
 * tags and anything in `skip`. Blocks are separated by a space; with
 * `spaceEveryElement`, every element boundary is (for labels such as bylines,
 * where "Jane Doe<span>Staff Writer</span>" must not glue). Use for short
 * elements (titles, labels) only.
 *
 * `maxChars` stops the walk once that many characters are gathered (the text
 * is then a prefix): callers that read the text of many, possibly nested
 * elements (every `h1` of a page) would otherwise gather the text of a huge
 * subtree once per nesting level.
 */
export function textOf(root: AnyNode, options: TextOfOptions = {}): string {
  const { skip, spaceEveryElement = false, maxChars = Infinity } = options;
  // Fast path for the commonest case, an element holding one text node (a link, a label, a
  // paragraph without markup): the same result without the walk's arrays.
  if (isElement(root) && root.children.length === 1) {
    const only = root.children[0]!;
    if (isText(only) && !skip?.has(root) && !skip?.has(only)) return collapse(only.data);
  }
  const parts: string[] = [];
  // One cursor per level: the next node to visit there, and whether the level's
  // element is followed by a space. Children are entered one at a time, so
  // stopping at `maxChars` costs only what was visited, even under an element
  // with a hundred thousand children.
  const cursors: Array<AnyNode | null> = [root];
  const spaceAfter: boolean[] = [false];
  let gathered = 0;
  while (cursors.length && gathered < maxChars) {
    const top = cursors.length - 1;
    const node = cursors[top];
    if (!node) {
      cursors.pop();
      if (spaceAfter.pop()) parts.push(' ');
      continue;
    }
    cursors[top] = node === root ? null : node.next;
    if (skip?.has(node)) continue;
    if (isText(node)) {
      parts.push(node.data);
      gathered += node.data.length;
    } else if (isElement(node)) {
      if (node !== root && isInvisibleTag(node.name)) continue;
      if (node.name === 'br') parts.push(' ');
      const spaced = spaceEveryElement || BLOCK_TAGS.has(node.name);
      if (spaced) parts.push(' ');
      cursors.push(node.children[0] ?? null);
      spaceAfter.push(spaced);
    } else if (node.type === 'root') {
      cursors.push(node.children[0] ?? null);
      spaceAfter.push(false);
    }
  }
  return collapse(parts.join(''));
}

/** Elements that start a new block of text. */
export const BLOCK_TAGS: ReadonlySet<string> = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'center',
  'dd',
  'details',
  'dialog',
  'dir',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'frameset',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'hr',
  'html',
  'li',
  'main',
  'menu',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
  'caption',
  'amp-carousel',
  'picture',
]);

/**
 * True when some element inside `root` (not `root` itself) passes `test`,
 * looking at no more than `limit` nodes, so that "does this box hold a
 * figure, a table?" costs little on a box of any size. The subtree of an
 * element `enter` refuses is not searched (the element itself is tested).
 * Iterative; the order is not document order (last children first), which
 * only matters once the limit cuts the search short.
 */
export function someInSubtree(root: Element, test: (el: Element) => boolean, limit: number, enter?: (el: Element) => boolean): boolean {
  const stack: AnyNode[] = [...root.children];
  let budget = limit;
  while (stack.length && budget-- > 0) {
    const n = stack.pop()!;
    if (!isElement(n)) continue;
    if (test(n)) return true;
    if (enter && !enter(n)) continue;
    for (const c of n.children) stack.push(c);
  }
  return false;
}

/** Ancestors of a node from its parent upwards (elements only). */
export function ancestors(node: AnyNode): Element[] {
  const out: Element[] = [];
  let p = node.parent;
  while (p && isElement(p)) {
    out.push(p);
    p = p.parent;
  }
  return out;
}

/** True when `node` is `anc` or lies inside it. */
export function isInside(node: AnyNode, anc: AnyNode): boolean {
  let p: AnyNode | null = node;
  while (p) {
    if (p === anc) return true;
    p = p.parent;
  }
  return false;
}

/** True when `node` lies inside `anc` (and is not `anc` itself). */
export function isStrictlyInside(node: AnyNode, anc: AnyNode): boolean {
  return node !== anc && isInside(node, anc);
}

/** True when `node` or one of its ancestors is in `set`. */
export function isInsideAnyOf(node: AnyNode, set: ReadonlySet<AnyNode>): boolean {
  if (set.size === 0) return false;
  for (let p: AnyNode | null = node; p; p = p.parent) if (set.has(p)) return true;
  return false;
}

/** All descendant elements of `root` in document order (iterative). */
export function descendants(root: ParentNode): Element[] {
  const out: Element[] = [];
  const stack: AnyNode[] = [];
  for (let i = root.children.length - 1; i >= 0; i--) stack.push(root.children[i]!);
  while (stack.length) {
    const node = stack.pop()!;
    if (!isElement(node)) continue;
    out.push(node);
    const kids = node.children;
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
  }
  return out;
}
