#!/usr/bin/env node
// Speed of copydesk against Readability on jsdom and against bare parsing,
// in one process, on the same pages. `npm run bench` builds first.
//
//   node bench/bench.mjs [--pages N] [--reps R] [--per-page] [--json]
//
//   fallback     extract(html, {url, fallback: readability}) from dist/: copydesk
//                with the Readability fallback on (jsdom on the pages it doubts)
// Pages: the zyte dev pages of $COPYDESK_DATASETS (default ../shared/datasets
// beside the repo); without them, fixtures/*/source.html. Each page is decoded
// to a string once, up front, and the same string goes to all three:
//   copydesk     extract(html, {url}) from dist/index.js
//   readability  new JSDOM(html, {url}) + new Readability(document).parse()
//                (jsdom construction included: a user pays it too)
//   htmlparser2  parseDocument(html): the floor any htmlparser2-based tool pays
// Per page the four run interleaved (their order rotates), each R times; a
// page's time per tool is the median of its R runs.
//
// The copydesk / htmlparser2 line of that report is the median over pages
// measured interleaved (each tool pays the garbage the others leave); the
// ratio the targets apply to comes next (bench/ratio.mjs): per dev set
// (zyte, trafilatura, htmldate, naeb, wcxb), each tool over all pages in
// turn, best of 3 rounds, median of the per-page ratios; at most 2.5x on
// zyte and 1.5x over all pages.
//
// Then two measurements in fresh processes (bench/child.mjs), so that each
// one's peak memory is its own:
//   scaling      pages of 100 KB to 40 MB made by repeating the fixtures'
//                bodies, limits lifted: time per MB of the best run (other load
//                on the machine only adds to a run; CPU time of all threads,
//                GC helpers included, beside it) and peak memory, to show that
//                cost grows linearly with the page;
//   memory       every measured page once with the default limits: the peak
//                memory extracting it took (process peak RSS less the RSS just
//                before the call; an upper bound for small pages, which the
//                warm-up's own peak can cover).

import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { execFile } from 'node:child_process';
import { batchBench, formatBatch } from './batch.mjs';
import { formatRatio, ratioBench } from './ratio.mjs';
import { promisify } from 'node:util';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const TARGET_READABILITY_RATIO = 10; // readability / copydesk median: at least

const BUDGET_SECONDS = 100; // stop measuring new pages after this (whole bench < ~2 min)

const USAGE = `usage: npm run bench -- [--pages N] [--reps R] [--per-page] [--json] [--no-ratio] [--no-scale] [--no-memory] [--no-batch] [--scale-max MB]

  --pages N       measure only the first N pages (default: all)
  --reps R        runs per page and tool; the page's time is their median (default 3)
  --per-page      also list every page's times and peak memory
  --json          print a machine-readable summary instead of the report
  --no-ratio      skip the per-set ratio to the bare parse (bench/ratio.mjs runs it alone)
  --no-scale      skip the 100 KB – 40 MB scaling series
  --no-memory     skip the peak memory per page
  --no-batch      skip the batch bench (CLI --jobs 1 vs --jobs 2; npm run bench:batch runs it alone)
  --scale-max MB  largest page of the scaling series (default 40)`;

/** Page sizes of the scaling series (bytes) and runs per size. */
const SCALE_SIZES = [
  [100e3, 40],
  [400e3, 15],
  [1e6, 9],
  [4e6, 5],
  [16e6, 3],
  [40e6, 2],
];
/**
 * Linear growth: the time per MB of the largest page may exceed the time per
 * MB of the 1 MB page by this much at most (pages under 1 MB carry the fixed
 * cost of a call — metadata, fields, the retry ladder — on fewer bytes).
 */
const LINEAR_RATIO = 1.5;

function parseArgs(argv) {
  const args = { pages: Infinity, reps: 3, perPage: false, json: false, scale: true, memory: true, scaleMax: 40 };
  for (let i = 0; i < argv.length; i++) {
    let a = argv[i];
    let inline = null;
    if (a.startsWith('--') && a.includes('=')) [a, inline] = [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)];
    const int = () => {
      const n = Number(inline ?? argv[++i]);
      if (!Number.isInteger(n) || n < 1) throw new Error(`${a} needs a positive integer`);
      return n;
    };
    if (a === '--pages') args.pages = int();
    else if (a === '--reps') args.reps = int();
    else if (a === '--per-page') args.perPage = true;
    else if (a === '--json') args.json = true;
    else if (a === '--no-scale') args.scale = false;
    else if (a === '--no-ratio') args.ratio = false;
    else if (a === '--no-memory') args.memory = false;
    else if (a === '--no-batch') args.batch = false;
    else if (a === '--scale-max') args.scaleMax = int();
    else if (a === '-h' || a === '--help') args.help = true;
    else throw new Error(`unknown argument: ${argv[i]}`);
  }
  return args;
}

// ---------------------------------------------------------------------------
// Pages

/** Bytes to string: BOM, then <meta charset> / http-equiv in the first 2 KB, else UTF-8. */
function decode(bytes) {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes);
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  const head = Buffer.from(bytes.subarray(0, 2048)).toString('latin1');
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head);
  let label = m ? m[1].toLowerCase() : 'utf-8';
  if (label === 'utf-16' || label === 'utf-16le' || label === 'utf-16be') label = 'utf-8'; // as browsers do
  try {
    return new TextDecoder(label).decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}

function datasetPages() {
  const datasets = process.env.COPYDESK_DATASETS ? path.resolve(process.env.COPYDESK_DATASETS) : path.resolve(ROOT, '..', 'shared', 'datasets');
  const setDir = path.join(datasets, 'zyte');
  const truthFile = path.join(setDir, 'truth.jsonl');
  if (!fs.existsSync(truthFile)) return null;
  const rows = fs
    .readFileSync(truthFile, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l));
  return {
    source: `zyte dev pages (${setDir})`,
    pages: rows.map((row) => {
      const bytes = zlib.gunzipSync(fs.readFileSync(path.join(setDir, row.file ?? `pages/${row.id}.html.gz`)));
      const file = path.join(setDir, row.file ?? `pages/${row.id}.html.gz`);
      return { id: String(row.id), url: row.url ?? null, bytes: bytes.length, html: decode(bytes), file };
    }),
  };
}

function fixturePages() {
  const dir = path.join(ROOT, 'fixtures');
  if (!fs.existsSync(dir)) return null;
  const pages = [];
  for (const name of fs.readdirSync(dir).sort()) {
    const file = path.join(dir, name, 'source.html');
    if (!fs.existsSync(file)) continue;
    let url = null;
    try {
      url = JSON.parse(fs.readFileSync(path.join(dir, name, 'expected.json'), 'utf8')).url ?? null;
    } catch {
      /* no expected.json or no url: none */
    }
    const bytes = fs.readFileSync(file);
    pages.push({ id: name, url, bytes: bytes.length, html: decode(bytes), file });
  }
  return pages.length ? { source: `fixtures (${dir}/*/source.html)`, pages } : null;
}

// ---------------------------------------------------------------------------
// Statistics

const sorted = (xs) => [...xs].sort((a, b) => a - b);
function median(xs) {
  if (!xs.length) return null;
  const s = sorted(xs);
  return (s[(s.length - 1) >> 1] + s[s.length >> 1]) / 2;
}
function percentile(xs, p) {
  if (!xs.length) return null;
  const s = sorted(xs);
  return s[Math.min(s.length, Math.max(1, Math.ceil((p / 100) * s.length))) - 1];
}
const mean = (xs) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);

// ---------------------------------------------------------------------------

async function loadTools() {
  const dist = path.join(ROOT, 'dist', 'index.js');
  if (!fs.existsSync(dist)) throw new Error(`${dist} not found: run \`npm run build\` (or use \`npm run bench\`)`);
  const { extract } = await import(pathToFileURL(dist).href);
  const { readability: fallbackEngine } = await import(pathToFileURL(path.join(ROOT, 'dist', 'readability.js')).href);
  const { JSDOM, VirtualConsole } = await import('jsdom');
  const { Readability } = await import('@mozilla/readability');
  const { parseDocument } = await import('htmlparser2');

  // jsdom reports CSS and script trouble through its virtual console: keep it quiet.
  const virtualConsole = new VirtualConsole();
  virtualConsole.on('jsdomError', () => {});

  return [
    { name: 'copydesk', run: (p) => extract(p.html, p.url ? { url: p.url } : {}) },
    {
      name: 'readability',
      // `part` reports the share of the run spent constructing the jsdom document
      part: { name: 'jsdom construction', ms: 0 },
      run(p) {
        const t0 = performance.now();
        const dom = new JSDOM(p.html, { url: p.url ?? 'http://localhost/', virtualConsole });
        this.part.ms = performance.now() - t0;
        try {
          return new Readability(dom.window.document).parse();
        } finally {
          dom.window.close();
        }
      },
    },
    { name: 'htmlparser2', run: (p) => parseDocument(p.html) },
    {
      name: 'fallback',
      // `fired` records, per page, whether the fallback ran and which body was kept.
      fired: new Map(),
      run(p) {
        let report = null;
        const article = extract(p.html, {
          ...(p.url ? { url: p.url } : {}),
          fallback: fallbackEngine,
          onFallback: (r) => {
            report = r;
          },
        });
        this.fired.set(p.id, report ? { reason: report.reason, engine: article.engine } : null);
        return article;
      },
    },
  ];
}

// Back to the event loop between rounds (untimed), as a server does between
// requests: a closed jsdom window releases its memory only then; without it
// the heap grows by hundreds of MB and GC pauses inflate the times.
const tick = () => new Promise((resolve) => setImmediate(resolve));

async function measure(tools, pages, reps, log) {
  const times = Object.fromEntries(tools.map((t) => [t.name, new Array(pages.length).fill(null)]));
  const errors = Object.fromEntries(tools.map((t) => [t.name, []]));
  const parts = Object.fromEntries(tools.filter((t) => t.part).map((t) => [t.name, new Array(pages.length).fill(null)]));
  let peakHeap = 0;
  let peakRss = 0;

  // Warm-up: let the JIT see every code path on a few pages first.
  for (const p of pages.slice(0, Math.min(8, pages.length))) {
    for (const t of tools) {
      try {
        t.run(p);
      } catch {
        /* counted below */
      }
    }
    await tick();
  }

  const start = performance.now();
  let measured = 0;
  for (let i = 0; i < pages.length; i++) {
    if ((performance.now() - start) / 1000 > BUDGET_SECONDS) break;
    const p = pages[i];
    const runs = Object.fromEntries(tools.map((t) => [t.name, []]));
    const partRuns = Object.fromEntries(tools.map((t) => [t.name, []]));
    const failed = new Set();
    for (let r = 0; r < reps; r++) {
      for (let k = 0; k < tools.length; k++) {
        const t = tools[(i + r + k) % tools.length]; // rotate the order per page and rep
        if (failed.has(t.name)) continue;
        const t0 = performance.now();
        try {
          t.run(p);
          runs[t.name].push(performance.now() - t0);
          if (t.part) partRuns[t.name].push(t.part.ms);
        } catch (e) {
          failed.add(t.name);
          errors[t.name].push({
            id: p.id,
            error: `${e?.name ?? 'Error'}: ${String(e?.message ?? e)
              .split('\n')[0]
              .slice(0, 160)}`,
          });
        }
      }
      await tick();
    }
    for (const t of tools) {
      times[t.name][i] = failed.has(t.name) ? null : median(runs[t.name]);
      if (t.part) parts[t.name][i] = failed.has(t.name) ? null : median(partRuns[t.name]);
    }
    const mem = process.memoryUsage();
    peakHeap = Math.max(peakHeap, mem.heapUsed);
    peakRss = Math.max(peakRss, mem.rss);
    measured++;
    if (log && (i % 10 === 9 || i === pages.length - 1)) log(`\r  measured ${i + 1}/${pages.length} pages`);
  }
  if (log) log('\r\x1b[K');
  return { times, parts, errors, measured, seconds: (performance.now() - start) / 1000, peakHeap, peakRss };
}

function summarise(tools, pages, m) {
  const done = pages.slice(0, m.measured);
  const stats = {};
  for (const t of tools) {
    const ok = m.times[t.name].slice(0, m.measured).filter((x) => x !== null);
    stats[t.name] = {
      pages: ok.length,
      errors: m.errors[t.name].length,
      medianMs: median(ok),
      p95Ms: percentile(ok, 95),
      meanMs: mean(ok),
      maxMs: ok.length ? Math.max(...ok) : null,
    };
    if (t.part) {
      const part = m.parts[t.name].slice(0, m.measured).filter((x) => x !== null);
      stats[t.name].part = { name: t.part.name, medianMs: median(part), p95Ms: percentile(part, 95) };
    }
  }
  // Ratios over the pages where all three succeeded, so that they compare like with like.
  const compared = tools.filter((t) => t.name !== 'fallback');
  const common = done.map((_, i) => i).filter((i) => compared.every((t) => m.times[t.name][i] !== null));
  const med = (name) => median(common.map((i) => m.times[name][i]));
  const [c, r, h] = [med('copydesk'), med('readability'), med('htmlparser2')];
  const ratios = {
    pages: common.length,
    readabilityOverCopydesk: c && r !== null ? r / c : null,
    copydeskOverHtmlparser2: h && c !== null ? c / h : null,
    // the same, as the median of per-page ratios
    perPageReadabilityOverCopydesk: median(common.filter((i) => m.times.copydesk[i] > 0).map((i) => m.times.readability[i] / m.times.copydesk[i])),
    perPageCopydeskOverHtmlparser2: median(common.filter((i) => m.times.htmlparser2[i] > 0).map((i) => m.times.copydesk[i] / m.times.htmlparser2[i])),
  };
  // The fallback's cost: how many pages ran it, and what a page costs with it on.
  const fb = tools.find((t) => t.name === 'fallback');
  let fallback = null;
  if (fb) {
    const fired = done.map((p) => fb.fired.get(p.id) ?? null);
    const ran = fired.filter((f) => f !== null);
    const reasons = {};
    for (const f of ran) reasons[f.reason] = (reasons[f.reason] ?? 0) + 1;
    const on = done.map((_, i) => m.times.fallback[i]).filter((x) => x !== null);
    const onTriggered = done.map((_, i) => (fired[i] ? m.times.fallback[i] : null)).filter((x) => x !== null);
    fallback = {
      pages: done.length,
      triggered: ran.length,
      triggeredShare: done.length ? ran.length / done.length : null,
      readabilityKept: ran.filter((f) => f.engine === 'readability').length,
      errors: ran.filter((f) => f.reason === 'error').length,
      reasons,
      medianMs: median(on),
      meanMs: mean(on),
      medianTriggeredMs: median(onTriggered),
      medianOverCopydesk: stats.copydesk.medianMs ? median(on) / stats.copydesk.medianMs : null,
    };
  }
  return { stats, ratios, fallback };
}

const ms = (x) => (x === null || x === undefined ? '-' : x < 10 ? x.toFixed(2) : x.toFixed(1));
const mb = (b) => `${Math.round(b / 1024 / 1024)} MB`;
const x = (v) => (v === null ? '-' : `${v.toFixed(1)}x`);

function report(ctx, pages, m, s, perPage, memory) {
  const lines = [];
  const totalBytes = pages.slice(0, m.measured).reduce((a, p) => a + p.bytes, 0);
  lines.push(
    `bench: ${m.measured} pages from ${ctx.source}, ${(totalBytes / 1024 / 1024).toFixed(1)} MiB; ${ctx.reps} runs per page and tool (median), interleaved`,
  );
  lines.push(`       node ${process.version}, ${os.cpus().length} CPU(s) ${os.cpus()[0]?.model ?? ''}`.trimEnd());
  if (m.measured < pages.length) lines.push(`       stopped after ${m.measured} of ${pages.length} pages: time budget of ${BUDGET_SECONDS}s`);
  lines.push('');
  lines.push(`  ${'tool'.padEnd(13)} ${'median'.padStart(9)} ${'p95'.padStart(9)} ${'mean'.padStart(9)} ${'max'.padStart(9)}  pages  errors`);
  for (const [name, st] of Object.entries(s.stats)) {
    lines.push(
      `  ${name.padEnd(13)} ${`${ms(st.medianMs)}ms`.padStart(9)} ${`${ms(st.p95Ms)}ms`.padStart(9)} ${`${ms(st.meanMs)}ms`.padStart(9)} ${`${ms(st.maxMs)}ms`.padStart(9)}  ${String(st.pages).padStart(5)}  ${String(st.errors).padStart(6)}`,
    );
    if (st.part) lines.push(`    of which ${st.part.name}: median ${ms(st.part.medianMs)}ms, p95 ${ms(st.part.p95Ms)}ms`);
  }
  lines.push('');
  const r = s.ratios;
  const mark = (ok) => (ok === null ? '' : ok ? 'ok' : 'MISSED');
  const rc = r.readabilityOverCopydesk;
  const ch = r.copydeskOverHtmlparser2;
  lines.push(
    `  readability / copydesk   ${x(rc).padStart(7)}  (target >= ${TARGET_READABILITY_RATIO}x) ${mark(rc === null ? null : rc >= TARGET_READABILITY_RATIO)}   per-page median ${x(r.perPageReadabilityOverCopydesk)}`,
  );
  lines.push(
    `  copydesk / htmlparser2   ${x(ch).padStart(7)}  (interleaved; the targets apply to the ratio below)   per-page median ${x(r.perPageCopydeskOverHtmlparser2)}`,
  );
  lines.push(`  (ratios of medians over the ${r.pages} pages where copydesk, readability and htmlparser2 all succeeded)`);
  if (s.fallback) {
    const f = s.fallback;
    const pct = (n) => `${((100 * n) / (f.pages || 1)).toFixed(1)}%`;
    lines.push('');
    lines.push(`  fallback on (extract with { fallback: readability }):`);
    lines.push(
      `    triggered on ${f.triggered} of ${f.pages} pages (${pct(f.triggered)}); Readability's body kept on ${f.readabilityKept} (${pct(f.readabilityKept)}); jsdom errors ${f.errors}`,
    );
    lines.push(
      `    median time per page ${ms(f.medianMs)}ms (${x(f.medianOverCopydesk)} copydesk alone), mean ${ms(f.meanMs)}ms; median on the pages that triggered it ${ms(f.medianTriggeredMs)}ms`,
    );
    const reasons = Object.entries(f.reasons)
      .sort((a, b) => b[1] - a[1])
      .map(([k, v]) => `${k} ${v}`)
      .join(', ');
    if (reasons) lines.push(`    reasons: ${reasons}`);
  }
  lines.push('');
  lines.push(`  memory: peak RSS ${mb(ctx.maxRss)} (whole process, all tools), peak heap used ${mb(m.peakHeap)}`);
  lines.push(`  measuring took ${m.seconds.toFixed(1)}s`);
  for (const [name, errs] of Object.entries(m.errors)) {
    for (const e of errs.slice(0, 5)) lines.push(`  error: ${name} on ${e.id}: ${e.error}`);
    if (errs.length > 5) lines.push(`  error: ${name}: ${errs.length - 5} more`);
  }
  if (perPage) {
    lines.push(
      '',
      `  ${'page'.padEnd(40)} ${'KiB'.padStart(6)} ${'copydesk'.padStart(9)} ${'readab.'.padStart(9)} ${'h2'.padStart(9)} ${'fallback'.padStart(9)} ${'peak mem'.padStart(9)}`,
    );
    pages.slice(0, m.measured).forEach((p, i) => {
      const t = (name) => (m.times[name][i] === null ? 'error' : `${ms(m.times[name][i])}ms`).padStart(9);
      lines.push(
        `  ${p.id.slice(0, 40).padEnd(40)} ${String(Math.round(p.bytes / 1024)).padStart(6)} ${t('copydesk')} ${t('readability')} ${t('htmlparser2')} ${t('fallback')} ${mib(memory?.perPage[i]).padStart(9)}`,
      );
    });
  }
  return lines.join('\n');
}

// ---------------------------------------------------------------------------
// Scaling and memory, each measurement in a fresh process (bench/child.mjs)

const execFileAsync = promisify(execFile);
const CHILD = path.join(ROOT, 'bench', 'child.mjs');

async function runChild(args) {
  const { stdout } = await execFileAsync(process.execPath, ['--expose-gc', CHILD, ...args], { maxBuffer: 1 << 20, timeout: 600_000 });
  return JSON.parse(stdout.trim().split('\n').pop());
}

/**
 * Time per MB and peak memory for pages of 100 KB to `maxMb` MB: times in one
 * process, all sizes in interleaved rounds (load on the machine falls on every
 * size alike); peak memory in a fresh process per size.
 */
async function measureScaling(maxMb, log) {
  const plan = SCALE_SIZES.filter(([size]) => size <= maxMb * 1e6);
  if (log) log('\r  scaling: timing');
  const { stdout } = await execFileAsync(
    process.execPath,
    ['--expose-gc', CHILD, 'scale-times', plan.map(([s]) => s).join(','), plan.map(([, r]) => r).join(',')],
    { maxBuffer: 1 << 20, timeout: 1_200_000 },
  );
  const times = JSON.parse(stdout.trim().split('\n').pop()).sizes;
  const rows = [];
  for (const [i, [size]] of plan.entries()) {
    if (log) log(`\r\x1b[K  scaling: peak memory of the ${(size / 1e6).toFixed(1)} MB page`);
    const mem = await runChild(['scale', String(size), '1']);
    const t = times[i];
    const mbs = t.bytes / 1e6;
    rows.push({
      bytes: t.bytes,
      runs: t.ms.length,
      medianMs: median(t.ms),
      bestMs: Math.min(...t.ms),
      msPerMb: Math.min(...t.ms) / mbs,
      cpuMsPerMb: Math.min(...t.cpuMs) / mbs,
      extractPeakBytes: mem.extractPeakBytes,
      upperBound: mem.upperBound,
      peakRssBytes: mem.peakRssBytes,
    });
  }
  if (log) log('\r\x1b[K');
  const mb1 = rows.find((r) => r.bytes >= 0.9e6);
  const largest = rows[rows.length - 1];
  const growth = mb1 && largest && largest !== mb1 ? largest.msPerMb / mb1.msPerMb : null;
  const perMb = rows.map((r) => r.msPerMb);
  const spread = perMb.length ? Math.max(...perMb) / Math.min(...perMb) : null;
  return { rows, growth, spread };
}

/** Peak memory of extracting each page once (default limits), two processes at a time. */
async function measureMemory(pages, log) {
  const out = new Array(pages.length).fill(null);
  let bounded = 0;
  let next = 0;
  let done = 0;
  async function worker() {
    while (next < pages.length) {
      const i = next++;
      const p = pages[i];
      try {
        const r = await runChild(['page', p.file, ...(p.url ? [p.url] : [])]);
        out[i] = r.extractPeakBytes;
        if (r.upperBound) bounded++;
      } catch {
        out[i] = null;
      }
      done++;
      if (log && done % 10 === 0) log(`\r  memory: ${done}/${pages.length} pages`);
    }
  }
  await Promise.all([worker(), worker()]);
  if (log) log('\r\x1b[K');
  const ok = out.filter((x) => x !== null);
  return {
    perPage: out,
    medianBytes: median(ok),
    p95Bytes: percentile(ok, 95),
    maxBytes: ok.length ? Math.max(...ok) : null,
    pages: ok.length,
    upperBounds: bounded,
  };
}

const mib = (b) => (b === null || b === undefined ? '-' : `${(b / 1024 / 1024).toFixed(b < 10 * 1024 * 1024 ? 1 : 0)} MB`);

function scalingReport(sc) {
  const lines = [
    '',
    "  scaling: pages made by repeating the fixtures' bodies, limits lifted; times in interleaved rounds, peak memory in a fresh process per size",
  ];
  lines.push(
    `  ${'page'.padStart(9)} ${'runs'.padStart(5)} ${'median'.padStart(9)} ${'best'.padStart(9)} ${'ms/MB'.padStart(7)} ${'CPU ms/MB'.padStart(10)} ${'peak mem'.padStart(9)} ${'mem/page'.padStart(9)}`,
  );
  for (const r of sc.rows) {
    lines.push(
      `  ${mib(r.bytes).padStart(9)} ${String(r.runs).padStart(5)} ${`${ms(r.medianMs)}ms`.padStart(9)} ${`${ms(r.bestMs)}ms`.padStart(9)} ${r.msPerMb.toFixed(0).padStart(7)} ${r.cpuMsPerMb.toFixed(0).padStart(10)} ${`${r.upperBound ? '<=' : ''}${mib(r.extractPeakBytes)}`.padStart(9)} ${`${(r.extractPeakBytes / r.bytes).toFixed(1)}x`.padStart(9)}`,
    );
  }
  if (sc.growth !== null) {
    const largest = sc.rows[sc.rows.length - 1];
    lines.push(
      `  time per MB at ${mib(largest.bytes)} / at 1 MB: ${sc.growth.toFixed(2)}x (linear: <= ${LINEAR_RATIO}x) ${sc.growth <= LINEAR_RATIO ? 'ok' : 'MISSED'}; largest / smallest over the series: ${sc.spread.toFixed(2)}x`,
    );
  }
  lines.push('  (ms/MB and CPU ms/MB are of the best run: other load on the machine only ever adds to a run)');
  return lines.join('\n');
}

function memoryReport(mem) {
  const note = mem.upperBounds ? `; for ${mem.upperBounds} small pages the figure is an upper bound (the warm-up peaked higher)` : '';
  return `\n  peak memory per page (default limits, fresh process each): median ${mib(mem.medianBytes)}, p95 ${mib(mem.p95Bytes)}, max ${mib(mem.maxBytes)} over ${mem.pages} pages${note}`;
}

async function main() {
  let args;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (e) {
    console.error(`bench: ${e.message}\n${USAGE}`);
    return 2;
  }
  if (args.help) {
    console.log(USAGE);
    return 0;
  }
  const say = args.json ? (...a) => console.error(...a) : (...a) => console.log(...a);
  const found = datasetPages() ?? fixturePages();
  if (!found) {
    say('bench: no pages (no zyte set in the datasets folder, no fixtures/*/source.html); nothing to measure.');
    if (args.json) console.log(JSON.stringify({ pages: 0 }));
    return 0;
  }
  const pages = found.pages.slice(0, args.pages);
  const tools = await loadTools();
  const log = process.stderr.isTTY && !args.json ? (s) => process.stderr.write(s) : null;
  const m = await measure(tools, pages, args.reps, log);
  const s = summarise(tools, pages, m);
  const ctx = { source: found.source, reps: args.reps, maxRss: process.resourceUsage().maxRSS * 1024 };
  const ratio = args.ratio !== false ? await ratioBench({ log }) : null;
  const scaling = args.scale ? await measureScaling(args.scaleMax, log) : null;
  const memory = args.memory ? await measureMemory(pages.slice(0, m.measured), log) : null;
  const batch = args.batch !== false ? await batchBench({ log }) : null;
  if (args.json) {
    console.log(
      JSON.stringify(
        {
          source: found.source,
          pages: m.measured,
          reps: args.reps,
          node: process.version,
          cpus: os.cpus().length,
          tools: s.stats,
          ratios: s.ratios,
          fallback: s.fallback,
          targets: { readabilityOverCopydeskAtLeast: TARGET_READABILITY_RATIO },
          ratio,
          memory: { peakRssBytes: ctx.maxRss, peakHeapUsedBytes: m.peakHeap },
          scaling,
          memoryPerPage: memory,
          batch,
          errors: m.errors,
          seconds: m.seconds,
        },
        null,
        2,
      ),
    );
  } else {
    say(report(ctx, pages, m, s, args.perPage, memory));
    if (ratio) say(`\n${formatRatio(ratio)}`);
    if (scaling) say(scalingReport(scaling));
    if (memory) say(memoryReport(memory));
    if (batch) say(formatBatch(batch));
  }
  return 0;
}

process.exitCode = await main();
