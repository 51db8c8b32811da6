import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { countChar, countMatches } from './count.js';

describe('counting without keeping', () => {
  it('countChar counts what split counts', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(' ', 'a', 'b'), maxLength: 30 }), (s) => {
        expect(countChar(s, ' ') + 1).toBe(s.split(' ').length);
      }),
    );
  });

  it('countMatches counts what match counts, from the start whatever lastIndex was', () => {
    const DIGIT = /\p{N}/gu;
    DIGIT.lastIndex = 5;
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('1', '٣', '²', 'a', ' '), maxLength: 30 }), (s) => {
        expect(countMatches(s, DIGIT)).toBe((s.match(/\p{N}/gu) ?? []).length);
      }),
    );
  });
});
