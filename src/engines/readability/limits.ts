/**
 * The fallback under the call's limits: the same `ExtractLimits` that bound
 * copydesk's own engine. jsdom can neither stop at a node count, nor flatten
 * deep nesting, nor be interrupted at a deadline, so the limits are enforced
 * around it:
 *
 * - a page copydesk itself had to cut (`maxInputSize`), flatten (`maxDepth`)
 *   or stop reading (`maxNodes`, `timeBudgetMs`) is not handed to jsdom at all
 *   (its own article stands);
 * - Readability counts the elements it parses against `maxNodes` (its own
 *   `maxElemsToParse`, which it enforces by throwing: copydesk's article stands);
 * - jsdom is only started when its estimated time fits in what remains of the
 *   time budget ({@link READABILITY_LIMITS}).
 */
import type { ReadPage } from '../../read.js';
import type { ExtractLimits, LimitName } from '../../types.js';

/** The fallback's own figure, as a named table. */
export const READABILITY_LIMITS = Object.freeze({
  /**
   * Characters of HTML jsdom and Readability are assumed to get through per
   * millisecond when checking the time budget. `npm run bench` measures about
   * 1,500–2,000 on the reference machine (2 cores, Node 20: a median page of
   * 130 KB in 65–90 ms); half of that, for margin. With the default budget of
   * one second, pages over about 1 MB are left to copydesk alone.
   */
  charsPerMs: 1000,
} as const);

/**
 * The limit that keeps the fallback from running on this page, or null when
 * it may run. `clock` is read now (see `limits.ts`' `now`).
 */
export function fallbackStoppedBy(page: Pick<ReadPage, 'html' | 'report' | 'deadline'>, clock: number): LimitName | null {
  const hit = page.report.limits[0];
  if (hit !== undefined) return hit;
  if (Number.isFinite(page.deadline) && clock + page.html.length / READABILITY_LIMITS.charsPerMs > page.deadline) return 'timeBudgetMs';
  return null;
}

/** Readability's `maxElemsToParse` for the call's limits (Readability reads 0 as "no limit"). */
export function maxElements(limits: Pick<ExtractLimits, 'maxNodes'>): number {
  return Number.isFinite(limits.maxNodes) ? limits.maxNodes : 0;
}
