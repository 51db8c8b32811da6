/**
 * How sure copydesk is of a body: `Article.confidence`, 0..1.
 *
 * copydesk's own body is rated by the learned model ({@link learnedConfidence}
 * over the evidence of `evidence.ts`, weights in `confidence-model.ts`). The
 * ruled signals below rate a body another engine supplied, rate copydesk's
 * own when the model module does not match the features, and also trigger
 * the fallback (see `assess.ts`).
 *
 * Each ruled signal of {@link CONFIDENCE_SIGNALS} measures one way a chosen body
 * goes wrong and turns it into a penalty between 0 (no doubt) and 1 (certainly
 * wrong); the confidence is the product of (1 − penalty) over the signals, so
 * one strong doubt or several mild ones bring it down. The thresholds are
 * ramps, not cliffs: a body a little under a threshold loses a little.
 *
 * The signals read only the body's own figures (`signals.ts`), the page's
 * prose and, for copydesk's own engine, how the scorer reached its choice, so
 * the same function rates a body found by another engine.
 */
import type { ConfidenceSignal, ConfidenceSignalName } from '../types.js';
import { CONFIDENCE_MODEL } from './confidence-model.js';
import { CONFIDENCE_FEATURES } from './evidence.js';
import type { RegionFigures } from './signals.js';

export type { ConfidenceSignal, ConfidenceSignalName };

/** A ramp of {@link CONFIDENCE_SIGNALS}: no penalty at `fine` or better, full penalty at `bad` or worse, linear between. */
export interface Ramp {
  fine: number;
  bad: number;
  /** Penalty at `bad` (1 unless the signal is weak evidence on its own). */
  max: number;
}

/**
 * The signals. Each is one documented doubt; none is keyed to any site.
 *
 * - `coverage`: the body's prose over the prose of the whole page (leaving
 *   out menus, sidebars, comment sections and consent banners). A body that
 *   holds under half of the page's paragraphs was likely cut from a larger
 *   article, or is the wrong block. Too short a body *for the page* — a short
 *   news brief on a short page is not penalised.
 * - `rival`: the best-scoring container outside the body over the body's own
 *   score. Near 1, another part of the page scored almost as well: the scorer's
 *   choice was a close call.
 * - `oneList`: the share of the body's text inside its largest list. A body
 *   that is mostly one list is often a list of teasers, or a recipe or
 *   listicle whose prose lies elsewhere.
 * - `links`: the body's link text over its text. Articles are prose;
 *   link-dominated text is navigation or teasers.
 * - `relaxedRules`: the step of the retry ladder that produced the body
 *   (0: all rules on; 1: unlikely containers scored; 2: class names ignored;
 *   3: no conditional cleaning). Each relaxation was needed because the
 *   stricter attempt found too little text.
 * - `fewParagraphs`: prose blocks (80+ characters, link-poor) in the body.
 *   Zero or one is weak evidence of a body on its own.
 * - `short`: visible characters of the body. Weak on its own (briefs are
 *   short); it adds to the other doubts.
 */
export const CONFIDENCE_SIGNALS = Object.freeze({
  coverage: Object.freeze({ fine: 0.7, bad: 0.3, max: 1 }) satisfies Ramp,
  rival: Object.freeze({ fine: 0.8, bad: 1, max: 1 }) satisfies Ramp,
  oneList: Object.freeze({ fine: 0.4, bad: 0.8, max: 1 }) satisfies Ramp,
  links: Object.freeze({ fine: 0.2, bad: 0.5, max: 1 }) satisfies Ramp,
  /** Penalty by ladder step (index); steps beyond the table take the last value. */
  relaxedRules: Object.freeze([0, 0.25, 0.6, 0.75]) as readonly number[],
  /** Penalty by number of prose blocks (index); more blocks than the table: none. */
  fewParagraphs: Object.freeze([0.4, 0.2]) as readonly number[],
  short: Object.freeze({ fine: 500, bad: 100, max: 0.5 }) satisfies Ramp,
});

/**
 * Below this confidence the fallback runs (the default of
 * `ExtractOptions.fallbackThreshold`). At 0.5 any one signal at the middle of
 * its ramp triggers it, as do two signals a third of the way down theirs.
 */
export const DEFAULT_FALLBACK_THRESHOLD = 0.5;

/**
 * The confidence of an empty body on a page that copydesk judged to hold no
 * article (an error page, a list of teasers): those rules are precise, but a
 * page judged so might still hold a short article.
 */
export const NOT_AN_ARTICLE_CONFIDENCE = 0.8;

/** What the confidence of a body is computed from. */
export interface ConfidenceInput {
  /** The body's figures. */
  figures: RegionFigures;
  /** Prose characters of the whole page ({@link pageProse}). */
  pageProseChars: number;
  /** The retry-ladder step that produced the body; null for another engine's body. */
  ladderStep: number | null;
  /** Best unrelated score over the body's score; null when no scorer chose the body (structured data, another engine). */
  rivalRatio: number | null;
}

function ramp(value: number, r: Ramp): number {
  const { fine, bad, max } = r;
  const t = fine > bad ? (fine - value) / (fine - bad) : (value - fine) / (bad - fine);
  return Math.min(1, Math.max(0, t)) * max;
}

const step = (table: readonly number[], i: number): number => (i < table.length ? table[i]! : table[table.length - 1]!);

/** Measures every signal of a body. */
export function confidenceSignals(input: ConfidenceInput): ConfidenceSignal[] {
  const f = input.figures;
  const page = Math.max(input.pageProseChars, f.proseChars);
  const coverage = page > 0 ? f.proseChars / page : 1;
  const listShare = f.chars > 0 ? f.largestListChars / f.chars : 0;
  const linkShare = f.chars > 0 ? f.linkChars / f.chars : 0;
  const s = CONFIDENCE_SIGNALS;
  const out: ConfidenceSignal[] = [
    { name: 'coverage', value: coverage, penalty: ramp(coverage, s.coverage) },
    { name: 'oneList', value: listShare, penalty: ramp(listShare, s.oneList) },
    { name: 'links', value: linkShare, penalty: ramp(linkShare, s.links) },
    { name: 'fewParagraphs', value: f.proseBlocks, penalty: f.proseBlocks < s.fewParagraphs.length ? s.fewParagraphs[f.proseBlocks]! : 0 },
    { name: 'short', value: f.chars, penalty: ramp(f.chars, s.short) },
  ];
  if (input.rivalRatio !== null) out.push({ name: 'rival', value: input.rivalRatio, penalty: ramp(input.rivalRatio, s.rival) });
  if (input.ladderStep !== null) out.push({ name: 'relaxedRules', value: input.ladderStep, penalty: step(s.relaxedRules, input.ladderStep) });
  return out;
}

/** The confidence, 0..1, from measured signals: the product of (1 − penalty). An empty body has confidence 0. */
export function confidenceFrom(figures: RegionFigures, signals: readonly ConfidenceSignal[]): number {
  if (figures.chars === 0) return 0;
  let c = 1;
  for (const s of signals) c *= 1 - s.penalty;
  // Rounded so that equal bodies compare equal across runtimes' float formatting.
  return Math.round(c * 1000) / 1000;
}

/** The confidence of a body and the signals that lowered it (penalty above 0), strongest first. */
export function assessConfidence(input: ConfidenceInput): { confidence: number; signals: ConfidenceSignal[] } {
  const all = confidenceSignals(input);
  return {
    confidence: confidenceFrom(input.figures, all),
    signals: all.filter((s) => s.penalty > 0).sort((a, b) => b.penalty - a.penalty),
  };
}

/** True when the confidence model was trained on the features `evidence.ts` computes (same names, same order). */
export function confidenceModelMatches(): boolean {
  const names = CONFIDENCE_MODEL.features;
  return names.length === CONFIDENCE_FEATURES.length && names.every((n, i) => n === CONFIDENCE_FEATURES[i]!.name);
}

const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));
const round3 = (x: number): number => Math.round(x * 1000) / 1000;

/**
 * The learned confidence of copydesk's own body (the model of
 * `confidence-model.ts` over the evidence of `evidence.ts`), and the signals
 * that lowered it, strongest first. A signal's penalty is the share of the
 * confidence it took away: 1 − confidence ÷ the confidence with that signal's
 * features at their sound value (`fine`). Its value is its first feature as
 * the model reads it (for `coverage`, the share of the page's prose).
 */
export function learnedConfidence(evidence: readonly number[]): { confidence: number; signals: ConfidenceSignal[] } {
  const w = CONFIDENCE_MODEL.weights;
  let z = 0;
  for (let j = 0; j < evidence.length; j++) z += (w[j] ?? 0) * evidence[j]!;
  const confidence = round3(sigmoid(z));
  const groups = new Map<ConfidenceSignalName, { value: number; shift: number }>();
  CONFIDENCE_FEATURES.forEach((f, j) => {
    if (!f.signal) return;
    const g = groups.get(f.signal) ?? { value: evidence[j]!, shift: 0 };
    g.shift += (w[j] ?? 0) * (f.fine - evidence[j]!);
    groups.set(f.signal, g);
  });
  const signals: ConfidenceSignal[] = [];
  for (const [name, g] of groups) {
    const penalty = round3(1 - sigmoid(z) / sigmoid(z + g.shift));
    if (penalty > 0) signals.push({ name, value: g.value, penalty });
  }
  return { confidence, signals: signals.sort((a, b) => b.penalty - a.penalty) };
}

/**
 * With the fallback on, a body that Readability's agrees with (each holds
 * four fifths of the other) gets at least this confidence: two engines with
 * different algorithms chose the same text.
 */
export const AGREED_CONFIDENCE = 0.75;
