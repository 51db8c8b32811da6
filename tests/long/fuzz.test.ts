/**
 * The mutation fuzzer over the fixtures (scripts/lib/fuzz.mjs), with a
 * bounded budget (it runs in `npm run test:long`); `npm run fuzz` runs the same
 * cases for longer. Cases are fast-check values: a failure shrinks to the
 * fewest mutations and replays with FC_SEED (CI uses a fixed seed).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { extract } from '../../src/index.js';
import { articleProblems, buildCase, caseArbitrary, loadPages, tokenize } from '../../scripts/lib/fuzz.mjs';

const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'fixtures');
const pages = await loadPages(FIXTURES);
/** Cases per `npm run test:long`; `npm run fuzz` runs thousands. */
const CASES = 250;
/** No time budget: a case must not depend on the machine's speed (the limits on size, nodes and depth stay). */
const LIMITS = { timeBudgetMs: Infinity };
/** Lets the event loop run between cases, so that a run of hundreds never holds vitest's worker for long. */
const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('mutation fuzzer', () => {
  it('has pages to mutate', () => {
    expect(pages.length).toBeGreaterThanOrEqual(12);
    for (const p of pages) expect(tokenize(p.html).join('')).toBe(p.html);
  });

  it(`${CASES} mutated fixture pages: extract returns a sound Article`, async () => {
    await fc.assert(
      fc.asyncProperty(caseArbitrary(fc, pages), async (c) => {
        await tick();
        const { input, options } = buildCase(pages, c, LIMITS);
        const article = extract(input, options);
        expect(articleProblems(article)).toEqual([]);
      }),
      { numRuns: CASES },
    );
  });

  it('is deterministic: the same case gives the same Article', async () => {
    await fc.assert(
      fc.asyncProperty(caseArbitrary(fc, pages), async (c) => {
        await tick();
        const { input, options } = buildCase(pages, c, LIMITS);
        expect(extract(input, options)).toEqual(extract(input, options));
      }),
      { numRuns: 30 },
    );
  });
});
