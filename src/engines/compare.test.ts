import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compareBodies, COMPARISON, type ComparedBody } from './compare.js';
import { containment, shingles } from './overlap.js';

const words = (n: number, seed: string): string => Array.from({ length: n }, (_, i) => `${seed}${i}`).join(' ');
const body = (text: string, over: Partial<ComparedBody['figures']> = {}): ComparedBody => ({
  text,
  figures: {
    weight: 1,
    chars: text.length,
    linkChars: 0,
    proseChars: text.length,
    proseBlocks: Math.max(1, Math.floor(text.length / 200)),
    largestListChars: 0,
    repeatedChars: 0,
    ...over,
  },
});

describe('shingles and containment', () => {
  it('are 4-word, case- and punctuation-blind', () => {
    expect([...shingles('The cat, the HAT; the bat!')]).toEqual(['the cat the hat', 'cat the hat the', 'the hat the bat']);
    expect(shingles('')).toEqual(new Set());
    expect([...shingles('two words')]).toEqual(['two words']);
  });
  it('measures the share of one text the other holds', () => {
    const a = shingles(words(20, 'a'));
    expect(containment(a, a)).toBe(1);
    expect(containment(a, shingles(words(20, 'b')))).toBe(0);
    expect(containment(new Set(), a)).toBe(1);
  });
});

describe('compareBodies', () => {
  const own = words(100, 'w');
  it('replaces a body the other holds and extends with prose', () => {
    const other = `${own} ${words(200, 'x')}`;
    expect(compareBodies(body(own), body(other))).toMatchObject({ replace: true, reason: 'extends', ownInOther: 1 });
  });
  it('does not replace for a little added prose, nor for added links', () => {
    const little = `${own} ${words(10, 'x')}`;
    expect(compareBodies(body(own), body(little)).replace).toBe(false);
    const linky = `${own} ${words(200, 'x')}`;
    expect(compareBodies(body(own), body(linky, { linkChars: linky.length * COMPARISON.maxLinkDensity })).replace).toBe(false);
  });
  it('keeps its own body when the two agree', () => {
    expect(compareBodies(body(own), body(own))).toMatchObject({ replace: false, reason: 'agrees' });
  });
  it('replaces one list with prose', () => {
    const list = body(own, { largestListChars: own.length * 0.9, proseChars: 0, proseBlocks: 0 });
    expect(compareBodies(list, body(words(120, 'p'), { proseBlocks: 4 }))).toMatchObject({ replace: true, reason: 'one-list' });
  });
  it('keeps its own body against a different, not better one, or an empty one', () => {
    expect(compareBodies(body(own), body(words(90, 'z')))).toMatchObject({ replace: false, reason: 'no-gain' });
    expect(compareBodies(body(own), body(''))).toMatchObject({ replace: false, reason: 'empty' });
  });
  it('never replaces a body with itself (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ minLength: 1, maxLength: 12 }), { maxLength: 300 }), (ws) => {
        const t = ws.join(' ');
        expect(compareBodies(body(t), body(t)).replace).toBe(false);
      }),
    );
  });
});
