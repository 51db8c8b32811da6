// The parsers and pure pieces of the batch CLI, with property-based tests for
// everything that reads input: line splitting, JSONL records, URL lists, the
// ids of the output file, and WARC files written with warcio.

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { WARCRecord, WARCSerializer } from 'warcio';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULTS } from '../src/cli/args.js';
import { leadingId, readDoneIds } from '../src/cli/output.js';
import { progressWanted } from '../src/cli/progress.js';
import { parseJsonlLine, valueAt } from '../src/node/jsonl.js';
import { byteLines, isBlankLine, lines } from '../src/cli/sources/streams.js';
import type { SourceContext, SourceRecord } from '../src/cli/sources/types.js';
import { parseUrlLine } from '../src/cli/sources/urls.js';
import { isHtmlType, warcRecords } from '../src/cli/sources/warc.js';
import { formatSummary, RunStats } from '../src/cli/summary.js';
import { extract } from '../src/extract.js';
import { articleLine, errorLine, fieldPaths, pickFields } from '../src/node/fields.js';
import { checkRecord } from '../src/node/record.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'copydesk-units-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function* from(chunks: Uint8Array[]) {
  for (const c of chunks) yield c;
}
async function all<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

/** Cuts `bytes` at the given offsets (sorted, deduplicated). */
function cut(bytes: Uint8Array, at: number[]): Uint8Array[] {
  const points = [...new Set(at.map((a) => a % (bytes.length + 1)))].sort((a, b) => a - b);
  const parts: Uint8Array[] = [];
  let start = 0;
  for (const p of [...points, bytes.length]) {
    parts.push(bytes.subarray(start, p));
    start = p;
  }
  return parts;
}

describe('lines', () => {
  it('splits on \\n and \\r\\n whatever the chunking, multi-byte characters included (property)', async () => {
    const line = fc
      .string({ unit: fc.oneof(fc.constantFrom('a', 'é', '€', '😀', '\r', ' '), fc.string({ unit: 'grapheme', maxLength: 1 })) })
      .map((s) => s.replace(/[\r\n]/g, ''));
    await fc.assert(
      fc.asyncProperty(
        fc.array(line, { maxLength: 8 }),
        fc.boolean(),
        fc.boolean(),
        fc.array(fc.nat(), { maxLength: 6 }),
        async (ls, crlf, finalNewline, at) => {
          const text = ls.join(crlf ? '\r\n' : '\n') + (finalNewline && ls.length ? (crlf ? '\r\n' : '\n') : '');
          const bytes = Buffer.from(text, 'utf8');
          // a last line without a newline counts when it is not empty
          const expected = finalNewline || ls.at(-1) !== '' ? ls : ls.slice(0, -1);
          expect(await all(lines(from(cut(bytes, at))))).toEqual(expected);
          // the same lines as bytes, each in a buffer of its own
          const raw = await all(byteLines(from(cut(bytes, at))));
          expect(raw.map((b) => new TextDecoder().decode(b))).toEqual(expected);
          for (const b of raw) expect(b.byteOffset === 0 || b.buffer.byteLength <= bytes.length).toBe(true);
        },
      ),
    );
  });
});

describe('blank lines', () => {
  it('are ASCII blanks only', () => {
    expect(isBlankLine(Buffer.from(' \t\r'))).toBe(true);
    expect(isBlankLine(new Uint8Array(0))).toBe(true);
    expect(isBlankLine(Buffer.from(' {}'))).toBe(false);
  });
});

describe('JSONL records', () => {
  const ctx = { maxBytes: DEFAULTS.maxBytes, contentType: null };

  it('never throws; a line is a page, a bad-record, or blank (property)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json()), (line) => {
        const r = parseJsonlLine(line, 3, 'in.jsonl', DEFAULTS.names, ctx);
        if (r === null) expect(line.trim()).toBe('');
        else if (r.error) expect(['bad-record', 'too-large']).toContain(r.error.kind);
        else expect(typeof r.html).toBe('string');
      }),
    );
  });

  it('reads back what was written (property)', () => {
    const id = fc.oneof(fc.string({ minLength: 1 }), fc.integer());
    fc.assert(
      fc.property(id, fc.option(fc.webUrl(), { nil: undefined }), fc.string(), (i, url, html) => {
        const r = parseJsonlLine(JSON.stringify({ id: i, url, html }), 1, 'x', DEFAULTS.names, ctx)!;
        expect(r.error).toBeUndefined();
        expect(r.id).toBe(i);
        expect(r.url).toBe(url ?? null);
        expect(r.html).toBe(html);
      }),
    );
  });

  it('reaches into objects with dotted names, and reports what is wrong', () => {
    expect(valueAt({ a: { b: { c: 1 } } }, 'a.b.c')).toBe(1);
    expect(valueAt({ a: [1] }, 'a.0')).toBeUndefined();
    expect(valueAt({ a: 1 }, 'toString')).toBeUndefined();
    const names = { id: 'meta.key', url: 'meta.link', html: 'body', contentType: 'headers.type' };
    const r = parseJsonlLine(
      '{"meta":{"key":"k1","link":"https://x.example/"},"body":"<p>hi</p>","headers":{"type":"text/html; charset=utf-8"}}',
      1,
      'x',
      names,
      ctx,
    );
    expect(r).toEqual({ id: 'k1', url: 'https://x.example/', html: '<p>hi</p>', contentType: 'text/html; charset=utf-8' });
    expect(parseJsonlLine('{"id":true,"html":"x"}', 4, 'f', DEFAULTS.names, ctx)).toMatchObject({ id: 'f:4', error: { kind: 'bad-record' } });
    expect(parseJsonlLine('{"id":"a","html":5}', 4, 'f', DEFAULTS.names, ctx)).toMatchObject({
      id: 'a',
      error: { kind: 'bad-record', message: 'line 4: "html" must be a string' },
    });
    expect(parseJsonlLine('"just a string"', 2, 'f', DEFAULTS.names, ctx)).toMatchObject({ id: 'f:2', error: { kind: 'bad-record' } });
    expect(parseJsonlLine(JSON.stringify({ id: 'big', html: 'é'.repeat(600) }), 1, 'f', DEFAULTS.names, { maxBytes: 1000, contentType: null })).toMatchObject({
      id: 'big',
      error: { kind: 'too-large' },
    });
    expect(
      parseJsonlLine(JSON.stringify({ id: 'ok', html: 'e'.repeat(600) }), 1, 'f', DEFAULTS.names, { maxBytes: 1000, contentType: 'text/html' }),
    ).toMatchObject({ id: 'ok', contentType: 'text/html' });
  });
});

describe('URL lists', () => {
  it('takes http(s) URLs, skips blanks and comments, and never throws (property)', () => {
    fc.assert(
      fc.property(fc.string(), (line) => {
        const r = parseUrlLine(line);
        if (r === null) expect(line.trim() === '' || line.trim().startsWith('#')).toBe(true);
        else if (!r.error) expect(new URL(r.url!).protocol).toMatch(/^https?:$/);
      }),
    );
    expect(parseUrlLine('  https://x.example/a  ')).toEqual({ id: 'https://x.example/a', url: 'https://x.example/a', fetch: true });
    expect(parseUrlLine('file:///etc/passwd')).toMatchObject({ error: { kind: 'bad-record' } });
  });
});

describe('output ids (--resume)', () => {
  const article = extract('<h1>A headline</h1><p>Some text.</p>');

  it('reads the id back from any line copydesk writes (property)', () => {
    const id = fc.oneof(fc.string(), fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }));
    fc.assert(
      fc.property(id, fc.option(fc.string(), { nil: null }), fc.boolean(), (i, url, failed) => {
        const line = failed ? errorLine(i, url, { kind: 'timeout', message: 'm' }) : articleLine(i, url, article, ['headline']);
        expect(leadingId(line)).toBe(String(JSON.parse(line).id));
      }),
    );
  });

  it('cuts a broken last line off the file and returns the ids of the whole lines', async () => {
    const file = path.join(tmp, 'out.jsonl');
    writeFileSync(file, `${articleLine('a', null, article, null)}\n${errorLine(7, null, { kind: 'x', message: 'y' })}\n{"not":"ours","id":"c"}\n{"id":"d","ur`);
    expect([...(await readDoneIds(file))].sort()).toEqual(['7', 'a', 'c']);
    expect(readFileSync(file, 'utf8').endsWith('"id":"c"}\n')).toBe(true);
    writeFileSync(file, '{"id":"only","u');
    expect(await readDoneIds(file)).toEqual(new Set());
    expect(readFileSync(file, 'utf8')).toBe('');
    expect(await readDoneIds(path.join(tmp, 'missing.jsonl'))).toEqual(new Set());
  });
});

describe('fields', () => {
  const article = extract('<html lang="en"><h1>A headline</h1><p>Some text.</p></html>');

  it('lists every Article field and its parts', () => {
    const paths = fieldPaths(article);
    expect(paths).toContain('headline');
    expect(paths).toContain('body.text');
    expect(paths).toContain('dateline.published');
    expect(paths).not.toContain('body.text.length');
  });

  it('picks nested fields in the order asked; a whole object wins over its parts', () => {
    expect(pickFields(article, ['body.text', 'language', 'headline'])).toEqual({
      body: { text: article.body.text },
      language: 'en',
      headline: article.headline,
    });
    expect(Object.keys(pickFields(article, ['language', 'headline']))).toEqual(['language', 'headline']);
    expect(pickFields(article, ['body.text', 'body'])).toEqual({ body: article.body });
    expect(articleLine('x', 'https://u.example/', article, ['headline'])).toBe(
      `{"id":"x","url":"https://u.example/","headline":${JSON.stringify(article.headline)}}`,
    );
  });
});

describe('extractMany records', () => {
  it("checks any value without throwing, and never touches the caller's bytes (property)", () => {
    fc.assert(
      fc.property(fc.anything(), fc.nat(), (record, index) => {
        const r = checkRecord(record, index, {});
        if ('error' in r && r.error) expect(r.error.kind).toBe('invalid-input');
      }),
    );
    const bytes = new Uint8Array([60, 112, 62]);
    const r = checkRecord({ bytes }, 0, {});
    expect('task' in r && r.task.bytes).not.toBe(bytes);
    expect('transfer' in r && r.transfer[0]).not.toBe(bytes.buffer);
  });
});

describe('WARC records', () => {
  const ctx = (skips: string[]): SourceContext => ({
    maxBytes: DEFAULTS.maxBytes,
    contentType: null,
    names: DEFAULTS.names,
    needIds: false,
    advance() {},
    skip: (reason) => skips.push(reason),
  });

  it('yields exactly the 2xx HTML responses and resources, with their URL, payload and charset (property)', async () => {
    const record = fc.record({
      type: fc.constantFrom('response', 'resource', 'request', 'metadata'),
      status: fc.constantFrom(200, 204, 301, 404, 500),
      contentType: fc.constantFrom(
        'text/html; charset=utf-8',
        'text/html',
        'application/xhtml+xml',
        'image/png',
        'application/json',
        'TEXT/HTML;charset=windows-1251',
      ),
      path: fc.stringMatching(/^[a-z0-9]{1,12}$/),
      body: fc.string({ unit: 'grapheme', maxLength: 300 }),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(record, { maxLength: 6 }), fc.boolean(), async (records, gzip) => {
        const parts: Uint8Array[] = [];
        const expected: { url: string; body: string; contentType: string }[] = [];
        for (const r of records) {
          const url = `https://news.example/${r.path}`;
          const payload = new TextEncoder().encode(r.body);
          const isHttp = r.type === 'response' || r.type === 'request';
          const warc = WARCRecord.create(
            {
              url,
              type: r.type as 'response',
              ...(isHttp
                ? { statusline: r.type === 'request' ? 'GET / HTTP/1.1' : `HTTP/1.1 ${r.status} X`, httpHeaders: { 'Content-Type': r.contentType } }
                : { warcHeaders: { 'Content-Type': r.contentType } }),
            },
            from([payload]),
          );
          parts.push(await WARCSerializer.serialize(warc, { gzip }));
          const page = (r.type === 'response' && r.status < 300) || r.type === 'resource';
          if (page && isHtmlType(r.contentType)) expected.push({ url, body: r.body, contentType: r.contentType });
        }
        const file = path.join(tmp, gzip ? 'p.warc.gz' : 'p.warc');
        writeFileSync(file, Buffer.concat(parts));
        const skips: string[] = [];
        const got: SourceRecord[] = await all(warcRecords(file, ctx(skips)));
        expect(got.map((g) => ({ url: g.url, body: new TextDecoder().decode(g.bytes), contentType: g.contentType }))).toEqual(expected);
        expect(got.length + skips.length).toBe(records.length);
      }),
      { numRuns: 40 },
    );
  });
});

describe('summary and progress', () => {
  it('summarises pages, errors by kind and skipped records', () => {
    const stats = new RunStats();
    for (const k of [null, null, 'timeout', 'bad-record', 'timeout']) stats.page(k);
    stats.skip('already in out.jsonl');
    expect(formatSummary(stats, 2, false)).toBe(
      'copydesk: 5 pages in 2.0 s (2.5 pages/s), 3 errors (timeout: 2, bad-record: 1)\ncopydesk: skipped 1 (already in out.jsonl: 1)\n',
    );
    expect(formatSummary(new RunStats(), 0.5, true)).toBe(
      'copydesk: 0 pages in 0.5 s (0.0 pages/s), no errors\ncopydesk: interrupted; run again with --resume (and the same -o) to finish\n',
    );
  });

  it('shows the bar on an interactive terminal outside CI, unless told', () => {
    expect(progressWanted(null, {}, true)).toBe(true);
    expect(progressWanted(null, {}, false)).toBe(false);
    expect(progressWanted(null, { CI: 'true' }, true)).toBe(false);
    expect(progressWanted(null, { CI: '0' }, true)).toBe(true);
    expect(progressWanted(null, { TERM: 'dumb' }, true)).toBe(false);
    expect(progressWanted(true, { CI: 'true' }, false)).toBe(true);
    expect(progressWanted(false, {}, true)).toBe(false);
  });
});
