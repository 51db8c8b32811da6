import { describe, expect, it } from 'vitest';
import { parseDocument } from 'htmlparser2';
import { indexPage } from './features.js';
import { BLOCK_FEATURES, regionBlocks } from './blocks.js';
import { keepProbability, learnedRegion, LEARNED_POLICY, modelMatchesFeatures } from './learned.js';
import { BODY_BLOCK_MODEL } from './model.js';
import type { Element } from 'domhandler';

const PROSE = [
  'The council approved the new budget on Tuesday after a debate that lasted well into the evening, with members split over the cost of the transport plan.',
  'Supporters said the plan would cut journey times across the city, while critics argued that the money should go to schools and housing instead of roads.',
  'The mayor, who had campaigned on the transport plan, said she was pleased with the result and expected work to begin early next year, weather permitting.',
];

function page(extra: string) {
  const html = `<html><body><article><h1>Council approves budget</h1>${PROSE.map((p) => `<p>${p}</p>`).join('')}${extra}</article></body></html>`;
  const index = indexPage(parseDocument(html));
  const article = index.byTag.get('h1')![0]!.parent as Element;
  return { index, article };
}

describe('body block model', () => {
  it('is trained on the features blocks.ts computes, and is small', () => {
    expect(modelMatchesFeatures()).toBe(true);
    expect(BODY_BLOCK_MODEL.weights.length).toBe(BLOCK_FEATURES.length);
    expect(BODY_BLOCK_MODEL.weights.every((w) => Number.isFinite(w))).toBe(true);
  });

  it('reads every text block of the region with a full feature vector and the rules verdict', () => {
    const { index, article } = page('');
    const blocks = regionBlocks(index, { roots: [article], skip: new Set() }, null, null);
    expect(blocks.map((b) => b.text)).toEqual(['Council approves budget', ...PROSE]);
    for (const b of blocks) {
      expect(b.features.length).toBe(BLOCK_FEATURES.length);
      expect(b.ruleKept).toBe(true);
      const p = keepProbability(b.features);
      expect(p).toBeGreaterThanOrEqual(0);
      expect(p).toBeLessThanOrEqual(1);
    }
    // story paragraphs the rules kept are kept by the model too
    for (const b of blocks.slice(1)) expect(keepProbability(b.features)).toBeGreaterThan(LEARNED_POLICY.dropBelow);
  });

  it('a skipped block is not kept by the rules, and the caller sets are not changed', () => {
    const { index, article } = page('<p class="share-links"><a href="/share">Share on Facebook</a> <a href="/tw">Share on X</a></p>');
    const share = index.blocks.find((b) => b.el.attribs.class === 'share-links')!.el;
    const skip = new Set([share]);
    const boilerplate = [{ el: share, kind: 'share' as const, text: 'Share', rule: 'markup' as const }];
    const blocks = regionBlocks(index, { roots: [article], skip }, null, null);
    expect(blocks.find((b) => b.el === share)?.ruleKept).toBe(false);
    const out = learnedRegion(index, { roots: [article], skip, boilerplate }, null, null);
    expect(skip.size).toBe(1);
    expect(boilerplate.length).toBe(1);
    expect(out.skip.has(share)).toBe(true);
    // the model only ever leaves blocks out, never the region root, and records why
    expect(out.skip.has(article)).toBe(false);
    for (const r of out.boilerplate.filter((b) => b.rule === 'model')) expect(out.skip.has(r.el)).toBe(true);
  });
});
