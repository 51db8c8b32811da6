/**
 * Choosing between copydesk's body and the fallback engine's body.
 *
 * The comparison is asymmetric on purpose: copydesk's body stands unless the
 * other body is better by evidence that does not depend on either engine's
 * own opinion — it holds copydesk's text and adds real prose to it, or it is
 * prose where copydesk's is one list. Both bodies have been through copydesk's
 * cleaner and are measured the same way (`body/signals.ts`): prose blocks are
 * long, link-poor paragraphs, each counted once (galleries repeat captions).
 */
import type { RegionFigures } from '../body/signals.js';
import type { ComparisonReason } from '../types.js';
import { containment, shingles } from './overlap.js';

export type { ComparisonReason };

/** The thresholds of the comparison, as a named table. */
export const COMPARISON = Object.freeze({
  /** The other body holds copydesk's when it holds at least this share of its 4-word shingles. */
  holds: 0.9,
  /** The two bodies agree when each holds at least this share of the other. */
  agree: 0.8,
  /** Prose the other body must add (characters), at least... */
  minAddedProse: 300,
  /** ...and at least this share of copydesk's prose. */
  minAddedProseShare: 0.2,
  /** Link text over text above which the other body is no better article text. */
  maxLinkDensity: 0.3,
  /** copydesk's body is "one list" when its largest list holds this share of its text... */
  oneList: 0.6,
  /** ...and the other body is not, when its largest list holds under this share... */
  otherList: 0.4,
  /** ...and holds at least this many prose blocks. */
  minProseBlocks: 2,
} as const);

/** One body to compare: its text and figures. */
export interface ComparedBody {
  text: string;
  figures: RegionFigures;
}

/** The outcome of {@link compareBodies}. */
export interface Comparison {
  /** True when the other engine's body should replace copydesk's. */
  replace: boolean;
  reason: ComparisonReason;
  /** Share of copydesk's shingles the other body holds. */
  ownInOther: number;
  /** Share of the other body's shingles copydesk's body holds. */
  otherInOwn: number;
}

const share = (part: number, whole: number): number => (whole > 0 ? part / whole : 0);

/** Compares copydesk's body (`own`) with another engine's (`other`). */
export function compareBodies(own: ComparedBody, other: ComparedBody): Comparison {
  if (other.figures.chars === 0 || other.text.trim() === '') {
    return { replace: false, reason: 'empty', ownInOther: 0, otherInOwn: 0 };
  }
  const a = shingles(own.text);
  const b = shingles(other.text);
  // An empty own body is held by any other (nothing of it is missing): then added prose decides.
  const ownInOther = containment(a, b);
  const otherInOwn = containment(b, a);
  const result = (replace: boolean, reason: ComparisonReason): Comparison => ({ replace, reason, ownInOther, otherInOwn });
  const c = COMPARISON;
  const o = own.figures;
  const x = other.figures;

  const added = x.proseChars - o.proseChars;
  if (ownInOther >= c.holds && added >= Math.max(c.minAddedProse, c.minAddedProseShare * o.proseChars) && share(x.linkChars, x.chars) < c.maxLinkDensity) {
    return result(true, 'extends');
  }
  if (ownInOther >= c.agree && otherInOwn >= c.agree) return result(false, 'agrees');
  if (share(o.largestListChars, o.chars) >= c.oneList && share(x.largestListChars, x.chars) < c.otherList && x.proseBlocks >= c.minProseBlocks) {
    return result(true, 'one-list');
  }
  return result(false, 'no-gain');
}
