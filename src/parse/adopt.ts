/**
 * Stage 2, for a page the caller has parsed already (a cheerio document, a
 * domhandler `Document`): the caller's tree is copied into a tree of
 * copydesk's own, node by node, under the same limits the builder applies
 * while parsing (`maxNodes`, `maxDepth`, the deadline). The caller's tree is
 * only read: the later stages change their tree in place (noscript fallbacks
 * become `div`s), and the caller may still be using theirs. Copying costs far
 * less than parsing again (no tokenizing, no entity decoding), and it gives
 * every later stage the tree shape it expects:
 *
 * - element and attribute names lower-cased (parse5 keeps SVG's camelCase
 *   names, `foreignObject`, `viewBox`), attribute maps without prototypes;
 * - a `<template>`'s content (a document fragment under parse5) read as the
 *   template's children, as copydesk's builder builds it;
 * - CDATA sections as comments, as in HTML;
 * - a `<noscript>` the caller's parser kept as raw text (parse5 with scripting
 *   on, cheerio's default) is parsed as markup, as copydesk's builder does
 *   (see `noscript.ts`: copydesk reads a page as a browser without scripts).
 *
 * What it cannot undo: a tree built by another parser (parse5, cheerio's
 * default) applies the HTML standard's tree-construction rules (implied
 * `<tbody>`, the adoption agency), where copydesk's builder applies
 * htmlparser2's; extraction tolerates both, but the two trees can give a
 * different article on a few pages (docs/cheerio.md has the figures).
 */
import { Comment, Document, Element, ProcessingInstruction, Text, type AnyNode, type ChildNode, type ParentNode } from 'domhandler';
import { appendChild, buildTree, type BuildLimits, type BuildResult } from './builder.js';

/** Nodes copied between two looks at the clock (as in the builder). */
const CLOCK_EVERY = 2048;

/** One parent whose children are being copied. */
interface Frame {
  /** The caller's children (never changed). */
  source: readonly AnyNode[];
  next: number;
  /** The copy they go into. */
  target: ParentNode;
  /** Tree depth of `target` (the document is 0), capped at `maxDepth`. */
  depth: number;
}

class TreeCopier {
  readonly document = new Document([]);
  nodes = 0;
  stoppedBy: BuildResult['stoppedBy'] = null;
  flattened = false;
  readonly noscripts: Element[] = [];

  constructor(private readonly limits: BuildLimits) {}

  run(root: Document): void {
    const stack: Frame[] = [{ source: root.children, next: 0, target: this.document, depth: 0 }];
    while (stack.length > 0 && this.stoppedBy === null) {
      const frame = stack[stack.length - 1]!;
      if (frame.next >= frame.source.length) {
        stack.pop();
        continue;
      }
      const node = frame.source[frame.next++]!;
      const child = this.copyNode(node, frame);
      if (child) stack.push(child);
    }
  }

  /** Copies one node into the frame's target; returns the frame of its children, if it has any to copy. */
  private copyNode(node: AnyNode, frame: Frame): Frame | null {
    switch (node.type) {
      case 'text':
        this.appendText(frame.target, node.data);
        return null;
      case 'comment':
        this.attach(frame.target, new Comment(node.data));
        return null;
      case 'cdata':
        // HTML reads CDATA sections as comments (the builder does too).
        this.attach(frame.target, new Comment(`[CDATA[${cdataText(node.children)}]]`));
        return null;
      case 'directive':
        this.attach(frame.target, new ProcessingInstruction(node.name.toLowerCase(), node.data));
        return null;
      case 'root':
        // A template's content under parse5: its children belong to the template.
        return { source: node.children, next: 0, target: frame.target, depth: frame.depth };
      case 'tag':
      case 'script':
      case 'style':
        return this.copyElement(node, frame);
      default:
        return null;
    }
  }

  private copyElement(node: Element, frame: Frame): Frame | null {
    const name = node.name.toLowerCase();
    const el = new Element(name, copyAttributes(node.attribs));
    // Too deep: the element becomes a sibling of its parent (the builder's rule, Chromium's too).
    const flatten = frame.depth >= this.limits.maxDepth;
    if (flatten) this.flattened = true;
    this.attach(flatten ? (frame.target.parent ?? frame.target) : frame.target, el);
    if (this.stoppedBy !== null) return null;
    if (name === 'noscript') {
      this.noscripts.push(el);
      const raw = rawText(node);
      if (raw !== null) {
        this.parseNoscript(el, raw);
        return null;
      }
    }
    return node.children.length > 0 ? { source: node.children, next: 0, target: el, depth: Math.min(frame.depth + 1, this.limits.maxDepth) } : null;
  }

  /** Parses a noscript's raw text as markup (within what is left of the limits) and adopts the result as its children. */
  private parseNoscript(el: Element, raw: string): void {
    const built = buildTree(raw, { ...this.limits, maxNodes: Math.max(1, this.limits.maxNodes - this.nodes) });
    for (const child of built.document.children.slice()) {
      child.parent = null;
      child.prev = null;
      child.next = null;
      this.attach(el, child, built.nodes);
      if (this.stoppedBy !== null) break;
    }
    for (const inner of built.noscripts) this.noscripts.push(inner);
    if (built.flattened) this.flattened = true;
    if (built.stoppedBy !== null) this.stoppedBy = built.stoppedBy;
  }

  private appendText(parent: ParentNode, data: string): void {
    const last = parent.children[parent.children.length - 1];
    // Adjacent text is one node, as the builder makes it (a flattened element or a skipped node can bring two together).
    if (last !== undefined && last.type === 'text') (last as Text).data += data;
    else this.attach(parent, new Text(data));
  }

  /** Appends `node` to `parent`'s children and counts it (`weight` nodes for a subtree parsed from a noscript). */
  private attach(parent: ParentNode, node: ChildNode, weight = 1): void {
    appendChild(parent, node);
    const before = this.nodes;
    this.nodes += weight;
    if (this.nodes >= this.limits.maxNodes) this.stoppedBy = 'maxNodes';
    else if (Math.floor(this.nodes / CLOCK_EVERY) > Math.floor(before / CLOCK_EVERY) && this.limits.now() > this.limits.deadline)
      this.stoppedBy = 'timeBudgetMs';
  }
}

/** A copy of an attribute map: names lower-cased (the first of two spellings wins, as in browsers), no prototype. */
function copyAttributes(attribs: Record<string, string>): Record<string, string> {
  const out = Object.create(null) as Record<string, string>;
  for (const key of Object.keys(attribs)) {
    const name = key.toLowerCase();
    if (!Object.hasOwn(out, name)) out[name] = String(attribs[key]);
  }
  return out;
}

/** The text of an element whose only children are text nodes (a noscript kept as raw text); null otherwise. */
function rawText(el: Element): string | null {
  if (el.children.length === 0) return null;
  let text = '';
  for (const c of el.children) {
    if (c.type !== 'text') return null;
    text += (c as Text).data;
  }
  // Plain prose holds no markup or entity to parse: the copy keeps it as text. (A tree from
  // htmlparser2 whose noscript text holds a decoded `&lt;` is read as markup too: rare, and harmless.)
  return text.includes('<') || text.includes('&') ? text : null;
}

function cdataText(children: readonly AnyNode[]): string {
  return children.map((c) => (c.type === 'text' ? (c as Text).data : '')).join('');
}

/**
 * Copies a parsed document into a new tree of copydesk's own, within the
 * limits; the input is never changed. Never throws on a domhandler tree.
 */
export function copyTree(root: Document, limits: BuildLimits): BuildResult {
  const copier = new TreeCopier(limits);
  copier.run(root);
  return { document: copier.document, nodes: copier.nodes, stoppedBy: copier.stoppedBy, flattened: copier.flattened, noscripts: copier.noscripts };
}
