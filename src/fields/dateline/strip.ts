/**
 * Finds the printed dateline at the start of the article text and takes it
 * out of the body. The tree is copydesk's own parse of the page (never the
 * caller's data), so the dateline is cut from its text nodes in place, once,
 * after the body region has been chosen and before it is serialised.
 */
import type { AnyNode, Text } from 'domhandler';
import { BLOCK_TAGS, isElement, isInvisibleTag, isText } from '../../dom/nodes.js';
import { matchDateline, type DatelineMatch } from './dateline.js';

/** Characters of leading text read to look for a dateline. */
const LEAD_CHARS = 160;
/** The block holding the dateline must be a paragraph of at least this many characters. */
const MIN_PARAGRAPH_CHARS = 60;
/**
 * Leading blocks read: the first, and the one after it when the first is a short line (a
 * byline or a date line the region kept, "홍길동 기자", "Posted May 21"), since the dateline
 * opens the first paragraph of the story.
 */
const MAX_LEAD_BLOCKS = 2;

/**
 * The visible text nodes of the region's first blocks, in order, each block up to
 * {@link LEAD_CHARS} characters; at most {@link MAX_LEAD_BLOCKS} blocks.
 */
function leadingBlocks(roots: readonly AnyNode[], skip: ReadonlySet<AnyNode>): Text[][] {
  const stack: AnyNode[] = [...roots].reverse();
  const blocks: Text[][] = [];
  let nodes: Text[] = [];
  let length = 0;
  const endBlock = (): boolean => {
    if (nodes.length > 0) blocks.push(nodes);
    nodes = [];
    length = 0;
    return blocks.length >= MAX_LEAD_BLOCKS;
  };
  while (stack.length) {
    const n = stack.pop()!;
    if (skip.has(n)) continue;
    if (isText(n)) {
      if (nodes.length === 0 && !n.data.trim()) continue;
      if (length >= LEAD_CHARS) continue; // the rest of a long block is not read
      nodes.push(n);
      length += n.data.length;
      continue;
    }
    if (!isElement(n) || isInvisibleTag(n.name) || n.name === 'figure' || n.name === 'figcaption') continue;
    if ((BLOCK_TAGS.has(n.name) || n.name === 'br') && nodes.length > 0 && endBlock()) return blocks;
    for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]!);
  }
  endBlock();
  return blocks;
}

/** Cuts the first `length` characters from a run of text nodes. */
function cut(nodes: readonly Text[], length: number): void {
  let remaining = length;
  for (const node of nodes) {
    if (remaining <= 0) break;
    const n = Math.min(remaining, node.data.length);
    node.data = node.data.slice(n);
    remaining -= n;
  }
}

/** Finds the dateline opening the region and cuts it from the text; null when the text opens otherwise. */
export function takeDateline(roots: readonly AnyNode[], skip: ReadonlySet<AnyNode>): DatelineMatch | null {
  for (const nodes of leadingBlocks(roots, skip)) {
    const lead = nodes.map((n) => n.data).join('');
    const short = lead.trim().length < MIN_PARAGRAPH_CHARS;
    if (!short || nodes.length >= 2) {
      const m = matchDateline(lead);
      if (m) {
        cut(nodes, m.length);
        return m;
      }
    }
    // Only a short first line (a byline, a date) is passed over to read the paragraph after it.
    if (!short) return null;
  }
  return null;
}
