#!/usr/bin/env node
// Part of `npm run bench`: copydesk's time per page against the bare parse of
// the same page, per evaluation set.
//
//   node bench/ratio.mjs [--dist DIR] [--sets a,b] [--rounds R] [--json]
//
// For every page of the dev sets (zyte, trafilatura, htmldate, naeb, wcxb of
// $COPYDESK_DATASETS, default ../shared/datasets beside the repo), decoded to
// a string once, up front: the time of copydesk's `extract(html, {url})` and
// of htmlparser2's `parseDocument(html)`, the floor any htmlparser2-based
// tool pays. Measured in one process, each tool over all pages in turn (so
// neither pays for the garbage the other left), R rounds (default 3) whose
// order alternates; a page's time per tool is its best round (other load on
// the machine only ever adds to a run). Reported per set and over all pages:
// the median of the per-page ratios copydesk / htmlparser2, against the
// targets of issue #14.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const RATIO_SETS = ['zyte', 'trafilatura', 'htmldate', 'naeb', 'wcxb'];
/** Median per-page copydesk / htmlparser2: at most this on a set (absent: no target of its own), and over all pages. */
export const RATIO_TARGETS = { zyte: 2.5, all: 1.5 };

/** Bytes to string: BOM, then <meta charset> in the first 2 KB, else UTF-8 (as bench.mjs). */
function decode(bytes) {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes);
  const head = Buffer.from(bytes.subarray(0, 2048)).toString('latin1');
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head);
  let label = m ? m[1].toLowerCase() : 'utf-8';
  if (label.startsWith('utf-16')) label = 'utf-8'; // as browsers do for a declared, not sniffed, UTF-16
  try {
    return new TextDecoder(label).decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}

function datasetsDir() {
  return process.env.COPYDESK_DATASETS ? path.resolve(process.env.COPYDESK_DATASETS) : path.resolve(ROOT, '..', 'shared', 'datasets');
}

/** The pages of the sets that exist, as { set, id, url, html }. */
export function ratioPages(sets = RATIO_SETS) {
  const pages = [];
  for (const set of sets) {
    const dir = path.join(datasetsDir(), set);
    const truth = path.join(dir, 'truth.jsonl');
    if (!fs.existsSync(truth)) continue;
    for (const line of fs.readFileSync(truth, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const row = JSON.parse(line);
      const bytes = zlib.gunzipSync(fs.readFileSync(path.join(dir, row.file ?? `pages/${row.id}.html.gz`)));
      pages.push({ set, id: String(row.id), url: row.url ?? null, bytes: bytes.length, html: decode(bytes) });
    }
  }
  return pages;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s[(s.length - 1) >> 1] + s[s.length >> 1]) / 2 : null;
};
const tick = () => new Promise((r) => setImmediate(r));

/** Runs `fn` on every page once; keeps each page's best time in `best`. */
async function round(pages, fn, best) {
  for (let i = 0; i < pages.length; i++) {
    const t0 = performance.now();
    fn(pages[i]);
    const ms = performance.now() - t0;
    if (ms < best[i]) best[i] = ms;
    if (i % 64 === 63) await tick(); // keep the event loop (and a progress line) alive
  }
}

/**
 * Measures the ratios. `dist` is the folder of copydesk's build (default
 * dist/); `log` gets progress (or null).
 */
export async function ratioBench({ dist = path.join(ROOT, 'dist'), sets = RATIO_SETS, rounds = 3, log = null } = {}) {
  const pages = ratioPages(sets);
  if (!pages.length) return null;
  const { extract } = await import(pathToFileURL(path.join(dist, 'index.js')).href);
  const { parseDocument } = await import('htmlparser2');
  const tools = {
    copydesk: (p) => extract(p.html, p.url ? { url: p.url } : {}),
    htmlparser2: (p) => parseDocument(p.html),
  };
  const best = Object.fromEntries(Object.keys(tools).map((t) => [t, new Array(pages.length).fill(Infinity)]));
  const load = os.loadavg()[0];
  const t0 = performance.now();
  for (let r = 0; r < rounds; r++) {
    const order = r % 2 === 0 ? ['copydesk', 'htmlparser2'] : ['htmlparser2', 'copydesk'];
    for (const name of order) {
      log?.(`\r\x1b[K  ratio: round ${r + 1}/${rounds}, ${name} over ${pages.length} pages`);
      await round(pages, tools[name], best[name]);
    }
  }
  log?.('\r\x1b[K');
  const row = (name, idx) => ({
    set: name,
    pages: idx.length,
    copydeskMedianMs: median(idx.map((i) => best.copydesk[i])),
    htmlparser2MedianMs: median(idx.map((i) => best.htmlparser2[i])),
    medianRatio: median(idx.map((i) => best.copydesk[i] / best.htmlparser2[i])),
    target: RATIO_TARGETS[name] ?? null,
  });
  const present = [...new Set(pages.map((p) => p.set))];
  const rows = present.map((set) =>
    row(
      set,
      pages.flatMap((p, i) => (p.set === set ? [i] : [])),
    ),
  );
  rows.push(
    row(
      'all',
      pages.map((_, i) => i),
    ),
  );
  return { rounds, loadAverageBefore: load, loadAverageAfter: os.loadavg()[0], seconds: (performance.now() - t0) / 1000, rows };
}

const ms = (x) => (x < 10 ? x.toFixed(2) : x.toFixed(1));

/** The text report of {@link ratioBench}'s result. */
export function formatRatio(r) {
  const lines = [
    `ratio: copydesk extract() / htmlparser2 parseDocument() on the same string, dev sets; each tool over all pages in turn, best of ${r.rounds} rounds`,
  ];
  lines.push(`       load average ${r.loadAverageBefore.toFixed(2)} before, ${r.loadAverageAfter.toFixed(2)} after; ${r.seconds.toFixed(0)} s`);
  lines.push(`  ${'set'.padEnd(12)} ${'pages'.padStart(5)} ${'copydesk'.padStart(9)} ${'h2'.padStart(8)} ${'median per-page ratio'.padStart(22)}`);
  for (const x of r.rows) {
    const verdict = x.target === null ? '' : `  (target <= ${x.target}x) ${x.medianRatio <= x.target ? 'ok' : 'MISSED'}`;
    lines.push(
      `  ${x.set.padEnd(12)} ${String(x.pages).padStart(5)} ${`${ms(x.copydeskMedianMs)}ms`.padStart(9)} ${`${ms(x.htmlparser2MedianMs)}ms`.padStart(8)} ${`${x.medianRatio.toFixed(2)}x`.padStart(22)}${verdict}`,
    );
  }
  lines.push('  (copydesk and h2: median time per page of the set)');
  return lines.join('\n');
}

async function main() {
  const args = { dist: undefined, sets: RATIO_SETS, rounds: 3, json: false };
  const argv = process.argv.slice(2);
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--dist') args.dist = path.resolve(argv[++i]);
    else if (a === '--sets') args.sets = argv[++i].split(',');
    else if (a === '--rounds') args.rounds = Number(argv[++i]);
    else if (a === '--json') args.json = true;
    else {
      console.error(`usage: node bench/ratio.mjs [--dist DIR] [--sets a,b] [--rounds R] [--json]`);
      return 2;
    }
  }
  const log = process.stderr.isTTY && !args.json ? (s) => process.stderr.write(s) : null;
  const result = await ratioBench({ ...args, log });
  if (!result) {
    console.log('ratio: no evaluation sets found; nothing to measure');
    return 0;
  }
  console.log(args.json ? JSON.stringify(result, null, 2) : formatRatio(result));
  return 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await main();
}
