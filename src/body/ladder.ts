/**
 * The retry ladder of the body stage: each step ({@link ATTEMPTS}) scores the
 * page's containers with other flags over the same side tables, chooses a
 * root, widens it to the prose around it, adds its siblings and cleans the
 * region; the first attempt whose kept text reaches the threshold wins.
 */
import type { AnyNode, Element } from 'domhandler';
import { isElement, isInsideAnyOf, isInvisibleTag, isText } from '../dom/nodes.js';
import { now } from '../limits.js';
import { DROPPED_TAGS } from '../serialise/allowlist.js';
import type { PageIndex } from './features.js';
import { ATTEMPTS, scoreAndMeasure, type AttemptFlags } from './score.js';
import { chooseRoot, widenToProse, withSiblings } from './root.js';
import { cleanRegion, type RemovedBlock } from './clean.js';
import { THRESHOLDS } from './patterns.js';

/** One attempt: the region chosen, what to leave out of it, and the text it would yield. */
export interface BodyAttempt {
  /** The container the scores chose (before widening and siblings); null when structured data chose the root. */
  top: Element | null;
  /** The attempt's container scores. */
  scores: ReadonlyMap<Element, number>;
  /** Step of the retry ladder ({@link ATTEMPTS} index) that produced it. */
  step: number;
  roots: Element[];
  skip: Set<AnyNode>;
  boilerplate: RemovedBlock[];
  /** Caption blocks kept out of the body. */
  captions: Set<Element>;
  /** Page areas (sidebars) left out whole, accounted with the page around the region. */
  areas: Element[];
  /** Visible characters of the region less what is skipped (from the side tables, without serialising). */
  textLength: number;
}

/** What the page says of its article before the body is found: the cleaner leaves their printed forms out of it. */
export interface ArticleCues {
  headline: string | null;
  /** The page's stated description (`pageDescription`). */
  description: string | null;
}

function attemptBody(index: PageIndex, step: number, cues: ArticleCues, hint: Element | null): BodyAttempt | null {
  const flags: AttemptFlags = ATTEMPTS[step]!;
  const { scores, prose } = scoreAndMeasure(index, flags);
  const top = hint ?? chooseRoot(index, scores);
  if (!top) return null;
  const root = hint ?? widenToProse(index, top, prose);
  const roots = withSiblings(index, root, scores);
  const { skip, boilerplate, captions, areas } = cleanRegion(roots, { index, flags, ...cues, main: root });
  return { top: hint ? null : top, scores, step, roots, skip, boilerplate, captions, areas, textLength: keptText(roots, skip) };
}

/**
 * Characters of the region's text that survive the skip set and reach the
 * serialised body (one walk; skipped subtrees, and the elements the
 * serialiser drops with their content — forms, buttons, menus — are not
 * entered): the ladder compares attempts by the text a reader would get.
 */
function keptText(roots: readonly Element[], skip: ReadonlySet<AnyNode>): number {
  let total = 0;
  const stack: AnyNode[] = [...roots];
  while (stack.length) {
    const node = stack.pop()!;
    if (skip.has(node)) continue;
    if (isText(node)) total += node.data.trim().length;
    else if (isElement(node) && !isInvisibleTag(node.name) && !DROPPED_TAGS.has(node.name)) for (const c of node.children) stack.push(c);
  }
  return total;
}

/**
 * Runs the retry ladder: the first attempt whose text reaches the threshold
 * wins; otherwise the longest attempt does (Readability's `_grabArticle` loop,
 * expressed as other flags over the same side tables instead of re-parses).
 * An attempt rooted inside a block an earlier attempt named boilerplate by
 * its markup is passed over once an attempt has found text.
 * Past the time budget's deadline no further attempt is started.
 */
export function chooseAttempt(index: PageIndex, cues: ArticleCues, hint: Element | null, deadline: number): BodyAttempt | null {
  let best: BodyAttempt | null = null;
  // Blocks the earlier attempts' cleaners named boilerplate by their markup (an author box, a comment area).
  const named = new Set<Element>();
  for (let step = 0; step < ATTEMPTS.length; step++) {
    const attempt = attemptBody(index, step, cues, hint);
    if (attempt) {
      // A later attempt relaxes the rules; one rooted inside a block an earlier attempt named
      // (the author bio under a two-line post) has found that block, not a longer article.
      const stray = best !== null && best.textLength > 0 && isInsideAnyOf(attempt.roots[0]!, named);
      for (const el of attempt.areas) named.add(el);
      for (const b of attempt.boilerplate) if (b.rule === 'markup') named.add(b.el);
      if (!stray) {
        if (attempt.textLength >= THRESHOLDS.retryChars) return attempt;
        if (!best || attempt.textLength > best.textLength) best = attempt;
      }
    }
    if (now() > deadline) break;
  }
  return best;
}
