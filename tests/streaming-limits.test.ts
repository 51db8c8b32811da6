// --max-bytes holds while streaming: a JSONL line over its limit is counted
// and dropped as it streams past (never gathered), reported as too-large, and
// the lines after it are read; a WARC payload with Content-Encoding: gzip is
// decoded with the cap applied as bytes come (a gzip bomb stops at the cap),
// reported as too-large, and the records after it are read. Inputs are
// generated here, and kept small in memory: the huge line is generated lazily
// and the bomb is many copies of one small gzip member.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { WARCRecord, WARCSerializer } from 'warcio';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULTS } from '../src/cli/args.js';
import { jsonlRecords, maxJsonlLineBytes } from '../src/cli/sources/jsonl.js';
import { byteLines, type OverlongLine } from '../src/cli/sources/streams.js';
import type { SourceContext, SourceRecord } from '../src/cli/sources/types.js';
import { warcRecords } from '../src/cli/sources/warc.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'copydesk-streaming-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const MiB = 1024 * 1024;

async function all<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

async function* chunked(bytes: Uint8Array, size: number) {
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
}

const ctx = (maxBytes: number): SourceContext => ({
  maxBytes,
  contentType: null,
  names: DEFAULTS.names,
  needIds: false,
  advance() {},
  skip() {},
});

const shown = (lines: (Uint8Array | OverlongLine)[]) => lines.map((l) => ('overlong' in l ? l : Buffer.from(l).toString()));

describe('byteLines with a line limit', () => {
  it('yields a line over the limit as its length, whatever the chunking', async () => {
    const text = Buffer.from(`a\n${'x'.repeat(100)}\r\nbb\n${'y'.repeat(11)}\n${'z'.repeat(10)}\n${'w'.repeat(40)}`);
    for (const size of [1, 3, 7, 10, 64, 1000]) {
      expect(shown(await all(byteLines(chunked(text, size), 10)))).toEqual([
        'a',
        { overlong: true, bytes: 101 },
        'bb',
        { overlong: true, bytes: 11 },
        'z'.repeat(10),
        { overlong: true, bytes: 40 },
      ]);
    }
  });

  it('never gathers a huge line: 256 MiB streamed past with a 1 MiB limit', async () => {
    const piece = Buffer.alloc(64 * 1024, 0x61);
    let peak = 0;
    const base = process.memoryUsage().arrayBuffers;
    async function* huge() {
      yield Buffer.from('{"id":"first","html":"<p>a</p>"}\n');
      for (let i = 0; i < 4096; i++) {
        if (i % 256 === 0) peak = Math.max(peak, process.memoryUsage().arrayBuffers - base);
        yield piece;
      }
      yield Buffer.from('\n{"id":"after"}\n');
    }
    const lines = shown(await all(byteLines(huge(), MiB)));
    expect(lines).toEqual(['{"id":"first","html":"<p>a</p>"}', { overlong: true, bytes: 256 * MiB }, '{"id":"after"}']);
    // Held whole, the line would have taken 256 MiB.
    expect(peak).toBeLessThan(32 * MiB);
  });
});

describe('JSONL: a line over the limit is skipped while streaming', () => {
  it('reports it as too-large and reads on, plain and gzip', async () => {
    const maxBytes = 64 * 1024;
    const limit = maxJsonlLineBytes(maxBytes);
    const big = JSON.stringify({ id: 'huge', html: `<p>${'a'.repeat(limit)}</p>` });
    const text = [JSON.stringify({ id: 'one', html: '<p>one</p>' }), big, JSON.stringify({ id: 'three', html: '<p>three</p>' })].join('\n');
    for (const [name, bytes] of [
      ['lines.jsonl', Buffer.from(text)],
      ['lines.jsonl.gz', zlib.gzipSync(text)],
    ] as const) {
      const file = path.join(tmp, name);
      writeFileSync(file, bytes);
      const got: SourceRecord[] = await all(jsonlRecords(file, ctx(maxBytes)));
      expect(got.map((r) => r.error?.kind ?? Buffer.from(r.jsonl!.raw).toString().slice(0, 12))).toEqual(['{"id":"one",', 'too-large', '{"id":"three']);
      expect(got[1]).toEqual({
        id: `${file}:2`,
        url: null,
        error: {
          kind: 'too-large',
          message: `line 2 has ${big.length} bytes, over the ${limit} a line may hold (6 x --max-bytes ${maxBytes} + 65536): skipped unread`,
        },
      });
    }
  });

  it('keeps a line whose page is at the cap even when escaping makes the line longer', async () => {
    const maxBytes = 4096;
    // Python's json.dumps (ensure_ascii) writes Cyrillic as \uXXXX: three times the UTF-8 bytes.
    const html = 'ж'.repeat(maxBytes / 2);
    const line = JSON.stringify({ id: 'ru', html }).replace(/ж/g, '\\u0436');
    expect(line.length).toBeGreaterThan(3 * maxBytes);
    const file = path.join(tmp, 'escaped.jsonl');
    writeFileSync(file, `${line}\n`);
    const got: SourceRecord[] = await all(jsonlRecords(file, ctx(maxBytes)));
    expect(got).toHaveLength(1);
    expect(got[0]!.error).toBeUndefined();
  });
});

describe('WARC: a gzip-encoded payload is decoded with the cap applied as it comes', () => {
  async function warcFile(name: string, records: { url: string; payload: Uint8Array; gzip: boolean }[]): Promise<string> {
    const parts: Uint8Array[] = [];
    for (const r of records) {
      const httpHeaders: Record<string, string> = { 'Content-Type': 'text/html; charset=utf-8' };
      if (r.gzip) httpHeaders['Content-Encoding'] = 'gzip';
      const record = WARCRecord.create(
        { url: r.url, type: 'response', statusline: 'HTTP/1.1 200 OK', httpHeaders },
        (async function* () {
          yield r.payload;
        })(),
      );
      parts.push(await WARCSerializer.serialize(record, { gzip: true }));
    }
    const file = path.join(tmp, name);
    writeFileSync(file, Buffer.concat(parts));
    return file;
  }

  it('stops a gzip bomb (512 MiB from 0.5 MB) at --max-bytes 1 MiB, reports too-large, and reads on', async () => {
    // One member of 8 MiB of spaces, 64 times: gzip members concatenated unpack one after another.
    const member = zlib.gzipSync(Buffer.alloc(8 * MiB, 0x20), { level: 9 });
    const bomb = Buffer.concat(Array.from({ length: 64 }, () => member));
    expect(bomb.length).toBeLessThan(MiB);
    const page = Buffer.from('<html><body><p>After the bomb.</p></body></html>');
    const small = Buffer.from('<html><body><p>A small gzip page.</p></body></html>');
    const file = await warcFile('bomb.warc.gz', [
      { url: 'https://news.example/bomb', payload: bomb, gzip: true },
      { url: 'https://news.example/small', payload: zlib.gzipSync(small), gzip: true },
      { url: 'https://news.example/after', payload: page, gzip: false },
    ]);
    const base = process.memoryUsage().arrayBuffers;
    const got: SourceRecord[] = await all(warcRecords(file, ctx(MiB)));
    const grown = process.memoryUsage().arrayBuffers - base;
    expect(got.map((r) => [r.url, r.error?.kind ?? Buffer.from(r.bytes!).toString()])).toEqual([
      ['https://news.example/bomb', 'too-large'],
      ['https://news.example/small', small.toString()],
      ['https://news.example/after', page.toString()],
    ]);
    expect(got[0]!.error!.message).toBe(`the payload unpacks to over ${MiB} bytes (--max-bytes): decoding stopped there`);
    // Unpacked whole, the payload would have taken 512 MiB.
    expect(grown).toBeLessThan(64 * MiB);
  });
});
