import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { HTML_SPACE_RUN, UNCOLLAPSED_RUN, UNSPACED_RUN } from './spaces.js';
import { collapse } from './nodes.js';

// Every whitespace-like character the three sets disagree on, plus letters.
const TEXT = fc.string({
  unit: fc.constantFrom(
    ' ',
    ' ',
    ' ',
    '\t',
    '\n',
    '\r',
    '\f',
    '\v',
    '\u00a0',
    '\u1680',
    '\u2003',
    '\u200a',
    '\u200b',
    '\u2028',
    '\u202f',
    '\u3000',
    '\ufeff',
    'a',
    'b',
    'é',
    '字',
  ),
  maxLength: 40,
});

describe('the whitespace runs that need replacing', () => {
  const PAIRS: Array<[string, RegExp, RegExp]> = [
    ['\\s and U+200B', UNCOLLAPSED_RUN, /[\s\u200b]+/g],
    ['\\s', UNSPACED_RUN, /\s+/g],
    ['HTML and typographic spaces', HTML_SPACE_RUN, /[ \t\n\r\f\v\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/g],
  ];
  for (const [name, needing, every] of PAIRS) {
    it(`${name}: replacing them gives what replacing every run gives`, () => {
      fc.assert(
        fc.property(TEXT, (s) => {
          expect(s.replace(needing, ' ')).toBe(s.replace(every, ' '));
        }),
        { numRuns: 5000 },
      );
    });
  }

  it('leave prose of single spaces alone', () => {
    expect('harbour wall '.repeat(100).match(UNCOLLAPSED_RUN)).toBeNull();
    expect('harbour wall '.repeat(100).match(HTML_SPACE_RUN)).toBeNull();
  });

  it('collapse gives what the plain replace and trim give', () => {
    fc.assert(
      fc.property(TEXT, (s) => {
        expect(collapse(s)).toBe(s.replace(/[\s\u200b]+/g, ' ').trim());
      }),
      { numRuns: 5000 },
    );
  });
});
