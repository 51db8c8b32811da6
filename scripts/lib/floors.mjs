// Pinned minimum figures of the evaluation (eval/floors.json): reading,
// checking, and (deliberately) rewriting them. See eval/README.md.

import fs from 'node:fs';
import path from 'node:path';

/** Slack for rounding: a figure may sit this far below its floor and still pass. */
export const SLACK = 0.0005;

/** A figure this far above its floor makes --check suggest raising the floor. */
const RAISE_HINT = 0.005;

// The figures --write-floors pins, in this order, for each set whose result
// has the field. Keys are "<result field>.<property>" of score.mjs's scoreSet.
// Timing is left out on purpose: it depends on the machine.
export const PINNED_METRICS = [
  'body.f1',
  'silverBody.f1',
  'wordBody.f1',
  'snippets.f1',
  'title.accuracy',
  'byline.accuracy',
  'published.accuracy',
  'siteName.accuracy',
  'dek.accuracy',
  'leadImage.accuracy',
  'bodyStart.accuracy',
];

/** The value of a metric key ("title.accuracy") in a scoreSet result, or null. */
export function metricValue(result, key) {
  const dot = key.indexOf('.');
  const group = result?.[key.slice(0, dot)];
  const value = group?.[key.slice(dot + 1)];
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/** The pinned metrics a set's result has, as {key: value}. */
export function pinnedFigures(result) {
  const out = {};
  for (const key of PINNED_METRICS) {
    const value = metricValue(result, key);
    if (value !== null) out[key] = value;
  }
  return out;
}

/** Rounds down to 3 decimals (guarding against 0.29 * 1000 = 289.99999...). */
export function floor3(x) {
  return Math.floor(x * 1000 + 1e-7) / 1000;
}

export function readFloors(file) {
  if (!fs.existsSync(file)) return null;
  const data = JSON.parse(fs.readFileSync(file, 'utf8'));
  if (!data || typeof data !== 'object' || Array.isArray(data)) {
    throw new Error(`${file}: expected an object {set: {metric: floor}}`);
  }
  for (const [set, metrics] of Object.entries(data)) {
    for (const [key, floor] of Object.entries(metrics ?? {})) {
      if (typeof floor !== 'number' || !key.includes('.')) {
        throw new Error(`${file}: ${set}.${key}: expected "field.metric": number`);
      }
    }
  }
  return data;
}

/**
 * Compares results with floors. `results` maps set -> scoreSet result for the
 * sets that were run; `selected` lists the sets the run was asked for (floors
 * of other sets are not checked). Returns {ok, rows, notes}.
 */
export function checkFloors(floors, results, selected) {
  const rows = [];
  const notes = [];
  for (const [set, metrics] of Object.entries(floors)) {
    if (!selected.includes(set)) continue;
    const result = results[set];
    for (const [key, floor] of Object.entries(metrics)) {
      const value = result ? metricValue(result, key) : null;
      let status;
      if (!result) status = 'MISSING (set not run)';
      else if (value === null) status = 'MISSING (no such figure)';
      else if (value + SLACK < floor) status = `FAIL (${(value - floor).toFixed(3)})`;
      else if (value - floor >= RAISE_HINT) status = `ok (+${(value - floor).toFixed(3)})`;
      else status = 'ok';
      rows.push({ set, metric: key, floor, value, status, ok: status.startsWith('ok') });
    }
  }
  for (const set of selected) {
    if (!(set in floors)) notes.push(`no floors for set ${set}: pin them with --write-floors`);
  }
  return { ok: rows.every((r) => r.ok), rows, notes };
}

export function formatCheck(check, file) {
  const f3 = (x) => (x === null ? '  -  ' : x.toFixed(3));
  const lines = [`floors check (${file}):`];
  const w = Math.max(3, ...check.rows.map((r) => r.set.length));
  lines.push(`  ${'set'.padEnd(w)}  ${'metric'.padEnd(20)} ${'floor'.padStart(6)} ${'value'.padStart(6)}  status`);
  for (const r of check.rows) {
    lines.push(`  ${r.set.padEnd(w)}  ${r.metric.padEnd(20)} ${f3(r.floor).padStart(6)} ${f3(r.value).padStart(6)}  ${r.status}`);
  }
  for (const note of check.notes) lines.push(`  note: ${note}`);
  const failed = check.rows.filter((r) => !r.ok).length;
  const raisable = check.rows.filter((r) => r.ok && r.value - r.floor >= RAISE_HINT).length;
  if (raisable) {
    lines.push(`  ${raisable} figure(s) are ${RAISE_HINT}+ above their floor: raise them with \`npm run eval -- --write-floors\` and commit eval/floors.json`);
  }
  lines.push(
    failed
      ? `floors check FAILED: ${failed} of ${check.rows.length} figure(s) below their floor (slack ${SLACK})`
      : `floors check passed: ${check.rows.length} figure(s) at or above their floor`,
  );
  return lines.join('\n');
}

/**
 * New floors: the current figures rounded down to 3 decimals, for the sets
 * that were run (the pinned metrics plus any extra metric the file already
 * pins for the set); other sets keep their floors. A floor never falls and is
 * never dropped unless `allowLower` is set: without it, a figure under its
 * floor keeps the old floor and is listed as `KEPT` (the caller refuses to
 * write; see {@link refusedChanges}). Returns {floors, changes}.
 */
export function updatedFloors(old, results, { allowLower = false } = {}) {
  const floors = { ...(old ?? {}) };
  const changes = [];
  for (const [set, result] of Object.entries(results)) {
    const before = old?.[set] ?? {};
    const keys = [...PINNED_METRICS, ...Object.keys(before).filter((k) => !PINNED_METRICS.includes(k))];
    const next = {};
    for (const key of keys) {
      const value = metricValue(result, key);
      if (value === null) continue;
      next[key] = floor3(value);
      const prev = before[key];
      if (prev === undefined) changes.push({ set, metric: key, from: null, to: next[key], kind: 'new' });
      else if (next[key] > prev) changes.push({ set, metric: key, from: prev, to: next[key], kind: 'raised' });
      else if (next[key] < prev) {
        if (allowLower) changes.push({ set, metric: key, from: prev, to: next[key], kind: 'LOWERED' });
        else {
          changes.push({ set, metric: key, from: prev, to: next[key], kind: 'KEPT' });
          next[key] = prev;
        }
      }
    }
    for (const key of Object.keys(before)) {
      if (key in next) continue;
      if (allowLower) changes.push({ set, metric: key, from: before[key], to: null, kind: 'DROPPED' });
      else {
        changes.push({ set, metric: key, from: before[key], to: null, kind: 'KEPT' });
        next[key] = before[key];
      }
    }
    floors[set] = next;
  }
  // sets in name order, so that the file's diffs stay small
  const sorted = Object.fromEntries(
    Object.keys(floors)
      .sort()
      .map((set) => [set, floors[set]]),
  );
  return { floors: sorted, changes };
}

/** The changes `--write-floors` refuses without `--allow-lower`: floors the run would lower or drop. */
export function refusedChanges(changes) {
  return changes.filter((c) => c.kind === 'KEPT');
}

export function writeFloors(file, floors) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(floors, null, 2) + '\n');
}

export function formatChanges(changes, file) {
  if (!changes.length) return `${file}: no floor changed`;
  const lines = [`${file}: ${changes.length} floor change(s):`];
  for (const c of changes) {
    const from = c.from === null ? '-' : c.from.toFixed(3);
    const to = c.to === null ? '-' : c.to.toFixed(3);
    lines.push(`  ${c.kind.padEnd(7)} ${c.set} ${c.metric}: ${from} -> ${to}`);
  }
  if (changes.some((c) => c.kind === 'KEPT')) {
    lines.push(
      '  REFUSED: the figures marked KEPT are below their floors (or missing); nothing was written.' +
        ' Lower a floor only on purpose, with --allow-lower, and say why in the commit message (eval/README.md).',
    );
  }
  if (changes.some((c) => c.kind === 'LOWERED' || c.kind === 'DROPPED')) {
    lines.push('  WARNING: floors were lowered or dropped. Commit that only on purpose, and say why in the commit message (eval/README.md).');
  }
  return lines.join('\n');
}
