/**
 * The learned body decision: the block model (`model.ts`, written by
 * `npm run train`) read over the blocks of the chosen region
 * (`blocks.ts`). It overrides the rules only where it is sure, and only in
 * the direction the cross-validation by site showed it to be right
 * ({@link LEARNED_POLICY}): it leaves out a block the rules kept when its
 * keep probability is very low (a teaser, a credit line, a stray widget line
 * the cleaner's vocabularies do not name). Pure: returns a new skip set and
 * removal list; the caller's are not changed.
 */
import type { AnyNode, Element } from 'domhandler';
import { isElement } from '../dom/nodes.js';
import { BLOCK_FEATURES, regionBlocks, type ChosenRegion, type RegionBlock } from './blocks.js';
import type { PageIndex } from './features.js';
import type { RemovedBlock } from './clean.js';
import { summary } from './markup.js';
import { BODY_BLOCK_MODEL } from './model.js';

/** When the model overrides the rules (chosen by the cross-validation in `scripts/train.mjs`, see docs/quality.md). */
export const LEARNED_POLICY = Object.freeze({
  /** A block the rules kept is left out when the model keeps it with less than this probability. */
  dropBelow: 0.1,
  /**
   * Only a block whose own text is (nearly) all of its subtree's text is left
   * out: leaving out an element that holds other blocks would drop them too.
   */
  ownTextShare: 0.95,
});

/** Blocks the model never leaves out: pictures' captions belong to the media layer (captions are accounted apart from the body). */
const MEDIA_TAGS: ReadonlySet<string> = new Set(['figure', 'figcaption', 'picture']);

/** Whether `el` is or lies inside a figure, a caption or a picture, below the region's roots. */
function inMedia(el: Element, roots: ReadonlySet<Element>): boolean {
  for (let p: AnyNode | null = el; p && isElement(p) && !roots.has(p); p = p.parent) if (MEDIA_TAGS.has(p.name)) return true;
  return false;
}

/** The model's probability that a block belongs to the body. */
export function keepProbability(features: readonly number[]): number {
  const w = BODY_BLOCK_MODEL.weights;
  let z = 0;
  for (let j = 0; j < features.length; j++) z += (w[j] ?? 0) * features[j]!;
  return 1 / (1 + Math.exp(-z));
}

/** True when the model module was trained on the features `blocks.ts` computes (same names, same order). */
export function modelMatchesFeatures(): boolean {
  const names: readonly string[] = BODY_BLOCK_MODEL.features;
  return names.length === BLOCK_FEATURES.length && names.every((n, i) => n === BLOCK_FEATURES[i]);
}

/** A block of the container or region as the learned layer read it: the model's keep probability and the final verdict. */
export interface ReadBlock extends RegionBlock {
  /** The model's probability that the block belongs to the body. */
  keep: number;
  /** True when the block stays in the body (the rules kept it and the model did not leave it out). */
  kept: boolean;
}

/**
 * The region after the model's overrides: a new skip set and the removals
 * (the model's merged in, in page order), and the blocks as the model read
 * them (which `confidence` weighs: a body of blocks the model doubts, or
 * article-like text left outside it, is a body to doubt).
 */
export function learnedRegion(
  index: PageIndex,
  region: ChosenRegion & { boilerplate: readonly RemovedBlock[]; captions?: ReadonlySet<Element> },
  container: Element | null,
  headline: Element | null,
): { skip: Set<AnyNode>; boilerplate: RemovedBlock[]; blocks: ReadBlock[] } {
  const skip = new Set(region.skip);
  const boilerplate = [...region.boilerplate];
  if (!modelMatchesFeatures()) return { skip, boilerplate, blocks: [] };
  const roots = new Set(region.roots);
  const dropped: RemovedBlock[] = [];
  const blocks: ReadBlock[] = [];
  for (const b of regionBlocks(index, region, container, headline)) {
    const keep = keepProbability(b.features);
    // Named, not spread: a block's features are a getter (made on first read), which a spread would not copy.
    const read: ReadBlock = { el: b.el, text: b.text, ruleKept: b.ruleKept, features: b.features, keep, kept: b.ruleKept };
    blocks.push(read);
    if (!b.ruleKept || roots.has(b.el) || region.captions?.has(b.el) || inMedia(b.el, roots)) continue;
    const subtree = index.stats.get(b.el)?.text ?? 0;
    if (b.text.length < LEARNED_POLICY.ownTextShare * subtree) continue;
    if (keep >= LEARNED_POLICY.dropBelow) continue;
    read.kept = false;
    skip.add(b.el);
    dropped.push({ el: b.el, kind: 'other', text: summary(b.el), rule: 'model' });
  }
  if (!dropped.length) return { skip, boilerplate, blocks };
  const order = (r: RemovedBlock): number => index.stats.get(r.el)?.order ?? -1;
  return { skip, boilerplate: [...boilerplate, ...dropped].sort((x, y) => order(x) - order(y)), blocks };
}
