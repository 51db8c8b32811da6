/** URL lists for `extract --fetch`: one http(s) URL a line; blank lines and `#` comments are skipped. */

import { lines, maybeGunzipStream, rawBytes } from './streams.js';
import type { SourceContext, SourceRecord } from './types.js';
import { messageOf } from './types.js';

/** The record of one line of a URL list, or null for a blank line or a comment. */
export function parseUrlLine(line: string): SourceRecord | null {
  const text = line.trim();
  if (text === '' || text.startsWith('#')) return null;
  let url: URL | null = null;
  try {
    url = new URL(text);
  } catch {
    /* not a URL */
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    return { id: text, url: null, error: { kind: 'bad-record', message: `not an http or https URL: ${JSON.stringify(text.slice(0, 200))}` } };
  }
  return { id: text, url: text, fetch: true };
}

/** The records of a URL list file (`-`: standard input). */
export async function* urlRecords(path: string, ctx: SourceContext): AsyncGenerator<SourceRecord> {
  let lineNo = 0;
  try {
    for await (const line of lines(maybeGunzipStream(rawBytes(path, ctx.advance)))) {
      lineNo++;
      const record = parseUrlLine(line);
      if (record) yield record;
    }
  } catch (e) {
    yield {
      id: `${path}:${lineNo + 1}`,
      url: null,
      error: { kind: 'read-failed', message: `cannot read ${path === '-' ? 'standard input' : path}: ${messageOf(e)}` },
    };
  }
}

/** The records of URLs given as arguments (`copydesk fetch URL...`). */
export async function* argumentUrls(urls: readonly string[], ctx: SourceContext): AsyncGenerator<SourceRecord> {
  for (const url of urls) {
    ctx.advance(1);
    const record = parseUrlLine(url);
    if (record) yield record;
  }
}
