/**
 * The boilerplate account of a page: what the cleaner removed from the
 * article region and what the walk around it found, merged in page order.
 */
import type { BoilerplateBlock } from '../types.js';
import type { RemovedBlock } from './clean.js';
import type { PageIndex } from './features.js';
import type { PlacedBlock } from './surroundings.js';

/**
 * Merges the region's removals and the surroundings' blocks into the public
 * account, in page order (document order of each block's element; a hidden
 * block keeps the place the walk gave it). The region's removals are already
 * in page order; the surroundings are sorted (their sidebar passes come last),
 * then the two lists are merged in one pass.
 */
export function mergeAccount(index: PageIndex, region: readonly RemovedBlock[], surroundings: readonly PlacedBlock[]): BoilerplateBlock[] {
  const around = [...surroundings].sort((a, b) => a.order - b.order);
  const out: BoilerplateBlock[] = [];
  let j = 0;
  for (const b of region) {
    const order = index.stats.get(b.el)?.order ?? -1;
    while (j < around.length && around[j]!.order < order) {
      out.push({ kind: around[j]!.kind, text: around[j]!.text });
      j++;
    }
    out.push({ kind: b.kind, text: b.text });
  }
  for (; j < around.length; j++) out.push({ kind: around[j]!.kind, text: around[j]!.text });
  return out;
}

/** The public records (kind and text) of the cleaner's removals, in the order given. */
export function publicAccount(blocks: readonly RemovedBlock[]): BoilerplateBlock[] {
  return blocks.map((b) => ({ kind: b.kind, text: b.text }));
}

/** The public records of blocks found around the article only (a page without an article), in page order. */
export function surroundingsAccount(blocks: readonly PlacedBlock[]): BoilerplateBlock[] {
  return [...blocks].sort((a, b) => a.order - b.order).map((b) => ({ kind: b.kind, text: b.text }));
}
