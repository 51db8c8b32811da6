#!/usr/bin/env node
// Throughput of `copydesk queue` on this machine, with Redis beside the workers:
//
//   node bench/queue.mjs [--pages N] [--json]
//
// Input: the fixtures (fixtures/*/source.html) repeated to N pages, written as
// one WARC (a gzip member per record, as crawlers write them) in a temporary
// folder. A redis-server is started on a free loopback port with append-only
// persistence (as in production). For each payload (WARC records by reference,
// or inline in the job) and each number of worker processes (1 and 2, each
// `--jobs 1`), the queue is emptied, the pages are added, the workers run
// until the queue is empty, and the results are read out. Reported:
//   - pages/s of the workers (spawn to exit of the last one), and of the
//     batch CLI on the same WARC (`extract --jobs 1` and `--jobs 2`) for scale;
//   - Redis commands per page (INFO commandstats deltas) for add, work and
//     results, and Redis CPU seconds per page (INFO cpu deltas);
//   - bytes of job data per page (what `queue add` sent) and Redis memory per
//     queued page (INFO memory, after add, before work).
// Other work on the machine lowers the figures: the load average is printed.

import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { WARCRecord, WARCSerializer } from 'warcio';
import { Redis } from 'ioredis';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CLI = path.join(ROOT, 'dist', 'cli.js');

function parse(argv) {
  const args = { pages: 1000, json: false };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--pages') args.pages = Number(argv[++i]);
    else if (argv[i] === '--json') args.json = true;
    else throw new Error(`unknown argument ${argv[i]} (usage: node bench/queue.mjs [--pages N] [--json])`);
  }
  if (!Number.isInteger(args.pages) || args.pages < 10) throw new Error('--pages needs an integer >= 10');
  return args;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

async function startRedis(dir) {
  if (spawnSync('redis-server', ['--version']).status !== 0) throw new Error('redis-server is not installed (apt-get install -y redis-server)');
  const port = await freePort();
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--appendonly', 'yes', '--save', ''], { stdio: 'ignore' });
  const client = new Redis(port, '127.0.0.1', { maxRetriesPerRequest: null, retryStrategy: () => 50 });
  client.on('error', () => {});
  await client.ping();
  return { url: `redis://127.0.0.1:${port}`, client, stop: () => child.kill('SIGTERM') };
}

/** Writes the WARC: `n` response records, the fixtures repeated. */
async function writeWarc(file, n) {
  const dir = path.join(ROOT, 'fixtures');
  const pages = fs
    .readdirSync(dir)
    .sort()
    .filter((d) => fs.existsSync(path.join(dir, d, 'source.html')))
    .map((d) => ({ name: d, html: fs.readFileSync(path.join(dir, d, 'source.html')) }));
  const out = fs.createWriteStream(file);
  let htmlBytes = 0;
  for (let i = 0; i < n; i++) {
    const p = pages[i % pages.length];
    htmlBytes += p.html.length;
    const record = WARCRecord.create(
      {
        url: `https://news.example/${p.name}/${i}`,
        date: '2024-05-01T10:00:00Z',
        type: 'response',
        warcVersion: 'WARC/1.1',
        httpHeaders: { 'Content-Type': 'text/html; charset=utf-8' },
      },
      (async function* () {
        yield p.html;
      })(),
    );
    const bytes = await WARCSerializer.serialize(record, { gzip: true });
    if (!out.write(bytes)) await new Promise((r) => out.once('drain', r));
  }
  await new Promise((r, j) => out.end((e) => (e ? j(e) : r())));
  return htmlBytes / n;
}

function run(args) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (status) => (status === 0 ? resolve(stderr) : reject(new Error(`copydesk ${args.join(' ')} exited ${status}: ${stderr}`))));
  });
}

/** Total calls per command, from INFO commandstats. */
async function commandCalls(client) {
  const text = await client.info('commandstats');
  const calls = {};
  for (const m of text.matchAll(/^cmdstat_([^:]+):calls=(\d+)/gm)) calls[m[1]] = Number(m[2]);
  return calls;
}

async function cpuSeconds(client) {
  const text = await client.info('cpu');
  const n = (k) => Number(new RegExp(`^${k}:([\\d.]+)`, 'm').exec(text)?.[1] ?? 0);
  return n('used_cpu_sys') + n('used_cpu_user');
}

async function usedMemory(client) {
  return Number(/^used_memory:(\d+)/m.exec(await client.info('memory'))[1]);
}

/** Commands between two snapshots; `info`, `client` and `ping` of the bench itself left out. */
function delta(before, after) {
  const d = {};
  for (const [k, v] of Object.entries(after)) {
    const n = v - (before[k] ?? 0);
    if (n > 0 && !['info', 'ping', 'flushall', 'client|setname', 'client|setinfo', 'hello', 'quit'].includes(k)) d[k] = n;
  }
  return d;
}
const total = (d) => Object.values(d).reduce((a, b) => a + b, 0);

async function measure(redis, warc, pages, payload, workers) {
  const { client, url } = redis;
  await client.flushall();
  const queue = `bench-${payload}-${workers}`;
  const common = ['--redis', url, '--queue', queue];
  const c0 = await commandCalls(client);
  const mem0 = await usedMemory(client);
  const cpu0 = await cpuSeconds(client);
  const t0 = performance.now();
  const addLog = await run(['queue', 'add', ...common, '--payload', payload, warc]);
  const addSeconds = (performance.now() - t0) / 1000;
  const c1 = await commandCalls(client);
  const mem1 = await usedMemory(client);
  const cpu1 = await cpuSeconds(client);
  const t1 = performance.now();
  await Promise.all(Array.from({ length: workers }, () => run(['queue', 'work', ...common, '--jobs', '1', '--until-empty', '--quiet'])));
  const workSeconds = (performance.now() - t1) / 1000;
  const c2 = await commandCalls(client);
  const cpu2 = await cpuSeconds(client);
  await run(['queue', 'results', ...common, '-o', '/dev/null']);
  const c3 = await commandCalls(client);
  const cpu3 = await cpuSeconds(client);
  const done = await client.scard(`copydesk:{${queue}}:done`);
  if (done !== pages) throw new Error(`${done} of ${pages} pages done`);
  const streamBytes = Number(await client.memory('USAGE', `copydesk:{${queue}}:results`));
  return {
    payload,
    workers,
    pagesPerSecond: pages / workSeconds,
    addPagesPerSecond: pages / addSeconds,
    ops: { add: total(delta(c0, c1)) / pages, work: total(delta(c1, c2)) / pages, results: total(delta(c2, c3)) / pages },
    workCommands: Object.fromEntries(
      Object.entries(delta(c1, c2))
        .map(([k, v]) => [k, +(v / pages).toFixed(2)])
        .sort((a, b) => b[1] - a[1]),
    ),
    redisCpuMsPerPage: { add: ((cpu1 - cpu0) * 1000) / pages, work: ((cpu2 - cpu1) * 1000) / pages, results: ((cpu3 - cpu2) * 1000) / pages },
    jobBytesPerPage: Number(/(\d+) bytes of job data/.exec(addLog)?.[1] ?? NaN) / pages,
    queuedMemoryPerPage: (mem1 - mem0) / pages,
    resultBytesPerPage: streamBytes / pages,
  };
}

async function batch(warc, pages, jobs) {
  const t = performance.now();
  await run(['extract', warc, '-o', '/dev/null', '--jobs', String(jobs), '--quiet']);
  return pages / ((performance.now() - t) / 1000);
}

const args = parse(process.argv.slice(2));
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-bench-queue-'));
const redis = await startRedis(tmp);
try {
  const warc = path.join(tmp, 'pages.warc.gz');
  const avgHtml = await writeWarc(warc, args.pages);
  const results = [];
  for (const payload of ['reference', 'inline']) for (const workers of [1, 2]) results.push(await measure(redis, warc, args.pages, payload, workers));
  const baseline = { jobs1: await batch(warc, args.pages, 1), jobs2: await batch(warc, args.pages, 2) };
  const report = {
    pages: args.pages,
    avgHtmlBytes: Math.round(avgHtml),
    cores: os.availableParallelism?.() ?? os.cpus().length,
    loadavg: os.loadavg().map((l) => +l.toFixed(1)),
    redis: spawnSync('redis-server', ['--version'], { encoding: 'utf8' }).stdout.trim(),
    baseline,
    results,
  };
  if (args.json) console.log(JSON.stringify(report, null, 2));
  else {
    console.log(
      `copydesk queue bench: ${report.pages} pages (fixtures repeated, ${report.avgHtmlBytes} bytes of HTML each on average), ${report.cores} cores, load ${report.loadavg.join(' ')}`,
    );
    console.log(`batch CLI on the same WARC: ${baseline.jobs1.toFixed(1)} pages/s (--jobs 1), ${baseline.jobs2.toFixed(1)} pages/s (--jobs 2)`);
    console.log(
      'payload    workers  pages/s  add p/s  ops/page add/work/results  Redis CPU ms/page add/work/results  job bytes/page  Redis bytes/queued page  result bytes/page',
    );
    for (const r of results) {
      console.log(
        `${r.payload.padEnd(10)} ${String(r.workers).padStart(7)}  ${r.pagesPerSecond.toFixed(1).padStart(7)}  ${r.addPagesPerSecond.toFixed(0).padStart(7)}  ${[
          r.ops.add,
          r.ops.work,
          r.ops.results,
        ]
          .map((x) => x.toFixed(1))
          .join(' / ')
          .padStart(25)}  ${[r.redisCpuMsPerPage.add, r.redisCpuMsPerPage.work, r.redisCpuMsPerPage.results]
          .map((x) => x.toFixed(3))
          .join(' / ')
          .padStart(
            34,
          )}  ${r.jobBytesPerPage.toFixed(0).padStart(14)}  ${r.queuedMemoryPerPage.toFixed(0).padStart(23)}  ${r.resultBytesPerPage.toFixed(0).padStart(17)}`,
      );
    }
    console.log(`work commands per page (reference, 2 workers): ${JSON.stringify(results[1].workCommands)}`);
  }
} finally {
  redis.client.disconnect();
  redis.stop();
  fs.rmSync(tmp, { recursive: true, force: true });
}
