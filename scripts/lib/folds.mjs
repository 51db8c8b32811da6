// Cross-validation grouped by site: every page goes to one of k folds by its
// site (the registered domain of its truth URL), so that no site is in both
// the training and the test part of a fold. The assignment is a hash of the
// site name: deterministic, and the same in every set (a site whose pages are
// in trafilatura and htmldate is in the same fold in both), so a model trained
// on the other folds of every set never saw the test fold's sites.

import { getDomain } from 'tldts';

/** Folds by default. */
export const DEFAULT_FOLDS = 5;

/**
 * The site of a page URL: its registered domain (public-suffix aware:
 * `news.bbc.co.uk` -> `bbc.co.uk`), or `null` when the URL has none (no URL,
 * an IP address, a placeholder host such as the Readability tests'
 * `fakehost`): such a page is then grouped alone.
 */
export function siteOf(url) {
  if (typeof url !== 'string' || url === '') return null;
  const domain = getDomain(url, { allowPrivateDomains: false });
  return domain ? domain.toLowerCase() : null;
}

/** 32-bit FNV-1a of a string: a stable hash that needs no dependency. */
export function fnv1a(s) {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/**
 * The fold (0..k-1) of a truth row: by its site; a row without a site is
 * grouped by its id (it is its own site).
 */
export function foldOf(row, k = DEFAULT_FOLDS) {
  const site = siteOf(row.url) ?? `id:${row.id}`;
  return fnv1a(site) % k;
}

/** The truth rows split into k folds: an array of k arrays of rows, in truth order. */
export function splitFolds(truth, k = DEFAULT_FOLDS) {
  const folds = Array.from({ length: k }, () => []);
  for (const row of truth) folds[foldOf(row, k)].push(row);
  return folds;
}

/** Mean, population standard deviation, min and max of numbers (null for none). */
export function spread(values) {
  const xs = values.filter((x) => typeof x === 'number' && Number.isFinite(x));
  if (!xs.length) return null;
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  const sd = Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / xs.length);
  return { mean, sd, min: Math.min(...xs), max: Math.max(...xs), n: xs.length };
}

/**
 * Cross-validated figures of one set's predictions: each fold's test pages
 * scored alone (`scoreSet(rows, preds)`), and per figure the mean, spread and
 * range over the folds that have it. `figuresOf(result)` picks the figures
 * ({key: value}) from a scoreSet result. For the rules, which learn nothing,
 * this measures how the figure varies from one group of sites to another; for
 * a model, `preds` must hold, for each page, the prediction of the model
 * trained without that page's fold.
 */
export function crossValidate(truth, preds, scoreSet, figuresOf, k = DEFAULT_FOLDS) {
  const folds = splitFolds(truth, k).map((rows, fold) => {
    const sites = new Set(rows.map((r) => siteOf(r.url) ?? `id:${r.id}`));
    return { fold, pages: rows.length, sites: sites.size, figures: rows.length ? figuresOf(scoreSet(rows, preds)) : {} };
  });
  const keys = [...new Set(folds.flatMap((f) => Object.keys(f.figures)))];
  const figures = Object.fromEntries(keys.map((key) => [key, spread(folds.map((f) => f.figures[key]))]));
  return { k, folds, figures };
}

/**
 * A table of cross-validated figures beside the plain ones: per figure, the
 * plain value (all pages), the mean over the folds, the standard deviation,
 * the lowest fold, and each fold's value.
 */
export function formatCrossValidation(cv, plain) {
  const f3 = (x) => (typeof x === 'number' ? x.toFixed(3) : '  -  ');
  const lines = [`  cross-validated, ${cv.k} folds by site (pages per fold: ${cv.folds.map((f) => f.pages).join(', ')})`];
  for (const [key, s] of Object.entries(cv.figures)) {
    if (!s) continue;
    const perFold = cv.folds.map((f) => f3(f.figures[key])).join(' ');
    lines.push(`    ${key.padEnd(20)} plain ${f3(plain[key])}  cv ${f3(s.mean)} ±${f3(s.sd)}  min ${f3(s.min)}  folds ${perFold}`);
  }
  return lines.join('\n');
}
