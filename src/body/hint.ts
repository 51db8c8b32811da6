/**
 * JSON-LD `articleBody` as a soft target. Many pages repeat the article's text
 * in their structured data; where they do, the article root is the smallest
 * container holding the paragraphs that the structured text also holds. The
 * body is still extracted from the DOM (which keeps structure, links and
 * figures); the structured text only says where to look.
 */
import type { Element } from 'domhandler';
import { isElement, textOf } from '../dom/nodes.js';
import type { PageMetadata } from '../metadata/collect.js';
import { ldString } from '../metadata/jsonld.js';
import type { PageIndex } from './features.js';

/** Shortest structured text (chars) worth matching. */
const MIN_ARTICLE_BODY_CHARS = 400;
/** Shortest block (chars) probed against the structured text. */
const MIN_BLOCK_CHARS = 80;
/** Characters of a block's normalised text probed (from its middle, away from edits at the edges). */
const PROBE_CHARS = 48;
/** Blocks that must match for the hint to be used. */
const MIN_MATCHED_BLOCKS = 2;
/** Share of the structured text the matched blocks must cover: a truncated teaser text is no guide. */
const MIN_COVERAGE = 0.6;
/** Share of the matched text the chosen container must hold. */
const CONTAINER_SHARE = 0.9;
/** Most blocks probed, to bound the cost on huge pages. */
const MAX_PROBED_BLOCKS = 2000;

/** Lower-cased letters and digits, single-spaced: what both texts are compared on. */
function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The structured article text, when a JSON-LD article node carries one long enough. */
function articleBodyText(md: PageMetadata): string | null {
  for (const node of md.ldArticles) {
    const text = ldString(node, 'articleBody');
    if (text && text.length >= MIN_ARTICLE_BODY_CHARS) return text;
  }
  return null;
}

/** The smallest container holding the blocks that JSON-LD `articleBody` also holds, or null when there is no usable hint. */
export function rootFromArticleBody(index: PageIndex, md: PageMetadata): Element | null {
  const raw = articleBodyText(md);
  if (!raw) return null;
  const target = normalise(raw);
  const weight = new Map<Element, number>();
  let matched = 0;
  let matchedBlocks = 0;
  let probed = 0;
  for (const block of index.blocks) {
    if (block.text < MIN_BLOCK_CHARS) continue;
    const st = index.stats.get(block.el);
    if (!st || st.excluded) continue;
    if (++probed > MAX_PROBED_BLOCKS) break;
    // A prefix is enough for the probe, and keeps nested blocks from each reading the whole page.
    const text = normalise(textOf(block.el, { maxChars: 20_000 }));
    if (text.length < PROBE_CHARS) continue;
    const start = Math.floor((text.length - PROBE_CHARS) / 2);
    if (!target.includes(text.slice(start, start + PROBE_CHARS))) continue;
    matchedBlocks++;
    matched += block.text;
    for (let a: Element | null = block.el; a; a = isElement(a.parent) ? a.parent : null) {
      weight.set(a, (weight.get(a) ?? 0) + block.text);
    }
  }
  if (matchedBlocks < MIN_MATCHED_BLOCKS || matched < target.length * MIN_COVERAGE) return null;
  // The deepest container holding nearly all of the matched text: the one with the least text overall.
  let best: Element | null = null;
  let bestText = Infinity;
  for (const [el, w] of weight) {
    if (w < matched * CONTAINER_SHARE) continue;
    const text = index.stats.get(el)?.text ?? Infinity;
    if (text < bestText) {
      best = el;
      bestText = text;
    }
  }
  return best;
}
