import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { assessConfidence, confidenceModelMatches, confidenceSignals, CONFIDENCE_SIGNALS, learnedConfidence, type ConfidenceInput } from './confidence.js';
import { CONFIDENCE_MODEL } from './confidence-model.js';
import { CONFIDENCE_FEATURES } from './evidence.js';
import type { RegionFigures } from './signals.js';

const clean: RegionFigures = { weight: 1, chars: 4000, linkChars: 100, proseChars: 3800, proseBlocks: 12, largestListChars: 0, repeatedChars: 0 };
const input = (over: Partial<ConfidenceInput> = {}, figures: Partial<RegionFigures> = {}): ConfidenceInput => ({
  figures: { ...clean, ...figures },
  pageProseChars: 4000,
  ladderStep: 0,
  rivalRatio: 0.2,
  ...over,
});
const penalty = (i: ConfidenceInput, name: string): number => confidenceSignals(i).find((s) => s.name === name)?.penalty ?? 0;

describe('confidence', () => {
  it("is 1 for a long, prose, link-poor body holding the page's prose", () => {
    expect(assessConfidence(input())).toEqual({ confidence: 1, signals: [] });
  });

  it('is 0 for an empty body', () => {
    expect(assessConfidence(input({}, { chars: 0, proseChars: 0, proseBlocks: 0, linkChars: 0 })).confidence).toBe(0);
  });

  it("drops when the body holds little of the page's prose", () => {
    expect(penalty(input({ pageProseChars: 3800 / 0.7 }), 'coverage')).toBeCloseTo(0);
    expect(penalty(input({ pageProseChars: 3800 / 0.5 }), 'coverage')).toBeCloseTo(0.5);
    expect(penalty(input({ pageProseChars: 3800 / 0.2 }), 'coverage')).toBe(1);
    expect(assessConfidence(input({ pageProseChars: 3800 / 0.4 })).signals[0]!.name).toBe('coverage');
  });

  it('drops on a close rival, one list, links, relaxed rules, few paragraphs and shortness', () => {
    expect(penalty(input({ rivalRatio: 0.95 }), 'rival')).toBeCloseTo(0.75);
    expect(penalty(input({}, { largestListChars: 3600 }), 'oneList')).toBeGreaterThan(0.5);
    expect(penalty(input({}, { linkChars: 2000 }), 'links')).toBe(1);
    expect(penalty(input({ ladderStep: 2 }), 'relaxedRules')).toBe(CONFIDENCE_SIGNALS.relaxedRules[2]);
    expect(penalty(input({ ladderStep: 9 }), 'relaxedRules')).toBe(0.75);
    expect(penalty(input({}, { proseBlocks: 0 }), 'fewParagraphs')).toBe(0.4);
    expect(penalty(input({}, { chars: 100 }), 'short')).toBe(0.5);
  });

  it("leaves out the scorer's signals for a body no scorer chose", () => {
    const names = confidenceSignals(input({ ladderStep: null, rivalRatio: null })).map((s) => s.name);
    expect(names).not.toContain('rival');
    expect(names).not.toContain('relaxedRules');
  });

  it('cannot be changed through the exported table', () => {
    expect(Object.isFrozen(CONFIDENCE_SIGNALS)).toBe(true);
    expect(Object.isFrozen(CONFIDENCE_SIGNALS.coverage)).toBe(true);
    expect(Object.isFrozen(CONFIDENCE_SIGNALS.relaxedRules)).toBe(true);
  });

  const figures = fc
    .record({
      chars: fc.nat({ max: 50_000 }),
      linkShare: fc.double({ min: 0, max: 1, noNaN: true }),
      proseShare: fc.double({ min: 0, max: 1, noNaN: true }),
      proseBlocks: fc.nat({ max: 60 }),
      listShare: fc.double({ min: 0, max: 1, noNaN: true }),
    })
    .map(
      (f): RegionFigures => ({
        weight: 1,
        chars: f.chars,
        linkChars: Math.floor(f.chars * f.linkShare),
        proseChars: Math.floor(f.chars * f.proseShare),
        proseBlocks: f.proseBlocks,
        largestListChars: Math.floor(f.chars * f.listShare),
        repeatedChars: 0,
      }),
    );
  const inputs = fc.record({
    figures,
    pageProseChars: fc.nat({ max: 100_000 }),
    ladderStep: fc.option(fc.nat({ max: 5 })),
    rivalRatio: fc.option(fc.double({ min: 0, max: 1, noNaN: true })),
  });

  it('stays within 0..1 and names only signals with a penalty (property)', () => {
    fc.assert(
      fc.property(inputs, (i) => {
        const { confidence, signals } = assessConfidence(i);
        expect(confidence).toBeGreaterThanOrEqual(0);
        expect(confidence).toBeLessThanOrEqual(1);
        for (const s of signals) expect(s.penalty).toBeGreaterThan(0);
      }),
    );
  });

  it('never rises when the page holds more prose elsewhere or a rival scores closer (property)', () => {
    fc.assert(
      fc.property(inputs, fc.nat({ max: 50_000 }), fc.double({ min: 0, max: 1, noNaN: true }), (i, more, closer) => {
        const base = assessConfidence(i).confidence;
        expect(assessConfidence({ ...i, pageProseChars: i.pageProseChars + more }).confidence).toBeLessThanOrEqual(base);
        if (i.rivalRatio !== null) {
          const r = Math.max(i.rivalRatio, closer);
          expect(assessConfidence({ ...i, rivalRatio: r }).confidence).toBeLessThanOrEqual(base);
        }
      }),
    );
  });
});

describe('learned confidence', () => {
  const fine = CONFIDENCE_FEATURES.map((f) => f.fine);
  const evidence = fc.tuple(...CONFIDENCE_FEATURES.map((f) => (f.name === 'bias' ? fc.constant(1) : fc.double({ min: 0, max: 2, noNaN: true }))));

  it('is trained on the features evidence.ts computes, each weight on its allowed side', () => {
    expect(confidenceModelMatches()).toBe(true);
    CONFIDENCE_FEATURES.forEach((f, j) => {
      const w = CONFIDENCE_MODEL.weights[j]!;
      expect(Number.isFinite(w), f.name).toBe(true);
      if (f.sign > 0) expect(w, f.name).toBeGreaterThanOrEqual(0);
      if (f.sign < 0) expect(w, f.name).toBeLessThanOrEqual(0);
    });
  });

  it('is high for a sound body and says nothing against it', () => {
    const { confidence, signals } = learnedConfidence(fine);
    expect(confidence).toBeGreaterThan(0.9);
    expect(signals).toEqual([]);
  });

  it('stays within 0..1 and names only signals with a penalty, strongest first (property)', () => {
    fc.assert(
      fc.property(evidence, (x) => {
        const { confidence, signals } = learnedConfidence(x);
        expect(confidence).toBeGreaterThanOrEqual(0);
        expect(confidence).toBeLessThanOrEqual(1);
        for (const s of signals) expect(s.penalty).toBeGreaterThan(0);
        for (let i = 1; i < signals.length; i++) expect(signals[i]!.penalty).toBeLessThanOrEqual(signals[i - 1]!.penalty);
      }),
    );
  });

  it('never rises with more of a doubt, nor falls with more of a good sign (property)', () => {
    fc.assert(
      fc.property(evidence, fc.nat({ max: CONFIDENCE_FEATURES.length - 1 }), fc.double({ min: 0, max: 1, noNaN: true }), (x, j, more) => {
        const f = CONFIDENCE_FEATURES[j]!;
        if (f.sign === 0) return;
        const moved = [...x];
        moved[j] = x[j]! + more;
        const before = learnedConfidence(x).confidence;
        const after = learnedConfidence(moved).confidence;
        if (f.sign < 0) expect(after).toBeLessThanOrEqual(before);
        else expect(after).toBeGreaterThanOrEqual(before);
      }),
    );
  });

  it('reads a body of bylines, a body of several stories and a body the block model doubts as doubtful', () => {
    const at = (name: string): number => CONFIDENCE_FEATURES.findIndex((f) => f.name === name);
    const doubt = (changes: Record<string, number>): number => {
      const x = [...fine];
      for (const [name, v] of Object.entries(changes)) x[at(name)] = v;
      return learnedConfidence(x).confidence;
    };
    const sound = learnedConfidence(fine).confidence;
    expect(doubt({ metaLines: 1 })).toBeLessThan(sound);
    expect(doubt({ stories: 0.5, linkedHeadings: 0.6 })).toBeLessThan(sound);
    const doubted = { keptKeep: 0.3, tailKeep: 0.3, doubtedShare: 0.7 };
    expect(doubt(doubted)).toBeLessThan(0.7);
    const x = [...fine];
    for (const [name, v] of Object.entries(doubted)) x[at(name)] = v;
    expect(learnedConfidence(x).signals[0]!.name).toBe('doubtedBlocks');
  });
});
