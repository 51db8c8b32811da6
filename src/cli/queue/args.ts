/**
 * Arguments of `copydesk queue add|work|results|status`, parsed with
 * `node:util`'s parseArgs into a command. Pure: no I/O.
 */

import { parseArgs } from 'node:util';
import { DEFAULTS, FALLBACKS, parseSize, timeBudget, UsageError, type FallbackName } from '../args.js';
import type { SourceKind } from '../plan.js';
import { QUEUE_NAME } from './keys.js';
import type { JsonlNames } from '../../node/jsonl.js';

export const QUEUE_INPUTS = ['html', 'jsonl', 'warc', 'urls'] as const;
export const PAYLOADS = ['reference', 'inline'] as const;

/** Where Redis is when `--redis` is not given: `$COPYDESK_REDIS`, else the local default. */
export const DEFAULT_REDIS = 'redis://127.0.0.1:6379';

interface Common {
  redis: string;
  queue: string;
}

export interface QueueAdd extends Common {
  action: 'add';
  sources: string[];
  input: SourceKind | null;
  payload: (typeof PAYLOADS)[number];
  maxBytes: number;
  contentType: string | null;
  names: JsonlNames;
  attempts: number;
  backoffMs: number;
  quiet: boolean;
}

export interface QueueWork extends Common {
  action: 'work';
  jobs: number | null;
  concurrency: number | null;
  pageTimeoutMs: number;
  maxBytes: number;
  fields: string[] | null;
  fallback: FallbackName | null;
  /** `--time-budget` in milliseconds (`Infinity` for none), or null for the library's default. */
  timeBudgetMs: number | null;
  userAgent: string | null;
  fetchTimeoutMs: number;
  maxRedirects: number;
  /** `--allow-private-network`: URL jobs may connect to loopback and private addresses (refused by default, as in `copydesk fetch`). */
  allowPrivateNetwork: boolean;
  lockDurationMs: number;
  untilEmpty: boolean;
  quiet: boolean;
}

export interface QueueResults extends Common {
  action: 'results';
  /** The JSONL file, or null for standard output (`-o -`). */
  file: string | null;
  follow: boolean;
  /** `--trim`: delete results from Redis once they are synced to the file. */
  trim: boolean;
}

export interface QueueStatusCommand extends Common {
  action: 'status';
  json: boolean;
  watch: boolean;
  intervalMs: number;
}

export type QueueCommand = QueueAdd | QueueWork | QueueResults | QueueStatusCommand | { action: 'help' };

const ACTIONS = ['add', 'work', 'results', 'status'] as const;

const COMMON = {
  redis: { type: 'string' },
  queue: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

const OPTIONS = {
  add: {
    ...COMMON,
    input: { type: 'string', short: 'i' },
    payload: { type: 'string' },
    'max-bytes': { type: 'string' },
    'content-type': { type: 'string' },
    'id-field': { type: 'string' },
    'url-field': { type: 'string' },
    'html-field': { type: 'string' },
    'content-type-field': { type: 'string' },
    attempts: { type: 'string' },
    backoff: { type: 'string' },
    quiet: { type: 'boolean', short: 'q' },
  },
  work: {
    ...COMMON,
    jobs: { type: 'string', short: 'j' },
    concurrency: { type: 'string' },
    'page-timeout': { type: 'string' },
    'max-bytes': { type: 'string' },
    fields: { type: 'string' },
    fallback: { type: 'string' },
    'time-budget': { type: 'string' },
    'user-agent': { type: 'string' },
    timeout: { type: 'string' },
    'max-redirects': { type: 'string' },
    'lock-duration': { type: 'string' },
    'until-empty': { type: 'boolean' },
    'allow-private-network': { type: 'boolean' },
    quiet: { type: 'boolean', short: 'q' },
  },
  results: { ...COMMON, output: { type: 'string', short: 'o' }, follow: { type: 'boolean', short: 'f' }, trim: { type: 'boolean' } },
  status: { ...COMMON, json: { type: 'boolean' }, watch: { type: 'boolean', short: 'w' }, interval: { type: 'string' } },
} as const;

function oneOf<T extends string>(list: readonly T[], value: string, what: string): T {
  if ((list as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`unknown ${what} ${JSON.stringify(value)} (${what}s: ${list.join(', ')})`);
}

function integer(value: string | undefined, name: string, min: number, max: number, fallback: number): number {
  if (value === undefined) return fallback;
  const n = /^\d+$/.test(value.trim()) ? Number(value) : NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max) throw new UsageError(`${name} needs a whole number from ${min} to ${max}, got ${JSON.stringify(value)}`);
  return n;
}

/** Seconds (decimals allowed) to milliseconds. */
function seconds(value: string | undefined, name: string, fallback: number, zeroOk = false): number {
  if (value === undefined) return Math.round(fallback * 1000);
  const n = /^\d+(\.\d+)?$/.test(value.trim()) ? Number(value) : NaN;
  if (!Number.isFinite(n) || (!zeroOk && n === 0) || n > 86_400) throw new UsageError(`${name} needs a number of seconds, got ${JSON.stringify(value)}`);
  return Math.round(n * 1000);
}

function fieldName(value: string | undefined, name: string, fallback: string): string {
  if (value === undefined) return fallback;
  const v = value.trim();
  if (v === '' || v.split('.').some((p) => p === ''))
    throw new UsageError(`${name} needs a field name (dots reach into objects: meta.url), got ${JSON.stringify(value)}`);
  return v;
}

function redisUrl(value: string | undefined, env: NodeJS.ProcessEnv): string {
  const url = value ?? env.COPYDESK_REDIS ?? DEFAULT_REDIS;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new UsageError(`--redis needs a URL like redis://127.0.0.1:6379, got ${JSON.stringify(url)}`);
  }
  if (parsed.protocol !== 'redis:' && parsed.protocol !== 'rediss:')
    throw new UsageError(`--redis needs a redis:// or rediss:// URL, got ${JSON.stringify(url)}`);
  return url;
}

/**
 * Parses the arguments after `copydesk queue`. Throws a {@link UsageError}
 * for anything it cannot run.
 */
export function parseQueueArgs(argv: readonly string[], env: NodeJS.ProcessEnv = {}): QueueCommand {
  const [action, ...rest] = argv;
  if (action === undefined || action === '--help' || action === '-h' || action === 'help') return { action: 'help' };
  const kind = oneOf(ACTIONS, action, 'queue command');
  let parsed: { values: Record<string, unknown>; positionals: string[] };
  try {
    parsed = parseArgs({ args: [...rest], options: OPTIONS[kind], allowPositionals: kind === 'add', strict: true });
  } catch (e) {
    throw new UsageError(`queue ${kind}: ${e instanceof Error ? e.message : String(e)}`);
  }
  const v = parsed.values as Record<string, string | boolean | undefined>;
  const str = (name: string) => v[name] as string | undefined;
  if (v.help) return { action: 'help' };
  const queue = str('queue');
  if (queue === undefined) throw new UsageError(`queue ${kind} needs --queue NAME`);
  if (!QUEUE_NAME.test(queue)) throw new UsageError(`--queue needs a name of letters, digits, '.', '_' and '-' (no ':'), got ${JSON.stringify(queue)}`);
  const common = { redis: redisUrl(str('redis'), env), queue };

  switch (kind) {
    case 'add': {
      const sources = parsed.positionals;
      if (sources.length === 0) throw new UsageError('queue add needs a SOURCE: files, folders, globs, or - for standard input');
      if (sources.filter((s) => s === '-').length > 1) throw new UsageError('standard input (-) can be read once');
      const contentType = str('content-type') ?? null;
      if (contentType !== null && contentType.trim() === '') throw new UsageError('--content-type needs a value');
      const backoff = seconds(str('backoff'), '--backoff', 1, true);
      return {
        action: 'add',
        ...common,
        sources,
        input: str('input') === undefined ? null : oneOf(QUEUE_INPUTS, str('input')!, 'input'),
        payload: str('payload') === undefined ? 'reference' : oneOf(PAYLOADS, str('payload')!, 'payload'),
        maxBytes: str('max-bytes') === undefined ? DEFAULTS.maxBytes : parseSize(str('max-bytes')!),
        contentType,
        names: {
          id: fieldName(str('id-field'), '--id-field', DEFAULTS.names.id),
          url: fieldName(str('url-field'), '--url-field', DEFAULTS.names.url),
          html: fieldName(str('html-field'), '--html-field', DEFAULTS.names.html),
          contentType: fieldName(str('content-type-field'), '--content-type-field', DEFAULTS.names.contentType),
        },
        attempts: integer(str('attempts'), '--attempts', 1, 100, 5),
        backoffMs: backoff,
        quiet: v.quiet === true,
      };
    }
    case 'work': {
      const fields = str('fields');
      const fieldList =
        fields === undefined
          ? null
          : [
              ...new Set(
                fields
                  .split(',')
                  .map((f) => f.trim())
                  .filter(Boolean),
              ),
            ];
      if (fieldList !== null && fieldList.length === 0) throw new UsageError('--fields needs at least one field name (like headline,body.text)');
      return {
        action: 'work',
        ...common,
        jobs: str('jobs') === undefined ? null : integer(str('jobs'), '--jobs', 1, 1024, 1),
        concurrency: str('concurrency') === undefined ? null : integer(str('concurrency'), '--concurrency', 1, 10_000, 1),
        pageTimeoutMs: seconds(str('page-timeout'), '--page-timeout', DEFAULTS.pageTimeoutSeconds, true),
        maxBytes: str('max-bytes') === undefined ? DEFAULTS.maxBytes : parseSize(str('max-bytes')!),
        fields: fieldList,
        fallback: str('fallback') === undefined ? null : oneOf(FALLBACKS, str('fallback')!, 'fallback'),
        timeBudgetMs: timeBudget(str('time-budget')),
        userAgent: str('user-agent')?.trim() || null,
        fetchTimeoutMs: seconds(str('timeout'), '--timeout', DEFAULTS.fetchTimeoutSeconds),
        maxRedirects: integer(str('max-redirects'), '--max-redirects', 0, 100, DEFAULTS.maxRedirects),
        lockDurationMs: seconds(str('lock-duration'), '--lock-duration', 30),
        untilEmpty: v['until-empty'] === true,
        allowPrivateNetwork: v['allow-private-network'] === true,
        quiet: v.quiet === true,
      };
    }
    case 'results': {
      const output = str('output');
      if (output === undefined || output === '') throw new UsageError('queue results needs -o FILE (or -o - for standard output)');
      if (output === '-' && v.trim === true) throw new UsageError('--trim deletes results once they are on disk: it needs -o FILE, not standard output');
      return { action: 'results', ...common, file: output === '-' ? null : output, follow: v.follow === true, trim: v.trim === true };
    }
    case 'status':
      return { action: 'status', ...common, json: v.json === true, watch: v.watch === true, intervalMs: seconds(str('interval'), '--interval', 1, true) };
  }
}
