// `copydesk queue` against a real Redis (a redis-server this file starts on a
// free loopback port, append-only, in a temporary folder), run as a user runs
// it: `node dist/cli.js queue ...` in child processes (built by `pretest`).

import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';
import { WARCRecord, WARCSerializer } from 'warcio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRedis, type TestRedis } from '../helpers/redis.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CLI = path.join(ROOT, 'dist', 'cli.js');

interface Run {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** A CLI process, and its end. */
function start(args: string[], input?: string): { child: ChildProcess; done: Promise<Run> } {
  const child = spawn(process.execPath, [CLI, ...args], { cwd: ROOT, env: { ...process.env, CI: '' } });
  let stdout = '';
  let stderr = '';
  child.stdout!.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const done = new Promise<Run>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (status, signal) => resolve({ status, signal, stdout, stderr }));
  });
  child.stdin!.on('error', () => {});
  child.stdin!.end(input ?? '');
  return { child, done };
}

const run = (args: string[], input?: string) => start(args, input).done;

/** A small invented article page, different for each `i`. */
function page(i: number): string {
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Story ${i} | The Test Post</title></head>
<body><nav><a href="/">Home</a> <a href="/news/">News</a></nav><article><h1>Council story number ${i}</h1>
<p>The council met on Tuesday evening to discuss item ${i} of its agenda, a plan to repair the roads around the old market square before winter.</p>
<p>Members agreed that the work, estimated at ${i * 7} thousand, would start next month and last about six weeks, with one lane kept open at all times.</p>
<p>Residents who spoke at the meeting asked for the buses to keep their stops, and the council said it would publish the diversions a week ahead.</p>
</article><footer><p>© The Test Post</p></footer></body></html>`;
}

/** A JSONL file of `n` pages with ids `${prefix}-${i}`. */
function writePages(file: string, n: number, prefix: string, from = 0): string[] {
  const ids: string[] = [];
  const lines: string[] = [];
  for (let i = from; i < from + n; i++) {
    ids.push(`${prefix}-${i}`);
    lines.push(JSON.stringify({ id: `${prefix}-${i}`, url: `https://news.example/${prefix}/${i}`, html: page(i) }));
  }
  writeFileSync(file, `${lines.join('\n')}\n`);
  return ids;
}

type Line = { id: string; url: string | null; headline?: string; error?: { kind: string; message: string } };

/** Every line of a results file, parsed; each must be whole JSON. */
function results(file: string): Line[] {
  const text = readFileSync(file, 'utf8');
  expect(text === '' || text.endsWith('\n')).toBe(true);
  return text
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Line);
}

/** How many lines have each id. */
function countIds(lines: Line[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const l of lines) counts.set(String(l.id), (counts.get(String(l.id)) ?? 0) + 1);
  return counts;
}

/** Polls until `test` holds, or fails after `ms`. */
async function until(test: () => Promise<boolean>, ms: number, what: string): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await test())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

let redis: TestRedis;
let client: Redis;
let tmp: string;
let queueNo = 0;
/** A fresh queue name, so that tests do not see each other's jobs. */
const freshQueue = () => `test${++queueNo}`;
const doneCount = (queue: string) => client.scard(`copydesk:{${queue}}:done`);
const common = (queue: string) => ['--redis', redis.url, '--queue', queue];
/** Worker flags for a quick test: a dead worker's jobs return after 2 s. */
const WORKER = ['--jobs', '1', '--lock-duration', '2', '--until-empty', '--quiet'];

beforeAll(async () => {
  redis = await startRedis();
  client = new Redis(redis.url, { maxRetriesPerRequest: null, retryStrategy: () => 100 });
  client.on('error', () => {});
  tmp = mkdtempSync(path.join(os.tmpdir(), 'copydesk-queue-'));
}, 30_000);

afterAll(async () => {
  client?.disconnect();
  await redis?.destroy();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe('copydesk queue (real Redis)', () => {
  it('2,000 pages, two workers, one SIGKILLed mid-run and another started: every id exactly once', async () => {
    const queue = freshQueue();
    const ids = writePages(path.join(tmp, 'many.jsonl'), 2000, 'many');
    const add = await run(['queue', 'add', ...common(queue), '--input', 'jsonl', path.join(tmp, 'many.jsonl')]);
    expect(add.stderr).toContain('2000 jobs added');
    expect(add.status).toBe(0);

    const a = start(['queue', 'work', ...common(queue), ...WORKER]);
    const b = start(['queue', 'work', ...common(queue), ...WORKER]);
    await until(async () => (await doneCount(queue)) >= 400, 120_000, '400 results');
    a.child.kill('SIGKILL');
    const killed = await a.done;
    expect(killed.signal).toBe('SIGKILL');
    const c = start(['queue', 'work', ...common(queue), ...WORKER]);
    const [rb, rc] = await Promise.all([b.done, c.done]);
    expect(rb.status, rb.stderr).toBe(0);
    expect(rc.status, rc.stderr).toBe(0);

    const out = path.join(tmp, 'many.out.jsonl');
    const r = await run(['queue', 'results', ...common(queue), '-o', out]);
    expect(r.status, r.stderr).toBe(0);
    const lines = results(out);
    const counts = countIds(lines);
    expect(lines).toHaveLength(2000);
    expect(ids.filter((id) => counts.get(id) !== 1)).toEqual([]);
    expect(lines.filter((l) => l.error)).toEqual([]);
    expect(lines.find((l) => l.id === 'many-1234')!.headline).toBe('Council story number 1234');

    // re-run: nothing written twice
    const again = await run(['queue', 'results', ...common(queue), '-o', out]);
    expect(again.stderr).toContain('0 results written');
    expect(results(out)).toHaveLength(2000);

    const status = await run(['queue', 'status', ...common(queue), '--json', '--interval', '0']);
    expect(JSON.parse(status.stdout)).toMatchObject({ total: 2000, completed: 2000, waiting: 0, active: 0, errors: 0, failed: 0 });
  }, 240_000);

  it('Redis stopped and restarted mid-run: the workers reconnect and nothing is lost', async () => {
    const queue = freshQueue();
    const ids = writePages(path.join(tmp, 'restart.jsonl'), 600, 'restart');
    expect((await run(['queue', 'add', ...common(queue), path.join(tmp, 'restart.jsonl')])).status).toBe(0);
    const a = start(['queue', 'work', ...common(queue), ...WORKER]);
    const b = start(['queue', 'work', ...common(queue), ...WORKER]);
    await until(async () => (await doneCount(queue)) >= 100, 120_000, '100 results');
    await redis.stop();
    await new Promise((r) => setTimeout(r, 1500));
    await redis.start();
    const [ra, rb] = await Promise.all([a.done, b.done]);
    expect(ra.status, ra.stderr).toBe(0);
    expect(rb.status, rb.stderr).toBe(0);

    const out = path.join(tmp, 'restart.out.jsonl');
    expect((await run(['queue', 'results', ...common(queue), '-o', out])).status).toBe(0);
    const lines = results(out);
    const counts = countIds(lines);
    expect(lines).toHaveLength(600);
    expect(ids.filter((id) => counts.get(id) !== 1)).toEqual([]);
    expect(lines.filter((l) => l.error)).toEqual([]);
  }, 240_000);

  it('the same source added twice: no job runs twice for the same id', async () => {
    const queue = freshQueue();
    const file = path.join(tmp, 'twice.jsonl');
    const ids = writePages(file, 50, 'twice');
    // a second file that repeats ids 25..49 and adds 50..59
    const overlap = path.join(tmp, 'overlap.jsonl');
    writePages(overlap, 35, 'twice', 25);
    const first = await run(['queue', 'add', ...common(queue), file]);
    const second = await run(['queue', 'add', ...common(queue), file]);
    const third = await run(['queue', 'add', ...common(queue), overlap]);
    expect(first.stderr).toContain('50 jobs added');
    expect(second.stderr).toContain('0 jobs added');
    expect(second.stderr).toContain('50 already known');
    expect(third.stderr).toContain('10 jobs added');

    const worker = await run(['queue', 'work', ...common(queue), '--jobs', '1', '--until-empty', '--allow-private-network']);
    expect(worker.status, worker.stderr).toBe(0);
    expect(worker.stderr).toContain('60 results stored');
    // the stream holds one result per id: no job ran twice
    expect(await client.xlen(`copydesk:{${queue}}:results`)).toBe(60);
    // adding again after the run adds nothing either
    const fourth = await run(['queue', 'add', ...common(queue), file, overlap]);
    expect(fourth.stderr).toContain('0 jobs added');

    // --trim: the results leave Redis once they are synced to the file
    const out = path.join(tmp, 'twice.out.jsonl');
    expect((await run(['queue', 'results', ...common(queue), '-o', out, '--trim'])).status).toBe(0);
    expect(await client.xlen(`copydesk:{${queue}}:results`)).toBe(0);
    const counts = countIds(results(out));
    expect(counts.size).toBe(60);
    expect(results(out)).toHaveLength(60);
    expect([...ids, ...Array.from({ length: 10 }, (_, i) => `twice-${50 + i}`)].every((id) => counts.get(id) === 1)).toBe(true);
  }, 120_000);

  it('a page that times out its worker: one error result for it, not retried; bad input once; the rest complete', async () => {
    const queue = freshQueue();
    const file = path.join(tmp, 'slow.jsonl');
    const ids = writePages(file, 20, 'ok');
    // Seconds of work for the extractor with its time budget lifted (--time-budget 0): 6,000 lists
    // nested 30 deep, 4 MB, about 6 s on a quiet machine, against a 1.5 s page timeout. (A page
    // the budget bounds ends within 2 s, too near the timeout to test it either way.)
    const nested = `${'<ul><li>item '.repeat(30)}end${'</li></ul>'.repeat(30)}`;
    const slow = `<html><body><article>${nested.repeat(6_000)}</article></body></html>`;
    const extra = [JSON.stringify({ id: 'slow', html: slow }), JSON.stringify({ id: 'no-html', url: 'https://news.example/x' }), '{"id": "broken", '];
    writeFileSync(file, `${readFileSync(file, 'utf8')}${extra.join('\n')}\n`);
    expect((await run(['queue', 'add', ...common(queue), file])).status).toBe(0);
    const worker = await run(['queue', 'work', ...common(queue), '--jobs', '1', '--page-timeout', '1.5', '--time-budget', '0', '--until-empty']);
    expect(worker.status, worker.stderr).toBe(0);

    const out = path.join(tmp, 'slow.out.jsonl');
    expect((await run(['queue', 'results', ...common(queue), '-o', out])).status).toBe(0);
    const lines = results(out);
    expect(lines).toHaveLength(23);
    const byId = new Map(lines.map((l) => [String(l.id), l]));
    expect(byId.get('slow')!.error!.kind).toBe('timeout');
    expect(byId.get('no-html')!.error!.kind).toBe('bad-record');
    expect([...byId.values()].filter((l) => l.error?.kind === 'bad-record' && l.id !== 'no-html')).toHaveLength(1); // the broken line
    for (const id of ids) expect(byId.get(id)!.headline).toMatch(/^Council story number \d+$/);
    // stored once each: no retry wrote a second result
    expect(await client.xlen(`copydesk:{${queue}}:results`)).toBe(23);
    const status = JSON.parse((await run(['queue', 'status', ...common(queue), '--json', '--interval', '0'])).stdout) as Record<string, number>;
    expect(status).toMatchObject({ total: 23, completed: 23, errors: 3, failed: 0 });
  }, 120_000);

  it('SIGTERM: a worker finishes its active jobs and exits 0', async () => {
    const queue = freshQueue();
    writePages(path.join(tmp, 'term.jsonl'), 300, 'term');
    expect((await run(['queue', 'add', ...common(queue), path.join(tmp, 'term.jsonl')])).status).toBe(0);
    const w = start(['queue', 'work', ...common(queue), '--jobs', '1']);
    await until(async () => (await doneCount(queue)) >= 20, 60_000, '20 results');
    w.child.kill('SIGTERM');
    const r = await w.done;
    expect(r.status, r.stderr).toBe(0);
    const active = await client.llen(`bull:{${queue}}:${queue}:active`);
    expect(active).toBe(0); // nothing left locked by the stopped worker
    const done = await doneCount(queue);
    expect(done).toBeLessThan(300);
    expect(r.stderr).toContain(`${done} results stored`);
  }, 120_000);
});

describe('copydesk queue payloads (real Redis)', () => {
  it('WARC records travel by reference and extract as the batch CLI extracts them', async () => {
    const queue = freshQueue();
    const warc = path.join(tmp, 'pages.warc.gz');
    const chunks: Uint8Array[] = [];
    for (let i = 0; i < 6; i++) {
      const type = i === 3 ? 'request' : 'response';
      const record = WARCRecord.create(
        {
          url: `https://news.example/w/${i}`,
          date: '2024-05-01T10:00:00Z',
          type,
          warcVersion: 'WARC/1.1',
          ...(type === 'response' ? { httpHeaders: { 'Content-Type': 'text/html; charset=utf-8' } } : { httpHeaders: {} }),
        },
        (async function* () {
          yield new TextEncoder().encode(type === 'response' ? page(100 + i) : '');
        })(),
      );
      chunks.push(await WARCSerializer.serialize(record, { gzip: true }));
    }
    writeFileSync(warc, Buffer.concat(chunks));
    const add = await run(['queue', 'add', ...common(queue), warc]);
    expect(add.stderr).toMatch(/5 jobs added .*\((\d+) bytes of job data\)/);
    // five references, not five pages: a few hundred bytes each
    expect(Number(/\((\d+) bytes/.exec(add.stderr)![1])).toBeLessThan(5 * 400);
    expect((await run(['queue', 'work', ...common(queue), ...WORKER])).status).toBe(0);
    const out = path.join(tmp, 'warc.out.jsonl');
    expect((await run(['queue', 'results', ...common(queue), '-o', out])).status).toBe(0);
    const batch = (await run(['extract', warc, '--output', 'jsonl', '-q'])).stdout
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as Line);
    const byId = new Map(results(out).map((l) => [l.id, l]));
    expect(byId.size).toBe(5);
    for (const b of batch) expect(byId.get(b.id)).toMatchObject({ url: b.url, headline: b.headline });
  }, 120_000);

  it('URL jobs: a 503 is retried with backoff, not-html and 404 are stored once', async () => {
    const hits = new Map<string, number>();
    const server = http.createServer((req, res) => {
      const n = (hits.get(req.url!) ?? 0) + 1;
      hits.set(req.url!, n);
      if (req.url === '/flaky' && n === 1) res.writeHead(503).end('busy');
      else if (req.url === '/pdf') res.writeHead(200, { 'content-type': 'application/pdf' }).end('%PDF');
      else if (req.url === '/gone') res.writeHead(404).end('no');
      else res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page(req.url === '/flaky' ? 7 : 8));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
      const list = path.join(tmp, 'urls.txt');
      writeFileSync(list, ['/ok', '/flaky', '/pdf', '/gone'].map((p) => base + p).join('\n'));
      const queue = freshQueue();
      expect((await run(['queue', 'add', ...common(queue), '--input', 'urls', '--backoff', '0.2', list])).status).toBe(0);
      const worker = await run(['queue', 'work', ...common(queue), '--jobs', '1', '--until-empty', '--allow-private-network']);
      expect(worker.status, worker.stderr).toBe(0);
      expect(worker.stderr).toContain('1 attempts to retry');
      const out = path.join(tmp, 'urls.out.jsonl');
      expect((await run(['queue', 'results', ...common(queue), '-o', out])).status).toBe(0);
      const byId = new Map(results(out).map((l) => [l.id, l]));
      expect(byId.size).toBe(4);
      expect(byId.get(`${base}/ok`)!.headline).toBe('Council story number 8');
      expect(byId.get(`${base}/flaky`)!.headline).toBe('Council story number 7');
      expect(byId.get(`${base}/pdf`)!.error!.kind).toBe('not-html');
      expect(byId.get(`${base}/gone`)!.error!.kind).toBe('http-status');
      expect(Object.fromEntries(hits)).toEqual({ '/ok': 1, '/flaky': 2, '/pdf': 1, '/gone': 1 });
    } finally {
      server.close();
    }
  }, 120_000);
});

describe('copydesk extract as a streaming stage', () => {
  it('reads JSONL on stdin and writes JSONL on stdout, in order, before the input ends', async () => {
    const n = 200;
    const lines = Array.from({ length: n }, (_, i) => JSON.stringify({ id: i % 3 === 0 ? i : `s${i}`, html: page(i) }));
    const { child, done } = (() => {
      const c = spawn(process.execPath, [CLI, 'extract', '--input', 'jsonl', '-', '--output', 'jsonl', '--fields', 'headline', '--jobs', '2'], { cwd: ROOT });
      let stdout = '';
      let stderr = '';
      c.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
      c.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
      return {
        child: Object.assign(c, { out: () => stdout }),
        done: new Promise<Run>((resolve) => c.on('close', (status, signal) => resolve({ status, signal, stdout, stderr }))),
      };
    })();
    // The first half goes in; output must come out while stdin is still open (a streaming mapper).
    child.stdin.write(`${lines.slice(0, n / 2).join('\n')}\n`);
    await until(async () => child.out().includes('\n'), 60_000, 'the first output line');
    child.stdin.end(`${lines.slice(n / 2).join('\n')}\n`);
    const r = await done;
    expect(r.status, r.stderr).toBe(0);
    const out = r.stdout
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as Line);
    expect(out.map((l) => l.id)).toEqual(lines.map((l) => (JSON.parse(l) as { id: string | number }).id));
    expect(out[7]!.headline).toBe('Council story number 7');
  }, 120_000);
});
