/**
 * The writer of the intermediate tree (`ir.ts`): the walk in `build.ts` tells
 * it what it meets (a block opens, an inline element, text, an image, a line
 * break) and it places each where the current state says.
 *
 * - Blocks and inline elements are created lazily, when the first piece of
 *   content arrives. An element that never receives content never exists, so
 *   empty paragraphs, links and lists need no clean-up pass.
 * - Inline formatting is a stack independent of the blocks. When a block
 *   interrupts a link or an emphasis (`<a><h3>t</h3><p>x</p></a>`), each new
 *   paragraph re-opens the formatting (`<h3><a>t</a></h3><p><a>x</a></p>`), as a
 *   browser's "reconstruct the active formatting elements" does.
 */
import { MAX_BLOCK_DEPTH, MAX_INLINE_DEPTH, MERGEABLE_INLINE_TAGS } from './allowlist.js';
import type { ResolvedImage } from './images.js';
import { NO_KIDS, ROOT, RUN, type IRElement } from './ir.js';
import { own } from '../own.js';
import { HTML_SPACE_RUN } from '../dom/spaces.js';
import { IMPLICIT_CHILD, Kind, STRUCT_PARENTS } from './categories.js';

/** Characters removed from text: C0 controls other than whitespace, DEL and the byte-order mark. */
const INVISIBLE = /[\u0000-\u0008\u000e-\u001f\u007f\ufeff]/g;
const HAS_INVISIBLE = /[\u0000-\u0008\u000e-\u001f\u007f\ufeff]/;

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
export class IRWriter {
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
      owner,
      node,
      open: [],
      pendingSpace: false,
      lineStart: true,
      lastBr: null,
      lastBrParent: null,
      hasContent: false,
      fresh: true,
      lastChar: '',
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
    if (HAS_INVISIBLE.test(text)) text = text.replace(INVISIBLE, '').replace(/ {2,}/g, ' ');
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
