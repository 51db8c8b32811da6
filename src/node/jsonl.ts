/**
 * One JSONL line to a page record (internal, pure). Shared by the CLI's JSONL
 * reader and the worker, which parses the lines itself so that the main
 * thread only splits bytes: on a 2-core machine every millisecond the main
 * thread spends is taken from the workers.
 */
import type { PageId } from './types.js';

/** The JSONL field names of a page's id, URL, HTML and Content-Type; dotted paths reach into objects. */
export interface JsonlNames {
  id: string;
  url: string;
  html: string;
  contentType: string;
}

/** A JSONL line made a page (`html`) or a failure (`error`). */
export interface JsonlRecord {
  id: PageId;
  url: string | null;
  html?: string;
  contentType?: string | null;
  error?: { kind: string; message: string };
}

/** What a line is read with besides the names. */
export interface JsonlLimits {
  /** Pages larger than this (UTF-8 bytes) are `too-large`. */
  maxBytes: number;
  /** The Content-Type of pages without one, or null. */
  contentType: string | null;
}

/** The value at a dotted path (`meta.url`) of a parsed line, or undefined. */
export function valueAt(record: unknown, path: string): unknown {
  let value = record;
  for (const key of path.split('.')) {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
    if (!Object.hasOwn(value, key)) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

const isId = (v: unknown): v is PageId => (typeof v === 'string' && v !== '') || (typeof v === 'number' && Number.isFinite(v));

function messageOf(e: unknown): string {
  const text = e instanceof Error ? e.message : String(e);
  return text.split('\n', 1)[0]!.slice(0, 500);
}

/** UTF-8 bytes of a string, counted without encoding it. */
function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/**
 * The record of one JSONL line (`lineNo` from 1), or null for a blank line.
 * `label` names the input in fallback ids (`pages.jsonl:12`, `-:12`). A line
 * that cannot be used becomes a `bad-record` (or `too-large`) failure with the
 * line's id when it has one, else `LABEL:LINE`. Never throws.
 */
export function parseJsonlLine(line: string, lineNo: number, label: string, names: JsonlNames, limits: JsonlLimits): JsonlRecord | null {
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
  const fail = (kind: string, message: string): JsonlRecord => ({ id, url, error: { kind, message } });
  if (rawId !== undefined && rawId !== null && !isId(rawId)) {
    return fail('bad-record', `line ${lineNo}: "${names.id}" must be a non-empty string or a number`);
  }
  const html = valueAt(parsed, names.html);
  if (typeof html !== 'string') {
    return fail(
      'bad-record',
      html === undefined || html === null ? `line ${lineNo} has no "${names.html}" field` : `line ${lineNo}: "${names.html}" must be a string`,
    );
  }
  // The UTF-16 length is at most the UTF-8 byte count: count bytes only when it could be over.
  if (html.length > limits.maxBytes / 3 && utf8Length(html) > limits.maxBytes) {
    return fail('too-large', `the page has over ${limits.maxBytes} bytes (--max-bytes)`);
  }
  const rawType = valueAt(parsed, names.contentType);
  const contentType = typeof rawType === 'string' && rawType.trim() !== '' ? rawType : limits.contentType;
  return { id, url, html, contentType };
}
