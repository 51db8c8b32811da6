#!/usr/bin/env node
// Cross-validated figures of the last evaluation run, grouped by site:
// reads the predictions `npm run eval` wrote to .eval-out/<set>.jsonl, splits
// each set's pages into k folds by site (scripts/lib/folds.mjs: no site in two
// folds, the same site in the same fold in every set) and prints, per figure,
// the plain value, the mean over the folds, the spread and each fold's value.
//
//   node scripts/cv.mjs [--set NAME]... [--folds K] [--json]
//
// `npm run eval` prints the same tables with its own run; this script
// re-scores without re-running extraction (to try another k, or to read the
// figures of predictions a model wrote there).

import fs from 'node:fs';
import { scriptArgs, whole } from './lib/args.mjs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { crossValidate, DEFAULT_FOLDS, formatCrossValidation } from './lib/folds.mjs';
import { pinnedFigures } from './lib/floors.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT_DIR = path.join(ROOT, '.eval-out');

const USAGE = `usage: npm run cv -- [--set NAME]... [--folds K] [--json]

Scores the predictions of the last \`npm run eval\` (.eval-out/<set>.jsonl)
fold by fold, pages grouped by site (registered domain of the truth URL).`;

function readArgs() {
  const v = scriptArgs('cv', USAGE, { set: { type: 'string', multiple: true }, folds: { type: 'string' }, json: { type: 'boolean' } }, (values) => {
    if (values.folds !== undefined && !(whole(values.folds) >= 2)) throw new Error('--folds needs an integer of at least 2');
  });
  return { sets: v.set ?? [], k: v.folds === undefined ? DEFAULT_FOLDS : whole(v.folds), json: v.json === true };
}

async function main() {
  const args = readArgs();
  const datasets = process.env.COPYDESK_DATASETS ? path.resolve(process.env.COPYDESK_DATASETS) : path.resolve(ROOT, '..', 'shared', 'datasets');
  const scorerPath = process.env.COPYDESK_SCORER ? path.resolve(process.env.COPYDESK_SCORER) : path.resolve(datasets, '..', 'eval', 'score.mjs');
  if (!fs.existsSync(scorerPath)) {
    console.error(`cv: scorer not found at ${scorerPath} (set COPYDESK_SCORER)`);
    return 1;
  }
  const scorer = await import(pathToFileURL(scorerPath).href);
  const ran = fs.existsSync(OUT_DIR)
    ? fs
        .readdirSync(OUT_DIR)
        .filter((f) => f.endsWith('.jsonl'))
        .map((f) => f.slice(0, -6))
        .sort()
    : [];
  const sets = args.sets.length ? args.sets : ran.filter((s) => fs.existsSync(path.join(datasets, s, 'truth.jsonl')));
  if (!sets.length) {
    console.error('cv: no predictions in .eval-out: run `npm run eval` first');
    return 1;
  }
  const out = {};
  for (const set of sets) {
    const file = path.join(OUT_DIR, `${set}.jsonl`);
    if (!fs.existsSync(file)) {
      console.error(`cv: no predictions for ${set} (${path.relative(process.cwd(), file)}): run \`npm run eval -- --set ${set}\``);
      return 1;
    }
    const truth = scorer.readTruth(path.join(datasets, set));
    const preds = scorer.readPreds(file);
    const plain = pinnedFigures(scorer.scoreSet(truth, preds));
    const cv = crossValidate(truth, preds, scorer.scoreSet, pinnedFigures, args.k);
    out[set] = { plain, crossValidated: cv };
    if (!args.json) console.log(`set ${set}: ${truth.length} pages\n${formatCrossValidation(cv, plain)}\n`);
  }
  if (args.json) console.log(JSON.stringify(out, null, 2));
  return 0;
}

process.exitCode = await main();
