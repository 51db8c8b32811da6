// Part of bench/batch.mjs: how well this machine scales right now. Runs the
// same calls (fixtures, in memory) in 1 and then 2 bare worker threads,
// without copydesk's pool, I/O or JSON: first htmlparser2's parseDocument()
// alone, the machine's own ceiling for a parsing workload (measured, not
// assumed); then copydesk's extract(), in threads with the pool's young
// generation. Other work on the machine, or two vCPUs that share a physical
// core, lower all of them.
//
//   node bench/scaling-probe.mjs PAGES   -> prints JSON {threads1, threads2, ratio, coresPerThread, parse: {...}}
//
// coresPerThread is the CPU one extracting thread keeps busy: V8 runs parts of
// garbage collection and compilation on background threads, so one worker uses
// more than one core, and 2 / coresPerThread bounds the ratio on 2 cores.

import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

if (isMainThread) {
  const pages = Number(process.argv[2] ?? 1000);
  // Workers start and warm up first; the clock and the CPU count run only while they all extract.
  const rate = async (threads, tool) => {
    const workers = Array.from(
      { length: threads },
      () =>
        new Worker(fileURLToPath(import.meta.url), {
          workerData: { pages: Math.ceil(pages / threads), tool },
          // As the pool sizes its workers (WORKER_YOUNG_GENERATION_MB in src/node/pool.ts).
          resourceLimits: { maxYoungGenerationSizeMb: 96 },
        }),
    );
    await Promise.all(
      workers.map(
        (w) =>
          new Promise((resolve, reject) => {
            w.once('message', resolve);
            w.once('error', reject);
          }),
      ),
    );
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const done = Promise.all(
      workers.map(
        (w) =>
          new Promise((resolve, reject) => {
            w.once('message', resolve);
            w.once('error', reject);
          }),
      ),
    );
    for (const w of workers) w.postMessage('go');
    await done;
    const seconds = (performance.now() - t0) / 1000;
    const cpu = process.cpuUsage(cpu0);
    await Promise.all(workers.map((w) => w.terminate()));
    return { pagesPerSecond: (Math.ceil(pages / threads) * threads) / seconds, cores: (cpu.user + cpu.system) / 1e6 / seconds };
  };
  const scaling = async (tool) => {
    const best = { 1: null, 2: null };
    for (const threads of [1, 2, 1, 2]) {
      const r = await rate(threads, tool);
      if (!best[threads] || r.pagesPerSecond > best[threads].pagesPerSecond) best[threads] = r;
    }
    return {
      threads1: best[1].pagesPerSecond,
      threads2: best[2].pagesPerSecond,
      ratio: best[2].pagesPerSecond / best[1].pagesPerSecond,
      // Cores one thread keeps busy (its own and V8's background threads for GC and compilation).
      coresPerThread: best[1].cores,
    };
  };
  const parse = await scaling('parse');
  const extract = await scaling('extract');
  console.log(JSON.stringify({ ...extract, parse }));
} else {
  const run =
    workerData.tool === 'parse' ? (await import('htmlparser2')).parseDocument : (await import(pathToFileURL(path.join(ROOT, 'dist', 'index.js')).href)).extract;
  const dir = path.join(ROOT, 'fixtures');
  const html = fs
    .readdirSync(dir)
    .sort()
    .filter((d) => fs.existsSync(path.join(dir, d, 'source.html')))
    .map((d) => fs.readFileSync(path.join(dir, d, 'source.html'), 'utf8'));
  // Warm-up before the clock starts: the JIT has seen every fixture, and the young generation has grown.
  for (let i = 0; i < 200; i++) run(html[i % html.length]);
  parentPort.postMessage('ready');
  parentPort.once('message', () => {
    for (let i = 0; i < workerData.pages; i++) run(html[i % html.length]);
    parentPort.postMessage('done');
  });
}
