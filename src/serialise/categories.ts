/**
 * How the serialiser's walk treats each element: its category (dropped,
 * inline, a block of some kind, a table part...), the block kinds of the
 * intermediate tree, and the structural parents and implicit children the
 * walk repairs. Built from the allowlist's tag lists.
 */
import type { Element } from 'domhandler';
import { ALLOWED_INLINE_TAGS, DROPPED_TAGS, TAG_ALIASES, UNWRAPPED_BLOCK_TAGS, UNWRAPPED_INLINE_TAGS } from './allowlist.js';
import { own } from '../own.js';

/** How an element is handled by the walk. */
export const enum Cat {
  Drop,
  Noscript,
  Inline,
  Anchor,
  Transparent,
  Boundary,
  Br,
  Img,
  Hr,
  Para,
  Heading,
  Pre,
  Quote,
  List,
  Li,
  Dl,
  DtDd,
  Table,
  Section,
  Row,
  Cell,
  TableCaption,
  Figure,
  Figcaption,
}

/** How a block frame holds content. */
export const enum Kind {
  /** Blocks and paragraphs (root, blockquote): inline content becomes `p`. */
  Flow,
  /** Blocks and runs (li, td, figure, ...): inline content becomes a bare run. */
  Tight,
  /** Inline content only (p, h2–h6, pre): the frame's element is the run. */
  Inline,
  /** Structure only (ul, ol, dl, table parts): content needs an implicit child. */
  Struct,
}

const CATEGORY = new Map<string, Cat>();
for (const tag of DROPPED_TAGS) CATEGORY.set(tag, Cat.Drop);
CATEGORY.set('noscript', Cat.Noscript);
for (const tag of ALLOWED_INLINE_TAGS) CATEGORY.set(tag, Cat.Inline); // a, br and img are set apart below
for (const tag of UNWRAPPED_INLINE_TAGS) CATEGORY.set(tag, Cat.Transparent);
for (const tag of UNWRAPPED_BLOCK_TAGS) CATEGORY.set(tag, Cat.Boundary);
const STRUCTURE: Array<[string, Cat]> = [
  ['a', Cat.Anchor],
  ['br', Cat.Br],
  ['img', Cat.Img],
  ['hr', Cat.Hr],
  ['p', Cat.Para],
  ['h2', Cat.Heading],
  ['h3', Cat.Heading],
  ['h4', Cat.Heading],
  ['h5', Cat.Heading],
  ['h6', Cat.Heading],
  ['pre', Cat.Pre],
  ['blockquote', Cat.Quote],
  ['ul', Cat.List],
  ['ol', Cat.List],
  ['li', Cat.Li],
  ['dl', Cat.Dl],
  ['dt', Cat.DtDd],
  ['dd', Cat.DtDd],
  ['table', Cat.Table],
  ['thead', Cat.Section],
  ['tbody', Cat.Section],
  ['tfoot', Cat.Section],
  ['tr', Cat.Row],
  ['td', Cat.Cell],
  ['th', Cat.Cell],
  ['caption', Cat.TableCaption],
  ['figure', Cat.Figure],
  ['figcaption', Cat.Figcaption],
];
for (const [tag, cat] of STRUCTURE) CATEGORY.set(tag, cat);
for (const [from, to] of Object.entries(TAG_ALIASES)) CATEGORY.set(from, CATEGORY.get(to)!);

/** Categories of elements that start a new block: an unknown element holding one of these is a block wrapper. */
export const BLOCK_CATS: ReadonlySet<Cat> = new Set([
  Cat.Boundary,
  Cat.Hr,
  Cat.Para,
  Cat.Heading,
  Cat.Pre,
  Cat.Quote,
  Cat.List,
  Cat.Li,
  Cat.Dl,
  Cat.DtDd,
  Cat.Table,
  Cat.Section,
  Cat.Row,
  Cat.Cell,
  Cat.TableCaption,
  Cat.Figure,
  Cat.Figcaption,
]);

/** Categories that may be turned into a figure caption by a caption/credit class name. */
export const CAPTIONABLE_CATS: ReadonlySet<Cat> = new Set([Cat.Boundary, Cat.Transparent, Cat.Inline, Cat.Anchor, Cat.Para, Cat.Heading, Cat.Quote]);

/** Structural children and the parents they need. */
export const STRUCT_PARENTS: Readonly<Record<string, readonly string[]>> = {
  li: ['ul', 'ol'],
  dt: ['dl'],
  dd: ['dl'],
  tr: ['table', 'thead', 'tbody', 'tfoot'],
  td: ['tr'],
  th: ['tr'],
  thead: ['table'],
  tbody: ['table'],
  tfoot: ['table'],
  caption: ['table'],
};

/** The child a structural container gets when content arrives outside a proper child. */
export const IMPLICIT_CHILD: Readonly<Record<string, string>> = {
  ul: 'li',
  ol: 'li',
  dl: 'dd',
  table: 'tr',
  thead: 'tr',
  tbody: 'tr',
  tfoot: 'tr',
  tr: 'td',
};

export function nameOf(el: Element): string {
  return el.name;
}

export function categoryOf(name: string): Cat | undefined {
  return CATEGORY.get(name) ?? CATEGORY.get(name.toLowerCase());
}

export function outputTag(name: string): string {
  const lower = name.toLowerCase();
  return own(TAG_ALIASES, lower) ?? lower;
}

/** An element we do not know is a block wrapper if it directly holds a block element, else an inline wrapper. */
export function unknownCategory(el: Element): Cat {
  for (const child of el.children) {
    if (child.type !== 'tag') continue;
    const cat = categoryOf(nameOf(child as Element));
    if (cat !== undefined && BLOCK_CATS.has(cat)) return Cat.Boundary;
  }
  return Cat.Transparent;
}
