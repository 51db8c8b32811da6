#!/usr/bin/env node
// Trains the body block model: keep or drop each text block of the article
// container and region the rules chose (src/body/blocks.ts), from the
// labelled dev pages of the sets with a body truth (zyte, naeb: body; wcxb:
// wordBody). A block is labelled "keep" when most of its word n-grams are in
// the truth body.
//
//   node scripts/train.mjs [--cv-only | --skip-cv] [--reuse] [--folds K] [--out FILE]
//
// --reuse reads the labelled blocks of the last run from .train-cache instead
// of extracting every page again (only valid while src/ is unchanged).
//
// Deterministic: the pages are read in truth order, the model is a logistic
// regression fitted by full-batch gradient descent from zero weights, with a
// fixed number of steps. The script first cross-validates it by site (the
// folds of scripts/lib/folds.mjs), against the rules on the same folds, and
// prints per set and fold the block figures of both. It then fits the model on
// every page and writes it as a data module (weights only) to
// src/body/model.ts, unless --cv-only.
//
// Datasets: $COPYDESK_DATASETS, default ../shared/datasets beside the repo.

import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { DEFAULT_FOLDS, foldOf, spread } from './lib/folds.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CACHE = path.join(ROOT, '.train-cache');
const MODEL_FILE = path.join(ROOT, 'src', 'body', 'model.ts');

/** The sets with a full body truth, and the truth key of each. */
const BODY_SETS = { zyte: 'body', naeb: 'body', wcxb: 'wordBody' };
/** A block is kept when at least this share of its word n-grams is in the truth. */
const LABEL_SHARE = 0.5;
/** Gradient descent: steps, learning rate, L2 penalty. */
const FIT = { steps: 300, rate: 0.05, l2: 1e-4 };

function parseArgs(argv) {
  const args = { cvOnly: false, skipCv: false, reuse: false, k: DEFAULT_FOLDS, out: MODEL_FILE };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--cv-only') args.cvOnly = true;
    else if (a === '--reuse') args.reuse = true;
    else if (a === '--skip-cv') args.skipCv = true;
    else if (a === '--folds') args.k = Number(argv[++i]);
    else if (a === '--out') args.out = path.resolve(argv[++i]);
    else throw new Error(`unknown argument: ${a}`);
  }
  return args;
}

/** Python-`\w+` words, lower-cased: the tokens the scorers count. */
const words = (s) => s.toLowerCase().match(/[\p{L}\p{N}_]+/gu) ?? [];

/** The word n-grams (n = 1..4) of a truth text, one set per n. */
function truthGrams(text) {
  const w = words(text);
  return [1, 2, 3, 4].map((n) => {
    const set = new Set();
    for (let i = 0; i + n <= w.length; i++) set.add(w.slice(i, i + n).join(' '));
    return set;
  });
}

/** Share of a block's n-grams (n = its word count up to 4) that the truth holds. */
function truthShare(text, grams) {
  const w = words(text);
  if (!w.length) return 0;
  const n = Math.min(4, w.length);
  let hit = 0,
    all = 0;
  for (let i = 0; i + n <= w.length; i++, all++) if (grams[n - 1].has(w.slice(i, i + n).join(' '))) hit++;
  return all ? hit / all : 0;
}

/**
 * The reader reads the rules' own verdicts: the model module (which may not
 * exist yet, or be stale) is replaced by an empty one, which the learned
 * layer never applies (its features do not match).
 */
const withoutModel = {
  name: 'without-model',
  setup(b) {
    b.onResolve({ filter: /^\.\/model\.js$/ }, (a) =>
      a.resolveDir.endsWith(path.join('src', 'body')) ? { path: 'model', namespace: 'empty-model' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'empty-model' }, () => ({ contents: 'export const BODY_BLOCK_MODEL = { features: [], weights: [] };', loader: 'js' }));
  },
};

async function blockReader() {
  fs.mkdirSync(CACHE, { recursive: true });
  const outfile = path.join(CACHE, 'blocks-entry.mjs');
  await build({
    entryPoints: [path.join(ROOT, 'scripts', 'learn', 'blocks-entry.ts')],
    // copydesk's own sources are bundled; its dependencies are imported from node_modules
    bundle: true,
    format: 'esm',
    platform: 'node',
    packages: 'external',
    outfile,
    logLevel: 'error',
    plugins: [withoutModel],
  });
  return import(`${pathToFileURL(outfile).href}?t=${fs.statSync(outfile).mtimeMs}`);
}

/** Reads the labelled blocks of every page of the body sets (cached by set in .train-cache). */
async function labelledBlocks(datasets, reader) {
  const rows = [];
  for (const [set, key] of Object.entries(BODY_SETS)) {
    const setDir = path.join(datasets, set);
    const truth = fs
      .readFileSync(path.join(setDir, 'truth.jsonl'), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l));
    let done = 0;
    for (const row of truth) {
      if (typeof row[key] !== 'string') continue;
      const raw = zlib.gunzipSync(fs.readFileSync(path.join(setDir, row.file ?? `pages/${row.id}.html.gz`)));
      let blocks;
      try {
        blocks = reader.pageBlocks(new Uint8Array(raw.buffer, raw.byteOffset, raw.byteLength), row.url ?? null);
      } catch {
        blocks = [];
      }
      const grams = truthGrams(row[key]);
      const fold = foldOf(row, 1e9);
      for (const b of blocks) {
        rows.push({
          set,
          page: row.id,
          site: fold,
          chars: b.text.length,
          x: sparse(b.features),
          rule: b.ruleKept,
          y: truthShare(b.text, grams) >= LABEL_SHARE,
        });
      }
      if (++done % 50 === 0) process.stderr.write(`\r  ${set}: ${done}/${truth.length} pages`);
      if (done % 10 === 0) await new Promise((r) => setImmediate(r));
    }
    process.stderr.write('\r\x1b[K');
  }
  return rows;
}

/** A feature vector as [index, value] pairs of its non-zero entries (most features are 0/1 flags). */
function sparse(x) {
  const out = [];
  for (let j = 0; j < x.length; j++) if (x[j] !== 0) out.push([j, x[j]]);
  return out;
}

/** Sample weight: longer blocks matter more to a body's F1, sub-linearly. */
const weightOf = (r) => Math.sqrt(r.chars);

const sigmoid = (z) => 1 / (1 + Math.exp(-z));

/**
 * Logistic regression fitted by full-batch gradient descent with Adam steps
 * from zero weights: deterministic (same rows, same order, same weights).
 */
function fit(rows, dims) {
  const w = new Float64Array(dims);
  const m = new Float64Array(dims);
  const v = new Float64Array(dims);
  const grad = new Float64Array(dims);
  const totalWeight = rows.reduce((a, r) => a + weightOf(r), 0);
  const { steps, rate, l2 } = FIT;
  for (let step = 1; step <= steps; step++) {
    grad.fill(0);
    for (const r of rows) {
      let z = 0;
      for (const [j, x] of r.x) z += w[j] * x;
      const g = (sigmoid(z) - (r.y ? 1 : 0)) * weightOf(r);
      for (const [j, x] of r.x) grad[j] += g * x;
    }
    for (let j = 0; j < dims; j++) {
      const g = grad[j] / totalWeight + l2 * w[j];
      m[j] = 0.9 * m[j] + 0.1 * g;
      v[j] = 0.999 * v[j] + 0.001 * g * g;
      const mh = m[j] / (1 - 0.9 ** step);
      const vh = v[j] / (1 - 0.999 ** step);
      w[j] -= (rate * mh) / (Math.sqrt(vh) + 1e-8);
    }
  }
  return [...w];
}

const predict = (w, x) => {
  let z = 0;
  for (const [j, v] of x) z += w[j] * v;
  return sigmoid(z);
};

/**
 * Block figures of a decision on some rows: characters kept that the truth
 * keeps (precision), of those it keeps (recall), F1, per page then averaged
 * (as the body scorers average pages).
 */
function blockFigures(rows, keep) {
  const pages = new Map();
  for (const r of rows) {
    const p = pages.get(`${r.set}/${r.page}`) ?? { tp: 0, fp: 0, fn: 0 };
    const k = keep(r);
    if (k && r.y) p.tp += r.chars;
    else if (k) p.fp += r.chars;
    else if (r.y) p.fn += r.chars;
    pages.set(`${r.set}/${r.page}`, p);
  }
  let P = 0,
    R = 0;
  for (const p of pages.values()) {
    P += p.tp + p.fp ? p.tp / (p.tp + p.fp) : 1;
    R += p.tp + p.fn ? p.tp / (p.tp + p.fn) : 1;
  }
  const n = pages.size || 1;
  P /= n;
  R /= n;
  return { pages: pages.size, precision: P, recall: R, f1: P + R ? (2 * P * R) / (P + R) : 0 };
}

function crossValidateModel(rows, k, dims) {
  const byFold = Array.from({ length: k }, () => []);
  for (const r of rows) byFold[r.site % k].push(r);
  const report = {};
  for (let f = 0; f < k; f++) {
    const train = byFold.filter((_, i) => i !== f).flat();
    const w = fit(train, dims);
    for (const r of byFold[f]) r.p = predict(w, r.x);
    process.stderr.write(`\r  fold ${f + 1}/${k} trained`);
  }
  process.stderr.write('\r\x1b[K');
  for (const set of [...Object.keys(BODY_SETS), 'all']) {
    const inSet = set === 'all' ? rows : rows.filter((r) => r.set === set);
    const folds = Array.from({ length: k }, (_, f) => inSet.filter((r) => r.site % k === f));
    report[set] = Object.fromEntries(
      Object.entries(POLICIES).map(([name, keep]) => {
        const figures = folds.map((fr) => blockFigures(fr, keep));
        return [name, { folds: figures, f1: spread(figures.map((x) => x.f1)) }];
      }),
    );
  }
  return report;
}

/**
 * The decisions compared on the folds: the rules alone, the model alone, and
 * the model overriding the rules only where it is sure (restoring a block
 * the rules dropped above `restore`, dropping one they kept below `drop`).
 */
const POLICIES = {
  rules: (r) => r.rule,
  model: (r) => r.p >= 0.5,
  ...Object.fromEntries([0.7, 0.8, 0.9].map((t) => [`restore>${t}`, (r) => r.rule || r.p > t])),
  ...Object.fromEntries([0.1, 0.2].map((t) => [`drop<${t}`, (r) => r.rule && r.p >= t])),
  ...Object.fromEntries(
    [
      [0.8, 0.2],
      [0.9, 0.1],
    ].map(([a, b]) => [`both ${a}/${b}`, (r) => (r.rule ? r.p >= b : r.p > a)]),
  ),
};

function formatReport(report) {
  const f3 = (x) => x.toFixed(3);
  const mean = (xs, key) => xs.reduce((a, x) => a + x[key], 0) / xs.length;
  const lines = ['block keep/drop, cross-validated by site (page-mean char F1 of kept blocks against the truth labels):'];
  for (const [set, policies] of Object.entries(report)) {
    const rules = policies.rules.folds;
    for (const [name, r] of Object.entries(policies)) {
      const wins = r.folds.filter((x, i) => x.f1 > rules[i].f1 + 1e-9).length;
      const losses = r.folds.filter((x, i) => x.f1 < rules[i].f1 - 1e-9).length;
      lines.push(
        `  ${set.padEnd(6)} ${name.padEnd(14)} F1 ${f3(r.f1.mean)} (folds ${r.folds.map((x) => f3(x.f1)).join(' ')})  P ${f3(mean(r.folds, 'precision'))} R ${f3(mean(r.folds, 'recall'))}${name === 'rules' ? '' : `  beats the rules on ${wins}/${r.folds.length} folds, loses on ${losses}`}`,
      );
    }
  }
  return lines.join('\n');
}

function modelModule(names, w, rows) {
  const r6 = (x) => Math.round(x * 1e6) / 1e6;
  return `/**
 * The body block model: logistic-regression weights over the block features
 * of \`blocks.ts\` (BLOCK_FEATURES, in that order). Written by
 * \`npm run train\` (scripts/train.mjs) from ${rows.length} labelled blocks of the dev pages of
 * ${Object.keys(BODY_SETS).join(', ')}; do not edit by hand. Learned weights only: no page text.
 */
export const BODY_BLOCK_MODEL = Object.freeze({
  features: ${JSON.stringify(names)} as const,
  weights: Object.freeze(${JSON.stringify(w.map(r6))}),
});
`;
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const datasets = process.env.COPYDESK_DATASETS ? path.resolve(process.env.COPYDESK_DATASETS) : path.resolve(ROOT, '..', 'shared', 'datasets');
  if (!fs.existsSync(datasets)) {
    console.error(`train: no datasets at ${datasets} (set COPYDESK_DATASETS)`);
    return 1;
  }
  const reader = await blockReader();
  const names = reader.BLOCK_FEATURES;
  const cached = path.join(CACHE, 'blocks.json');
  const rows = args.reuse && fs.existsSync(cached) ? JSON.parse(fs.readFileSync(cached, 'utf8')) : await labelledBlocks(datasets, reader);
  fs.writeFileSync(cached, JSON.stringify(rows));
  console.log(
    `train: ${rows.length} blocks (${rows.filter((r) => r.y).length} kept by the truth, ${rows.filter((r) => r.rule).length} by the rules), ${names.length} features`,
  );
  if (!args.skipCv) console.log(formatReport(crossValidateModel(rows, args.k, names.length)));
  if (args.cvOnly) return 0;
  const w = fit(rows, names.length);
  fs.writeFileSync(args.out, modelModule(names, w, rows));
  console.log(`train: wrote ${path.relative(process.cwd(), args.out)}`);
  return 0;
}

process.exitCode = await main();
