/**
 * The evidence the learned confidence reads: a fixed vector of figures of
 * copydesk's own body (`signals.ts`), of how the scorer reached it, and of
 * the marks its lines show (`marks.ts`). The vector is the contract between
 * the training script (`scripts/train-confidence.mjs`) and the model module it
 * writes (`confidence-model.ts`): its names are {@link CONFIDENCE_FEATURES},
 * in that order.
 *
 * Each feature says which way it may move the confidence (`sign`): the
 * training keeps every weight on its side, so that more of a doubt never
 * raises the confidence (more of the page's prose left out, a closer rival,
 * more byline lines in the body...). `fine` is the feature's value on a body
 * without that doubt: the confidence a signal took away is measured against
 * it (see `confidence.ts`).
 */
import type { ConfidenceSignalName } from '../types.js';
import type { BodyMarks } from './marks.js';
import type { RegionFigures } from './signals.js';

/** One feature: its name, the signal it reports under, the side of its weight, its value on a sound body. */
export interface ConfidenceFeature {
  name: string;
  signal: ConfidenceSignalName | null;
  /** +1: more of it may only raise the confidence; -1: only lower it; 0: either (the bias). */
  sign: 1 | -1 | 0;
  fine: number;
}

const feature = (name: string, signal: ConfidenceSignalName | null, sign: 1 | -1 | 0, fine: number): ConfidenceFeature =>
  Object.freeze({ name, signal, sign, fine });

/** A coverage under this is a doubt of its own (a hinge on top of the linear share). */
const COVERAGE_KNEE = 0.7;
/** Counts are read as log(1 + n) over this: a few lines matter, the hundredth adds little. */
const COUNT_SCALE = Math.log(11);
/** Characters are read as log(1 + n) over this (about 1 at 20,000 characters). */
const CHARS_SCALE = 10;

/** The features, in vector order. */
export const CONFIDENCE_FEATURES: readonly ConfidenceFeature[] = Object.freeze([
  feature('bias', null, 0, 1),
  // the body against the page
  feature('coverage', 'coverage', 1, 1),
  feature('coverageUnderKnee', 'coverage', -1, 0),
  // what the body is made of
  feature('linkShare', 'links', -1, 0),
  feature('listShare', 'oneList', -1, 0),
  feature('repeatedShare', 'repeated', -1, 0),
  feature('logChars', 'short', 1, Math.log1p(5000) / CHARS_SCALE),
  feature('logProseBlocks', 'fewParagraphs', 1, Math.log1p(10) / COUNT_SCALE),
  // how the scorer reached it
  feature('ladderStep', 'relaxedRules', -1, 0),
  feature('rival', 'rival', -1, 0),
  feature('severalRoots', 'severalStories', -1, 0),
  // the marks of its lines
  feature('metaLines', 'metaLines', -1, 0),
  feature('boilerplateLines', 'boilerplateLines', -1, 0),
  feature('linkedHeadings', 'severalStories', -1, 0),
  feature('stories', 'severalStories', -1, 0),
  feature('beforeHeadlineShare', 'severalStories', -1, 0),
  // the body against what the page says its story is
  feature('headlineWords', 'offTopic', 1, 1),
  feature('descriptionWords', 'offTopic', 1, 1),
  // the block model's view
  feature('keptKeep', 'doubtedBlocks', 1, 1),
  feature('tailKeep', 'doubtedBlocks', 1, 1),
  feature('doubtedShare', 'doubtedBlocks', -1, 0),
  feature('missedShare', 'missedText', -1, 0),
]);

/** What the evidence is computed from. */
export interface EvidenceInput {
  figures: RegionFigures;
  /** Prose characters of the whole page. */
  pageProseChars: number;
  /** The retry-ladder step that produced the body. */
  ladderStep: number;
  /** Best unrelated score over the body's score; null when no scorer chose the body (structured data). */
  rivalRatio: number | null;
  /** Roots of the region (a body joined from several siblings has more than one). */
  roots: number;
  marks: BodyMarks;
}

const count = (n: number): number => Math.log1p(Math.max(0, n)) / COUNT_SCALE;

/** The feature vector of a body, in {@link CONFIDENCE_FEATURES} order. */
export function confidenceEvidence(input: EvidenceInput): number[] {
  const f = input.figures;
  const m = input.marks;
  const page = Math.max(input.pageProseChars, f.proseChars);
  const coverage = page > 0 ? f.proseChars / page : 1;
  const share = (n: number): number => (f.chars > 0 ? Math.min(1, n / f.chars) : 0);
  return [
    1,
    coverage,
    Math.max(0, COVERAGE_KNEE - coverage),
    share(f.linkChars),
    share(f.largestListChars),
    share(f.repeatedChars),
    Math.log1p(f.chars) / CHARS_SCALE,
    count(f.proseBlocks),
    Math.min(input.ladderStep, 3) / 3,
    input.rivalRatio ?? 0,
    input.roots > 1 ? 1 : 0,
    count(m.metaLines),
    count(m.boilerplateLines),
    count(m.linkedHeadings),
    count(Math.max(0, m.stories - 1)),
    m.beforeHeadlineShare,
    m.headlineWords,
    m.descriptionWords,
    m.keptKeep,
    m.tailKeep,
    m.doubtedShare,
    Math.min(2, m.missedShare),
  ];
}
