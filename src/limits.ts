/**
 * The bounds on one call of `extract`, their defaults, and the clock the time
 * budget is read from. Every stage is linear in its input; these limits bound
 * the input itself, so that no page — 40 MB of markup, a million nested
 * elements, a tokenizer torture test — can take unbounded time or memory.
 */
import type { ExtractLimits } from './types.js';

/**
 * The default limits. Measured on this project's reference machine (2 cores,
 * Node 20; `npm run bench` prints the figures), they keep any single call
 * within about a second while leaving every real news page untouched:
 *
 * - `maxInputSize` 8 MiB: extraction runs at roughly 15 MB/s of markup, and real
 *   article pages, inline scripts and JSON included, stay well under 8 MiB
 *   (the heaviest of 1,195 benchmark pages is 2.6 MB);
 * - `maxNodes` 200,000: real pages have 2,000–30,000 nodes (the most of the
 *   benchmark pages: 27,751); the pipeline costs a few microseconds per node;
 * - `maxDepth` 256: real pages nest 20–60 deep (the deepest of 1,195
 *   benchmark pages: 52); Chromium's parser caps at 512, copydesk lower
 *   because a stage that walks each element's ancestors, or the subtree of
 *   each of a set of elements, costs up to depth × nodes;
 * - `timeBudgetMs` 1,000: a backstop for inputs the other limits do not
 *   catch; an ordinary page takes a few milliseconds.
 */
export const DEFAULT_LIMITS: Readonly<ExtractLimits> = Object.freeze({
  maxInputSize: 8 * 1024 * 1024,
  maxNodes: 200_000,
  maxDepth: 256,
  timeBudgetMs: 1000,
});

/**
 * Share of the time budget parsing may use. What follows parsing (indexing,
 * scoring, cleaning, serialising) is linear in the tree parsing built and
 * costs about as much again, so stopping the parser halfway through the budget
 * keeps the whole call near the budget.
 */
export const PARSE_BUDGET_SHARE = 0.4;

/**
 * Multiple of the time budget at which the walks after parsing stop (the hard
 * deadline). The budget itself is soft: parsing stops at 40% of it, no
 * learned refinement starts after half of it and no retry attempt after it,
 * which keeps ordinary calls near it while every stage still runs to the end.
 * A call that is still working at 1.3 times the budget (a huge page on a busy machine)
 * stops where it is; the serialiser writes until {@link SERIALISE_DEADLINE_SHARE};
 * what follows (the last fields, read from what was found) ends the call
 * within twice the budget. `npm run bench:budget` measures it on every page
 * shape of the growth test grown to the input limit.
 */
export const HARD_DEADLINE_SHARE = 1.3;

/**
 * Multiple of the time budget at which the serialiser stops building the body.
 * Later than the other walks: cut at the same moment, it threw away the body
 * every earlier stage paid to find (an 8 MiB page kept 280 characters). Not
 * later: what it built is then written three ways (HTML, text, Markdown)
 * without a check, which on the largest pages takes a fifth of the budget.
 */
export const SERIALISE_DEADLINE_SHARE = 1.45;

/**
 * Share of the time budget after which no refinement starts: the body
 * model's pass over the region's blocks (and the confidence marks read from
 * it) costs about as much as the ladder on a page of many blocks, so a call
 * that has used this much of its budget goes on with the rules' region.
 */
export const REFINE_BUDGET_SHARE = 0.5;

/** Checks of {@link Deadline.passed} between two readings of the clock: a reading costs about as much as a step of a walk. */
const CLOCK_EVERY = 64;

/**
 * The call's time budget as the long walks of every stage read it (indexing,
 * scoring and cleaning, captions and images, the byline and date searches,
 * serialising). A walk asks {@link passed} once per step and stops when it
 * answers true, keeping what it has done: the article so far. The clock is
 * read every {@link CLOCK_EVERY} checks; once the deadline has passed the
 * answer stays true, and {@link ranOut} tells `extract` to report it (the
 * `timeBudgetMs` limit in `Article.input`).
 */
export class Deadline {
  private checks = 0;
  private over = false;

  /** @param at - clock reading (see {@link now}) at which the budget runs out; `Infinity` for none */
  constructor(readonly at: number) {}

  /** True once the deadline has passed. */
  passed(): boolean {
    if (this.over) return true;
    if (this.at === Infinity || ++this.checks % CLOCK_EVERY !== 0) return false;
    this.over = now() > this.at;
    return this.over;
  }

  /** True once the deadline has passed, reading the clock now: for a check between two large steps. */
  passedNow(): boolean {
    if (!this.over && this.at !== Infinity) this.over = now() > this.at;
    return this.over;
  }

  /** True when a walk found the deadline passed (and so stopped short). */
  get ranOut(): boolean {
    return this.over;
  }
}

/** A monotonic clock in milliseconds where the runtime has one (browsers, Node, workers), else the wall clock. */
export function now(): number {
  const perf = (globalThis as { performance?: { now?: () => number } }).performance;
  return typeof perf?.now === 'function' ? perf.now() : Date.now();
}
