// The batch command line, run as a user runs it (`node dist/cli.js`, built by
// `pretest`): a folder of fixtures, globs and .gz, a JSONL file, a WARC.gz
// written here with warcio, standard input, a resumed run after a kill, and
// fetching from a server on 127.0.0.1 started by the test (with
// --allow-private-network: loopback is refused by default, see fetch-network.test.ts).

import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import { WARCRecord, WARCSerializer } from 'warcio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Article } from '../../src/index.js';
import { runNode } from '../helpers/node-run.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CLI = path.join(ROOT, 'dist', 'cli.js');
const core = (await import(`${ROOT}dist/index.js`)) as typeof import('../../src/index.js');
/**
 * The time budget is lifted on both sides of every comparison (here and, with
 * `--time-budget 0`, in the CLI runs): a worker's first, cold calls on a busy
 * machine can reach the 1 s default and keep less of the page.
 */
const extract: typeof core.extract = (input, options = {}) => core.extract(input, { ...options, limits: { timeBudgetMs: Infinity, ...options.limits } });

const FIXTURE_DIRS = readdirSync(path.join(ROOT, 'fixtures'))
  .filter((d) => existsSync(path.join(ROOT, 'fixtures', d, 'source.html')))
  .sort();
const fixture = (i: number) => readFileSync(path.join(ROOT, 'fixtures', FIXTURE_DIRS[i % FIXTURE_DIRS.length]!, 'source.html'));

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the CLI without blocking the event loop (a test's HTTP server must keep answering). */
function run(args: string[], options: { input?: string | Buffer; cwd?: string } = {}): Promise<Run> {
  const unbudgeted = args[0] === 'extract' ? [...args, '--time-budget', '0'] : args;
  return runNode([CLI, ...unbudgeted], { input: options.input, cwd: options.cwd ?? ROOT, env: { ...process.env, CI: '' } });
}

type Line = { id: string | number; url: string | null; error?: { kind: string; message: string } } & Partial<Article>;

/** Parses JSONL output; every line must be one JSON object. */
function jsonl(text: string): Line[] {
  expect(text === '' || text.endsWith('\n')).toBe(true);
  return text
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as Line);
}

/** Fields of an Article that cannot depend on the moment of the call. */
const stable = (a: Partial<Article>) => ({ headline: a.headline, body: a.body, boilerplate: a.boilerplate, language: a.language });

let tmp: string;
beforeAll(() => {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build\` first (\`npm test\` does)`);
  tmp = mkdtempSync(path.join(os.tmpdir(), 'copydesk-batch-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('copydesk extract FOLDER / globs / .gz', () => {
  it('extracts every page of a folder, recursively, in path order, as JSONL', async () => {
    const out = path.join(tmp, 'fixtures.jsonl');
    const r = await run(['extract', 'fixtures', '-o', out, '--jobs', '2']);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(new RegExp(`^copydesk: ${FIXTURE_DIRS.length} pages in [\\d.]+ s \\([\\d.]+ pages/s\\), no errors(, no-article: \\d+)?\\n$`));
    const lines = jsonl(readFileSync(out, 'utf8'));
    expect(lines.map((l) => l.id)).toEqual(FIXTURE_DIRS.map((d) => path.join('fixtures', d, 'source.html')));
    lines.forEach((line, i) => {
      expect(line.url).toBeNull();
      expect(stable(line)).toEqual(stable(extract(fixture(i))));
    });
  });

  it('expands globs, unpacks .gz by its magic number, and takes files named on the command line', async () => {
    const dir = path.join(tmp, 'glob');
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir);
    writeFileSync(path.join(dir, 'a.html'), fixture(0));
    writeFileSync(path.join(dir, 'b.html.gz'), zlib.gzipSync(fixture(1)));
    writeFileSync(path.join(dir, 'notes.txt'), 'not a page');
    const r = await run(['extract', `${dir}/*.html*`, '--fields', 'headline,body.text']);
    expect(r.status).toBe(0);
    const lines = jsonl(r.stdout);
    expect(lines.map((l) => l.id)).toEqual([path.join(dir, 'a.html'), path.join(dir, 'b.html.gz')]);
    expect(lines[1]!.headline).toBe(extract(fixture(1)).headline);
    expect(Object.keys(lines[0]!)).toEqual(['id', 'url', 'headline', 'body']);
    expect(Object.keys(lines[0]!.body!)).toEqual(['text']);
    // a single .gz page prints like the plain page
    const single = await run(['extract', path.join(dir, 'b.html.gz'), '--format', 'text']);
    expect(single.stdout).toBe(`${extract(fixture(1)).body.text}\n`);
  });

  it('writes one JSONL line for a single page with --output jsonl', async () => {
    const page = path.join('fixtures', FIXTURE_DIRS[0]!, 'source.html');
    const r = await run(['extract', page, '--output', 'jsonl', '--fields', 'headline', '-q']);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    expect(jsonl(r.stdout)).toEqual([{ id: page, url: null, headline: extract(fixture(0)).headline }]);
  });

  it('makes pages over a tiny --page-timeout timeout errors, replaces the workers, goes on, and exits 1', async () => {
    const r = await run(['extract', 'fixtures', '--page-timeout', '0.001', '--jobs', '1', '--fields', 'headline']);
    expect(r.status).toBe(1);
    const lines = jsonl(r.stdout);
    expect(lines.map((l) => l.id)).toEqual(FIXTURE_DIRS.map((d) => path.join('fixtures', d, 'source.html')));
    // a page that beats its timer's start message may still finish: every line is a timeout or an article
    for (const l of lines) expect(l.error === undefined || l.error.kind === 'timeout').toBe(true);
    expect(lines.filter((l) => l.error).length).toBeGreaterThan(FIXTURE_DIRS.length / 2);
    expect(r.stderr).toMatch(/\d+ errors? \(timeout: \d+\)/);
  });
});

describe('copydesk extract --input jsonl', () => {
  it('reads configurable fields, writes an error line for each bad record and goes on (exit 1)', async () => {
    const file = path.join(tmp, 'pages.jsonl');
    const good = (i: number, id: unknown) => JSON.stringify({ doc: { id }, link: `https://news.example/${i}`, content: fixture(i).toString('utf8') });
    writeFileSync(
      file,
      [
        good(0, 'first'),
        '{"doc": {"id": "broken"', // not JSON
        '',
        good(1, 42),
        JSON.stringify({ doc: { id: 'empty' }, link: 'https://news.example/x' }), // no content
        '[1, 2]',
        `${good(2, 'last')}\r`,
      ].join('\n'),
    );
    const r = await run(['extract', file, '--id-field', 'doc.id', '--url-field', 'link', '--html-field', 'content', '--fields', 'headline']);
    expect(r.status).toBe(1);
    const lines = jsonl(r.stdout);
    expect(lines.map((l) => [l.id, l.error?.kind ?? 'ok'])).toEqual([
      ['first', 'ok'],
      [`${file}:2`, 'bad-record'],
      [42, 'ok'],
      ['empty', 'bad-record'],
      [`${file}:6`, 'bad-record'],
      ['last', 'ok'],
    ]);
    expect(lines[0]).toEqual({ id: 'first', url: 'https://news.example/0', headline: extract(fixture(0), { url: 'https://news.example/0' }).headline });
    expect(lines[3]!.url).toBe('https://news.example/x');
    expect(lines[3]!.error!.message).toMatch(/no "content" field/);
    expect(r.stderr).toMatch(/^copydesk: 6 pages in .*, 3 errors \(bad-record: 3\)\n$/);
  });

  it('is a pipeline stage: gzip JSONL on standard input, JSONL on standard output, in input order', async () => {
    const records = Array.from({ length: 30 }, (_, i) => JSON.stringify({ id: `r${i}`, url: `https://news.example/${i}`, html: fixture(i).toString('utf8') }));
    const input = zlib.gzipSync(`${records.join('\n')}\n`);
    const r = await run(['extract', '-', '--input', 'jsonl', '--fields', 'headline,body.text', '--jobs', '2'], { input });
    expect(r.status).toBe(0);
    const lines = jsonl(r.stdout);
    expect(lines.map((l) => l.id)).toEqual(records.map((_, i) => `r${i}`));
    // The record carried the page as a UTF-8 string, so the library gets the same string.
    lines.forEach((l, i) => {
      expect(l.body!.text).toBe(extract(fixture(i).toString('utf8'), { url: `https://news.example/${i}` }).body.text);
    });
  });

  it('writes as completed with --unordered: the same lines, each once', async () => {
    const records = Array.from({ length: 30 }, (_, i) => JSON.stringify({ id: i, html: fixture(i).toString('utf8') }));
    const r = await run(['extract', '-', '-i', 'jsonl', '--unordered', '--fields', 'headline', '-j', '2'], { input: records.join('\n') });
    expect(r.status).toBe(0);
    const ids = jsonl(r.stdout).map((l) => l.id);
    expect([...ids].sort((a, b) => Number(a) - Number(b))).toEqual([...Array(30).keys()]);
  });
});

/** Bytes of a string in windows-1251 (Cyrillic letters and ASCII only). */
function windows1251(text: string): Buffer {
  return Buffer.from(
    [...text].map((c) => {
      const code = c.codePointAt(0)!;
      if (code < 0x80) return code;
      if (code >= 0x410 && code <= 0x44f) return code - 0x410 + 0xc0;
      throw new Error(`no windows-1251 byte for ${c}`);
    }),
  );
}

const RUSSIAN_PARAGRAPH = 'Городской совет утвердил новый план ремонта набережной после весенних штормов, и работы начнутся летом.';
const RUSSIAN_PAGE = `<html><head><title>Новости города</title></head><body><article><h1>Совет утвердил ремонт набережной</h1>${`<p>${RUSSIAN_PARAGRAPH}</p>`.repeat(
  6,
)}</article></body></html>`;

async function* chunksOf(...parts: Uint8Array[]) {
  for (const p of parts) yield p;
}

/**
 * A WARC file as a crawler writes it: pages and the records around them.
 * Returns where each record starts in the file, and the file's length.
 */
async function writeWarc(file: string, gzip: boolean): Promise<number[]> {
  const enc = new TextEncoder();
  const chunked = (body: Buffer) => Buffer.concat([Buffer.from(`${body.length.toString(16)}\r\n`), body, Buffer.from('\r\n0\r\n\r\n')]);
  const records = [
    WARCRecord.createWARCInfo({ filename: path.basename(file) }, { software: 'copydesk tests' }),
    WARCRecord.create({ url: 'https://news.example/a', type: 'request', statusline: 'GET /a HTTP/1.1', httpHeaders: { host: 'news.example' } }, chunksOf()),
    WARCRecord.create({ url: 'https://news.example/a', type: 'response', httpHeaders: { 'Content-Type': 'text/html; charset=utf-8' } }, chunksOf(fixture(0))),
    // no <meta charset>: only the HTTP header says windows-1251
    WARCRecord.create(
      { url: 'https://news.example/ru', type: 'response', httpHeaders: { 'Content-Type': 'text/html; charset=windows-1251' } },
      chunksOf(windows1251(RUSSIAN_PAGE)),
    ),
    // as a server sent it: gzip, then chunked
    WARCRecord.create(
      {
        url: 'https://news.example/c',
        type: 'response',
        httpHeaders: { 'Content-Type': 'text/html', 'Content-Encoding': 'gzip', 'Transfer-Encoding': 'chunked' },
      },
      chunksOf(chunked(zlib.gzipSync(fixture(2)))),
    ),
    WARCRecord.create(
      { url: 'https://news.example/logo.png', type: 'response', httpHeaders: { 'Content-Type': 'image/png' } },
      chunksOf(new Uint8Array([137, 80, 78, 71])),
    ),
    WARCRecord.create(
      { url: 'https://news.example/gone', type: 'response', statusline: 'HTTP/1.1 404 Not Found', httpHeaders: { 'Content-Type': 'text/html' } },
      chunksOf(enc.encode('<p>gone</p>')),
    ),
    WARCRecord.create(
      { url: 'https://news.example/meta', type: 'metadata', warcHeaders: { 'Content-Type': 'application/warc-fields' } },
      chunksOf(enc.encode('via: test\r\n')),
    ),
  ];
  const parts: Uint8Array[] = [];
  const starts: number[] = [];
  let at = 0;
  for (const record of records) {
    const part = await WARCSerializer.serialize(record, { gzip });
    starts.push(at);
    at += part.length;
    parts.push(part);
  }
  writeFileSync(file, Buffer.concat(parts));
  return [...starts, at];
}

describe('copydesk extract --input warc', () => {
  it('extracts the HTML responses of a WARC.gz with their URL, id and HTTP charset; skips the rest', async () => {
    const file = path.join(tmp, 'crawl.warc.gz');
    await writeWarc(file, true);
    const r = await run(['extract', file, '--fields', 'headline,body.text']);
    expect(r.status).toBe(0);
    const lines = jsonl(r.stdout);
    expect(lines.map((l) => l.url)).toEqual(['https://news.example/a', 'https://news.example/ru', 'https://news.example/c']);
    for (const l of lines) expect(String(l.id)).toMatch(/^<urn:uuid:[0-9a-f-]{36}>$/);
    expect(lines[0]!.body!.text).toBe(extract(fixture(0), { url: 'https://news.example/a' }).body.text);
    expect(lines[1]!.body!.text).toContain(RUSSIAN_PARAGRAPH);
    expect(lines[2]!.headline).toBe(extract(fixture(2)).headline);
    expect(r.stderr).toMatch(
      /3 pages in .*no errors(, no-article: \d+)?\ncopydesk: skipped 5 \(WARC records that are not responses: 3, WARC responses that are not 2xx: 1, WARC responses that are not HTML: 1\)\n$/,
    );
  });

  it('reads an uncompressed WARC from standard input with --input warc', async () => {
    const file = path.join(tmp, 'crawl.warc');
    await writeWarc(file, false);
    const r = await run(['extract', '-', '--input', 'warc', '--fields', 'headline', '-q'], { input: readFileSync(file) });
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    expect(jsonl(r.stdout).map((l) => l.url)).toEqual(['https://news.example/a', 'https://news.example/ru', 'https://news.example/c']);
  });

  it('writes an error line for a WARC cut short, plain or gzip, wherever the cut, and exits 1', async () => {
    for (const gzip of [true, false]) {
      const name = gzip ? 'whole.warc.gz' : 'whole.warc';
      const bounds = await writeWarc(path.join(tmp, name), gzip);
      const whole = readFileSync(path.join(tmp, name));
      const end = bounds.at(-1)!;
      const last = bounds.at(-2)!;
      // Cuts inside a record, never on a record's boundary (a WARC.gz cut
      // between two members is a whole, shorter file): in the first record,
      // in the middle of a page, inside the last record's first header line,
      // inside its header block, and a few bytes before the end.
      const cuts = [Math.floor(bounds[1]! / 2), Math.floor((bounds[2]! + bounds[3]!) / 2), last + 5, last + 40, end - 5];
      for (const at of cuts) {
        const cut = path.join(tmp, `cut-${at}-${name}`);
        writeFileSync(cut, whole.subarray(0, at));
        const r = await run(['extract', cut, '--fields', 'headline', '-q']);
        expect(r.status, `${name} cut at ${at} of ${end}`).toBe(1);
        const lastLine = jsonl(r.stdout).at(-1)!;
        expect(lastLine.error?.kind).toBe('read-failed');
        expect(lastLine.error?.message).toMatch(/the file is cut short/);
      }
    }
  });
});

describe('copydesk extract --input warc, a broken record', () => {
  it('stops at a record without the mandatory WARC headers and names the one missing', async () => {
    const file = path.join(tmp, 'broken.warc');
    const good = await writeWarc(path.join(tmp, 'for-broken.warc'), false);
    const bad = Buffer.from('WARC/1.0\r\nWARC-Type: resource\r\nContent-Length: 5\r\n\r\nhello\r\n\r\n');
    writeFileSync(file, Buffer.concat([bad, readFileSync(path.join(tmp, 'for-broken.warc')).subarray(0, good.at(-1)!)]));
    const r = await run(['extract', file, '--fields', 'headline', '-q']);
    expect(r.status).toBe(1);
    const lines = jsonl(r.stdout);
    expect(lines).toHaveLength(1);
    expect(lines[0]!.error?.kind).toBe('read-failed');
    expect(lines[0]!.error?.message).toMatch(/has no WARC-Record-ID header/);
  });
});

/** Waits until `file` has at least `n` lines, or the child exits. */
async function waitForLines(file: string, n: number, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline && child.exitCode === null) {
    if (existsSync(file) && readFileSync(file, 'utf8').split('\n').length > n) return;
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('copydesk extract --resume', () => {
  it('after a killed run, writes each id exactly once', async () => {
    const input = path.join(tmp, 'resume.jsonl');
    const out = path.join(tmp, 'resume-out.jsonl');
    const N = 1200;
    writeFileSync(input, Array.from({ length: N }, (_, i) => JSON.stringify({ id: `p${i}`, html: fixture(i).toString('utf8') })).join('\n'));

    const child = spawn(process.execPath, [CLI, 'extract', input, '-o', out, '--jobs', '2', '--fields', 'headline'], { stdio: 'ignore' });
    await waitForLines(out, 40, child);
    child.kill('SIGKILL');
    await new Promise((r) => child.once('close', r));
    const before = readFileSync(out, 'utf8')
      .split('\n')
      .filter((l) => l.endsWith('}')).length;
    expect(before).toBeGreaterThanOrEqual(40);
    expect(before).toBeLessThan(N); // killed before the end
    appendFileSync(out, '{"id":"p1199","url":null,"head'); // and as if killed in the middle of a write

    const r = await run(['extract', input, '-o', out, '--jobs', '2', '--fields', 'headline', '--resume']);
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(new RegExp(`${N - before} pages in .*\\ncopydesk: skipped ${before} \\(already in .*resume-out\\.jsonl: ${before}\\)\\n$`));
    const ids = jsonl(readFileSync(out, 'utf8')).map((l) => l.id);
    expect(ids).toHaveLength(N);
    expect(new Set(ids).size).toBe(N);

    // a finished run resumed does nothing
    const again = await run(['extract', input, '-o', out, '--resume', '--fields', 'headline']);
    expect(again.status).toBe(0);
    expect(again.stderr).toMatch(new RegExp(`^copydesk: 0 pages in .*\\ncopydesk: skipped ${N} `));
    expect(jsonl(readFileSync(out, 'utf8'))).toHaveLength(N);
  });
});

describe('copydesk fetch', () => {
  let server: http.Server;
  let base = '';
  const agents: string[] = [];
  const cyrillic = windows1251(RUSSIAN_PAGE);

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      agents.push(String(req.headers['user-agent']));
      switch (req.url) {
        case '/moved':
          res.writeHead(301, { location: '/story' });
          res.end();
          return;
        case '/story':
          res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
          res.end(fixture(0));
          return;
        case '/ru':
          res.writeHead(200, { 'content-type': 'text/html; charset=windows-1251' });
          res.end(cyrillic);
          return;
        case '/loop':
          res.writeHead(302, { location: '/loop' });
          res.end();
          return;
        case '/pdf':
          res.writeHead(200, { 'content-type': 'application/pdf' });
          res.end('%PDF-1.4');
          return;
        case '/big':
          res.writeHead(200, { 'content-type': 'text/html' });
          res.end(Buffer.alloc(300_000, 0x61));
          return;
        case '/slow':
          return; // never answers: the client's --timeout ends it (afterAll closes the connection)
        default:
          res.writeHead(404, { 'content-type': 'text/html' });
          res.end('<h1>Not found</h1>');
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('fetches one page, follows the redirect, decodes with the response charset, prints the Article', async () => {
    const r = await run(['fetch', `${base}/moved`, '--allow-private-network']);
    expect(r.status).toBe(0);
    const article = JSON.parse(r.stdout) as Article;
    expect(article.headline).toBe(extract(fixture(0), { url: `${base}/story` }).headline);
    const ru = await run(['fetch', `${base}/ru`, '--format', 'text', '--allow-private-network']);
    expect(ru.stdout).toContain(RUSSIAN_PARAGRAPH);
    expect(agents.at(-1)).toMatch(/^Mozilla\/5\.0 \(compatible; copydesk\/\d+\.\d+\.\d+; \+https:\/\/www\.npmjs\.com\/package\/copydesk\)$/);
  });

  it('exits 1 with one line when the only page cannot be fetched', async () => {
    const r = await run(['fetch', `${base}/missing`, '--allow-private-network']);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^copydesk: cannot fetch .*\/missing: HTTP 404 Not Found \(http-status\)\n$/);
  });

  it('fetches a URL list with --fetch: an error line for each failure, the run goes on', async () => {
    const list = path.join(tmp, 'urls.txt');
    writeFileSync(
      list,
      [
        `# front page stories`,
        `${base}/moved`,
        '',
        `not a url`,
        `${base}/missing`,
        `${base}/loop`,
        `${base}/pdf`,
        `${base}/big`,
        `${base}/slow`,
        `${base}/ru`,
      ].join('\n'),
    );
    const r = await run([
      'extract',
      '--fetch',
      list,
      '--fields',
      'headline',
      '--timeout',
      '5',
      '--max-redirects',
      '3',
      '--max-bytes',
      '100k',
      '--user-agent',
      'TestBot/1.0',
      '--allow-private-network',
    ]);
    expect(r.status).toBe(1);
    const lines = jsonl(r.stdout);
    expect(lines.map((l) => [String(l.id).replace(base, ''), l.error?.kind ?? 'ok'])).toEqual([
      ['/moved', 'ok'],
      ['not a url', 'bad-record'],
      ['/missing', 'http-status'],
      ['/loop', 'fetch-failed'],
      ['/pdf', 'not-html'],
      ['/big', 'too-large'],
      ['/slow', 'fetch-timeout'],
      ['/ru', 'ok'],
    ]);
    expect(lines[0]!.url).toBe(`${base}/story`); // the URL after redirects
    expect(agents.at(-1)).toBe('TestBot/1.0');
  });
});

describe('copydesk extract --fallback readability in a batch', () => {
  it('runs the fallback in the worker threads, for files and for JSONL lines', async () => {
    const css = path.join('fixtures', 'css-parse-error--harbour-ferry-timetable', 'source.html');
    const other = path.join('fixtures', FIXTURE_DIRS[0]!, 'source.html');
    const files = await run(['extract', css, other, '--fallback', 'readability', '--fields', 'engine,confidence,body.text', '--jobs', '2', '-q']);
    expect(files.stderr).toBe('');
    expect(files.status).toBe(0);
    const lines = jsonl(files.stdout);
    expect(lines.map((l) => l.id)).toEqual([css, other]);
    for (const line of lines) {
      expect(line.error).toBeUndefined();
      expect(['copydesk', 'readability']).toContain(line.engine);
      expect(line.confidence).toBeGreaterThanOrEqual(0);
    }
    // The page jsdom throws on: copydesk's own result.
    expect(lines[0]!.engine).toBe('copydesk');

    const input = `${JSON.stringify({ id: 'a', html: readFileSync(path.join(ROOT, css), 'utf8') })}\n`;
    const fromJsonl = await run(['extract', '-', '--input', 'jsonl', '--fallback', 'readability', '--fields', 'engine', '-q'], { input });
    expect(fromJsonl.status).toBe(0);
    expect(jsonl(fromJsonl.stdout)).toEqual([{ id: 'a', url: null, engine: 'copydesk' }]);
  });
});

describe('copydesk extract --input warc, a broken record cut short', () => {
  it('reports a record without WARC-Date whose content is cut, and does not hang', async () => {
    const file = path.join(tmp, 'broken-cut.warc');
    writeFileSync(
      file,
      'WARC/1.0\r\nWARC-Type: resource\r\nWARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-000000000000>\r\nContent-Length: 500\r\n\r\n<p>only a few bytes of the page',
    );
    const r = await run(['extract', file, '--fields', 'headline', '-q']);
    expect(r.status).toBe(1);
    const lines = jsonl(r.stdout);
    expect(lines.at(-1)!.error?.message).toMatch(/the file is cut short/);
  });
});
