/**
 * JSONL input: one page per line, as `{"id": ..., "url": ..., "html": ...}`
 * (field names configurable, dotted paths reach into objects). The lines are
 * split here as bytes and parsed by the workers (`src/node/jsonl.ts`): the
 * main thread does not decode or parse them, except to learn their ids when
 * `--resume` must skip some.
 */

import { parseJsonlLine } from '../../node/jsonl.js';
import { byteLines, isBlankLine, maybeGunzipStream, rawBytes } from './streams.js';
import type { SourceContext, SourceRecord } from './types.js';
import { messageOf } from './types.js';

const decoder = new TextDecoder('utf-8');

/**
 * The id and URL of a raw line, as the worker will find them: what `--resume`
 * compares, and what an error line written on the main thread (a timeout)
 * carries.
 */
export function idOfLine(
  raw: Uint8Array,
  lineNo: number,
  label: string,
  ctx: Pick<SourceContext, 'names' | 'maxBytes' | 'contentType'>,
): Pick<SourceRecord, 'id' | 'url'> {
  const record = parseJsonlLine(decoder.decode(raw), lineNo, label, ctx.names, ctx);
  return record ? { id: record.id, url: record.url } : { id: `${label}:${lineNo}`, url: null };
}

/**
 * How many times `--max-bytes` a JSONL line may hold. The page is a JSON
 * string in the line: escaping can make it up to six times longer (`\u0001`
 * for one byte; `\u0416`, three times two bytes of Cyrillic, is what an
 * ASCII-only writer such as Python's json.dumps makes of most text), and the
 * line holds other fields too. A longer line cannot hold a page within
 * `--max-bytes`: it is skipped as it streams past, never held whole.
 */
export const JSONL_LINE_FACTOR = 6;
/** Bytes a JSONL line may hold beyond {@link JSONL_LINE_FACTOR} x `--max-bytes`, for its id, URL and other fields. */
export const JSONL_LINE_SLACK = 64 * 1024;

/** The longest JSONL line read for a given `--max-bytes`. */
export function maxJsonlLineBytes(maxBytes: number): number {
  return JSONL_LINE_FACTOR * maxBytes + JSONL_LINE_SLACK;
}

/** The records of a JSONL file (`-`: standard input), gzip or not. */
export async function* jsonlRecords(path: string, ctx: SourceContext): AsyncGenerator<SourceRecord> {
  let lineNo = 0;
  const maxLine = maxJsonlLineBytes(ctx.maxBytes);
  try {
    for await (const raw of byteLines(maybeGunzipStream(rawBytes(path, ctx.advance)), maxLine)) {
      lineNo++;
      if ('overlong' in raw) {
        const message = `line ${lineNo} has ${raw.bytes} bytes, over the ${maxLine} a line may hold (${JSONL_LINE_FACTOR} x --max-bytes ${ctx.maxBytes} + ${JSONL_LINE_SLACK}): skipped unread`;
        yield { id: `${path}:${lineNo}`, url: null, error: { kind: 'too-large', message } };
        continue;
      }
      if (isBlankLine(raw)) continue;
      const { id, url } = ctx.needIds ? idOfLine(raw, lineNo, path, ctx) : { id: `${path}:${lineNo}`, url: null };
      yield { id, url, jsonl: { raw, lineNo, label: path } };
    }
  } catch (e) {
    // An unreadable file or a corrupt gzip stream: the rest of this input is lost, the run goes on.
    const label = path === '-' ? 'standard input' : path;
    yield {
      id: lineNo === 0 ? path : `${path}:${lineNo + 1}`,
      url: null,
      error: { kind: 'read-failed', message: `cannot read ${label}${lineNo ? ` after line ${lineNo}` : ''}: ${messageOf(e)}` },
    };
  }
}
