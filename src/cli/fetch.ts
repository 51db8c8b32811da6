/**
 * Fetching a page (`copydesk fetch`, `extract --fetch`): the only network
 * code of copydesk. A real user agent, one time limit for the whole fetch,
 * a size cap read as the body streams in, redirects followed by hand (so that
 * their number is capped and only http(s) is followed), connections to public
 * addresses only unless `allowPrivateNetwork` (checked on the address each
 * socket is opened to, for the first URL and every redirect: see
 * `network.ts`), and the response's Content-Type kept so that its charset
 * decodes the page. Every failure is an error record, never a throw.
 */

import type { Dispatcher, Response } from 'undici';
import { isHtmlType } from './sources/warc.js';
import type { RecordError, SourceRecord } from './sources/types.js';
import { messageOf } from './sources/types.js';

/** How to fetch. */
export interface FetchOptions {
  userAgent: string;
  timeoutMs: number;
  maxBytes: number;
  maxRedirects: number;
  /** Connect to loopback, private, link-local and other non-public addresses too (`--allow-private-network`). */
  allowPrivateNetwork: boolean;
  /** The undici dispatcher to fetch with, instead of the one `allowPrivateNetwork` picks (tests). */
  dispatcher?: Dispatcher;
}

/** undici and the address guard (`network.ts`), loaded on the first fetch: a run that fetches nothing does not pay for loading them. */
interface Network {
  fetch: typeof import('undici').fetch;
  guard: typeof import('./network.js');
}
let network: Promise<Network> | null = null;
function loadNetwork(): Promise<Network> {
  network ??= Promise.all([import('undici'), import('./network.js')]).then(([undici, guard]) => ({ fetch: undici.fetch, guard }));
  return network;
}

/** One dispatcher (connection pool) for each setting, shared by every fetch of a run. */
const dispatchers = new Map<boolean, Dispatcher>();

function dispatcherFor(allowPrivateNetwork: boolean, { guard }: Network): Dispatcher {
  let dispatcher = dispatchers.get(allowPrivateNetwork);
  if (dispatcher === undefined) {
    dispatcher = guard.fetchDispatcher(allowPrivateNetwork);
    dispatchers.set(allowPrivateNetwork, dispatcher);
  }
  return dispatcher;
}

/**
 * The default User-Agent: the form browsers and well-behaved crawlers use,
 * naming copydesk and where to read about it, so that sites can tell what
 * fetched them.
 */
export function defaultUserAgent(version: string): string {
  return `Mozilla/5.0 (compatible; copydesk/${version}; +https://www.npmjs.com/package/copydesk)`;
}

/** What is asked for: HTML first, anything else accepted (and then refused as not-html, with a clear error). */
const ACCEPT = 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.5';

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/** A fetched page. */
export interface Fetched {
  /** The URL after redirects. */
  url: string;
  bytes: Uint8Array;
  contentType: string | null;
}

const failure = (kind: string, message: string): { error: RecordError } => ({ error: { kind, message } });

/** The network error's own reason ("ECONNREFUSED"), which fetch hides in `cause`. */
function networkReason(e: unknown): string {
  const cause = (e as { cause?: unknown }).cause;
  const code = (cause as NodeJS.ErrnoException | undefined)?.code;
  const text = cause instanceof Error ? cause.message : messageOf(e);
  return code && !text.includes(code) ? `${code}: ${text}` : text;
}

/** Reads a response body up to `maxBytes`; null when it is larger (the rest is not downloaded). */
async function readCapped(response: Response, maxBytes: number): Promise<Uint8Array | null> {
  if (!response.body) return new Uint8Array(0);
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => {});
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, size);
}

/** Fetches `url`, following redirects; a page, or why there is none. */
export async function fetchPage(url: string, options: FetchOptions): Promise<Fetched | { error: RecordError }> {
  const net = await loadNetwork();
  const signal = AbortSignal.timeout(options.timeoutMs);
  let current = url;
  try {
    for (let redirects = 0; ; redirects++) {
      const response = await net.fetch(current, {
        redirect: 'manual',
        signal,
        dispatcher: options.dispatcher ?? dispatcherFor(options.allowPrivateNetwork, net),
        headers: { 'user-agent': options.userAgent, accept: ACCEPT },
      });
      if (REDIRECTS.has(response.status)) {
        await response.body?.cancel().catch(() => {});
        const location = response.headers.get('location');
        if (!location) return failure('http-status', `HTTP ${response.status} without a Location header at ${current}`);
        if (redirects >= options.maxRedirects) return failure('fetch-failed', `more than ${options.maxRedirects} redirects (--max-redirects)`);
        const next = new URL(location, current);
        if (next.protocol !== 'http:' && next.protocol !== 'https:') return failure('fetch-failed', `redirect to a ${next.protocol} URL refused`);
        current = next.href;
        continue;
      }
      if (response.status < 200 || response.status > 299) {
        await response.body?.cancel().catch(() => {});
        return failure('http-status', `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`);
      }
      const contentType = response.headers.get('content-type');
      if (!isHtmlType(contentType)) {
        await response.body?.cancel().catch(() => {});
        return failure('not-html', `the response is ${contentType}, not HTML`);
      }
      const length = Number(response.headers.get('content-length') ?? NaN);
      if (length > options.maxBytes) {
        await response.body?.cancel().catch(() => {});
        return failure('too-large', `the response has ${length} bytes, over --max-bytes ${options.maxBytes}`);
      }
      const bytes = await readCapped(response, options.maxBytes);
      if (bytes === null) return failure('too-large', `the response is over --max-bytes ${options.maxBytes} bytes`);
      return { url: current, bytes, contentType };
    }
  } catch (e) {
    if (signal.aborted) return failure('fetch-timeout', `no complete response within ${options.timeoutMs / 1000} s (--timeout)`);
    const blocked = net.guard.blockedAddressOf(e);
    if (blocked !== null) return failure('blocked-address', `${blocked.message}${current === url ? '' : ` (redirected to ${current})`}`);
    return failure('fetch-failed', networkReason(e));
  }
}

/**
 * A URL record made a page record: fetched, with the final URL as the page's
 * URL (its id stays the URL asked for, so that `--resume` finds it again).
 */
export async function fetchRecord(record: SourceRecord, options: FetchOptions): Promise<SourceRecord> {
  if (!record.fetch || record.url === null) return record;
  const result = await fetchPage(record.url, options);
  if ('error' in result) return { id: record.id, url: record.url, error: result.error };
  return { id: record.id, url: result.url, bytes: result.bytes, contentType: result.contentType };
}
