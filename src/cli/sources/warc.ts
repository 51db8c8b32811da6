/**
 * WARC input (WARC 1.0/1.1, plain or gzip, as crawlers write them), read with
 * warcio. A page is a `response` record whose HTTP status is 2xx and whose
 * Content-Type is HTML (or absent), or a `resource` record of HTML. The id is
 * the WARC-Record-ID, the URL the WARC-Target-URI, and the HTTP Content-Type
 * header (its charset) decodes the payload, after chunked transfer encoding
 * and content encoding are undone (with `--max-bytes` applied as the bytes
 * come: a gzip bomb is stopped at the cap). Other records are skipped and
 * counted.
 */

import type { WARCRecord } from 'warcio';
import { rawBytes } from './streams.js';
import type { SourceContext, SourceRecord } from './types.js';
import { messageOf } from './types.js';

/** Content-Types that are pages; a missing Content-Type counts as a page too. */
const HTML_TYPES = ['text/html', 'application/xhtml+xml'];

/** Why a WARC record was skipped, as counted in the summary. */
export const WARC_SKIPS = {
  type: 'WARC records that are not responses',
  status: 'WARC responses that are not 2xx',
  notHtml: 'WARC responses that are not HTML',
} as const;

/** Whether a Content-Type names an HTML page (or is absent). */
export function isHtmlType(contentType: string | null | undefined): boolean {
  if (!contentType || contentType.trim() === '') return true;
  const mime = contentType.split(';', 1)[0]!.trim().toLowerCase();
  return HTML_TYPES.includes(mime);
}

/**
 * Headers WARC 1.0 and 1.1 require of every record. A record that lacks one
 * is a header block cut short (a file that ends inside a record's headers
 * still parses, as a record with fewer headers and no content) or a broken
 * file: either way the records after it cannot be trusted.
 */
const MANDATORY_HEADERS = ['WARC-Record-ID', 'Content-Length', 'WARC-Date', 'WARC-Type'] as const;

/** The first mandatory WARC header a record lacks, or null. */
export function missingHeader(record: Pick<WARCRecord, 'warcHeader'>): string | null {
  for (const name of MANDATORY_HEADERS) if (record.warcHeader(name) == null) return name;
  return null;
}

/** The page a record holds, or the reason to skip it. */
export function classify(record: WARCRecord): { contentType: string | null } | { skip: keyof typeof WARC_SKIPS } {
  const type = record.warcType;
  if (type === 'resource') {
    const ct = record.warcContentType ?? null;
    return isHtmlType(ct) ? { contentType: ct } : { skip: 'notHtml' };
  }
  if (type !== 'response') return { skip: 'type' };
  const http = record.httpHeaders;
  if (!http) return { skip: 'notHtml' }; // a response that is not HTTP (dns:, ftp:)
  const status = Number(http.statusCode);
  if (!(status >= 200 && status < 300)) return { skip: 'status' };
  const ct = (http.headers as Headers).get('content-type');
  return isHtmlType(ct) ? { contentType: ct } : { skip: 'notHtml' };
}

/**
 * The raw (still chunked or compressed) payload of a record, or of its rest
 * when `keep` is false (drained, to skip it), and whether the file ended
 * before the record did. Every record is read through here: warcio's own
 * skipping loops forever on a record cut short at the end of a file.
 */
async function rawPayload(
  record: WARCRecord,
  keep: boolean,
  LimitReader: typeof import('warcio').LimitReader,
): Promise<{ raw: Uint8Array | null; cut: boolean }> {
  const limited = record._reader;
  if (!(limited instanceof LimitReader)) return { raw: keep ? await record.readFully(false) : null, cut: false };
  let raw: Uint8Array | null = null;
  if (keep) raw = await record.readFully(false);
  else
    for await (const _ of limited) {
      /* drained */
    }
  return { raw, cut: limited.limit > 0 };
}

/**
 * The compressed payload goes to the decoder in pieces this small: deflate
 * expands a piece at most about 1,000 times, so the cap is checked at least
 * every few MB of output, however well the payload compresses.
 */
const DECODE_PIECE_BYTES = 4096;

function* pieces(raw: Uint8Array): Generator<Uint8Array> {
  for (let at = 0; at < raw.length; at += DECODE_PIECE_BYTES) yield raw.subarray(at, at + DECODE_PIECE_BYTES);
}

/**
 * The payload of a record with chunked transfer encoding and content encoding
 * undone, as warcio's `readFully(true)` does it (the same reader, set up the
 * same way), but stopped as soon as it grows past `maxBytes`: then null. A
 * gzip bomb costs at most `maxBytes` plus a few MB, never its unpacked size.
 */
async function decodedPayload(
  record: WARCRecord,
  raw: Uint8Array,
  maxBytes: number,
  AsyncIterReader: typeof import('warcio').AsyncIterReader,
): Promise<Uint8Array | null> {
  if (!record.httpHeaders) return raw.length > maxBytes ? null : raw;
  const headers = record.httpHeaders.headers as Headers;
  let encoding = headers.get('Content-Encoding');
  const transfer = headers.get('Transfer-Encoding');
  const chunked = transfer === 'chunked';
  if (!encoding && !chunked) encoding = transfer;
  const reader = new AsyncIterReader(pieces(raw), encoding, chunked);
  const parts: Uint8Array[] = [];
  let size = 0;
  for await (const part of reader) {
    size += part.length;
    if (size > maxBytes) return null;
    parts.push(part);
  }
  return Buffer.concat(parts, size);
}

/** The records of a WARC file (`-`: standard input). */
export async function* warcRecords(path: string, ctx: SourceContext): AsyncGenerator<SourceRecord> {
  const label = path === '-' ? 'standard input' : path;
  let n = 0;
  let lastId: string | null = null;
  const cutShort = (id: string): SourceRecord => ({
    id,
    url: null,
    error: { kind: 'read-failed', message: `${label} ends inside record ${id}: the file is cut short` },
  });
  // Loaded on first use: warcio takes longer to load than a single page takes to extract.
  const { AsyncIterReader, LimitReader, WARCParser } = await import('../../vendor/warcio.js');
  let fed = 0;
  const parser = new WARCParser(
    rawBytes(path, (bytes) => {
      fed += bytes;
      ctx.advance(bytes);
    }),
  );
  try {
    for await (const record of parser) {
      n++;
      const id = record.warcHeader('WARC-Record-ID') ?? `${path}#${n}`;
      // A file that does not begin with a WARC version line is no WARC file at all (not one cut short).
      if (n === 1 && !/^WARC\/\d/.test(record.warcHeaders.protocol ?? '')) {
        yield {
          id: path,
          url: null,
          error: {
            kind: 'read-failed',
            message: `${label} is not a WARC file (it does not begin with "WARC/1.0" or "WARC/1.1"); leave out --input warc for HTML, JSONL or a list`,
          },
        };
        return;
      }
      const missing = missingHeader(record);
      if (missing) {
        // Cut inside its header block (or its content) when nothing follows; broken otherwise.
        // Its content is drained first: warcio's own skipping loops forever on a record cut short.
        const { cut } = await rawPayload(record, false, LimitReader);
        if (cut) {
          yield cutShort(id);
          return;
        }
        const next = await parser.parse().catch(() => null);
        yield next === null
          ? { id, url: null, error: { kind: 'read-failed', message: `${label} ends inside the headers of record ${id}: the file is cut short` } }
          : { id, url: null, error: { kind: 'read-failed', message: `cannot read ${label}: record ${id} has no ${missing} header` } };
        return;
      }
      const what = classify(record);
      const tooLarge = !('skip' in what) && record.warcContentLength > ctx.maxBytes;
      const { raw, cut } = await rawPayload(record, !('skip' in what) && !tooLarge, LimitReader);
      if (cut) {
        yield cutShort(id);
        return;
      }
      if ('skip' in what) {
        ctx.skip(WARC_SKIPS[what.skip]);
        continue;
      }
      lastId = id;
      const url = record.warcTargetURI ?? null;
      // Read now, while the parser stands at the end of this record.
      const at = path === '-' ? undefined : { file: path, offset: parser.offset, length: parser.recordLength };
      if (tooLarge || raw === null) {
        yield { id, url, error: { kind: 'too-large', message: `the record has ${record.warcContentLength} bytes, over --max-bytes ${ctx.maxBytes}` } };
        continue;
      }
      let bytes: Uint8Array | null;
      try {
        bytes = await decodedPayload(record, raw, ctx.maxBytes, AsyncIterReader);
      } catch (e) {
        yield { id, url, error: { kind: 'bad-record', message: `cannot decode the payload: ${messageOf(e)}` } };
        continue;
      }
      if (bytes === null) {
        yield { id, url, error: { kind: 'too-large', message: `the payload unpacks to over ${ctx.maxBytes} bytes (--max-bytes): decoding stopped there` } };
        continue;
      }
      yield { id, url, bytes, contentType: what.contentType ?? ctx.contentType, ...(at && { at }) };
    }
    // A gzip member cut short yields nothing at all: only the offset of the
    // last whole member, short of the bytes read, tells that data was lost.
    const whole = parser._reader.getRawOffset();
    if (whole < fed) {
      yield {
        id: `${path}#${n + 1}`,
        url: null,
        error: { kind: 'read-failed', message: `${label} ends with ${fed - whole} bytes that are not a whole record: the file is cut short` },
      };
    }
  } catch (e) {
    // A corrupt file: the records after the break cannot be found.
    const where = lastId ? ` after record ${lastId}` : '';
    yield { id: `${path}#${n}`, url: null, error: { kind: 'read-failed', message: `cannot read ${label}${where}: ${messageOf(e)}` } };
  }
}
