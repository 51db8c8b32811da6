/**
 * The DOM walk: turns the caller's domhandler nodes into the clean
 * intermediate tree of `ir.ts`, in one iterative pass (an explicit stack, so
 * 100,000 nested `div`s are fine) without touching the caller's tree.
 *
 * The walk is event-driven, like an HTML tree builder: elements open and close
 * block frames or inline formatting entries, and content (text, images, line
 * breaks) is placed where the current state says. Two ideas carry most of the
 * weight:
 *
 * - Blocks and inline elements are created lazily, when the first piece of
 *   content arrives. An element that never receives content never exists, so
 *   empty paragraphs, links and lists need no clean-up pass.
 * - Inline formatting is a stack independent of the blocks. When a block
 *   interrupts a link or an emphasis (`<a><h3>t</h3><p>x</p></a>`), each new
 *   paragraph re-opens the formatting (`<h3><a>t</a></h3><p><a>x</a></p>`), as a
 *   browser's "reconstruct the active formatting elements" does.
 *
 * @packageDocumentation
 */

import type { AnyNode, Element } from 'domhandler';
import type { Deadline } from '../limits.js';
import {
  ALLOWED_INLINE_TAGS,
  CAPTION_CLASS_PATTERN,
  DROPPED_TAGS,
  MAX_BLOCK_DEPTH,
  MAX_INLINE_DEPTH,
  MERGEABLE_INLINE_TAGS,
  TAG_ALIASES,
  UNWRAPPED_BLOCK_TAGS,
  UNWRAPPED_INLINE_TAGS,
} from './allowlist.js';
import { neighbourHasImage, noscriptImages, resolveImage, type ResolvedImage } from './images.js';
import { NO_KIDS, ROOT, RUN, type IRElement } from './ir.js';
import { sanitiseUrl } from './urls.js';
import { own } from '../own.js';
import { HTML_SPACE_RUN } from '../dom/spaces.js';

/** How an element is handled by the walk. */
const enum Cat {
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
const enum Kind {
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
  ['a', Cat.Anchor], ['br', Cat.Br], ['img', Cat.Img], ['hr', Cat.Hr], ['p', Cat.Para],
  ['h2', Cat.Heading], ['h3', Cat.Heading], ['h4', Cat.Heading], ['h5', Cat.Heading], ['h6', Cat.Heading],
  ['pre', Cat.Pre], ['blockquote', Cat.Quote], ['ul', Cat.List], ['ol', Cat.List], ['li', Cat.Li],
  ['dl', Cat.Dl], ['dt', Cat.DtDd], ['dd', Cat.DtDd], ['table', Cat.Table], ['thead', Cat.Section],
  ['tbody', Cat.Section], ['tfoot', Cat.Section], ['tr', Cat.Row], ['td', Cat.Cell], ['th', Cat.Cell],
  ['caption', Cat.TableCaption], ['figure', Cat.Figure], ['figcaption', Cat.Figcaption],
];
for (const [tag, cat] of STRUCTURE) CATEGORY.set(tag, cat);
for (const [from, to] of Object.entries(TAG_ALIASES)) CATEGORY.set(from, CATEGORY.get(to)!);

/** Categories of elements that start a new block: an unknown element holding one of these is a block wrapper. */
const BLOCK_CATS: ReadonlySet<Cat> = new Set([
  Cat.Boundary, Cat.Hr, Cat.Para, Cat.Heading, Cat.Pre, Cat.Quote, Cat.List, Cat.Li, Cat.Dl, Cat.DtDd,
  Cat.Table, Cat.Section, Cat.Row, Cat.Cell, Cat.TableCaption, Cat.Figure, Cat.Figcaption,
]);

/** Categories that may be turned into a figure caption by a caption/credit class name. */
const CAPTIONABLE_CATS: ReadonlySet<Cat> = new Set([
  Cat.Boundary, Cat.Transparent, Cat.Inline, Cat.Anchor, Cat.Para, Cat.Heading, Cat.Quote,
]);

/** Structural children and the parents they need. */
const STRUCT_PARENTS: Readonly<Record<string, readonly string[]>> = {
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
const IMPLICIT_CHILD: Readonly<Record<string, string>> = {
  ul: 'li', ol: 'li', dl: 'dd', table: 'tr', thead: 'tr', tbody: 'tr', tfoot: 'tr', tr: 'td',
};

/** Characters removed from text: C0 controls other than whitespace, DEL and the byte-order mark. */
const INVISIBLE = /[\u0000-\u0008\u000e-\u001f\u007f\ufeff]/g;
const HAS_INVISIBLE = /[\u0000-\u0008\u000e-\u001f\u007f\ufeff]/;
/** Bound on the nodes searched to see whether a caption candidate holds an image. */
const CAPTION_IMAGE_SEARCH_LIMIT = 256;

interface BlockFrame {
  tag: string;
  attrs: string[] | null;
  kind: Kind;
  /** The output element, once content has arrived (or preset when merging). */
  node: IRElement | null;
  /** The frame whose element receives this frame's element. */
  parent: BlockFrame | null;
  /** `content`: created for stray content in a structure; `wrapper`: created around an orphan child. */
  implicit: 'content' | 'wrapper' | null;
  /** For a figure: its (single, merged) figcaption element. */
  caption: IRElement | null;
}

interface FormatEntry {
  tag: string;
  attrs: string[] | null;
  mergeable: boolean;
}

/** The inline content being written into one paragraph (or run, heading, pre). */
interface Run {
  owner: BlockFrame;
  node: IRElement;
  /** Output elements of the formatting stack entries opened in this run (a prefix of the stack). */
  open: IRElement[];
  pendingSpace: boolean;
  /** At the start of the run or just after a `br`: leading whitespace is dropped. */
  lineStart: boolean;
  lastBr: IRElement | null;
  lastBrParent: IRElement | null;
  /** pre only: some non-whitespace content was written. */
  hasContent: boolean;
  /** pre only: no text written yet (the first newline after `<pre>` is dropped). */
  fresh: boolean;
  /** pre only: last character written. */
  lastChar: string;
}

function element(tag: string, attrs: string[] | null = null): IRElement {
  return { tag, attrs, kids: [] };
}

function appendText(parent: IRElement, text: string): void {
  const kids = parent.kids;
  const last = kids.length - 1;
  if (last >= 0 && typeof kids[last] === 'string') kids[last] = (kids[last] as string) + text;
  else kids.push(text);
}

function removeKid(parent: IRElement, kid: IRElement): void {
  const kids = parent.kids;
  const i = kids.lastIndexOf(kid);
  if (i !== -1) kids.splice(i, 1);
}

/** Builds the intermediate tree. See the module comment for the model. */
class Builder {
  readonly root: IRElement = element(ROOT);
  private readonly blocks: BlockFrame[];
  private readonly formats: FormatEntry[] = [];
  private run: Run | null = null;
  private anchorOpen = false;
  private readonly figures: BlockFrame[] = [];
  private captionDepth = 0;
  /** Implicit lists created around orphan items, so that consecutive orphans share one list. */
  private readonly implicitLists = new WeakSet<IRElement>();

  constructor() {
    this.blocks = [{ tag: ROOT, attrs: null, kind: Kind.Flow, node: this.root, parent: null, implicit: null, caption: null }];
  }

  get depth(): number {
    return this.blocks.length;
  }

  private get top(): BlockFrame {
    return this.blocks[this.blocks.length - 1]!;
  }

  get inPre(): boolean {
    return this.top.tag === 'pre';
  }

  get inFigure(): boolean {
    return this.figures.length !== 0;
  }

  get inCaption(): boolean {
    return this.captionDepth > 0;
  }

  // ---- blocks -------------------------------------------------------------

  /** Creates the output elements of `frame` and of its unmaterialised IR ancestors. */
  private materialize(frame: BlockFrame): IRElement {
    if (frame.node) return frame.node;
    const chain: BlockFrame[] = [];
    let f: BlockFrame | null = frame;
    while (f && !f.node) {
      chain.push(f);
      f = f.parent;
    }
    for (let i = chain.length - 1; i >= 0; i--) {
      const g = chain[i]!;
      const node = element(g.tag, g.attrs);
      g.node = node;
      g.parent!.node!.kids.push(node);
      if (g.implicit === 'wrapper' && (g.tag === 'ul' || g.tag === 'dl')) this.implicitLists.add(node);
      if (g.tag === 'figcaption') g.parent!.caption = node;
    }
    return frame.node!;
  }

  private push(tag: string, attrs: string[] | null, kind: Kind, parent: BlockFrame, implicit: BlockFrame['implicit'] = null): BlockFrame {
    const frame: BlockFrame = { tag, attrs, kind, node: null, parent, implicit, caption: null };
    this.blocks.push(frame);
    if (tag === 'figure') this.figures.push(frame);
    else if (tag === 'figcaption') this.captionDepth++;
    return frame;
  }

  private pop(): void {
    const f = this.blocks.pop()!;
    if (f.tag === 'figure') this.figures.pop();
    else if (f.tag === 'figcaption') this.captionDepth--;
    const node = f.node;
    if (!node || !f.parent?.node) return;
    if (f.tag === 'td' || f.tag === 'th') return; // empty cells keep the columns aligned
    if (f.tag === 'tr') {
      // A row of empty cells is spacing, not data.
      if (node.kids.every((cell) => typeof cell !== 'string' && cell.kids.length === 0)) removeKid(f.parent.node, node);
      return;
    }
    if (node.kids.length === 0) {
      removeKid(f.parent.node, node);
      if (f.tag === 'figcaption' && f.parent.caption === node) f.parent.caption = null;
    }
  }

  /** Pushes implicit children until the top frame can hold content (`<ul>text` gets an `li`). */
  private contentFrame(): BlockFrame {
    let top = this.top;
    while (top.kind === Kind.Struct) {
      const tag = own(IMPLICIT_CHILD, top.tag) ?? 'li';
      top = this.push(tag, null, tag === 'tr' ? Kind.Struct : Kind.Tight, top, 'content');
      if (tag === 'td') this.materialize(top);
    }
    return top;
  }

  /** The nearest frame that can hold blocks (skipping `p`/headings a block interrupts). */
  private blockHolder(): BlockFrame {
    let f = this.top;
    while (f.kind === Kind.Inline) f = f.parent!;
    return f;
  }

  /**
   * Opens a block element. Returns the depth to close back to when the element
   * ends, or -1 when the element cannot be a block here (inside `pre`, too
   * deep, a paragraph inside a paragraph, a table part outside a table): the
   * caller then treats it as an unwrapped boundary.
   */
  openBlock(tag: string, attrs: string[] | null, kind: Kind): number {
    let top = this.top;
    if (top.tag === 'pre' || this.blocks.length >= MAX_BLOCK_DEPTH) return -1;
    // p in p, p in a heading, heading in a heading: just a boundary. A heading
    // or pre inside a p splits the p (the p continues after it).
    if (top.kind === Kind.Inline && kind === Kind.Inline && !(top.tag === 'p' && tag !== 'p')) return -1;
    this.closeRun();
    let depth: number;
    const parents = own(STRUCT_PARENTS, tag);
    if (parents) {
      while (top.implicit === 'content') {
        this.pop();
        top = this.top;
      }
      // Implicit frames popped above belong to no element; wrappers pushed below belong to this one.
      depth = this.blocks.length;
      if (!parents.includes(top.tag)) {
        if (tag === 'li' || tag === 'dt' || tag === 'dd') {
          top = this.wrapOrphan(tag === 'li' ? 'ul' : 'dl');
        } else if ((tag === 'td' || tag === 'th') && (top.tag === 'table' || top.tag === 'thead' || top.tag === 'tbody' || top.tag === 'tfoot')) {
          top = this.push('tr', null, Kind.Struct, top, 'wrapper');
        } else {
          return -1;
        }
      }
    } else {
      if (top.kind === Kind.Struct) top = this.contentFrame();
      depth = this.blocks.length;
    }
    const parent = top.kind === Kind.Inline ? this.blockHolder() : top;
    const frame = this.push(tag, attrs, kind, parent);
    if (tag === 'td' || tag === 'th') this.materialize(frame);
    return depth;
  }

  /** Opens an implicit list around an orphan `li`/`dt`/`dd`, reusing the previous implicit list when adjacent. */
  private wrapOrphan(tag: 'ul' | 'dl'): BlockFrame {
    let holder = this.top.kind === Kind.Struct ? this.contentFrame() : this.top;
    if (holder.kind === Kind.Inline) holder = this.blockHolder();
    const frame = this.push(tag, null, Kind.Struct, holder, 'wrapper');
    const kids = holder.node?.kids;
    const last = kids?.[kids.length - 1];
    if (last !== undefined && typeof last !== 'string' && last.tag === tag && this.implicitLists.has(last)) frame.node = last;
    return frame;
  }

  /**
   * Opens the caption frame of the innermost figure (all captions of a figure
   * merge into one figcaption). Returns the depth to close back to, or -1.
   */
  openCaption(): number {
    if (this.top.tag === 'pre' || this.blocks.length >= MAX_BLOCK_DEPTH) return -1;
    this.closeRun();
    if (this.top.kind === Kind.Struct) this.contentFrame();
    const depth = this.blocks.length;
    let figure = this.figures[this.figures.length - 1];
    if (!figure) {
      // An orphan figcaption: give it a figure so that it stays a caption.
      figure = this.push('figure', null, Kind.Tight, this.blockHolder());
    }
    const frame = this.push('figcaption', null, Kind.Tight, figure);
    if (figure.caption) frame.node = figure.caption;
    return depth;
  }

  /** Closes every block frame above `depth` (the depth recorded before the element opened). */
  closeBlocksTo(depth: number): void {
    this.closeRun();
    while (this.blocks.length > depth) this.pop();
  }

  // ---- inline formatting -----------------------------------------------------

  /** Opens an inline formatting element. Returns `false` if it is ignored (too deep, or a link inside a link). */
  openInline(tag: string, attrs: string[] | null): boolean {
    if (this.formats.length >= MAX_INLINE_DEPTH) return false;
    if (tag === 'a') {
      if (this.anchorOpen) return false;
      this.anchorOpen = true;
    }
    this.formats.push({ tag, attrs, mergeable: MERGEABLE_INLINE_TAGS.has(tag) });
    return true;
  }

  closeInline(): void {
    const entry = this.formats.pop();
    if (entry?.tag === 'a') this.anchorOpen = false;
    const run = this.run;
    // A pending space stays pending: it is written outside the closed element.
    if (run && run.open.length > this.formats.length) run.open.length = this.formats.length;
  }

  // ---- runs and content ---------------------------------------------------

  private ensureRun(): Run {
    if (this.run) return this.run;
    let owner = this.top;
    if (owner.kind === Kind.Struct) owner = this.contentFrame();
    let node: IRElement;
    if (owner.kind === Kind.Inline) {
      node = this.materialize(owner);
    } else {
      const container = this.materialize(owner);
      node = element(owner.kind === Kind.Flow ? 'p' : RUN);
      container.kids.push(node);
    }
    this.run = {
      owner, node, open: [], pendingSpace: false, lineStart: true, lastBr: null, lastBrParent: null,
      hasContent: false, fresh: true, lastChar: '',
    };
    return this.run;
  }

  private closeRun(): void {
    const run = this.run;
    if (!run) return;
    this.run = null;
    if (run.lastBr && run.lastBrParent) {
      const kids = run.lastBrParent.kids;
      if (kids[kids.length - 1] === run.lastBr) kids.pop();
    }
    const owner = run.owner;
    if (owner.kind === Kind.Inline) {
      if (owner.tag === 'pre' && !run.hasContent && owner.parent?.node) removeKid(owner.parent.node, run.node);
      // Content arriving later in the same p/heading starts a new element.
      owner.node = null;
    }
  }

  /** Creates the output elements of the formatting entries not yet open in this run; returns the insertion point. */
  private openFormats(run: Run): IRElement {
    const formats = this.formats;
    let parent = run.open.length > 0 ? run.open[run.open.length - 1]! : run.node;
    for (let i = run.open.length; i < formats.length; i++) {
      const f = formats[i]!;
      const last = parent.kids[parent.kids.length - 1];
      let node: IRElement;
      if (f.mergeable && last !== undefined && typeof last !== 'string' && last.tag === f.tag) {
        node = last; // <em>a</em><em>b</em> is one emphasis
      } else {
        node = element(f.tag, f.attrs);
        parent.kids.push(node);
      }
      run.open.push(node);
      parent = node;
    }
    return parent;
  }

  private flushSpace(run: Run): void {
    if (!run.pendingSpace) return;
    run.pendingSpace = false;
    appendText(run.open.length > 0 ? run.open[run.open.length - 1]! : run.node, ' ');
  }

  text(data: string): void {
    if (this.top.tag === 'pre') {
      this.preText(data);
      return;
    }
    // Fast path for the indentation between tags, the most common text node of a page.
    let blank = true;
    for (let i = 0; i < data.length; i++) {
      const c = data.charCodeAt(i);
      if (c !== 32 && c !== 10 && c !== 9 && c !== 13 && c !== 12) {
        blank = false;
        break;
      }
    }
    if (blank) {
      if (data !== '' && this.run && !this.run.lineStart) this.run.pendingSpace = true;
      return;
    }
    let text = data.replace(HTML_SPACE_RUN, ' ');
    if (HAS_INVISIBLE.test(text)) text = text.replace(INVISIBLE, '').replace(/  +/g, ' ');
    if (text === '') return;
    if (text === ' ') {
      if (this.run && !this.run.lineStart) this.run.pendingSpace = true;
      return;
    }
    const lead = text.charCodeAt(0) === 32;
    const trail = text.charCodeAt(text.length - 1) === 32;
    const body = text.slice(lead ? 1 : 0, trail ? -1 : text.length);
    const run = this.ensureRun();
    if (lead && !run.lineStart) run.pendingSpace = true;
    this.flushSpace(run);
    appendText(this.openFormats(run), body);
    run.lineStart = false;
    run.lastBr = null;
    run.pendingSpace = trail;
  }

  /** Text inside `pre`: verbatim, except CR/CRLF normalised and the newline right after `<pre>` dropped (as HTML parsing does). */
  private preText(data: string): void {
    let text = data.indexOf('\r') === -1 ? data : data.replace(/\r\n?/g, '\n');
    if (HAS_INVISIBLE.test(text)) text = text.replace(INVISIBLE, '');
    const run = this.ensureRun();
    if (run.fresh && text !== '') {
      run.fresh = false;
      if (text.charCodeAt(0) === 10) text = text.slice(1);
    }
    if (text === '') return;
    appendText(this.openFormats(run), text);
    if (!run.hasContent && /\S/.test(text)) run.hasContent = true;
    run.lastChar = text[text.length - 1]!;
  }

  br(): void {
    if (this.top.tag === 'pre') {
      if (this.run) this.run.fresh = false;
      this.preText('\n');
      return;
    }
    const run = this.run;
    if (!run) return; // a leading <br> has nothing to break
    if (run.lastBr) {
      // <br><br> separates paragraphs; a heading keeps one line break instead.
      if (run.owner.tag[0] !== 'h') this.closeRun();
      return;
    }
    run.pendingSpace = false;
    const parent = run.open.length > 0 ? run.open[run.open.length - 1]! : run.node;
    const br = element('br');
    br.kids = NO_KIDS;
    parent.kids.push(br);
    run.lastBr = br;
    run.lastBrParent = parent;
    run.lineStart = true;
  }

  img(image: ResolvedImage): void {
    const run = this.ensureRun();
    if (run.owner.tag !== 'pre') this.flushSpace(run);
    const attrs = ['src', image.src];
    if (image.alt !== null) attrs.push('alt', image.alt);
    if (image.width !== null) attrs.push('width', image.width);
    if (image.height !== null) attrs.push('height', image.height);
    const img = element('img', attrs);
    img.kids = NO_KIDS;
    this.openFormats(run).kids.push(img);
    run.lineStart = false;
    run.lastBr = null;
    run.hasContent = true;
    run.fresh = false;
    run.lastChar = '';
  }

  hr(): void {
    if (this.top.tag === 'pre' || this.blocks.length >= MAX_BLOCK_DEPTH) {
      this.boundary();
      return;
    }
    this.closeRun();
    let holder = this.top;
    if (holder.kind === Kind.Struct) holder = this.contentFrame();
    if (holder.kind === Kind.Inline) holder = this.blockHolder();
    const node = this.materialize(holder);
    const last = node.kids[node.kids.length - 1];
    if (last !== undefined && typeof last !== 'string' && last.tag === 'hr') return; // one rule is enough
    const hr = element('hr');
    hr.kids = NO_KIDS;
    node.kids.push(hr);
  }

  /**
   * The edge of an unwrapped block (div, section, ...): ends the paragraph in
   * flow and tight containers, separates words inside a p or heading, and
   * starts a new line inside pre.
   */
  boundary(): void {
    const top = this.top;
    const run = this.run;
    if (top.tag === 'pre') {
      if (run && run.hasContent && run.lastChar !== '\n') this.preText('\n');
      return;
    }
    if (top.kind === Kind.Inline) {
      if (run && !run.lineStart) run.pendingSpace = true;
      return;
    }
    this.closeRun();
  }

  finish(): IRElement {
    this.closeBlocksTo(1);
    return this.root;
  }
}

// ---- the walk -----------------------------------------------------------------

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

function nameOf(el: Element): string {
  return el.name;
}

function categoryOf(name: string): Cat | undefined {
  return CATEGORY.get(name) ?? CATEGORY.get(name.toLowerCase());
}

function outputTag(name: string): string {
  const lower = name.toLowerCase();
  return own(TAG_ALIASES, lower) ?? lower;
}

/** An element we do not know is a block wrapper if it directly holds a block element, else an inline wrapper. */
function unknownCategory(el: Element): Cat {
  for (const child of el.children) {
    if (child.type !== 'tag') continue;
    const cat = categoryOf(nameOf(child as Element));
    if (cat !== undefined && BLOCK_CATS.has(cat)) return Cat.Boundary;
  }
  return Cat.Transparent;
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
    if (n > 1 && n <= 1000) (attrs ??= []).push(name, String(n));
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
export function buildTree(
  roots: readonly AnyNode[],
  base: URL | null,
  skip: ReadonlySet<AnyNode> | undefined,
  extra: { figures?: ReadonlySet<AnyNode>; imageCache?: Map<Element, ResolvedImage | null>; budget?: Deadline } = {},
): IRElement {
  const b = new Builder();
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

