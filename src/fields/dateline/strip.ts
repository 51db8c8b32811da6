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

/** The first visible text nodes of the region, in order, up to {@link LEAD_CHARS} characters within one block. */
function leadingText(roots: readonly AnyNode[], skip: ReadonlySet<AnyNode>): { nodes: Text[]; block: AnyNode | null } {
  const stack: AnyNode[] = [...roots].reverse();
  const nodes: Text[] = [];
  let length = 0;
  let block: AnyNode | null = null;
  while (stack.length) {
    const n = stack.pop()!;
    if (skip.has(n)) continue;
    if (isText(n)) {
      if (nodes.length === 0 && !n.data.trim()) continue;
      nodes.push(n);
      length += n.data.length;
      if (length >= LEAD_CHARS) break;
      continue;
    }
    if (!isElement(n) || isInvisibleTag(n.name) || n.name === 'figure' || n.name === 'figcaption') continue;
    if (BLOCK_TAGS.has(n.name) || n.name === 'br') {
      if (nodes.length > 0) break; // the first block has ended
      block = n;
    }
    for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]!);
  }
  return { nodes, block };
}

/** Finds the dateline opening the region and cuts it from the text; null when the text opens otherwise. */
export function takeDateline(roots: readonly AnyNode[], skip: ReadonlySet<AnyNode>): DatelineMatch | null {
  const { nodes } = leadingText(roots, skip);
  if (nodes.length === 0) return null;
  const lead = nodes.map((n) => n.data).join('');
  if (lead.trim().length < MIN_PARAGRAPH_CHARS && nodes.length < 2) return null;
  const m = matchDateline(lead);
  if (!m) return null;
  let remaining = m.length;
  for (const node of nodes) {
    if (remaining <= 0) break;
    const cut = Math.min(remaining, node.data.length);
    node.data = node.data.slice(cut);
    remaining -= cut;
  }
  return m;
}
