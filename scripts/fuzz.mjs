#!/usr/bin/env node
// The long run of the mutation fuzzer: `npm run fuzz` builds first.
//
//   node scripts/fuzz.mjs [--cases N] [--seed S] [--html-check] [--slowest] [--no-amplification]
//
// N mutated fixture pages (default 10,000) go through dist/index.js with the
// default limits; each Article is checked against the invariants of
// scripts/lib/fuzz.mjs. A case that throws, breaks an invariant, or takes
// longer than HANG_MS is a failure; fast-check shrinks it and prints the seed
// and path that replay it (`--seed S`, or FC_SEED=S npx vitest run tests/fuzz.test.ts
// for the smaller in-test run). With --html-check every body.html is also
// parsed as a browser parses it (parse5 via jsdom) and checked for anything
// that could run script (slower). --slowest prints the slowest case.
//
// Then the nesting-amplification check: a 2 MB article wrapped in 256 nested
// elements of one kind (each tag, the class names and microdata properties
// the heuristics read) must cost at most MAX_AMPLIFICATION times the
// unwrapped article (CPU time, best of two, limits lifted): a stage that reads
// the subtree or the ancestors of every such element would cost up to 256x.

import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { amplificationCases, amplificationPage, articleProblems, buildCase, caseArbitrary, loadPages } from './lib/fuzz.mjs';
import { htmlScriptRisks } from './lib/xss-check.mjs';
import { scriptArgs, whole } from './lib/args.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** A case slower than this is reported as a hang (the default time budget is 1 s). */
const HANG_MS = 5000;
/** Nesting may cost this many times the unnested page and no more (the depth cap bounds it; 256 levels of walks would be ~256x). */
const MAX_AMPLIFICATION = 8;

const FUZZ_USAGE = 'usage: npm run fuzz -- [--cases N] [--seed S] [--html-check] [--slowest] [--no-amplification]';

function readArgs() {
  const options = {
    cases: { type: 'string' },
    seed: { type: 'string' },
    'html-check': { type: 'boolean' },
    slowest: { type: 'boolean' },
    'no-amplification': { type: 'boolean' },
  };
  const v = scriptArgs('fuzz', FUZZ_USAGE, options, (values) => {
    if (values.cases !== undefined && !(whole(values.cases) >= 1)) throw new Error('--cases needs a positive integer');
    if (values.seed !== undefined && !Number.isInteger(whole(values.seed))) throw new Error('--seed needs an integer');
  });
  return {
    cases: v.cases === undefined ? 10_000 : whole(v.cases),
    seed: v.seed === undefined ? Date.now() % 2 ** 31 : whole(v.seed),
    htmlCheck: v['html-check'] === true,
    slowest: v.slowest === true,
    noAmplification: v['no-amplification'] === true,
  };
}

async function main() {
  const args = readArgs();
  const { extract } = await import(pathToFileURL(path.join(ROOT, 'dist', 'index.js')).href);
  const JSDOM = args.htmlCheck ? (await import('jsdom')).JSDOM : null;
  const pages = await loadPages(path.join(ROOT, 'fixtures'));

  let run = 0;
  let slowest = { ms: 0, note: '' };
  let totalMs = 0;
  let truncated = 0;
  const started = performance.now();
  const result = fc.check(
    fc.property(caseArbitrary(fc, pages), (c) => {
      const { input, options } = buildCase(pages, c);
      const t0 = performance.now();
      const article = extract(input, options);
      const ms = performance.now() - t0;
      run++;
      totalMs += ms;
      if (article.input.truncated) truncated++;
      if (ms > slowest.ms)
        slowest = {
          ms,
          note: `${pages[c.page].name}, ${c.mutations.map((m) => m.kind).join('+')}, ${typeof input === 'string' ? input.length : input.byteLength} chars/bytes`,
          c,
        };
      const problems = articleProblems(article);
      if (ms > HANG_MS) problems.push(`took ${ms.toFixed(0)} ms`);
      if (JSDOM) problems.push(...htmlScriptRisks(article.body.html, { JSDOM }));
      if (problems.length) throw new Error(problems.join('; '));
      if (run % 1000 === 0 && process.stderr.isTTY) process.stderr.write(`\r  ${run} cases`);
    }),
    { numRuns: args.cases, seed: args.seed },
  );
  if (process.stderr.isTTY) process.stderr.write('\r\x1b[K');
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `fuzz: ${run} cases over ${pages.length} fixture pages (seed ${args.seed}) in ${seconds.toFixed(1)}s; mean ${(totalMs / Math.max(run, 1)).toFixed(1)} ms per case, slowest ${slowest.ms.toFixed(0)} ms (${slowest.note}); ${truncated} cut short by a limit`,
  );
  if (args.slowest) console.log(`slowest case: ${JSON.stringify(slowest.c)}`);
  let failed = false;
  if (result.failed) {
    console.log(fc.defaultReportMessage(result));
    failed = true;
  } else {
    console.log(`fuzz: no exception, no broken invariant${JSDOM ? ', nothing in body.html that could run script' : ''}, no case over ${HANG_MS} ms`);
  }
  if (!args.noAmplification) failed = amplification(extract) || failed;
  return failed ? 1 : 0;
}

/** Runs the nesting-amplification check; true when a case exceeds MAX_AMPLIFICATION. */
function amplification(extract) {
  const options = { limits: { timeBudgetMs: Infinity, maxInputSize: Infinity, maxNodes: Infinity } };
  const cpu = (html) => {
    let best = Infinity;
    for (let r = 0; r < 2; r++) {
      const c0 = process.cpuUsage();
      extract(html, options);
      const c = process.cpuUsage(c0);
      best = Math.min(best, (c.user + c.system) / 1000);
    }
    return best;
  };
  cpu(amplificationPage('', 0));
  const base = cpu(amplificationPage('', 0));
  const rows = amplificationCases().map(([name, open]) => ({ name, ratio: cpu(amplificationPage(open, 256)) / base }));
  rows.sort((a, b) => b.ratio - a.ratio);
  const over = rows.filter((r) => r.ratio > MAX_AMPLIFICATION);
  const worst = rows
    .slice(0, 3)
    .map((r) => `${r.name} ${r.ratio.toFixed(1)}x`)
    .join(', ');
  console.log(
    `amplification: ${rows.length} kinds of element nested 256 deep around a 2 MB article (unnested: ${base.toFixed(0)} ms CPU); worst ${worst}; limit ${MAX_AMPLIFICATION}x${over.length ? `; OVER: ${over.map((r) => r.name).join(', ')}` : ''}`,
  );
  return over.length > 0;
}

process.exitCode = await main();
