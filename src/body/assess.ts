/**
 * copydesk's confidence in its own body: the region's figures, the page's
 * prose, the ladder step and the scorer's margin, rated by `confidence.ts`.
 */
import type { AnyNode, Element } from 'domhandler';
import { assessConfidence, confidenceModelMatches, learnedConfidence, type ConfidenceSignal } from './confidence.js';
import type { NOT_AN_ARTICLE_CONFIDENCE } from './confidence.js';
import { confidenceEvidence } from './evidence.js';
import type { PageIndex } from './features.js';
import type { ReadBlock } from './learned.js';
import { bodyMarks, NO_MARKS, type StoryCues } from './marks.js';
import { measureRegion, pageProse, rivalRatio, type RegionFigures } from './signals.js';

/** The chosen region as the extractor holds it. */
export interface AssessedRegion {
  roots: readonly Element[];
  skip: ReadonlySet<AnyNode>;
  /** The container the scores chose; null when structured data chose the root. */
  top: Element | null;
  scores: ReadonlyMap<Element, number>;
  /** Step of the retry ladder that produced the region. */
  step: number;
  /** The blocks the learned layer read, with its keep probabilities (absent when it did not run). */
  blocks?: readonly ReadBlock[];
}

/** copydesk's own body, rated. */
export interface OwnAssessment {
  figures: RegionFigures;
  /** Prose of the whole page, at the body's text weight. */
  pageProseChars: number;
  confidence: number;
  /** The signals that lowered the confidence, strongest first. */
  signals: ConfidenceSignal[];
  /** The learned confidence's feature vector (`evidence.ts`); empty for no region. */
  evidence: number[];
  /**
   * What the fallback compares with its threshold: the lower of the
   * confidence and the ruled signals' rating (`assessConfidence`). The
   * fallback's comparison acts on what the ruled signals measure (a body cut
   * short, a body that is one list), where the learned confidence, trained on
   * whether a body is right, can stay high: a body that is mostly one list is
   * right on most dev pages, yet Readability's prose is better on some.
   */
  fallbackRating: number;
}

const NO_FIGURES: RegionFigures = { weight: 1, chars: 0, linkChars: 0, proseChars: 0, proseBlocks: 0, largestListChars: 0, repeatedChars: 0 };

/**
 * Rates the region copydesk chose (after cleaning and dateline removal);
 * `region` is null when no region was found; `cues` are the page's headline
 * and description, which a body of the right story shares words with. (A page judged to hold no
 * article is not rated here: its empty body is a decision, with
 * {@link NOT_AN_ARTICLE_CONFIDENCE}.)
 */
export function assessOwnBody(index: PageIndex, region: AssessedRegion | null, cues?: StoryCues): OwnAssessment {
  if (!region) return { figures: NO_FIGURES, pageProseChars: pageProse(index), confidence: 0, signals: [], evidence: [], fallbackRating: 0 };
  const figures = measureRegion(index, region.roots, region.skip);
  const pageProseChars = pageProse(index, figures.weight);
  const rival = region.top ? rivalRatio(region.scores, region.top, region.roots) : null;
  const marks = region.blocks ? bodyMarks(region.blocks, region.roots, cues) : NO_MARKS;
  const evidence = confidenceEvidence({ figures, pageProseChars, ladderStep: region.step, rivalRatio: rival, roots: region.roots.length, marks });
  const ruled = assessConfidence({ figures, pageProseChars, ladderStep: region.step, rivalRatio: rival });
  // The learned confidence when its model is trained on these features; else the ruled signals. An empty body is 0 either way.
  const rated = confidenceModelMatches() && figures.chars > 0 ? learnedConfidence(evidence) : ruled;
  return { figures, pageProseChars, ...rated, evidence, fallbackRating: Math.min(rated.confidence, ruled.confidence) };
}
