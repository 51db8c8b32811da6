import { describe, expect, it } from 'vitest';
import { parseDocument } from 'htmlparser2';
import type { Element } from 'domhandler';
import { indexPage } from './features.js';
import { learnedRegion, type ReadBlock } from './learned.js';
import { BLOCK_FEATURES } from './blocks.js';
import { bodyMarks, cueWordShare, isBoilerplateLine, isMetaLine, NO_MARKS } from './marks.js';

const PROSE = [
  'The council approved the new budget on Tuesday after a debate that lasted well into the evening, with members split over the cost of the transport plan.',
  'Supporters said the plan would cut journey times across the city, while critics argued that the money should go to schools and housing instead of roads.',
  'The mayor, who had campaigned on the transport plan, said she was pleased with the result and expected work to begin early next year, weather permitting.',
];

/** The marks of a page whose article holds the prose and `extra`, read through the learned layer as extract reads them. */
function marksOf(extra: string, headline: string | null = 'Council approves budget') {
  const html = `<html><body><article><h1>Council approves budget</h1>${PROSE.map((p) => `<p>${p}</p>`).join('')}${extra}</article></body></html>`;
  const index = indexPage(parseDocument(html));
  const article = index.byTag.get('h1')![0]!.parent as Element;
  const { blocks } = learnedRegion(index, { roots: [article], skip: new Set(), boilerplate: [] }, null, null);
  return bodyMarks(blocks, [article], { headline, description: null });
}

describe('the marks of a wrong body', () => {
  it('reads byline, date and photo-credit lines, in several languages', () => {
    for (const line of [
      'By Jane Doe and John Roe',
      'Par Marie Dupont',
      'Von Hans Müller',
      'Updated 3 May 2024, 10:42',
      'Publié le 21 mai 2024',
      '21 May 2024',
      'Photo: Jane Doe/Reuters',
    ]) {
      expect(isMetaLine(line), line).toBe(true);
    }
    // sentences that open with the same words are prose
    expect(isMetaLine('By Tuesday evening the council had agreed to spend more on roads than on schools, to the dismay of the opposition benches.')).toBe(
      false,
    );
    expect(isMetaLine(PROSE[0]!)).toBe(false);
  });

  it("reads boilerplate lines in the cleaner's vocabularies", () => {
    for (const line of ['Share this article', 'Related stories', 'Sign up for our daily newsletter to get the news in your inbox', 'All rights reserved']) {
      expect(isBoilerplateLine(line), line).toBe(true);
    }
    expect(isBoilerplateLine(PROSE[1]!)).toBe(false);
  });

  it('finds nothing in a clean story body', () => {
    const m = marksOf('');
    expect(m.metaLines).toBe(0);
    expect(m.boilerplateLines).toBe(0);
    expect(m.linkedHeadings).toBe(0);
    expect(m.stories).toBe(0);
    expect(m.headlineWords).toBe(1);
    expect(m.keptBlocks).toBeGreaterThanOrEqual(3);
  });

  it('counts bylines and date lines left in the body', () => {
    const m = marksOf('<p>By Jane Doe</p><p>Updated 3 May 2024</p><p>Photo: John Roe/AFP</p>');
    expect(m.metaLines).toBe(3);
  });

  it('counts the teaser headings and articles of a region that spans several stories', () => {
    const teasers = [1, 2, 3].map((i) => `<article><h2><a href="/s/${i}">Another story number ${i}</a></h2><p>${PROSE[i % 3]}</p></article>`).join('');
    const m = marksOf(teasers);
    expect(m.linkedHeadings).toBe(3);
    expect(m.stories).toBe(3);
  });

  it("measures how many of the headline's words the body holds", () => {
    expect(cueWordShare('Council approves budget', PROSE.join(' '))).toBeCloseTo(2 / 3);
    expect(cueWordShare('Flood warning for the valley', PROSE.join(' '))).toBeLessThan(0.3);
    expect(cueWordShare(null, 'anything')).toBe(1);
    expect(marksOf('', 'Flood warning for the valley').headlineWords).toBeLessThan(0.3);
  });

  it("weighs the model's keep probabilities over the kept text, its last third, and the text left out", () => {
    const doc = parseDocument(`<article>${PROSE.map((p) => `<p>${p}</p>`).join('')}<p>${PROSE[0]}</p></article>`);
    const article = doc.children[0] as Element;
    const ps = article.children as Element[];
    const features = new Array(BLOCK_FEATURES.length).fill(0);
    const block = (i: number, keep: number, kept: boolean): ReadBlock => ({ el: ps[i]!, text: PROSE[i % 3]!, features, ruleKept: kept, keep, kept });
    const m = bodyMarks([block(0, 0.9, true), block(1, 0.9, true), block(2, 0.1, true), block(3, 0.8, false)], [article]);
    const lengths = PROSE.map((p) => p.length);
    const kept = lengths[0]! + lengths[1]! + lengths[2]!;
    expect(m.keptKeep).toBeCloseTo((0.9 * lengths[0]! + 0.9 * lengths[1]! + 0.1 * lengths[2]!) / kept);
    expect(m.tailKeep).toBeCloseTo(0.1);
    expect(m.doubtedShare).toBeCloseTo(lengths[2]! / kept);
    expect(m.missedShare).toBeCloseTo(lengths[0]! / kept);
  });

  it('has nothing to doubt without blocks', () => {
    expect(bodyMarks([], [])).toBe(NO_MARKS);
    expect(Object.isFrozen(NO_MARKS)).toBe(true);
  });
});
