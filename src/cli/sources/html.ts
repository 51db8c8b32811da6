/** HTML input: one page per file (gzip or not), or standard input as one page. */

import { readFile, stat } from 'node:fs/promises';
import { maybeGunzip, reasonOf, TooLargeError } from '../input.js';
import type { SourceContext, SourceRecord } from './types.js';

/** The page of one HTML file (`-`: standard input); its id is the path as given. */
export async function* htmlRecords(path: string, ctx: SourceContext): AsyncGenerator<SourceRecord> {
  const id = path;
  let raw: Uint8Array;
  try {
    if (path === '-') {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) {
        const buf = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
        ctx.advance(buf.length);
        chunks.push(buf);
      }
      raw = Buffer.concat(chunks);
    } else {
      // A gzip file may be small and unpack large, so only plain files are refused unread.
      const { size } = await stat(path);
      if (size > ctx.maxBytes && !/\.gz$/i.test(path)) {
        ctx.advance(size);
        yield { id, url: null, error: { kind: 'too-large', message: `the file has ${size} bytes, over --max-bytes ${ctx.maxBytes}` } };
        return;
      }
      raw = await readFile(path);
      ctx.advance(raw.length);
    }
  } catch (e) {
    yield { id, url: null, error: { kind: 'read-failed', message: `cannot read ${path === '-' ? 'standard input' : path}: ${reasonOf(e)}` } };
    return;
  }
  let bytes: Uint8Array;
  try {
    bytes = await maybeGunzip(raw, ctx.maxBytes);
  } catch (e) {
    const kind = e instanceof TooLargeError ? 'too-large' : 'read-failed';
    yield { id, url: null, error: { kind, message: e instanceof TooLargeError ? e.message : `cannot read ${path}: ${reasonOf(e)}` } };
    return;
  }
  yield { id, url: null, bytes, contentType: ctx.contentType };
}
