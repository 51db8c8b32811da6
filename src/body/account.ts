/**
 * The boilerplate account of a page: what the cleaner removed from the
 * article region and what the walk around it found, merged in page order.
 */
import type { BoilerplateBlock } from '../types.js';
import type { RemovedBlock } from './clean.js';
import type { PageIndex } from './features.js';
import type { PlacedBlock } from './surroundings.js';

/**
 * Merges the region's removals and the surroundings' blocks into one list in
 * page order (document order of each block's element; a hidden block keeps
 * the place the walk gave it).
 */
export function mergeAccount(index: PageIndex, region: readonly RemovedBlock[], surroundings: readonly PlacedBlock[]): RemovedBlock[] {
  const placed: PlacedBlock[] = region.map((b) => ({ ...b, order: index.stats.get(b.el)?.order ?? -1 }));
  for (const b of surroundings) placed.push(b);
  // Stable: blocks at the same place keep the order they were found in.
  placed.sort((a, b) => a.order - b.order);
  return placed.map(({ order: _order, ...block }) => block);
}

/** The public records: kind and text only. */
export function publicAccount(blocks: readonly RemovedBlock[]): BoilerplateBlock[] {
  return blocks.map((b) => ({ kind: b.kind, text: b.text }));
}
