/**
 * A linear-time tree builder on htmlparser2's tokenizer.
 *
 * htmlparser2's `Parser` keeps its open elements in an array whose top is
 * index 0 (`unshift`/`shift`) and looks closing tags up with `indexOf`, so a
 * page of 100,000 nested `<div>`s costs it seconds (quadratic), and a page of
 * stray end tags under a deep stack does too. This builder applies the same
 * tree-construction rules (`rules.ts`) to the same tokens, and builds the same
 * domhandler tree as `parseDocument(html, { decodeEntities: true })` (tested
 * for equality in `builder.test.ts`), but:
 *
 * - its stack of open elements grows at the end and counts the open elements
 *   per tag name, so every token costs O(1) amortised;
 * - elements deeper than `maxDepth` are attached to the element at that depth
 *   instead of nesting further (what Chromium's parser does beyond 512), so no
 *   later stage ever walks a chain of ancestors longer than the cap; the
 *   content is kept;
 * - it stops at `maxNodes` nodes or at a deadline, keeping what it built.
 *
 * Attribute maps have no prototype: an attribute named `__proto__` or
 * `constructor` is plain data and can never reach `Object.prototype`.
 */
import { Tokenizer, type QuoteType, type TokenizerCallbacks } from 'htmlparser2';
import { Comment, Document, Element, ProcessingInstruction, Text, type ChildNode, type ParentNode } from 'domhandler';
import { FOREIGN_CONTEXT_ELEMENTS, HTML_INTEGRATION_ELEMENTS, OPEN_IMPLIES_CLOSE, VOID_ELEMENTS } from './rules.js';

/** Appends `node` as the last child of `parent`, with its sibling and parent links (the tree builders' one way to grow a tree). */
export function appendChild(parent: ParentNode, node: ChildNode): void {
  const children = parent.children;
  const prev = children[children.length - 1];
  children.push(node);
  if (prev) {
    node.prev = prev;
    prev.next = node;
  }
  node.parent = parent;
}

/** What the builder may spend. */
export interface BuildLimits {
  /** Nodes (elements, text, comments, doctypes) to build at most; the rest of the page is not read. */
  maxNodes: number;
  /** Deepest element nesting; deeper elements are attached at this depth. */
  maxDepth: number;
  /** Clock reading (same clock as `now`) after which parsing stops; `Infinity` for none. */
  deadline: number;
  /** The clock, in milliseconds. */
  now: () => number;
}

/** The tree and what the limits did to it. */
export interface BuildResult {
  document: Document;
  /** Nodes built (the document itself not counted). */
  nodes: number;
  /** Why parsing stopped before the end of the input, or null when it read everything. */
  stoppedBy: 'maxNodes' | 'timeBudgetMs' | null;
  /** True when some elements nested deeper than `maxDepth` were attached higher up. */
  flattened: boolean;
  /** The `<noscript>` elements of the tree, in document order (see `noscript.ts`). */
  noscripts: Element[];
}

/** Nodes built between two looks at the clock (reading it costs more than building a node). */
const CLOCK_EVERY = 2048;

/** The end of a processing instruction's or declaration's name. */
const NAME_END = /\s|\//;

function codePointString(cp: number): string {
  // The tokenizer's entity decoder already maps invalid code points to U+FFFD.
  return cp <= 0xffff ? String.fromCharCode(cp) : String.fromCodePoint(cp);
}

class TreeBuilder implements TokenizerCallbacks {
  readonly document = new Document([]);
  nodes = 0;
  stoppedBy: BuildResult['stoppedBy'] = null;
  flattened = false;
  readonly noscripts: Element[] = [];

  private readonly tokenizer: Tokenizer;
  /** Names of the open elements, innermost last (htmlparser2's stack, reversed). */
  private readonly names: string[] = [];
  /** How many open elements each name has: a close tag for a name not open costs O(1). */
  private readonly openCount = new Map<string, number>();
  /** The open elements as built, the document first (domhandler's `tagStack`). */
  private readonly open: ParentNode[] = [this.document];
  /** Tree depth of each entry of `open`. */
  private readonly depth: number[] = [0];
  /** Foreign-content flags, innermost last. */
  private readonly foreign: boolean[] = [false];
  /** The text or comment node that adjacent text or comment data is appended to. */
  private lastNode: Text | Comment | null = null;
  private tagName = '';
  private attribs: Record<string, string> | null = null;
  private attribName = '';
  private attribValue = '';

  constructor(
    private readonly html: string,
    private readonly limits: BuildLimits,
  ) {
    this.tokenizer = new Tokenizer({ xmlMode: false, decodeEntities: true }, this);
  }

  run(): void {
    this.tokenizer.write(this.html);
    if (this.stoppedBy === null) this.tokenizer.end();
  }

  // --- tree ------------------------------------------------------------------

  private stop(reason: NonNullable<BuildResult['stoppedBy']>): void {
    this.stoppedBy = reason;
    this.tokenizer.pause();
  }

  private addNode(node: ChildNode, isElement: boolean): void {
    const top = this.open.length - 1;
    let parent = this.open[top]!;
    if (isElement && this.depth[top]! >= this.limits.maxDepth) {
      // Too deep: the element becomes a sibling of the innermost open element.
      parent = parent.parent ?? parent;
      this.flattened = true;
    }
    appendChild(parent, node);
    this.lastNode = null;
    const n = ++this.nodes;
    if (n >= this.limits.maxNodes) this.stop('maxNodes');
    else if (n % CLOCK_EVERY === 0 && this.limits.now() > this.limits.deadline) this.stop('timeBudgetMs');
  }

  /** Closes the innermost open element. */
  private popElement(): void {
    const name = this.names.pop()!;
    const count = this.openCount.get(name)!;
    if (count === 1) this.openCount.delete(name);
    else this.openCount.set(name, count - 1);
    this.lastNode = null;
    // The document stays at the bottom even when an unfinished tag was counted.
    if (this.open.length > 1) {
      this.open.pop();
      this.depth.pop();
    }
  }

  private emitOpenTag(name: string): void {
    this.tagName = name;
    const implied = OPEN_IMPLIES_CLOSE.get(name);
    if (implied) {
      while (this.names.length > 0 && implied.has(this.names[this.names.length - 1]!)) this.popElement();
    }
    if (!VOID_ELEMENTS.has(name)) {
      this.names.push(name);
      this.openCount.set(name, (this.openCount.get(name) ?? 0) + 1);
      if (FOREIGN_CONTEXT_ELEMENTS.has(name)) this.foreign.push(true);
      else if (HTML_INTEGRATION_ELEMENTS.has(name)) this.foreign.push(false);
    }
    this.attribs = Object.create(null) as Record<string, string>;
  }

  private endOpenTag(): void {
    const attribs = this.attribs;
    if (attribs !== null) {
      const name = this.tagName;
      const el = new Element(name, attribs);
      this.addNode(el, true);
      if (name === 'noscript') this.noscripts.push(el);
      if (!VOID_ELEMENTS.has(name)) {
        const top = this.open.length - 1;
        // A flattened element sits at the cap's depth, like its parent's other children.
        this.open.push(el);
        this.depth.push(Math.min(this.depth[top]! + 1, this.limits.maxDepth));
      }
      this.attribs = null;
    }
    this.tagName = '';
  }

  private closeCurrentTag(): void {
    const name = this.tagName;
    this.endOpenTag();
    if (this.names[this.names.length - 1] === name) this.popElement();
  }

  private appendText(data: string): void {
    const last = this.lastNode;
    if (last !== null && last.type === 'text') {
      last.data += data;
    } else {
      const node = new Text(data);
      this.addNode(node, false);
      this.lastNode = node;
    }
  }

  private appendComment(data: string): void {
    this.addNode(new Comment(data), false);
    this.lastNode = null;
  }

  private instruction(prefix: '!' | '?', start: number, endIndex: number): void {
    const value = this.html.slice(start, endIndex);
    const end = value.search(NAME_END);
    const name = (end < 0 ? value : value.slice(0, end)).toLowerCase();
    this.addNode(new ProcessingInstruction(`${prefix}${name}`, `${prefix}${value}`), false);
  }

  // --- tokenizer callbacks (htmlparser2's Parser, in HTML mode) -------------

  ontext(start: number, endIndex: number): void {
    if (this.stoppedBy === null) this.appendText(this.html.slice(start, endIndex));
  }

  ontextentity(cp: number): void {
    if (this.stoppedBy === null) this.appendText(codePointString(cp));
  }

  onopentagname(start: number, endIndex: number): void {
    if (this.stoppedBy === null) this.emitOpenTag(this.html.slice(start, endIndex).toLowerCase());
  }

  onattribname(start: number, endIndex: number): void {
    this.attribName = this.html.slice(start, endIndex).toLowerCase();
  }

  onattribdata(start: number, endIndex: number): void {
    this.attribValue += this.html.slice(start, endIndex);
  }

  onattribentity(cp: number): void {
    this.attribValue += codePointString(cp);
  }

  onattribend(_quote: QuoteType): void {
    const attribs = this.attribs;
    // The first occurrence of an attribute wins, as in browsers.
    if (attribs !== null && !Object.hasOwn(attribs, this.attribName)) {
      attribs[this.attribName] = this.attribValue;
    }
    this.attribValue = '';
  }

  onopentagend(): void {
    if (this.stoppedBy === null) this.endOpenTag();
  }

  onselfclosingtag(): void {
    if (this.stoppedBy !== null) return;
    // `<x/>` closes only in foreign content (SVG, MathML); in HTML the slash is ignored.
    if (this.foreign[this.foreign.length - 1]) this.closeCurrentTag();
    else this.endOpenTag();
  }

  onclosetag(start: number, endIndex: number): void {
    if (this.stoppedBy !== null) return;
    const name = this.html.slice(start, endIndex).toLowerCase();
    if (FOREIGN_CONTEXT_ELEMENTS.has(name) || HTML_INTEGRATION_ELEMENTS.has(name)) this.foreign.pop();
    if (!VOID_ELEMENTS.has(name)) {
      if (this.openCount.has(name)) {
        // Close everything opened after the innermost element of that name: each pop is paid for by its push.
        while (this.names.length > 0 && this.names[this.names.length - 1] !== name) this.popElement();
        this.popElement();
      } else if (name === 'p') {
        // `</p>` without `<p>` is an empty paragraph.
        this.emitOpenTag('p');
        this.closeCurrentTag();
      }
    } else if (name === 'br') {
      // `</br>` is a `<br>`.
      this.addNode(new Element('br', Object.create(null) as Record<string, string>), true);
    }
  }

  oncomment(start: number, endIndex: number, offset: number): void {
    if (this.stoppedBy === null) this.appendComment(this.html.slice(start, endIndex - offset));
  }

  oncdata(start: number, endIndex: number, offset: number): void {
    // HTML mode: CDATA sections are comments.
    if (this.stoppedBy === null) this.appendComment(`[CDATA[${this.html.slice(start, endIndex - offset)}]]`);
  }

  ondeclaration(start: number, endIndex: number): void {
    if (this.stoppedBy === null) this.instruction('!', start, endIndex);
  }

  onprocessinginstruction(start: number, endIndex: number): void {
    if (this.stoppedBy === null) this.instruction('?', start, endIndex);
  }

  onend(): void {
    // Open elements stay open: the tree already holds them.
  }
}

/**
 * Parses HTML into a domhandler document in time linear in the input, within
 * the given limits. Never throws on any string.
 */
export function buildTree(html: string, limits: BuildLimits): BuildResult {
  const builder = new TreeBuilder(html, limits);
  builder.run();
  return { document: builder.document, nodes: builder.nodes, stoppedBy: builder.stoppedBy, flattened: builder.flattened, noscripts: builder.noscripts };
}
