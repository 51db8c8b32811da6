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
 * - jsdom is only started when the budget has not run out and its estimated
 *   time ({@link READABILITY_LIMITS}) fits in the time budget. The estimate is
 *   compared with the whole budget, not with what copydesk's own run left of
 *   it: the decision then depends on the page alone, never on the machine's
 *   speed or load (the call may overrun the budget by copydesk's own time, a
 *   few milliseconds; the budget is a soft deadline).
 */
import type { PageIndex } from '../../body/features.js';
import { isText } from '../../dom/nodes.js';
import type { ReadPage } from '../../read.js';
import type { ExtractLimits, LimitName } from '../../types.js';

/** The fallback's own figure, as a named table. */
export const READABILITY_LIMITS = Object.freeze({
  /**
   * Characters of HTML, not counting inline scripts, that jsdom and
   * Readability are assumed to get through per millisecond when checking the
   * time budget. Inline scripts are left out because jsdom only tokenises
   * them (a 1 MB page that is 85 % JSON in scripts took 135 ms), while
   * markup and style sheets cost it in proportion. Measured on 280 dev pages
   * of the evaluation sets on the reference machine (2 cores, Node 20): a
   * median of about 1,000, one page in ten under 400; half the median. With
   * the default budget of one second, pages with more than about 450 KB of
   * markup outside scripts are left to copydesk alone.
   */
  charsPerMs: 500,
} as const);

/** Characters of the page's inline scripts (their text), from the tag index. */
export function scriptChars(index: Pick<PageIndex, 'byTag'>): number {
  let total = 0;
  for (const el of index.byTag.get('script') ?? []) for (const c of el.children) if (isText(c)) total += c.data.length;
  return total;
}

/** Milliseconds jsdom and Readability are estimated to take on a page (see {@link READABILITY_LIMITS}). */
export function estimatedMs(htmlChars: number, scriptTextChars: number): number {
  return Math.max(0, htmlChars - scriptTextChars) / READABILITY_LIMITS.charsPerMs;
}

/**
 * The limit that keeps the fallback from running on this page, or null when
 * it may run. `clock` is read now (see `limits.ts`' `now`).
 */
export function fallbackStoppedBy(
  page: Pick<ReadPage, 'html' | 'report' | 'deadline'>,
  index: Pick<PageIndex, 'byTag'>,
  limits: Pick<ExtractLimits, 'timeBudgetMs'>,
  clock: number,
): LimitName | null {
  const hit = page.report.limits[0];
  if (hit !== undefined) return hit;
  if (clock > page.deadline || estimatedMs(page.html.length, scriptChars(index)) > limits.timeBudgetMs) return 'timeBudgetMs';
  return null;
}

/** Readability's `maxElemsToParse` for the call's limits (Readability reads 0 as "no limit"). */
export function maxElements(limits: Pick<ExtractLimits, 'maxNodes'>): number {
  return Number.isFinite(limits.maxNodes) ? limits.maxNodes : 0;
}
