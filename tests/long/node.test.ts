// `copydesk/node`: extractMany, run from the built package (dist/node.js and
// its worker dist/worker.cjs; `npm test` builds first through `pretest`).

import { execFile } from 'node:child_process';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Article, PageInput, PageResult } from '../../src/node/index.js';

type NodeEntry = typeof import('../../src/node/index.js');
type CoreEntry = typeof import('../../src/index.js');

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const { extractMany, InvalidArgumentError, WINDOW_PER_WORKER } = (await import(`${ROOT}dist/node.js`)) as NodeEntry;
const core = (await import(`${ROOT}dist/index.js`)) as CoreEntry;

const FIXTURES = readdirSync(`${ROOT}fixtures`)
  .filter((d) => existsSync(`${ROOT}fixtures/${d}/source.html`))
  .sort()
  .map((d) => ({ name: d, bytes: readFileSync(`${ROOT}fixtures/${d}/source.html`) }));

const REFERENCE_DATE = '2024-07-01T00:00:00Z';

/** An Article without the fields that could depend on the moment of the call. */
const stable = (a: Article) => ({ ...a, dateline: null });

/**
 * Runs a Node script in a child process without blocking this worker's event
 * loop (spawnSync would hold it for the whole run); resolves with its exit
 * signal and output, also when it fails.
 */
function runScript(script: string, timeout: number): Promise<{ signal: NodeJS.Signals | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['-e', script], { cwd: ROOT, encoding: 'utf8', timeout }, (error, stdout, stderr) => {
      resolve({ signal: error?.signal ?? null, stdout, stderr });
    });
  });
}

async function collect(it: AsyncIterable<PageResult>): Promise<PageResult[]> {
  const out: PageResult[] = [];
  for await (const r of it) out.push(r);
  return out;
}

describe('extractMany', () => {
  it('yields what extract gives, in input order, with ids and urls echoed', async () => {
    const pages: PageInput[] = FIXTURES.map((f, i) =>
      i % 2 === 0 ? { id: f.name, url: `https://news.example/${i}`, bytes: f.bytes } : { id: f.name, html: f.bytes.toString('utf8') },
    );
    // The time budget lifted on both sides: a worker's first, cold calls on a busy machine can reach it.
    const unbudgeted = { referenceDate: REFERENCE_DATE, limits: { timeBudgetMs: Infinity } };
    const results = await collect(extractMany(pages, { concurrency: 2, extractOptions: unbudgeted }));
    expect(results.map((r) => r.id)).toEqual(FIXTURES.map((f) => f.name));
    results.forEach((r, i) => {
      expect(r.error).toBeUndefined();
      expect(r.url).toBe(i % 2 === 0 ? `https://news.example/${i}` : null);
      const options = { ...unbudgeted, ...(i % 2 === 0 ? { url: `https://news.example/${i}` } : {}) };
      // The same input the record carried: bytes report their encoding, a string reports none.
      const input = i % 2 === 0 ? FIXTURES[i]!.bytes : FIXTURES[i]!.bytes.toString('utf8');
      expect(r.article).toEqual(core.extract(input, options));
    });
  });

  it('yields every page once as completed with ordered: false', async () => {
    const pages = function* () {
      for (let i = 0; i < 60; i++) yield { html: FIXTURES[i % FIXTURES.length]!.bytes.toString('utf8') };
    };
    const results = await collect(extractMany(pages(), { concurrency: 2, ordered: false }));
    expect(results.map((r) => r.id).sort((a, b) => Number(a) - Number(b))).toEqual([...Array(60).keys()]);
    for (const r of results) expect(stable(r.article!)).toEqual(stable(core.extract(FIXTURES[Number(r.id) % FIXTURES.length]!.bytes.toString('utf8'))));
  });

  it('turns bad records into invalid-input results and goes on', async () => {
    const records = [
      null,
      'page',
      { html: 1 },
      { id: 'both', html: '<p>a</p>', bytes: new Uint8Array(1) },
      {},
      { id: { x: 1 }, html: '<p>a</p>' },
      { id: 'u', url: 5, html: '<p>a</p>' },
      { id: 'ok', html: '<h1>Title</h1>' },
    ];
    const results = await collect(extractMany(records as unknown as PageInput[], { concurrency: 1 }));
    expect(results.map((r) => r.error?.kind ?? 'ok')).toEqual([
      'invalid-input',
      'invalid-input',
      'invalid-input',
      'invalid-input',
      'invalid-input',
      'invalid-input',
      'invalid-input',
      'ok',
    ]);
    expect(results.map((r) => r.id)).toEqual([0, 1, 2, 'both', 4, 5, 'u', 'ok']);
    for (const r of results) if (r.error) expect(r.error.message).toMatch(/^record \d+/);
  });

  it('reads the input lazily: a consumer that stops stops the reading and closes the source', async () => {
    let pulled = 0;
    let closed = false;
    const endless = (async function* () {
      try {
        for (;;) {
          pulled++;
          yield { html: FIXTURES[pulled % FIXTURES.length]!.bytes.toString('utf8') };
        }
      } finally {
        closed = true;
      }
    })();
    let seen = 0;
    for await (const r of extractMany(endless, { concurrency: 2 })) {
      expect(r.error).toBeUndefined();
      if (++seen === 10) break;
    }
    expect(closed).toBe(true);
    expect(pulled).toBeLessThanOrEqual(10 + 2 * WINDOW_PER_WORKER + 1);
  });

  it("leaves the caller's records as they were (bytes are copied, not moved)", async () => {
    const big = new Uint8Array(200_000);
    const page = FIXTURES[0]!.bytes;
    big.set(page, 1000);
    const view = big.subarray(1000, 1000 + page.length);
    const record = { id: 'v', bytes: view, url: 'https://news.example/v' };
    const before = JSON.stringify(record.url) + record.bytes.byteLength;
    const [r] = await collect(extractMany([record], { concurrency: 1 }));
    expect(r!.article!.headline).toBe(core.extract(page, { url: 'https://news.example/v' }).headline);
    expect(big.byteLength).toBe(200_000); // not detached
    expect(JSON.stringify(record.url) + record.bytes.byteLength).toBe(before);
    expect(Buffer.from(view).equals(page)).toBe(true);
  });

  it('reports a page over the timeout as timeout, replaces the worker and goes on', async () => {
    // Several seconds of work, against a limit of 1 s; the small page after
    // it runs in a fresh worker, whose start is not counted. The small page is
    // tiny, so that a loaded machine cannot push it past the limit too.
    const huge = `<html><body>${'<div><p>Some words in a paragraph, with commas, and more words.</p></div>'.repeat(300_000)}</body></html>`;
    const small =
      '<html><head><title>A small page</title></head><body><article><h1>A small page</h1><p>One paragraph of words, with a comma.</p></article></body></html>';
    const pages = [
      { id: 'huge', html: huge },
      { id: 'small', html: small },
    ];
    // extract's own limits lifted, so that the page really takes its seconds
    const limits = { maxInputSize: 1e9, maxNodes: 1e8, timeBudgetMs: Infinity };
    const results = await collect(extractMany(pages, { concurrency: 1, timeout: 1000, extractOptions: { limits } }));
    expect(results[0]!.error?.kind).toBe('timeout');
    expect(results[1]!.error).toBeUndefined();
    expect(results[1]!.article!.headline).toBeTruthy();
  });

  it("throws the signal's reason when aborted", async () => {
    const controller = new AbortController();
    const pages = Array.from({ length: 40 }, (_, i) => ({ id: i, html: FIXTURES[i % FIXTURES.length]!.bytes.toString('utf8') }));
    let seen = 0;
    await expect(async () => {
      for await (const _ of extractMany(pages, { concurrency: 2, signal: controller.signal })) {
        if (++seen === 2) controller.abort();
      }
    }).rejects.toThrow(/abort/i);
    expect(seen).toBe(2);
  });

  it('rethrows an error of the source itself', async () => {
    const failing = (async function* () {
      yield { html: '<p>one</p>' };
      throw new Error('disk on fire');
    })();
    await expect(collect(extractMany(failing, { concurrency: 1 }))).rejects.toThrow('disk on fire');
  });

  it("throws InvalidArgumentError (the core's class) for a wrong source or option", async () => {
    expect(InvalidArgumentError).toBe(core.InvalidArgumentError);
    const bad: [unknown, unknown][] = [
      [42, undefined],
      [[], { concurrency: 0 }],
      [[], { concurrency: 1.5 }],
      [[], { timeout: -1 }],
      [[], 'x'],
      [[], { signal: {} }],
    ];
    for (const [source, options] of bad) {
      await expect(collect(extractMany(source as PageInput[], options as object))).rejects.toBeInstanceOf(core.InvalidArgumentError);
    }
  });

  it('is an empty run for an empty source', async () => {
    expect(await collect(extractMany([], { concurrency: 2 }))).toEqual([]);
  });
});

describe('extractMany with the Readability fallback', () => {
  it('runs it in the worker threads, given as a name or as the engine object', async () => {
    const { readability } = (await import(`${ROOT}dist/readability.js`)) as typeof import('../../src/readability.js');
    const pages: PageInput[] = FIXTURES.slice(0, 3).map((f) => ({ id: f.name, bytes: f.bytes }));
    for (const fallback of ['readability', readability] as const) {
      const results = await collect(extractMany(pages, { concurrency: 2, extractOptions: { fallback, fallbackThreshold: 1, referenceDate: REFERENCE_DATE } }));
      for (const r of results) {
        expect('article' in r, String(r.id)).toBe(true);
        if ('article' in r && r.article) expect(['copydesk', 'readability']).toContain(r.article.engine);
      }
    }
  });

  it("refuses onFallback (a function cannot reach the workers) and a wrong fallback, with the core's class", async () => {
    await expect(collect(extractMany([], { extractOptions: { fallback: 'readability', onFallback: () => {} } }))).rejects.toBeInstanceOf(
      core.InvalidArgumentError,
    );
    await expect(collect(extractMany([], { extractOptions: { fallback: 'boilerpipe' as never } }))).rejects.toBeInstanceOf(core.InvalidArgumentError);
  });
});

describe('copydesk/node from CommonJS', () => {
  it('requires, shares the core, and runs', async () => {
    const script = `
      const { extractMany, extract, InvalidArgumentError } = require('copydesk/node');
      const core = require('copydesk');
      (async () => {
        const out = [];
        for await (const r of extractMany([{ id: 'a', html: '<h1>T</h1><p>x</p>' }], { concurrency: 1 })) out.push(r.id);
        console.log(JSON.stringify({ out, same: extract === core.extract && InvalidArgumentError === core.InvalidArgumentError }));
      })();`;
    const r = await runScript(script, 60_000);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual({ out: ['a'], same: true });
  });
});

describe('a pool that ends before its workers have loaded', () => {
  it('does not abort the process (a worker stopped while loading its modules would)', async () => {
    // One page on four workers, ended at once, twenty times over: the other
    // workers are still loading when the run ends.
    const script = `
      const { extractMany } = require('copydesk/node');
      (async () => {
        for (let i = 0; i < 20; i++) {
          for await (const r of extractMany([], { concurrency: 4 })) void r;
          for await (const r of extractMany([{ id: i, html: '<p>x</p>' }], { concurrency: 4 })) void r;
        }
        console.log('done');
      })();`;
    const r = await runScript(script, 240_000);
    expect(r.signal).toBe(null);
    expect(r.stderr).toBe('');
    expect(r.stdout.trim()).toBe('done');
  });
});
