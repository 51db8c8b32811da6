#!/usr/bin/env node
// Does `confidence` tell the truth? Reads the predictions `npm run eval` left in
// .eval-out/<set>.jsonl (each row carries the article's confidence) and the
// sets' truth, scores each page's body with the shared scorer, and reports per set:
//   - Spearman's rank correlation between confidence and the page's body F1;
//   - of the pages with body F1 below 0.8, the share given a confidence below 0.7.
//
//   npm run eval && node scripts/confidence-check.mjs [--set NAME]... [--json]
//
// Body F1 per page: shingle F1 for sets scored on `body` (zyte, naeb), word F1
// for sets scored on `wordBody` (wcxb). Datasets and scorer are found as in
// scripts/eval.mjs ($COPYDESK_DATASETS, $COPYDESK_SCORER).

import fs from 'node:fs';
import { spearman } from './lib/rank.mjs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT_DIR = path.join(ROOT, '.eval-out');
/** The sets the issue measures, and the targets it sets. */
const DEFAULT_SETS = ['zyte', 'naeb', 'wcxb'];
const LOW_F1 = 0.8;
const LOW_CONFIDENCE = 0.7;

export { ranks, spearman } from './lib/rank.mjs';

function datasetsDir() {
  return process.env.COPYDESK_DATASETS ? path.resolve(process.env.COPYDESK_DATASETS) : path.resolve(ROOT, '..', 'shared', 'datasets');
}

async function main(argv) {
  const sets = [];
  let json = false;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--set') sets.push(argv[++i]);
    else if (argv[i] === '--json') json = true;
    else {
      console.error(`confidence-check: unknown option ${argv[i]}`);
      return 2;
    }
  }
  const dir = datasetsDir();
  const scorerPath = process.env.COPYDESK_SCORER ? path.resolve(process.env.COPYDESK_SCORER) : path.join(dir, '..', 'eval', 'score.mjs');
  const scorer = await import(pathToFileURL(scorerPath).href);
  const report = {};
  for (const set of sets.length ? sets : DEFAULT_SETS) {
    const predFile = path.join(OUT_DIR, `${set}.jsonl`);
    if (!fs.existsSync(predFile)) {
      console.error(`confidence-check: no ${predFile}; run npm run eval first`);
      return 1;
    }
    const preds = scorer.readPreds(predFile);
    const truth = scorer.readTruth(path.join(dir, set));
    const pairs = [];
    for (const row of truth) {
      const p = preds.get(String(row.id));
      if (!p || typeof p.confidence !== 'number') continue;
      const text = typeof p.text === 'string' ? p.text : '';
      let f1;
      if (typeof row.body === 'string') {
        const [tp, fp, fn] = scorer.shingleMatch(row.body, text);
        f1 = tp + fp + fn > 0 ? (2 * tp) / (2 * tp + fp + fn) : 0;
      } else if (typeof row.wordBody === 'string') {
        f1 = scorer.wordF1(text, row.wordBody);
      } else continue;
      pairs.push([p.confidence, f1]);
    }
    if (pairs.length === 0) {
      console.error(`confidence-check: ${set}: no predictions with a confidence (re-run npm run eval)`);
      return 1;
    }
    const low = pairs.filter(([, f1]) => f1 < LOW_F1);
    report[set] = {
      pages: pairs.length,
      spearman: spearman(
        pairs.map((p) => p[0]),
        pairs.map((p) => p[1]),
      ),
      lowF1Pages: low.length,
      lowF1WithLowConfidence: low.length ? low.filter(([c]) => c < LOW_CONFIDENCE).length / low.length : null,
    };
  }
  if (json) console.log(JSON.stringify(report, null, 2));
  else {
    for (const [set, r] of Object.entries(report)) {
      const rho = r.spearman === null ? 'n/a' : r.spearman.toFixed(3);
      const share = r.lowF1WithLowConfidence === null ? 'n/a' : `${(r.lowF1WithLowConfidence * 100).toFixed(0)}%`;
      console.log(
        `${set.padEnd(8)} pages ${String(r.pages).padStart(4)}  Spearman(confidence, body F1) ${rho}  ` +
          `pages with F1 < ${LOW_F1}: ${r.lowF1Pages}, given confidence < ${LOW_CONFIDENCE}: ${share}`,
      );
    }
  }
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
