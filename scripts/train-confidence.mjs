#!/usr/bin/env node
// Trains the confidence model: how likely copydesk's own body is right, from
// the evidence of src/body/evidence.ts (the body's figures against the page,
// how the scorer reached it, the marks of its lines, the body block model's
// view of its blocks), against the body F1 of each dev page of the sets with a
// body truth (zyte, naeb: body, shingle F1; wcxb: wordBody, word F1;
// readability: silverBody, shingle F1).
//
//   npm run eval            # the bodies to score (.eval-out/<set>.jsonl)
//   npm run train:confidence [-- --cv-only] [--reuse] [--folds K] [--target soft|good] [--low-weight W] [--threshold X] [--drop FEATURE]...
//                            [--preds DIR] [--out FILE]
//
// The page's body F1 is read from the predictions of the last `npm run eval`
// (the body text does not depend on the confidence), the evidence from a
// bundle of the sources (scripts/learn/confidence-entry.ts). --reuse reads the
// rows of the last run from .train-cache/confidence.json.
//
// Deterministic: logistic regression fitted by full-batch gradient descent
// (Adam steps) from zero weights, each weight kept on the side its feature
// allows (CONFIDENCE_FEATURES' sign) so that more of a doubt never raises the
// confidence. Target `good` (default): the page's body F1 is at least 0.8;
// `soft`: the F1 itself. The script first cross-validates by site (the folds
// of scripts/lib/folds.mjs: no site in two folds), and prints per set, from
// the predictions of the models trained without each page's fold: Spearman's
// rho between confidence and body F1, the share of pages with F1 < 0.8 given a
// confidence under 0.7, and how many pages with F1 >= 0.8 are under 0.7 and
// under the fallback threshold. It then fits on every page and writes
// src/body/confidence-model.ts, unless --cv-only.
//
// Datasets: $COPYDESK_DATASETS, default ../shared/datasets beside the repo.

import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { DEFAULT_FOLDS, foldOf } from './lib/folds.mjs';
import { spearman } from './lib/rank.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CACHE = path.join(ROOT, '.train-cache');
const OUT_DIR = path.join(ROOT, '.eval-out');
const MODEL_FILE = path.join(ROOT, 'src', 'body', 'confidence-model.ts');

/** The sets with a body truth, the truth key of each and how its body is scored. */
const SETS = { zyte: ['body', 'shingle'], naeb: ['body', 'shingle'], wcxb: ['wordBody', 'word'], readability: ['silverBody', 'shingle'] };
/** The issue's figures: a body F1 under LOW_F1 is a wrong body, and should get a confidence under LOW_CONFIDENCE. */
const LOW_F1 = 0.8;
const LOW_CONFIDENCE = 0.7;
/** Confidence of a page judged to hold no article (NOT_AN_ARTICLE_CONFIDENCE) and of an empty body. */
const NOT_ARTICLE = 0.8;
/**
 * Weight of a page with a wrong body (F1 < LOW_F1) in the fit: wrong bodies are
 * about one page in eleven, and a model fitted without it says "fine" to most
 * of them (site-grouped CV: 33% of them under 0.7 at weight 1, 64% at 3, 65% at
 * 4 with half as many sound pages again under 0.7).
 */
const LOW_F1_WEIGHT = 3;
/** Gradient descent: steps, learning rate, L2 penalty (not on the bias). */
const FIT = { steps: 2000, rate: 0.05, l2: 1e-3 };

function parseArgs(argv) {
  const args = {
    cvOnly: false,
    reuse: false,
    k: DEFAULT_FOLDS,
    target: 'good',
    threshold: 0.5,
    lowWeight: LOW_F1_WEIGHT,
    out: MODEL_FILE,
    preds: OUT_DIR,
    drop: [],
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--cv-only') args.cvOnly = true;
    else if (a === '--reuse') args.reuse = true;
    else if (a === '--folds') args.k = Number(argv[++i]);
    else if (a === '--target') args.target = argv[++i];
    else if (a === '--threshold') args.threshold = Number(argv[++i]);
    else if (a === '--drop') args.drop.push(argv[++i]);
    else if (a === '--low-weight') args.lowWeight = Number(argv[++i]);
    else if (a === '--out') args.out = path.resolve(argv[++i]);
    else if (a === '--preds') args.preds = path.resolve(argv[++i]);
    else throw new Error(`unknown argument: ${a}`);
  }
  if (!['good', 'soft'].includes(args.target)) throw new Error('--target: good or soft');
  return args;
}

async function evidenceReader() {
  fs.mkdirSync(CACHE, { recursive: true });
  const outfile = path.join(CACHE, 'confidence-entry.mjs');
  await build({
    entryPoints: [path.join(ROOT, 'scripts', 'learn', 'confidence-entry.ts')],
    bundle: true,
    format: 'esm',
    platform: 'node',
    packages: 'external',
    outfile,
    logLevel: 'error',
  });
  return import(`${pathToFileURL(outfile).href}?t=${fs.statSync(outfile).mtimeMs}`);
}

/** One row per page of the body sets: its evidence, its body F1, its fold. */
async function pageRows(datasets, scorer, reader, predDir) {
  const rows = [];
  for (const [set, [key, how]] of Object.entries(SETS)) {
    const setDir = path.join(datasets, set);
    const predFile = path.join(predDir, `${set}.jsonl`);
    if (!fs.existsSync(predFile)) throw new Error(`no ${path.relative(ROOT, predFile)}: run npm run eval first`);
    const preds = scorer.readPreds(predFile);
    const truth = scorer.readTruth(setDir);
    let done = 0;
    for (const row of truth) {
      if (typeof row[key] !== 'string') continue;
      const p = preds.get(String(row.id));
      const text = p && typeof p.text === 'string' ? p.text : '';
      let f1;
      if (how === 'word') f1 = scorer.wordF1(text, row[key]);
      else {
        const [tp, fp, fn] = scorer.shingleMatch(row[key], text);
        f1 = tp + fp + fn > 0 ? (2 * tp) / (2 * tp + fp + fn) : 0;
      }
      const raw = zlib.gunzipSync(fs.readFileSync(path.join(setDir, row.file ?? `pages/${row.id}.html.gz`)));
      let ev;
      try {
        ev = reader.pageEvidence(new Uint8Array(raw.buffer, raw.byteOffset, raw.byteLength), row.url ?? null);
      } catch {
        ev = { kind: 'none', evidence: [] };
      }
      rows.push({ set, page: row.id, site: foldOf(row, 1e9), f1, kind: ev.kind, x: ev.evidence, before: p?.confidence ?? null });
      if (++done % 50 === 0) process.stderr.write(`\r  ${set}: ${done}/${truth.length} pages`);
      if (done % 10 === 0) await new Promise((r) => setImmediate(r));
    }
    process.stderr.write('\r\x1b[K');
  }
  return rows;
}

const sigmoid = (z) => 1 / (1 + Math.exp(-z));
const targetOf = (r, target) => (target === 'soft' ? r.f1 : r.f1 >= LOW_F1 ? 1 : 0);

/** Sign-constrained logistic regression (cross-entropy, soft or 0/1 targets), deterministic. */
function fit(rows, dims, signs, target, lowWeight) {
  const w = new Float64Array(dims);
  const m = new Float64Array(dims);
  const v = new Float64Array(dims);
  const grad = new Float64Array(dims);
  const { steps, rate, l2 } = FIT;
  const totalWeight = rows.reduce((a, r) => a + (r.f1 < LOW_F1 ? lowWeight : 1), 0);
  for (let step = 1; step <= steps; step++) {
    grad.fill(0);
    for (const r of rows) {
      let z = 0;
      for (let j = 0; j < dims; j++) z += w[j] * r.x[j];
      const g = (sigmoid(z) - targetOf(r, target)) * (r.f1 < LOW_F1 ? lowWeight : 1);
      for (let j = 0; j < dims; j++) grad[j] += g * r.x[j];
    }
    for (let j = 0; j < dims; j++) {
      const g = grad[j] / totalWeight + (j === 0 ? 0 : l2 * w[j]);
      m[j] = 0.9 * m[j] + 0.1 * g;
      v[j] = 0.999 * v[j] + 0.001 * g * g;
      w[j] -= (rate * (m[j] / (1 - 0.9 ** step))) / (Math.sqrt(v[j] / (1 - 0.999 ** step)) + 1e-8);
      // Monotone: a weight never crosses to the side its feature forbids.
      if ((signs[j] > 0 && w[j] < 0) || (signs[j] < 0 && w[j] > 0) || signs[j] === null) w[j] = 0;
    }
  }
  return [...w];
}

const predict = (w, x) => Math.round(sigmoid(x.reduce((a, xj, j) => a + w[j] * xj, 0)) * 1000) / 1000;

/** The confidence extract gives a row when its body is rated by the model `w`. */
const confidenceOf = (r, w) => (r.kind === 'not-article' ? NOT_ARTICLE : r.kind === 'none' ? 0 : predict(w, r.x));

/** The issue's figures of one set's confidences (`c`, per row). */
function figures(rows, c, threshold) {
  const low = rows.filter((r) => r.f1 < LOW_F1);
  const high = rows.filter((r) => r.f1 >= LOW_F1);
  return {
    pages: rows.length,
    spearman: spearman(
      rows.map(c),
      rows.map((r) => r.f1),
    ),
    lowF1: low.length,
    lowF1Caught: low.filter((r) => c(r) < LOW_CONFIDENCE).length,
    highF1: high.length,
    highF1Under07: high.filter((r) => c(r) < LOW_CONFIDENCE).length,
    underThreshold: rows.filter((r) => c(r) < threshold).length,
  };
}

function formatFigures(name, f) {
  const rho = f.spearman === null ? '  n/a' : f.spearman.toFixed(3).padStart(6);
  const pct = (a, b) => (b ? `${((100 * a) / b).toFixed(0)}%` : 'n/a');
  return (
    `  ${name.padEnd(30)} rho ${rho}  F1<${LOW_F1}: ${String(f.lowF1Caught).padStart(3)}/${String(f.lowF1).padEnd(3)} under ${LOW_CONFIDENCE} (${pct(f.lowF1Caught, f.lowF1).padStart(4)})` +
    `  F1>=${LOW_F1} under ${LOW_CONFIDENCE}: ${String(f.highF1Under07).padStart(3)}/${f.highF1}  under threshold: ${f.underThreshold}`
  );
}

function crossValidate(rows, k, dims, signs, target, lowWeight) {
  const rated = rows.filter((r) => r.kind === 'body');
  const oof = new Map();
  for (let f = 0; f < k; f++) {
    const w = fit(
      rated.filter((r) => r.site % k !== f),
      dims,
      signs,
      target,
      lowWeight,
    );
    for (const r of rows) if (r.site % k === f) oof.set(r, confidenceOf(r, w));
  }
  return oof;
}

function modelModule(names, w, rows, target) {
  const r6 = (x) => Math.round(x * 1e6) / 1e6;
  return `/**
 * The confidence model: logistic-regression weights over the features of
 * \`evidence.ts\` (CONFIDENCE_FEATURES, in that order). Written by
 * \`npm run train:confidence\` (scripts/train-confidence.mjs) from ${rows.length} dev pages of
 * ${Object.keys(SETS).join(', ')} (target: ${target === 'good' ? `body F1 >= ${LOW_F1}` : 'body F1'}); do not edit by hand.
 * Learned weights only: no page text.
 */
export const CONFIDENCE_MODEL = Object.freeze({
  features: ${JSON.stringify(names)} as readonly string[],
  weights: Object.freeze(${JSON.stringify(w.map(r6))}),
});
`;
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const datasets = process.env.COPYDESK_DATASETS ? path.resolve(process.env.COPYDESK_DATASETS) : path.resolve(ROOT, '..', 'shared', 'datasets');
  const scorerPath = process.env.COPYDESK_SCORER ? path.resolve(process.env.COPYDESK_SCORER) : path.resolve(datasets, '..', 'eval', 'score.mjs');
  if (!fs.existsSync(datasets) || !fs.existsSync(scorerPath)) {
    console.error(`train-confidence: no datasets at ${datasets} or scorer at ${scorerPath} (set COPYDESK_DATASETS, COPYDESK_SCORER)`);
    return 1;
  }
  const scorer = await import(pathToFileURL(scorerPath).href);
  const reader = await evidenceReader();
  const names = reader.FEATURE_NAMES;
  // A dropped feature (an ablation: --drop NAME) keeps a zero weight.
  const signs = reader.FEATURE_SIGNS.map((s, j) => (args.drop.includes(names[j]) ? null : s));
  const cached = path.join(CACHE, 'confidence.json');
  const rows = args.reuse && fs.existsSync(cached) ? JSON.parse(fs.readFileSync(cached, 'utf8')) : await pageRows(datasets, scorer, reader, args.preds);
  fs.writeFileSync(cached, JSON.stringify(rows));
  const rated = rows.filter((r) => r.kind === 'body');
  if (rated.some((r) => r.x.length !== names.length)) throw new Error('stale rows: the features changed; run without --reuse');
  console.log(
    `train-confidence: ${rows.length} pages (${rated.length} rated bodies, ${rows.filter((r) => r.kind === 'not-article').length} judged no article, ` +
      `${rows.filter((r) => r.kind === 'none').length} empty), ${rows.filter((r) => r.f1 < LOW_F1).length} with body F1 < ${LOW_F1}; ${names.length} features`,
  );

  const oof = crossValidate(rows, args.k, names.length, signs, args.target, args.lowWeight);
  console.log(
    `cross-validated by site (${args.k} folds; each page rated by the model trained without its fold's sites; target ${args.target}; low-F1 weight ${args.lowWeight}; threshold ${args.threshold}):`,
  );
  for (const set of [...Object.keys(SETS), 'all']) {
    const inSet = set === 'all' ? rows : rows.filter((r) => r.set === set);
    if (inSet.some((r) => r.before !== null))
      console.log(
        formatFigures(
          `${set} before (last eval run)`,
          figures(
            inSet.filter((r) => r.before !== null),
            (r) => r.before,
            args.threshold,
          ),
        ),
      );
    console.log(
      formatFigures(
        `${set} learned, cross-validated`,
        figures(inSet, (r) => oof.get(r), args.threshold),
      ),
    );
  }
  if (args.cvOnly) return 0;
  const w = fit(rated, names.length, signs, args.target, args.lowWeight);
  console.log('weights:');
  names.forEach((n, j) => {
    console.log(`  ${n.padEnd(20)} ${w[j].toFixed(3)}`);
  });
  for (const set of Object.keys(SETS))
    console.log(
      formatFigures(
        `${set} learned, in-sample`,
        figures(
          rows.filter((r) => r.set === set),
          (r) => confidenceOf(r, w),
          args.threshold,
        ),
      ),
    );
  fs.writeFileSync(args.out, modelModule(names, w, rated, args.target));
  console.log(`train-confidence: wrote ${path.relative(process.cwd(), args.out)}`);
  return 0;
}

process.exitCode = await main();
