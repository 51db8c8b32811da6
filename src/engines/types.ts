/**
 * Public types of the fallback: what `ExtractOptions.fallback` accepts and
 * what `ExtractOptions.onFallback` receives.
 *
 * @packageDocumentation
 */
import type { ConfidenceSignal } from '../body/confidence.js';
import type { EngineName, LimitName } from '../types.js';
import type { ComparisonReason } from './compare.js';
import type { ReadabilityEngine } from './readability/types.js';

/**
 * The fallback engine: `'readability'` (copydesk loads jsdom and
 * @mozilla/readability itself; needs `process.getBuiltinModule`, i.e. Node ≥ 20.16
 * or ≥ 22.3), or the engine object exported by `copydesk/readability` (any Node ≥ 18).
 */
export type FallbackOption = 'readability' | ReadabilityEngine;

/**
 * What happened when the fallback was considered: one of the comparison's
 * reasons (`extends`, `one-list`: Readability's body won; `agrees`, `no-gain`,
 * `empty`: copydesk's stood), or
 * - `error`: jsdom or Readability threw; copydesk's body stands;
 * - `limits`: a limit of the call (`ExtractLimits`) kept jsdom from starting:
 *   copydesk had to cut, flatten or stop reading the page, or jsdom's estimated
 *   time ({@link READABILITY_LIMITS}) does not fit in what remains of the time budget.
 */
export type FallbackReason = ComparisonReason | 'error' | 'limits';

/** A report of one fallback run, passed to `ExtractOptions.onFallback`. */
export interface FallbackReport {
  /** copydesk's own confidence in its body, which was under the threshold. */
  confidence: number;
  /** The signals that lowered it, strongest first. */
  signals: ConfidenceSignal[];
  /** The engine whose body the article carries. */
  engine: EngineName;
  /** Why. */
  reason: FallbackReason;
  /** The limit that kept jsdom from starting (reason `limits`), else null. */
  limit: LimitName | null;
  /** What jsdom or Readability threw (reason `error`), else null. */
  error: unknown;
  /** Milliseconds spent in the fallback (jsdom, Readability, comparison); 0 when it did not run. */
  ms: number;
  /** Share of copydesk's body (4-word shingles) that Readability's body holds; null when there was none. */
  ownInOther: number | null;
  /** Share of Readability's body that copydesk's body holds; null when there was none. */
  otherInOwn: number | null;
}
