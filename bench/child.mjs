#!/usr/bin/env node
// One measurement in a fresh process, so that its peak memory is its own.
// Run by bench/bench.mjs; prints one JSON line.
//
//   node --expose-gc bench/child.mjs page FILE [URL]     a page from disk (.gz too), default limits
//   node --expose-gc bench/child.mjs scale BYTES REPS    a page of BYTES made by repeating
//                                                        the fixtures' bodies, limits lifted
//   node bench/child.mjs scale-times B1,B2,.. R1,R2,..   times only: pages of every size in one
//                                                        process, measured in interleaved rounds
//                                                        (so that load on the machine falls on
//                                                        all sizes alike); prints { sizes: [...] }
//
// Output: { bytes, ms: [wall time per run], cpuMs: [CPU time per run, all threads],
//           peakRssBytes, baseRssBytes, extractPeakBytes, upperBound, limits, truncated }. extractPeakBytes is the process's peak resident memory
// less its resident memory just before the first measured call (code loaded and
// warmed up, page in memory, garbage collected): what extracting the page took.

import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const gc = globalThis.gc ?? (() => {});

/** Characters of the block that scaled pages repeat. */
const UNIT_CHARS = 100e3;

/**
 * A realistic page of about `bytes` characters: the <head> of one fixture,
 * then a block made of the <body> contents of the fixtures (in name order,
 * until the block reaches 100 KB), repeated. Every size repeats the same
 * block, so the mix of text, markup and boilerplate is the same at any size
 * and only the size changes.
 */
export function scaledPage(bytes) {
  const dir = path.join(ROOT, 'fixtures');
  const bodies = [];
  let head = '';
  for (const name of fs.readdirSync(dir).sort()) {
    const file = path.join(dir, name, 'source.html');
    if (!fs.existsSync(file)) continue;
    let encoding = 'utf-8';
    try {
      encoding = JSON.parse(fs.readFileSync(path.join(dir, name, 'expected.json'), 'utf8')).encoding ?? 'utf-8';
    } catch {
      /* utf-8 */
    }
    const html = new TextDecoder(encoding).decode(fs.readFileSync(file));
    const body = /<body[^>]*>([\s\S]*)<\/body>/i.exec(html)?.[1];
    if (!body) continue;
    if (!head) head = /<head[^>]*>[\s\S]*?<\/head>/i.exec(html)?.[0] ?? '';
    bodies.push(body.replace(/<meta[^>]*charset[^>]*>/gi, ''));
  }
  let unit = '';
  for (let i = 0; unit.length < UNIT_CHARS; i++) unit += bodies[i % bodies.length];
  const open = `<!DOCTYPE html><html>${head}<body>`;
  return `${open}${unit.repeat(Math.max(1, Math.round((bytes - open.length) / unit.length)))}</body></html>`;
}

const WARM_UP =
  '<html><head><title>Warm-up page | Site</title></head><body><article><h1>Warm-up page</h1>' +
  '<p>A paragraph of text long enough to be scored, with commas, and several words in it.</p>'.repeat(30) +
  '</article></body></html>';

/** Times pages of several sizes in one process, in rounds: size 1, size 2, ..., then again. */
async function scaleTimes(extract, sizes, reps) {
  const options = { limits: { maxInputSize: Infinity, maxNodes: Infinity, timeBudgetMs: Infinity } };
  const pages = sizes.map((size) => scaledPage(size));
  const warm = scaledPage(UNIT_CHARS);
  for (let i = 0; i < 10; i++) extract(warm, options);
  const out = sizes.map((_, i) => ({ bytes: pages[i].length, ms: [], cpuMs: [] }));
  const rounds = Math.max(...reps);
  for (let r = 0; r < rounds; r++) {
    for (let i = 0; i < sizes.length; i++) {
      if (r >= reps[i]) continue;
      gc();
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      extract(pages[i], options);
      out[i].ms.push(performance.now() - t0);
      const c = process.cpuUsage(c0);
      out[i].cpuMs.push((c.user + c.system) / 1000);
    }
  }
  process.stdout.write(`${JSON.stringify({ sizes: out })}\n`);
}

async function main() {
  const [mode, a, b] = process.argv.slice(2);
  const { extract } = await import(pathToFileURL(path.join(ROOT, 'dist', 'index.js')).href);
  // Warm-up, so that the JIT has compiled every stage before anything is timed: the small page,
  // then (for the scaling series) a 100 KB page of the same make-up as the measured one.
  for (let i = 0; i < 20; i++) extract(WARM_UP);
  if (mode === 'scale') {
    const warm = scaledPage(UNIT_CHARS);
    for (let i = 0; i < 10; i++) extract(warm);
  }
  let input;
  let options = {};
  let reps = 1;
  if (mode === 'page') {
    input = fs.readFileSync(a);
    if (a.endsWith('.gz')) input = zlib.gunzipSync(input);
    if (b) options = { url: b };
  } else if (mode === 'scale-times') {
    await scaleTimes(extract, a.split(',').map(Number), b.split(',').map(Number));
    return;
  } else if (mode === 'scale') {
    input = scaledPage(Number(a));
    reps = Number(b) || 1;
    options = { limits: { maxInputSize: Infinity, maxNodes: Infinity, timeBudgetMs: Infinity } };
  } else {
    throw new Error(`unknown mode ${mode}`);
  }
  gc();
  gc();
  const baseRss = process.memoryUsage().rss;
  const peakBefore = process.resourceUsage().maxRSS * 1024;
  const ms = [];
  const cpuMs = [];
  let article;
  for (let r = 0; r < reps; r++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    article = extract(input, options);
    ms.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpuMs.push((c.user + c.system) / 1000);
    if (r < reps - 1) {
      article = null;
      gc();
    }
  }
  const peakRss = process.resourceUsage().maxRSS * 1024;
  process.stdout.write(
    `${JSON.stringify({
      bytes: typeof input === 'string' ? input.length : input.byteLength,
      ms,
      cpuMs,
      peakRssBytes: peakRss,
      baseRssBytes: baseRss,
      extractPeakBytes: Math.max(0, peakRss - baseRss),
      // The process had peaked higher before (code loading, warm-up): extractPeakBytes is an upper bound.
      upperBound: peakRss <= peakBefore,
      limits: article.input.limits,
      truncated: article.input.truncated,
    })}\n`,
  );
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
