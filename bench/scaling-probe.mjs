// Part of bench/batch.mjs: how well this machine scales right now. Runs the
// same extract() calls (fixtures, in memory) in 1 and then 2 bare worker
// threads, without copydesk's pool, I/O or JSON. Its ratio is the ceiling of
// the CLI's --jobs 2 / --jobs 1 ratio at the time of the run: other work on
// the machine, or two vCPUs that share a physical core, lower both.
//
//   node bench/scaling-probe.mjs PAGES   -> prints JSON {threads1, threads2, ratio} (pages/s)

import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

if (isMainThread) {
  const pages = Number(process.argv[2] ?? 1000);
  const rate = async (threads) => {
    const t0 = performance.now();
    await Promise.all(Array.from({ length: threads }, () => new Promise((resolve, reject) => {
      const w = new Worker(fileURLToPath(import.meta.url), { workerData: { pages: Math.ceil(pages / threads) } });
      w.once('message', resolve);
      w.once('error', reject);
    })));
    return pages / ((performance.now() - t0) / 1000);
  };
  const best = { 1: 0, 2: 0 };
  for (const threads of [1, 2, 1, 2]) best[threads] = Math.max(best[threads], await rate(threads));
  console.log(JSON.stringify({ threads1: best[1], threads2: best[2], ratio: best[2] / best[1] }));
} else {
  const { extract } = await import(pathToFileURL(path.join(ROOT, 'dist', 'index.js')).href);
  const dir = path.join(ROOT, 'fixtures');
  const html = fs.readdirSync(dir).sort()
    .filter((d) => fs.existsSync(path.join(dir, d, 'source.html')))
    .map((d) => fs.readFileSync(path.join(dir, d, 'source.html'), 'utf8'));
  for (let i = 0; i < 20; i++) extract(html[i % html.length]); // warm-up, untimed by the caller's ratio alike
  for (let i = 0; i < workerData.pages; i++) extract(html[i % html.length]);
  parentPort.postMessage('done');
}
