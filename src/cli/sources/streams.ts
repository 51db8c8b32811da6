/**
 * Byte streams of files and standard input, counted as they are read (for
 * the progress bar) and gunzipped when they are gzip.
 */

import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import zlib from 'node:zlib';
import { isGzip } from '../input.js';

/** The raw bytes of `path` (`-`: standard input), each chunk reported to `advance`. */
export async function* rawBytes(path: string, advance: (n: number) => void): AsyncGenerator<Buffer> {
  const stream = path === '-' ? process.stdin : createReadStream(path, { highWaterMark: 256 * 1024 });
  for await (const chunk of stream) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    advance(buf.length);
    yield buf;
  }
}

/**
 * `chunks`, gunzipped when the first bytes are the gzip magic number
 * (multi-member gzip files included). A corrupt stream throws where it breaks.
 */
export async function* maybeGunzipStream(chunks: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  const it = chunks[Symbol.asyncIterator]();
  let first = await it.next();
  // The magic number needs two bytes; a first chunk of one byte is joined to the next.
  while (!first.done && first.value.length < 2) {
    const next = await it.next();
    if (next.done) break;
    first = { done: false, value: Buffer.concat([first.value, next.value]) };
  }
  if (first.done) return;
  const head = first.value;
  async function* rest() {
    yield head;
    for (let r = await it.next(); !r.done; r = await it.next()) yield r.value;
  }
  if (!isGzip(head)) {
    yield* rest();
    return;
  }
  const gunzip = zlib.createGunzip();
  Readable.from(rest())
    .on('error', (e) => gunzip.destroy(e))
    .pipe(gunzip);
  for await (const chunk of gunzip) yield chunk as Buffer;
}

/**
 * The lines of a byte stream as UTF-8 text, without their `\n` or `\r\n`.
 * A last line without a newline is still a line. A long line costs linear
 * time: its pieces are joined once, when its end is found.
 */
export async function* lines(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8');
  const stripCr = (line: string) => (line.endsWith('\r') ? line.slice(0, -1) : line);
  let parts: string[] = [];
  for await (const chunk of chunks) {
    const text = decoder.decode(chunk, { stream: true });
    let start = 0;
    for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', start)) {
      parts.push(text.slice(start, nl));
      yield stripCr(parts.join(''));
      parts = [];
      start = nl + 1;
    }
    if (start < text.length) parts.push(text.slice(start));
  }
  parts.push(decoder.decode());
  const last = parts.join('');
  if (last !== '') yield stripCr(last);
}

const isBlankByte = (b: number) => b === 0x20 || b === 0x09 || b === 0x0d;

/** Whether a line holds nothing but ASCII blanks. */
export function isBlankLine(line: Uint8Array): boolean {
  for (let i = 0; i < line.length; i++) if (!isBlankByte(line[i]!)) return false;
  return true;
}

/** A line longer than the limit of {@link byteLines}: counted, never held. */
export interface OverlongLine {
  overlong: true;
  /** Its length in bytes (without the newline). */
  bytes: number;
}

/**
 * The lines of a byte stream as bytes, without their `\n` or `\r\n`,
 * undecoded (a line is decoded where it is parsed: in a worker). Each line is
 * a buffer of its own, safe to move to another thread. A last line without a
 * newline is still a line. A line longer than `maxLineBytes` is not gathered:
 * its bytes are counted and dropped as they come, and it is yielded as an
 * {@link OverlongLine}, so one huge line costs no more memory than a chunk.
 */
export function byteLines(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array>;
export function byteLines(chunks: AsyncIterable<Uint8Array>, maxLineBytes: number): AsyncGenerator<Uint8Array | OverlongLine>;
export async function* byteLines(chunks: AsyncIterable<Uint8Array>, maxLineBytes = Infinity): AsyncGenerator<Uint8Array | OverlongLine> {
  let parts: Uint8Array[] = [];
  let partsLength = 0;
  /** Bytes of the current line once it is over the limit (its parts are dropped); -1 while it is not. */
  let overlong = -1;
  const take = (tail: Uint8Array): Uint8Array | OverlongLine => {
    if (overlong >= 0 || partsLength + tail.length > maxLineBytes) {
      const bytes = (overlong >= 0 ? overlong : partsLength) + tail.length;
      parts = [];
      partsLength = 0;
      overlong = -1;
      return { overlong: true, bytes };
    }
    const line = new Uint8Array(partsLength + tail.length);
    let at = 0;
    for (const p of parts) {
      line.set(p, at);
      at += p.length;
    }
    line.set(tail, at);
    parts = [];
    partsLength = 0;
    return line.length > 0 && line[line.length - 1] === 0x0d ? line.subarray(0, line.length - 1) : line;
  };
  for await (const chunk of chunks) {
    let start = 0;
    for (let nl = chunk.indexOf(0x0a); nl >= 0; nl = chunk.indexOf(0x0a, start)) {
      yield take(chunk.subarray(start, nl));
      start = nl + 1;
    }
    if (start < chunk.length) {
      const rest = chunk.length - start;
      if (overlong >= 0) overlong += rest;
      else if (partsLength + rest > maxLineBytes) {
        overlong = partsLength + rest; // over the limit: what was gathered goes
        parts = [];
        partsLength = 0;
      } else {
        // A copy: the stream may reuse its chunk's memory.
        parts.push(chunk.slice(start));
        partsLength += rest;
      }
    }
  }
  if (partsLength > 0 || overlong >= 0) yield take(new Uint8Array(0));
}
