/**
 * JSONL input: one page per line, as `{"id": ..., "url": ..., "html": ...}`
 * (the field names are configurable, dotted paths reach into objects). A line
 * that cannot be used becomes a `bad-record` (or `too-large`) error record
 * with the line's id, or `FILE:LINE` when it has none; the run goes on.
 */

import type { JsonlNames } from '../args.js';
import { lines, maybeGunzipStream, rawBytes } from './streams.js';
import type { SourceContext, SourceRecord } from './types.js';
import { messageOf } from './types.js';
import type { PageId } from '../../node/types.js';

/** The value at a dotted path (`meta.url`) of a parsed line, or undefined. */
export function valueAt(record: unknown, path: string): unknown {
  let value = record;
  for (const key of path.split('.')) {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
    if (!Object.prototype.hasOwnProperty.call(value, key)) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

const isId = (v: unknown): v is PageId => (typeof v === 'string' && v !== '') || (typeof v === 'number' && Number.isFinite(v));

/**
 * The record of one JSONL line (`lineNo` from 1), or null for a blank line.
 * `label` names the input in fallback ids (`pages.jsonl:12`, `-:12`).
 */
export function parseJsonlLine(line: string, lineNo: number, label: string, names: JsonlNames, ctx: Pick<SourceContext, 'maxBytes' | 'contentType'>): SourceRecord | null {
  if (line.trim() === '') return null;
  const fallback = `${label}:${lineNo}`;
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch (e) {
    return { id: fallback, url: null, error: { kind: 'bad-record', message: `line ${lineNo} is not JSON: ${messageOf(e)}` } };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return { id: fallback, url: null, error: { kind: 'bad-record', message: `line ${lineNo} is not a JSON object` } };
  }
  const rawId = valueAt(parsed, names.id);
  const id = isId(rawId) ? rawId : fallback;
  const rawUrl = valueAt(parsed, names.url);
  const url = typeof rawUrl === 'string' && rawUrl.trim() !== '' ? rawUrl.trim() : null;
  const fail = (kind: string, message: string): SourceRecord => ({ id, url, error: { kind, message } });
  if (rawId !== undefined && rawId !== null && !isId(rawId)) {
    return fail('bad-record', `line ${lineNo}: "${names.id}" must be a non-empty string or a number`);
  }
  const html = valueAt(parsed, names.html);
  if (typeof html !== 'string') {
    return fail('bad-record', html === undefined || html === null ? `line ${lineNo} has no "${names.html}" field` : `line ${lineNo}: "${names.html}" must be a string`);
  }
  // The UTF-16 length is at most the UTF-8 byte count: count bytes only when it could be over.
  if (html.length > ctx.maxBytes / 3 && Buffer.byteLength(html) > ctx.maxBytes) {
    return fail('too-large', `the page has over ${ctx.maxBytes} bytes (--max-bytes)`);
  }
  const rawType = valueAt(parsed, names.contentType);
  const contentType = typeof rawType === 'string' && rawType.trim() !== '' ? rawType : ctx.contentType;
  return { id, url, html, contentType };
}

/** The records of a JSONL file (`-`: standard input), gzip or not. */
export async function* jsonlRecords(path: string, ctx: SourceContext): AsyncGenerator<SourceRecord> {
  let lineNo = 0;
  try {
    for await (const line of lines(maybeGunzipStream(rawBytes(path, ctx.advance)))) {
      lineNo++;
      const record = parseJsonlLine(line, lineNo, path, ctx.names, ctx);
      if (record) yield record;
    }
  } catch (e) {
    // An unreadable file or a corrupt gzip stream: the rest of this input is lost, the run goes on.
    yield { id: lineNo === 0 ? path : `${path}:${lineNo + 1}`, url: null, error: { kind: 'read-failed', message: `cannot read ${path === '-' ? 'standard input' : path}${lineNo ? ` after line ${lineNo}` : ''}: ${messageOf(e)}` } };
  }
}
