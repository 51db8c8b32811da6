#!/usr/bin/env node
// A/B of two builds of copydesk in one process: does a change keep every
// page's output identical, and what does it do to the time per page?
//
//   node scripts/ab.mjs OLD NEW [--sets a,b] [--time-sets a,b] [--rounds R] [--no-time] [--diffs N]
//
// OLD and NEW are folders holding a build's index.js (e.g. `npm run build`,
// then `cp -r dist /tmp/old`; change, build again, compare /tmp/old with dist).
//
// Identity: every page of every set (default: all sets in the datasets folder)
// goes through both builds with the same options (a fixed reference date, no
// time budget, so that the output depends on the page alone); the JSON of the
// two Articles must be equal, byte for byte. Differing pages are listed with
// the first top-level field that differs.
//
// Timing: the pages of --time-sets (default: zyte, trafilatura, htmldate,
// naeb, wcxb), R rounds (default 3); in each round every page runs once in
// each build, the order of the two alternating from page to page, so that
// load on the machine and garbage collection fall on both alike. A page's time
// per build is its best round. Reported per set: the median of the per-page
// ratios NEW/OLD and the ratio of total times, and the load average.
//
// Datasets: $COPYDESK_DATASETS, default ../shared/datasets beside the repo.
// Exit status 1 when any page differs.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DATASETS = process.env.COPYDESK_DATASETS ? path.resolve(process.env.COPYDESK_DATASETS) : path.resolve(ROOT, '..', 'shared', 'datasets');
const TIME_SETS = ['zyte', 'trafilatura', 'htmldate', 'naeb', 'wcxb'];
const USAGE = 'usage: node scripts/ab.mjs OLD_DIST NEW_DIST [--sets a,b] [--time-sets a,b] [--rounds R] [--no-time] [--diffs N]';

function parseArgs(argv) {
  const args = { dirs: [], sets: null, timeSets: TIME_SETS, rounds: 3, time: true, diffs: 10 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--sets') args.sets = argv[++i].split(',');
    else if (a === '--time-sets') args.timeSets = argv[++i].split(',');
    else if (a === '--rounds') args.rounds = Number(argv[++i]);
    else if (a === '--no-time') args.time = false;
    else if (a === '--diffs') args.diffs = Number(argv[++i]);
    else if (a.startsWith('--')) throw new Error(`unknown option ${a}`);
    else args.dirs.push(a);
  }
  if (args.dirs.length !== 2) throw new Error('two build folders are needed');
  return args;
}

/** The sets in the datasets folder: each has a truth.jsonl. */
function allSets() {
  return fs
    .readdirSync(DATASETS)
    .filter((d) => fs.existsSync(path.join(DATASETS, d, 'truth.jsonl')))
    .sort();
}

function readSet(set) {
  const dir = path.join(DATASETS, set);
  return fs
    .readFileSync(path.join(dir, 'truth.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((line) => {
      const t = JSON.parse(line);
      const file = t.file ?? `pages/${t.id}.html.gz`;
      return { set, id: String(t.id), url: t.url ?? null, bytes: zlib.gunzipSync(fs.readFileSync(path.join(dir, file))) };
    });
}

const options = (p) => ({ url: p.url ?? undefined, referenceDate: '2026-01-01T00:00:00Z', limits: { timeBudgetMs: Infinity } });

function firstDifference(a, b) {
  for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
    if (JSON.stringify(a[key]) !== JSON.stringify(b[key])) return key;
  }
  return null;
}

const median = (xs) => {
  const s = [...xs].sort((x, y) => x - y);
  return s.length ? (s[(s.length - 1) >> 1] + s[s.length >> 1]) / 2 : null;
};
const sum = (xs) => xs.reduce((s, x) => s + x, 0);
const load = () =>
  os
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');
const tick = () => new Promise((r) => setImmediate(r));

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const [A, B] = await Promise.all(args.dirs.map((d) => import(pathToFileURL(path.resolve(d, 'index.js')).href)));
  const sets = args.sets ?? allSets();
  const pagesBySet = new Map(sets.map((s) => [s, readSet(s)]));

  // Identity (also the warm-up of the timing below).
  let differing = 0;
  const identity = [];
  for (const [set, pages] of pagesBySet) {
    let same = 0;
    const diffs = [];
    for (const p of pages) {
      const a = A.extract(p.bytes, options(p));
      const b = B.extract(p.bytes, options(p));
      if (JSON.stringify(a) === JSON.stringify(b)) same++;
      else diffs.push(`${p.id} (${firstDifference(a, b)})`);
    }
    differing += diffs.length;
    identity.push(
      `  ${set.padEnd(12)} ${String(same).padStart(4)}/${pages.length} identical${diffs.length ? `; differ: ${diffs.slice(0, args.diffs).join(', ')}${diffs.length > args.diffs ? ', ...' : ''}` : ''}`,
    );
    await tick();
  }
  const total = sum([...pagesBySet.values()].map((p) => p.length));
  console.log(`identity: ${total - differing}/${total} pages identical over ${sets.length} sets`);
  console.log(identity.join('\n'));

  if (args.time) {
    const timed = args.timeSets.filter((s) => pagesBySet.has(s) || fs.existsSync(path.join(DATASETS, s, 'truth.jsonl')));
    const pages = timed.flatMap((s) => pagesBySet.get(s) ?? readSet(s));
    const ta = new Array(pages.length).fill(Infinity);
    const tb = new Array(pages.length).fill(Infinity);
    const loadBefore = load();
    for (let r = 0; r < args.rounds; r++) {
      for (let i = 0; i < pages.length; i++) {
        const p = pages[i];
        const order =
          (i + r) % 2
            ? [
                [A, ta],
                [B, tb],
              ]
            : [
                [B, tb],
                [A, ta],
              ];
        for (const [M, t] of order) {
          const s = performance.now();
          M.extract(p.bytes, options(p));
          t[i] = Math.min(t[i], performance.now() - s);
        }
        if (i % 50 === 49) await tick();
      }
    }
    console.log(`timing: best of ${args.rounds} rounds, builds alternating per page; load average ${loadBefore} before, ${load()} after`);
    console.log(
      `  ${'set'.padEnd(12)} ${'pages'.padStart(5)} ${'old ms'.padStart(8)} ${'new ms'.padStart(8)} ${'total new/old'.padStart(14)} ${'median per-page'.padStart(16)}`,
    );
    const row = (name, idx) => {
      const a = idx.map((i) => ta[i]);
      const b = idx.map((i) => tb[i]);
      const ratio = median(idx.map((i) => tb[i] / ta[i]));
      console.log(
        `  ${name.padEnd(12)} ${String(idx.length).padStart(5)} ${sum(a).toFixed(0).padStart(8)} ${sum(b).toFixed(0).padStart(8)} ${(sum(b) / sum(a)).toFixed(3).padStart(14)} ${ratio.toFixed(3).padStart(16)}`,
      );
    };
    for (const set of timed)
      row(
        set,
        pages.map((p, i) => (p.set === set ? i : -1)).filter((i) => i >= 0),
      );
    row(
      'all',
      pages.map((_, i) => i),
    );
  }
  return differing ? 1 : 0;
}

try {
  process.exitCode = await main();
} catch (e) {
  console.error(`ab: ${e.message}\n${USAGE}`);
  process.exitCode = 2;
}
