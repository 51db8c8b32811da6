/**
 * The DOM walk: turns the caller's domhandler nodes into the clean
 * intermediate tree of `ir.ts`, in one iterative pass (an explicit stack, so
 * 100,000 nested `div`s are fine) without touching the caller's tree.
 *
 * The walk is event-driven, like an HTML tree builder: each element's category
 * (`categories.ts`) says whether it opens a block frame, an inline formatting
 * entry, or is content (text, an image, a line break), and the writer
 * (`ir-writer.ts`) places what it is told where the current state says.
 *
 * @packageDocumentation
 */

import type { AnyNode, Element } from 'domhandler';
import type { Deadline } from '../limits.js';
import { CAPTION_CLASS_PATTERN } from './allowlist.js';
import { neighbourHasImage, noscriptImages, resolveImage, type ResolvedImage } from './images.js';
import type { IRElement } from './ir.js';
import { sanitiseUrl } from './urls.js';
import { CAPTIONABLE_CATS, Cat, categoryOf, Kind, nameOf, outputTag, unknownCategory } from './categories.js';
import { IRWriter } from './ir-writer.js';

/** Bound on the nodes searched to see whether a caption candidate holds an image. */
const CAPTION_IMAGE_SEARCH_LIMIT = 256;

const enum Exit {
  None,
  Inline,
  Boundary,
  Block,
  BlockAndInline,
}

interface WalkFrame {
  kids: readonly AnyNode[];
  i: number;
  exit: Exit;
  depth: number;
  roots: boolean;
}

function isElementNode(node: AnyNode): node is Element {
  return node.type === 'tag' || node.type === 'script' || node.type === 'style';
}

/** A table used for layout rather than data: presentation role, a single cell, or a table nested in a cell. */
function isLayoutTable(table: Element): boolean {
  const role = table.attribs.role?.toLowerCase();
  if (role === 'presentation' || role === 'none') return true;
  let cells = 0;
  const rows: Element[] = [];
  for (const child of table.children) {
    if (!isElementNode(child)) continue;
    const cat = categoryOf(child.name);
    if (cat === Cat.Row) rows.push(child);
    else if (cat === Cat.Section) for (const r of child.children) if (isElementNode(r) && categoryOf(r.name) === Cat.Row) rows.push(r);
  }
  for (const row of rows) {
    for (const cell of row.children) {
      if (!isElementNode(cell) || categoryOf(cell.name) !== Cat.Cell) continue;
      cells++;
      for (const inner of cell.children) if (isElementNode(inner) && categoryOf(inner.name) === Cat.Table) return true;
    }
  }
  return cells <= 1;
}

/** True when the element holds an image (bounded search; "too big to tell" counts as yes). */
function holdsImage(el: Element): boolean {
  const stack: AnyNode[] = [...el.children];
  let budget = CAPTION_IMAGE_SEARCH_LIMIT;
  while (stack.length > 0) {
    if (budget-- <= 0) return true;
    const node = stack.pop()!;
    if (!isElementNode(node)) continue;
    const cat = categoryOf(node.name);
    if (cat === Cat.Img || cat === Cat.Figure) return true;
    if (node.name.toLowerCase() === 'picture') return true;
    for (const child of node.children) stack.push(child);
  }
  return false;
}

const INTEGER = /^\s*(-?\d{1,9})\s*$/;
const SPAN = /^\s*(\d{1,4})\s*$/;
const COLLAPSE = /[\s\u00a0]+/g;

function cleanAttrText(value: string | undefined): string | null {
  if (value === undefined) return null;
  const text = value.replace(COLLAPSE, ' ').trim();
  return text === '' ? null : text;
}

/** Attributes of an inline element (`abbr[title]`, `time[datetime]`). */
function inlineAttrs(tag: string, el: Element): string[] | null {
  if (tag === 'abbr') {
    const title = cleanAttrText(el.attribs.title);
    return title === null ? null : ['title', title];
  }
  if (tag === 'time') {
    const datetime = cleanAttrText(el.attribs.datetime);
    return datetime === null ? null : ['datetime', datetime];
  }
  return null;
}

function cellAttrs(el: Element): string[] | null {
  let attrs: string[] | null = null;
  for (const name of ['colspan', 'rowspan']) {
    const m = SPAN.exec(el.attribs[name] ?? '');
    const n = m ? Number(m[1]) : 1;
    if (n > 1 && n <= 1000) {
      attrs ??= [];
      attrs.push(name, String(n));
    }
  }
  return attrs;
}

function listAttrs(tag: string, el: Element): string[] | null {
  if (tag !== 'ol') return null;
  const m = INTEGER.exec(el.attribs.start ?? '');
  return m && Number(m[1]) !== 1 ? ['start', String(Number(m[1]))] : null;
}

/**
 * Walks `roots` (read-only) and returns the intermediate tree.
 *
 * @param roots - the article's content nodes, in document order
 * @param base - the parsed base URL, or `null` to leave relative URLs alone
 * @param skip - nodes to leave out together with their descendants
 * @param extra - elements to write as figures (caption boxes such as `div.wp-caption`), and image
 *   sources already resolved against the same base URL (shared with the images field)
 */
export function buildIR(
  roots: readonly AnyNode[],
  base: URL | null,
  skip: ReadonlySet<AnyNode> | undefined,
  extra: { figures?: ReadonlySet<AnyNode>; imageCache?: Map<Element, ResolvedImage | null>; budget?: Deadline } = {},
): IRElement {
  const b = new IRWriter();
  const figures = extra.figures;
  const imageCache = extra.imageCache ?? new Map<Element, ResolvedImage | null>();
  const noscriptSources = new Set<string>();
  const emittedSources = new Set<string>();
  const skipSet = skip && skip.size > 0 ? skip : null;

  const image = (el: Element): ResolvedImage | null => {
    let resolved = imageCache.get(el);
    if (resolved === undefined) {
      resolved = resolveImage(el, base);
      imageCache.set(el, resolved);
    }
    return resolved;
  };

  const stack: WalkFrame[] = [];
  let frame: WalkFrame = { kids: roots, i: 0, exit: Exit.None, depth: 0, roots: true };

  /** Handles an element; returns the frame to descend into, or null. */
  const enter = (el: Element): WalkFrame | null => {
    const name = nameOf(el);
    let cat = figures !== undefined && figures.has(el) ? Cat.Figure : categoryOf(name);
    if (cat === undefined) cat = unknownCategory(el);
    if (cat === Cat.Drop) return null;
    const descend = (exit: Exit, depth = 0): WalkFrame => ({ kids: el.children, i: 0, exit, depth, roots: false });
    // Most elements of a page are plain wrappers and inline formatting: handle them before anything else.
    if (cat === Cat.Transparent && !b.inFigure) return { kids: el.children, i: 0, exit: Exit.None, depth: 0, roots: false };

    // Inside a figure, a caption/credit class makes any text element part of the caption.
    if (b.inFigure && !b.inCaption && CAPTIONABLE_CATS.has(cat) && !b.inPre) {
      const cls = el.attribs.class;
      if (cls !== undefined && CAPTION_CLASS_PATTERN.test(cls) && !holdsImage(el)) {
        const depth = b.openCaption();
        if (depth !== -1) {
          if (cat === Cat.Inline || cat === Cat.Anchor) {
            const opened = openInlineElement(el, cat);
            return descend(opened ? Exit.BlockAndInline : Exit.Block, depth);
          }
          return descend(Exit.Block, depth);
        }
      }
    }

    switch (cat) {
      case Cat.Noscript: {
        const fallbacks = noscriptImages(el);
        if (fallbacks.length === 0) return null;
        if (neighbourHasImage(el, base, 'prev') || neighbourHasImage(el, base, 'next')) return null;
        for (const img of fallbacks) {
          const resolved = image(img);
          if (resolved === null || emittedSources.has(resolved.src)) continue;
          emittedSources.add(resolved.src);
          noscriptSources.add(resolved.src);
          b.img(resolved);
        }
        return null;
      }
      case Cat.Img: {
        const resolved = image(el);
        // An image already shown from a <noscript> fallback is not shown twice.
        if (resolved !== null && !noscriptSources.has(resolved.src)) {
          emittedSources.add(resolved.src);
          b.img(resolved);
        }
        return null; // amp-img children are placeholders and fallbacks
      }
      case Cat.Br:
        b.br();
        return null;
      case Cat.Hr:
        b.hr();
        return null;
      case Cat.Transparent:
        return descend(Exit.None);
      case Cat.Inline:
      case Cat.Anchor:
        return descend(openInlineElement(el, cat) ? Exit.Inline : Exit.None);
      case Cat.Boundary:
        b.boundary();
        return descend(Exit.Boundary);
      case Cat.Table:
        if (isLayoutTable(el)) {
          b.boundary();
          return descend(Exit.Boundary);
        }
        return block('table', null, Kind.Struct, descend);
      case Cat.Para:
        return block('p', null, Kind.Inline, descend);
      case Cat.Heading:
      case Cat.Pre:
        return block(outputTag(name), null, Kind.Inline, descend);
      case Cat.Quote:
        return block('blockquote', null, Kind.Flow, descend);
      case Cat.List: {
        const tag = outputTag(name);
        return block(tag, listAttrs(tag, el), Kind.Struct, descend);
      }
      case Cat.Dl:
        return block('dl', null, Kind.Struct, descend);
      case Cat.Section:
      case Cat.Row:
        return block(outputTag(name), null, Kind.Struct, descend);
      case Cat.Li:
      case Cat.DtDd:
      case Cat.TableCaption:
        return block(outputTag(name), null, Kind.Tight, descend);
      case Cat.Cell:
        return block(outputTag(name), cellAttrs(el), Kind.Tight, descend);
      case Cat.Figure:
        return block('figure', null, Kind.Tight, descend);
      case Cat.Figcaption: {
        const depth = b.inCaption ? -1 : b.openCaption();
        if (depth !== -1) return descend(Exit.Block, depth);
        b.boundary();
        return descend(Exit.Boundary);
      }
    }
    return null;
  };

  const block = (tag: string, attrs: string[] | null, kind: Kind, descend: (exit: Exit, depth?: number) => WalkFrame): WalkFrame => {
    const depth = b.openBlock(tag, attrs, kind);
    if (depth !== -1) return descend(Exit.Block, depth);
    b.boundary();
    return descend(Exit.Boundary);
  };

  const openInlineElement = (el: Element, cat: Cat): boolean => {
    if (cat === Cat.Anchor) {
      const href = sanitiseUrl(el.attribs.href, base, 'link');
      if (href === null) return false; // an unsafe or missing href: keep the text, drop the link
      const attrs = ['href', href];
      const title = cleanAttrText(el.attribs.title);
      if (title !== null) attrs.push('title', title);
      return b.openInline('a', attrs);
    }
    const tag = outputTag(nameOf(el));
    return b.openInline(tag, inlineAttrs(tag, el));
  };

  const leave = (f: WalkFrame): void => {
    switch (f.exit) {
      case Exit.Inline:
        b.closeInline();
        break;
      case Exit.Boundary:
        b.boundary();
        break;
      case Exit.Block:
        b.closeBlocksTo(f.depth);
        break;
      case Exit.BlockAndInline:
        b.closeInline();
        b.closeBlocksTo(f.depth);
        break;
      default:
        break;
    }
  };

  const budget = extra.budget;
  for (;;) {
    if (budget?.passed()) {
      // Out of time: every open element is closed as if its remaining children were not there.
      frame.i = frame.kids.length;
      for (const f of stack) f.i = f.kids.length;
    }
    if (frame.i >= frame.kids.length) {
      leave(frame);
      const up = stack.pop();
      if (up === undefined) break;
      frame = up;
      continue;
    }
    const node = frame.kids[frame.i++]!;
    if (frame.roots) b.boundary(); // separate root blocks never share a paragraph
    if (skipSet !== null && skipSet.has(node)) continue;
    let next: WalkFrame | null = null;
    switch (node.type) {
      case 'text':
        b.text(node.data);
        break;
      case 'root':
        next = { kids: node.children, i: 0, exit: Exit.None, depth: b.depth, roots: false };
        break;
      case 'tag':
        next = enter(node);
        break;
      default:
        // script/style elements, comments, CDATA, processing instructions
        break;
    }
    if (next !== null) {
      stack.push(frame);
      frame = next;
    }
  }
  return b.finish();
}
