/**
 * Stage 2b: `<noscript>` content fallbacks. copydesk reads a page the way a
 * browser with scripting off shows it, since it never runs scripts. Some
 * templates (Blogger's, and other pages rendered by script) print the article
 * twice: as a script template a script would render, and inside a
 * `<noscript>` for readers without scripts. The noscript's copy is then the
 * only article text a script-less reader sees, so it is turned into an
 * ordinary block (a `div`). Every other noscript (tracking pixels, image
 * fallbacks, "please enable JavaScript" notes) stays as it is: invisible,
 * with its images read by the image stage.
 */
import type { Element } from 'domhandler';
import { ancestors, isElement, someInSubtree, textOf } from '../dom/nodes.js';

/** What makes a noscript a content fallback, as a named table. */
export const NOSCRIPT_FALLBACK = Object.freeze({
  /** Its visible text is at least this long (chars)... */
  minChars: 200,
  /** ...it holds one of these blocks (prose, not a one-line notice)... */
  blocks: new Set(['p', 'article', 'section', 'blockquote', 'ul', 'ol', 'table', 'h2', 'h3']),
  /** ...and the rest of its parent shows less text than this share of its own (it is not a copy of text already shown). */
  maxShownShare: 0.5,
  /** Nodes looked at inside a noscript for a block (a bound for huge noscripts). */
  maxScan: 2000,
  /**
   * Noscripts whose surroundings are measured, at most (each measure reads
   * its parent's text): a page built of thousands of nested noscripts stays
   * linear, and no real page has more than a few content fallbacks.
   */
  maxChecks: 50,
});

/** Whether a noscript holds one of the fallback blocks, within the scan bound. */
function holdsBlock(noscript: Element): boolean {
  return someInSubtree(noscript, (n) => NOSCRIPT_FALLBACK.blocks.has(n.name), NOSCRIPT_FALLBACK.maxScan);
}

/**
 * Turns the content fallbacks among `noscripts` (the parser's list, in
 * document order) into `div`s, in place: the tree is copydesk's own, built
 * for this call. Returns how many were turned. Nested noscripts are judged
 * from the outside in.
 */
export function showContentFallbacks(noscripts: readonly Element[]): number {
  let shown = 0;
  let checks = 0;
  for (const el of noscripts) {
    if (checks >= NOSCRIPT_FALLBACK.maxChecks) break;
    const parent = el.parent;
    if (!parent || !isElement(parent) || el.name !== 'noscript' || isInHead(el)) continue;
    if (!holdsBlock(el)) continue;
    const own = textOf(el).length;
    if (own < NOSCRIPT_FALLBACK.minChars) continue;
    checks++;
    // The parent's text without this noscript (textOf skips noscripts below its root).
    if (textOf(parent).length >= own * NOSCRIPT_FALLBACK.maxShownShare) continue;
    el.name = 'div';
    shown++;
  }
  return shown;
}

function isInHead(el: Element): boolean {
  return ancestors(el).some((p) => p.name === 'head');
}
