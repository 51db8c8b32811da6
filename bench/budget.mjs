#!/usr/bin/env node
// The time budget as a bound: every page shape of the growth test
// (tests/long/growth-shapes.ts), grown to just under the default input limit
// (8 MiB) or node limit, extracted with the default limits in a fresh process
// (cold: the JIT has seen nothing, the worst case), wall time against the
// budget. The README promises no call runs past twice its budget.
//
//   npm run bench:budget [-- --shape NAME] [--json] [--budget MS]
//
// Prints one line per shape: page size, nodes, wall ms of the one call, that
// over the budget, and which limit cut the page (Article.input.limits).

import path from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import os from 'node:os';
import { build } from 'esbuild';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const run = promisify(execFile);

/** The growth shapes, compiled from TypeScript on the fly (esbuild is a development dependency). */
export async function loadShapes() {
  const out = await build({
    entryPoints: [path.join(ROOT, 'tests/long/growth-shapes.ts')],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'node',
    logLevel: 'error',
  });
  const url = `data:text/javascript;base64,${Buffer.from(out.outputFiles[0].text).toString('base64')}`;
  return (await import(url)).GROWTH_SHAPES;
}

/**
 * The largest n (doubling from the shape's own, then halving the step) whose
 * page stays under `maxBytes` of UTF-8: the page a hostile site can send that
 * the input limit does not refuse.
 */
export function largestUnder(shape, maxBytes) {
  const size = (n) => Buffer.byteLength(shape.page(n));
  let lo = shape.n;
  if (size(lo) > maxBytes) return null;
  let hi = lo * 2;
  while (size(hi) <= maxBytes) {
    lo = hi;
    hi *= 2;
  }
  while (hi - lo > Math.max(1, lo / 64)) {
    const mid = Math.floor((lo + hi) / 2);
    if (size(mid) <= maxBytes) lo = mid;
    else hi = mid;
  }
  return lo;
}

async function child(name, n, budget) {
  const { stdout } = await run(process.execPath, [fileURLToPath(import.meta.url), '--child', name, '--n', String(n), '--budget', String(budget)], {
    maxBuffer: 1 << 20,
  });
  return JSON.parse(stdout);
}

async function measureInChild({ child: name, n, budget }) {
  const shapes = await loadShapes();
  const shape = shapes.find((s) => s.name === name);
  const html = shape.page(Number(n));
  const { extract } = await import(pathToFileURL(path.join(ROOT, 'dist/index.js')).href);
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const article = extract(html, { url: 'https://gazette.example/news/harbour-wall', limits: { timeBudgetMs: Number(budget) } });
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  process.stdout.write(
    JSON.stringify({
      bytes: Buffer.byteLength(html),
      ms,
      cpuMs: (cpu.user + cpu.system) / 1000,
      limits: article.input.limits,
      nodes: article.input.nodes ?? null,
    }),
  );
}

const { values } = parseArgs({
  options: {
    child: { type: 'string' },
    n: { type: 'string' },
    budget: { type: 'string', default: '1000' },
    shape: { type: 'string' },
    json: { type: 'boolean' },
  },
});
if (values.child) {
  await measureInChild(values);
} else {
  const budget = Number(values.budget);
  const maxBytes = 8 * 1024 * 1024 - 4096;
  const shapes = (await loadShapes()).filter((s) => !values.shape || s.name.includes(values.shape));
  console.error(`${shapes.length} shapes, default limits (budget ${budget} ms), one cold call each; load average ${os.loadavg()[0].toFixed(2)}`);
  const rows = [];
  for (const shape of shapes) {
    const n = largestUnder(shape, maxBytes);
    if (n === null) continue;
    const r = await child(shape.name, n, budget);
    const row = {
      shape: shape.name,
      n,
      mb: +(r.bytes / 1048576).toFixed(2),
      ms: Math.round(r.ms),
      cpuMs: Math.round(r.cpuMs),
      overBudget: +(r.ms / budget).toFixed(2),
      cut: r.limits,
    };
    rows.push(row);
    if (!values.json)
      console.log(
        `${row.shape.padEnd(44)} n ${String(n).padStart(8)}  ${row.mb.toFixed(2).padStart(5)} MB  ${String(row.ms).padStart(6)} ms (CPU ${String(row.cpuMs).padStart(5)})  ${row.overBudget.toFixed(2)}x  ${(r.limits ?? []).join(', ')}`,
      );
  }
  const worst = rows.reduce((w, r) => (r.ms > w.ms ? r : w), rows[0]);
  if (values.json) console.log(JSON.stringify({ budget, rows, worst }));
  else console.log(`worst: ${worst.shape}, ${worst.ms} ms = ${worst.overBudget}x the budget (the promise: at most 2x)`);
}
