#!/usr/bin/env node
// Runs copydesk (dist/index.js) over every evaluation set and scores it with
// the shared scorer. `npm run eval` builds first; see eval/README.md.
//
//   node scripts/eval.mjs [--set NAME]... [--json] [--check | --write-floors]
//                         [--show-misses FIELD [--limit N]]
//                         [--fallback readability [--fallback-threshold X]]
//
// With --fallback, extract runs with { fallback } (jsdom and @mozilla/readability
// on the pages copydesk doubts); the floors are then eval/floors-fallback.json.
//
// Datasets: $COPYDESK_DATASETS, default ../shared/datasets beside the repo.
// Scorer:   $COPYDESK_SCORER, default <datasets>/../eval/score.mjs.
// Predictions go to .eval-out/<set>.jsonl (git-ignored).

import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { checkFloors, formatChanges, formatCheck, readFloors, refusedChanges, updatedFloors, writeFloors } from './lib/floors.mjs';
import { MISS_FIELDS, setHasField, showMisses } from './lib/misses.mjs';
import { crossValidate, DEFAULT_FOLDS, formatCrossValidation } from './lib/folds.mjs';
import { pinnedFigures } from './lib/floors.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const FLOORS_FILE = path.join(ROOT, 'eval', 'floors.json');
const FALLBACK_FLOORS_FILE = path.join(ROOT, 'eval', 'floors-fallback.json');
const FALLBACKS = ['readability'];
const OUT_DIR = path.join(ROOT, '.eval-out');
const rel = (p) => path.relative(process.cwd(), p) || '.';

const USAGE = `usage: npm run eval -- [options]     (or: node scripts/eval.mjs [options])

Runs copydesk (dist/index.js) over the evaluation sets and scores it.

options:
  --set NAME           only this set (repeatable); default: every set
  --json               print a machine-readable summary instead of tables
  --check              fail (exit 1) if a figure is below its floor in eval/floors.json
  --write-floors       pin the current figures (rounded down) as eval/floors.json;
                       refuses (writes nothing, exit 1) when a floor would fall
  --allow-lower        with --write-floors: lower or drop floors too (on purpose only)
  --show-misses FIELD  list the pages that miss FIELD: body, silverBody, snippets,
                       title, byline, published, siteName, excerpt, dek,
                       leadImage, bodyStart, errors
  --limit N            show at most N pages with --show-misses
                       (default 15 for body, silverBody, snippets; else all)
  --fallback ENGINE    run extract with { fallback: ENGINE } (readability); also
                       reports how many pages triggered it, and checks/writes
                       eval/floors-fallback.json instead of eval/floors.json
  --fallback-threshold X   the fallback's confidence threshold (default: copydesk's)
  -h, --help           this help

environment:
  COPYDESK_DATASETS    datasets folder (default: ../shared/datasets beside the repo)
  COPYDESK_SCORER      scorer module (default: <datasets>/../eval/score.mjs)`;

class UsageError extends Error {}

function parseArgs(argv) {
  const args = {
    sets: [],
    json: false,
    check: false,
    writeFloors: false,
    allowLower: false,
    showMisses: null,
    limit: null,
    help: false,
    fallback: null,
    fallbackThreshold: null,
  };
  for (let i = 0; i < argv.length; i++) {
    let a = argv[i];
    let inline = null;
    const eq = a.indexOf('=');
    if (a.startsWith('--') && eq > 0) {
      inline = a.slice(eq + 1);
      a = a.slice(0, eq);
    }
    const value = () => {
      if (inline !== null) return inline;
      const v = argv[++i];
      if (v === undefined || v.startsWith('--')) throw new UsageError(`${a} needs a value`);
      return v;
    };
    switch (a) {
      case '--set':
        args.sets.push(value());
        break;
      case '--json':
        args.json = true;
        break;
      case '--check':
        args.check = true;
        break;
      case '--write-floors':
        args.writeFloors = true;
        break;
      case '--allow-lower':
        args.allowLower = true;
        break;
      case '--show-misses': {
        const f = value();
        if (!(f in MISS_FIELDS)) throw new UsageError(`--show-misses: unknown field "${f}" (one of: ${Object.keys(MISS_FIELDS).join(', ')})`);
        args.showMisses = MISS_FIELDS[f];
        break;
      }
      case '--limit': {
        const n = Number(value());
        if (!Number.isInteger(n) || n < 1) throw new UsageError('--limit needs a positive integer');
        args.limit = n;
        break;
      }
      case '--fallback': {
        const f = value();
        if (!FALLBACKS.includes(f)) throw new UsageError(`--fallback: unknown engine "${f}" (one of: ${FALLBACKS.join(', ')})`);
        args.fallback = f;
        break;
      }
      case '--fallback-threshold': {
        const x = Number(value());
        if (!Number.isFinite(x) || x < 0 || x > 1) throw new UsageError('--fallback-threshold needs a number from 0 to 1');
        args.fallbackThreshold = x;
        break;
      }
      case '-h':
      case '--help':
        args.help = true;
        break;
      default:
        throw new UsageError(`unknown argument: ${argv[i]}`);
    }
  }
  if (args.check && args.writeFloors) throw new UsageError('--check and --write-floors do not go together');
  if (args.allowLower && !args.writeFloors) throw new UsageError('--allow-lower needs --write-floors');
  if (args.fallbackThreshold !== null && !args.fallback) throw new UsageError('--fallback-threshold needs --fallback');
  if (args.fallbackThreshold !== null && (args.check || args.writeFloors)) {
    throw new UsageError('--fallback-threshold does not go with --check or --write-floors (floors are pinned at the default threshold)');
  }
  return args;
}

function datasetsDir() {
  const env = process.env.COPYDESK_DATASETS;
  return env ? path.resolve(env) : path.resolve(ROOT, '..', 'shared', 'datasets');
}

function listSets(dir) {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && fs.existsSync(path.join(dir, e.name, 'truth.jsonl')))
    .map((e) => e.name)
    .sort();
}

const str = (v) => (typeof v === 'string' ? v : null);

/** The prediction row score.mjs reads, from one Article. */
function toPrediction(id, a, ms) {
  return {
    id,
    title: str(a?.headline),
    byline: str(a?.byline),
    published: str(a?.dateline?.published),
    siteName: str(a?.source?.publisher),
    excerpt: str(a?.dek),
    dek: str(a?.dek),
    leadImage: str(a?.leadImage),
    text: str(a?.body?.text),
    // Not scored by score.mjs; read by scripts/confidence-check.mjs.
    confidence: typeof a?.confidence === 'number' ? a.confidence : null,
    ms,
    error: null,
  };
}

function errorText(e) {
  if (!(e instanceof Error)) return String(e);
  // first stack frames say where; the message alone rarely does
  const frames = (e.stack ?? '')
    .split('\n')
    .filter((l) => /^\s+at /.test(l))
    .slice(0, 3)
    .map((l) => l.trim());
  return [`${e.name}: ${e.message}`, ...frames].join('\n');
}

// Back to the event loop between pages: jsdom windows (the fallback) release their memory only then.
const tick = () => new Promise((resolve) => setImmediate(resolve));

/**
 * Runs extract over one set; writes .eval-out/<set>.jsonl; returns Map id -> prediction.
 * `extraOptions` are passed to every call (the fallback); `onPage(id, reports)` receives
 * what onFallback reported for each page.
 */
async function runSet(extract, setDir, setName, truth, progress, extraOptions = {}, onPage = null) {
  const preds = new Map();
  const lines = [];
  for (let i = 0; i < truth.length; i++) {
    const row = truth[i];
    const id = String(row.id);
    const file = path.join(setDir, row.file ?? path.join('pages', `${id}.html.gz`));
    let pred;
    try {
      const raw = zlib.gunzipSync(fs.readFileSync(file));
      // a plain Uint8Array view (not a Buffer): what a browser caller passes
      const bytes = new Uint8Array(raw.buffer, raw.byteOffset, raw.byteLength);
      const reports = [];
      const options = {
        ...(row.url ? { url: row.url } : {}),
        ...extraOptions,
        ...(extraOptions.fallback ? { onFallback: (r) => reports.push(r) } : {}),
      };
      const t0 = performance.now();
      let article;
      try {
        article = extract(bytes, options);
      } catch (e) {
        const ms = Math.round((performance.now() - t0) * 1000) / 1000;
        throw Object.assign(e instanceof Error ? e : new Error(String(e)), { ms });
      }
      const ms = Math.round((performance.now() - t0) * 1000) / 1000;
      pred = toPrediction(id, article, ms);
      onPage?.(id, reports, ms);
    } catch (e) {
      pred = { ...toPrediction(id, null, typeof e?.ms === 'number' ? e.ms : null), error: errorText(e) };
    }
    preds.set(id, pred);
    lines.push(JSON.stringify(pred));
    if (progress && (i % 10 === 9 || i === truth.length - 1)) {
      process.stderr.write(`\r  ${setName}: ${i + 1}/${truth.length} pages`);
    }
    if (extraOptions.fallback) await tick();
  }
  if (progress) process.stderr.write('\r\x1b[K');
  fs.mkdirSync(OUT_DIR, { recursive: true });
  fs.writeFileSync(path.join(OUT_DIR, `${setName}.jsonl`), lines.join('\n') + (lines.length ? '\n' : ''));
  return preds;
}

/** Counts of what the fallback did on a set. */
function newFallbackStats() {
  return { triggered: 0, readability: 0, errors: 0, limits: 0, reasons: {}, ms: [] };
}

function countFallback(stats, reports) {
  for (const r of reports) {
    stats.triggered++;
    if (r.engine === 'readability') stats.readability++;
    if (r.reason === 'error') stats.errors++;
    if (r.reason === 'limits') stats.limits++;
    stats.reasons[r.reason] = (stats.reasons[r.reason] ?? 0) + 1;
    stats.ms.push(r.ms);
  }
}

function formatFallback(stats, pages) {
  const pct = (n) => `${pages ? ((100 * n) / pages).toFixed(1) : '0.0'}%`;
  const sorted = [...stats.ms].sort((a, b) => a - b);
  const median = sorted.length ? (sorted[(sorted.length - 1) >> 1] + sorted[sorted.length >> 1]) / 2 : null;
  const reasons = Object.entries(stats.reasons)
    .sort((a, b) => b[1] - a[1])
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');
  return (
    `  fallback               triggered ${stats.triggered}/${pages} (${pct(stats.triggered)})  readability kept ${stats.readability} (${pct(stats.readability)})` +
    `  errors ${stats.errors}${median !== null ? `  median fallback ${median.toFixed(1)}ms` : ''}${reasons ? `\n                         reasons: ${reasons}` : ''}`
  );
}

async function main() {
  let args;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    console.error(`eval: ${e.message}\n\n${USAGE}`);
    return 2;
  }
  if (args.help) {
    console.log(USAGE);
    return 0;
  }
  // With --json, stdout carries only the JSON summary; everything else goes to stderr.
  const say = args.json ? (...x) => console.error(...x) : (...x) => console.log(...x);

  const dir = datasetsDir();
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) {
    say(`eval: no datasets folder at ${dir} (set COPYDESK_DATASETS to evaluate); nothing to do.`);
    if (args.json) console.log(JSON.stringify({ datasets: null, sets: {} }));
    return 0;
  }

  const scorerPath = process.env.COPYDESK_SCORER ? path.resolve(process.env.COPYDESK_SCORER) : path.resolve(dir, '..', 'eval', 'score.mjs');
  if (!fs.existsSync(scorerPath)) {
    console.error(`eval: scorer not found at ${scorerPath} (set COPYDESK_SCORER)`);
    return 1;
  }
  const scorer = await import(pathToFileURL(scorerPath).href);

  const distPath = path.join(ROOT, 'dist', 'index.js');
  if (!fs.existsSync(distPath)) {
    console.error(`eval: ${rel(distPath)} not found: run \`npm run build\` (or use \`npm run eval\`)`);
    return 1;
  }
  const { extract } = await import(pathToFileURL(distPath).href);
  if (typeof extract !== 'function') {
    console.error(`eval: ${rel(distPath)} exports no extract function`);
    return 1;
  }

  // The fallback engine from copydesk/readability (works on every Node copydesk supports).
  const extraOptions = {};
  if (args.fallback) {
    const enginePath = path.join(ROOT, 'dist', 'readability.js');
    const { readability } = await import(pathToFileURL(enginePath).href);
    extraOptions.fallback = readability;
    if (args.fallbackThreshold !== null) extraOptions.fallbackThreshold = args.fallbackThreshold;
  }
  const floorsFile = args.fallback ? FALLBACK_FLOORS_FILE : FLOORS_FILE;

  const available = listSets(dir);
  const unknown = args.sets.filter((s) => !available.includes(s));
  if (unknown.length) {
    console.error(`eval: unknown set(s): ${unknown.join(', ')} (in ${dir}: ${available.join(', ') || 'none'})`);
    return 2;
  }
  const selected = args.sets.length ? [...new Set(args.sets)] : available;
  if (!selected.length) {
    say(`eval: no sets (folders with truth.jsonl) in ${dir}; nothing to do.`);
    if (args.json) console.log(JSON.stringify({ datasets: dir, sets: {} }));
    return 0;
  }

  say(
    `eval: copydesk ${rel(distPath)} on ${dir} (scorer ${rel(scorerPath)})` +
      (args.fallback ? `, fallback ${args.fallback}${args.fallbackThreshold !== null ? ` below confidence ${args.fallbackThreshold}` : ''}` : ''),
  );
  const progress = process.stderr.isTTY && !args.json;
  const results = {};
  const summary = { datasets: dir, scorer: scorerPath, sets: {} };
  const missesShown = [];
  for (const setName of selected) {
    const setDir = path.join(dir, setName);
    const truth = scorer.readTruth(setDir);
    const t0 = performance.now();
    const fallback = args.fallback ? newFallbackStats() : null;
    const onPage = fallback ? (id, reports) => countFallback(fallback, reports) : null;
    const preds = await runSet(extract, setDir, setName, truth, progress, extraOptions, onPage);
    const wallSeconds = (performance.now() - t0) / 1000;
    const result = scorer.scoreSet(truth, preds);
    results[setName] = result;
    // The same predictions scored fold by fold (pages grouped by site): how far a figure moves between groups of sites.
    const cv = crossValidate(truth, preds, scorer.scoreSet, pinnedFigures, DEFAULT_FOLDS);
    summary.sets[setName] = {
      predictions: path.join(OUT_DIR, `${setName}.jsonl`),
      wallSeconds,
      ...result,
      crossValidated: cv,
      ...(fallback ? { fallback } : {}),
    };
    say(scorer.formatTable(setName, result));
    say(formatCrossValidation(cv, pinnedFigures(result)));
    if (fallback) say(formatFallback(fallback, truth.length));
    if (result.timing.errors && args.showMisses !== 'errors') {
      say(`  (${result.timing.errors} page(s) threw: see them with --show-misses errors)`);
    }
    if (args.showMisses && setHasField(truth, args.showMisses)) {
      say(showMisses(args.showMisses, setName, truth, preds, scorer, args.limit));
      missesShown.push(setName);
    }
    say('');
  }
  if (args.showMisses && !missesShown.length) {
    say(`eval: no selected set has ${args.showMisses} truth (sets: ${selected.join(', ')})`);
  }

  let status = 0;
  if (args.check) {
    let floors;
    try {
      floors = readFloors(floorsFile);
    } catch (e) {
      console.error(`eval: ${e.message}`);
      return 1;
    }
    if (!floors) {
      console.error(
        `eval --check: no floors file at ${rel(floorsFile)}; pin the floors with --write-floors${args.fallback ? ` --fallback ${args.fallback}` : ''}`,
      );
      return 1;
    }
    const check = checkFloors(floors, results, selected);
    say(formatCheck(check, rel(floorsFile)));
    summary.check = check;
    if (!check.ok) status = 1;
  }
  if (args.writeFloors) {
    const old = readFloors(floorsFile);
    const { floors, changes } = updatedFloors(old, results, { allowLower: args.allowLower });
    const refused = refusedChanges(changes);
    if (!refused.length) writeFloors(floorsFile, floors);
    else status = 1;
    say(formatChanges(changes, rel(floorsFile)));
    summary.floorChanges = changes;
  }
  if (args.json) console.log(JSON.stringify(summary, null, 2));
  return status;
}

process.exitCode = await main();
