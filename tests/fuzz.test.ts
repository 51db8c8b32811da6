/**
 * The mutation fuzzer over the fixtures (scripts/lib/fuzz.mjs), with a
 * bounded budget so that `npm test` stays quick; `npm run fuzz` runs the same
 * cases for longer. Cases are fast-check values: a failure shrinks to the
 * fewest mutations and replays with FC_SEED (CI uses a fixed seed).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { extract } from '../src/index.js';
import { articleProblems, buildCase, caseArbitrary, loadPages, tokenize } from '../scripts/lib/fuzz.mjs';

const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');
const pages = await loadPages(FIXTURES);
/** Cases per `npm test`; `npm run fuzz` runs thousands. */
const CASES = 250;
/** No time budget: a case must not depend on the machine's speed (the limits on size, nodes and depth stay). */
const LIMITS = { timeBudgetMs: Infinity };

describe('mutation fuzzer', () => {
  it('has pages to mutate', () => {
    expect(pages.length).toBeGreaterThanOrEqual(12);
    for (const p of pages) expect(tokenize(p.html).join('')).toBe(p.html);
  });

  it(`${CASES} mutated fixture pages: extract returns a sound Article`, () => {
    fc.assert(
      fc.property(caseArbitrary(fc, pages), (c) => {
        const { input, options } = buildCase(pages, c, LIMITS);
        const article = extract(input, options);
        expect(articleProblems(article)).toEqual([]);
      }),
      { numRuns: CASES },
    );
  });

  it('is deterministic: the same case gives the same Article', () => {
    fc.assert(
      fc.property(caseArbitrary(fc, pages), (c) => {
        const { input, options } = buildCase(pages, c, LIMITS);
        expect(extract(input, options)).toEqual(extract(input, options));
      }),
      { numRuns: 30 },
    );
  });
});
