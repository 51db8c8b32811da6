/**
 * WARC input (WARC 1.0/1.1, plain or gzip, as crawlers write them), read with
 * warcio. A page is a `response` record whose HTTP status is 2xx and whose
 * Content-Type is HTML (or absent), or a `resource` record of HTML. The id is
 * the WARC-Record-ID, the URL the WARC-Target-URI, and the HTTP Content-Type
 * header (its charset) decodes the payload, after chunked transfer encoding
 * and content encoding are undone. Other records are skipped and counted.
 */

import { WARCParser, type WARCRecord } from 'warcio';
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

/** The page a record holds, or the reason to skip it. */
function classify(record: WARCRecord): { contentType: string | null } | { skip: keyof typeof WARC_SKIPS } {
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

/** The records of a WARC file (`-`: standard input). */
export async function* warcRecords(path: string, ctx: SourceContext): AsyncGenerator<SourceRecord> {
  let n = 0;
  let lastId: string | null = null;
  try {
    for await (const record of new WARCParser(rawBytes(path, ctx.advance))) {
      n++;
      const what = classify(record);
      if ('skip' in what) {
        ctx.skip(WARC_SKIPS[what.skip]);
        continue;
      }
      const id = record.warcHeader('WARC-Record-ID') ?? `${path}#${n}`;
      lastId = id;
      const url = record.warcTargetURI ?? null;
      const contentType = what.contentType ?? ctx.contentType;
      if (record.warcContentLength > ctx.maxBytes) {
        yield { id, url, error: { kind: 'too-large', message: `the record has ${record.warcContentLength} bytes, over --max-bytes ${ctx.maxBytes}` } };
        continue;
      }
      let bytes: Uint8Array;
      try {
        bytes = await record.readFully(true);
      } catch (e) {
        yield { id, url, error: { kind: 'bad-record', message: `cannot decode the payload: ${messageOf(e)}` } };
        continue;
      }
      if (bytes.length > ctx.maxBytes) {
        yield { id, url, error: { kind: 'too-large', message: `the payload unpacks to ${bytes.length} bytes, over --max-bytes ${ctx.maxBytes}` } };
        continue;
      }
      yield { id, url, bytes, contentType };
    }
  } catch (e) {
    // A corrupt or truncated file: the records after the break cannot be found.
    const where = lastId ? ` after record ${lastId}` : '';
    yield { id: `${path}#${n}`, url: null, error: { kind: 'read-failed', message: `cannot read ${path === '-' ? 'standard input' : path}${where}: ${messageOf(e)}` } };
  }
}
