/**
 * Command-line arguments of `copydesk`, parsed into a command. Pure: no I/O,
 * so every rule here is testable without spawning a process. Rules that need
 * the file system (is a path one page or many?) are applied in `plan.ts`.
 */

/** Output formats of a single page (`--format`). */
export const FORMATS = ['json', 'text', 'markdown', 'html'] as const;
export type Format = (typeof FORMATS)[number];

/** Input kinds (`--input`); without `--input`, a file's extension decides (see `inputKindOf`). */
export const INPUTS = ['html', 'jsonl', 'warc'] as const;
export type InputKind = (typeof INPUTS)[number];

/** Second engines `--fallback` accepts. */
export const FALLBACKS = ['readability'] as const;
export type FallbackName = (typeof FALLBACKS)[number];

/** Output kinds of a batch (`--output`). */
export const OUTPUTS = ['jsonl'] as const;
export type OutputKind = (typeof OUTPUTS)[number];

import { parseArgs as nodeParseArgs } from 'node:util';
import type { JsonlNames } from '../node/jsonl.js';

export type { JsonlNames };

/** How `copydesk fetch` and `--fetch` fetch pages. */
export interface FetchSettings {
  /** The User-Agent header; null for copydesk's default. */
  userAgent: string | null;
  /** Milliseconds for one whole fetch (connection, redirects and body). */
  timeoutMs: number;
  /** Redirects followed before giving up. */
  maxRedirects: number;
  /** Fetches in flight at once. */
  jobs: number;
  /** `--allow-private-network`: connect to non-public addresses too (refused by default). */
  allowPrivateNetwork: boolean;
}

/** What `copydesk extract` or `copydesk fetch` is asked to do. */
export interface RunCommand {
  kind: 'extract' | 'fetch';
  /** extract: files, folders, globs, or `-` for standard input; fetch: URLs. */
  paths: string[];
  /** `extract --fetch`: the paths hold lists of URLs to fetch, one a line. */
  fetchLists: boolean;
  /** `--input`, or null to go by each file's extension. */
  input: InputKind | null;
  /** `--output`, or null (one page: `--format`; several: jsonl). */
  output: OutputKind | null;
  /** `--format`, or null (json). */
  format: Format | null;
  /** `-o`: the file written, or null for standard output. */
  outputFile: string | null;
  /** `--output-dir`: a batch writes one file per page there, in `format`; null for JSONL only. */
  outputDir: string | null;
  /** `--with-metadata`: text and Markdown begin with a header of headline, byline, date, place and source. */
  withMetadata: boolean;
  /** `--fields`: the Article fields written, or null for all. */
  fields: string[] | null;
  /** `--url`: the URL of a single page. */
  url: string | null;
  /** `--content-type`: the Content-Type of pages that come without one. */
  contentType: string | null;
  names: JsonlNames;
  /** `--jobs`: worker threads, or null for one per core. */
  jobs: number | null;
  /** false with `--unordered`: results as completed. */
  ordered: boolean;
  /** `--resume`: skip the ids already in the output file. */
  resume: boolean;
  /** `--progress` / `--no-progress`, or null for "on an interactive terminal outside CI". */
  progress: boolean | null;
  /** `--quiet`: no summary. */
  quiet: boolean;
  /** `--fallback`: the second engine for pages copydesk doubts, or null (off). */
  fallback: FallbackName | null;
  /** `--time-budget` in milliseconds (`Infinity` for none), or null for the library's default (`timeBudgetMs`). */
  timeBudgetMs: number | null;
  /** `--page-timeout` in milliseconds (0: none). */
  pageTimeoutMs: number;
  /** `--max-bytes`: pages larger than this are errors. */
  maxBytes: number;
  fetch: FetchSettings;
}

/** What the command line asks for. */
export type Command = { kind: 'help' } | { kind: 'version' } | RunCommand;

/** A command line that cannot be run; `exitCode` is always 2. */
export class UsageError extends Error {
  override name = 'UsageError';
  /** Whether the whole help text should follow the message (no command given). */
  readonly showHelp: boolean;
  constructor(message: string, showHelp = false) {
    super(message);
    this.showHelp = showHelp;
  }
}

/** Defaults, named so that the help text quotes the same numbers. */
export const DEFAULTS = {
  pageTimeoutSeconds: 60,
  maxBytes: 10 * 1024 * 1024,
  fetchTimeoutSeconds: 30,
  maxRedirects: 10,
  fetchJobs: 8,
  names: { id: 'id', url: 'url', html: 'html', contentType: 'contentType' } as JsonlNames,
} as const;

const COMMANDS = ['extract', 'fetch'] as const;

type Key =
  | 'format'
  | 'output'
  | 'outputFile'
  | 'input'
  | 'url'
  | 'contentType'
  | 'fields'
  | 'idField'
  | 'urlField'
  | 'htmlField'
  | 'contentTypeField'
  | 'jobs'
  | 'unordered'
  | 'resume'
  | 'progress'
  | 'noProgress'
  | 'quiet'
  | 'fallback'
  | 'pageTimeout'
  | 'maxBytes'
  | 'fetch'
  | 'userAgent'
  | 'timeout'
  | 'maxRedirects'
  | 'fetchJobs'
  | 'outputDir'
  | 'withMetadata'
  | 'allowPrivateNetwork'
  | 'timeBudget';

/** Every option, by every spelling: its key and whether it is a flag (takes no value). */
const OPTIONS: Record<string, { key: Key; flag?: true }> = {
  '--format': { key: 'format' },
  '-f': { key: 'format' },
  '--output': { key: 'output' },
  '-o': { key: 'outputFile' },
  '--output-file': { key: 'outputFile' },
  '--output-dir': { key: 'outputDir' },
  '--with-metadata': { key: 'withMetadata', flag: true },
  '--input': { key: 'input' },
  '-i': { key: 'input' },
  '--url': { key: 'url' },
  '--content-type': { key: 'contentType' },
  '--fields': { key: 'fields' },
  '--id-field': { key: 'idField' },
  '--url-field': { key: 'urlField' },
  '--html-field': { key: 'htmlField' },
  '--content-type-field': { key: 'contentTypeField' },
  '--jobs': { key: 'jobs' },
  '-j': { key: 'jobs' },
  '--unordered': { key: 'unordered', flag: true },
  '--resume': { key: 'resume', flag: true },
  '--progress': { key: 'progress', flag: true },
  '--no-progress': { key: 'noProgress', flag: true },
  '--quiet': { key: 'quiet', flag: true },
  '-q': { key: 'quiet', flag: true },
  '--fallback': { key: 'fallback' },
  '--page-timeout': { key: 'pageTimeout' },
  '--time-budget': { key: 'timeBudget' },
  '--max-bytes': { key: 'maxBytes' },
  '--fetch': { key: 'fetch', flag: true },
  '--user-agent': { key: 'userAgent' },
  '--timeout': { key: 'timeout' },
  '--max-redirects': { key: 'maxRedirects' },
  '--fetch-jobs': { key: 'fetchJobs' },
  '--allow-private-network': { key: 'allowPrivateNetwork', flag: true },
};

function oneOf<T extends string>(list: readonly T[], value: string, what: string): T {
  if ((list as readonly string[]).includes(value)) return value as T;
  const guess = closest(value, list);
  throw new UsageError(`unknown ${what} ${JSON.stringify(value)} (${guess === null ? '' : `did you mean ${guess}? `}${what}s: ${list.join(', ')})`);
}

function integer(value: string, name: string, min: number, max: number): number {
  const n = /^\d+$/.test(value.trim()) ? Number(value) : NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max) throw new UsageError(`${name} needs a whole number from ${min} to ${max}, got ${JSON.stringify(value)}`);
  return n;
}

/** Seconds (decimals allowed) to milliseconds; 0 is allowed where `zeroOk`. */
function seconds(value: string, name: string, zeroOk: boolean): number {
  const n = /^\d+(\.\d+)?$/.test(value.trim()) ? Number(value) : NaN;
  if (!Number.isFinite(n) || (!zeroOk && n === 0) || n > 86_400) {
    throw new UsageError(`${name} needs a number of seconds${zeroOk ? ' (0 for none)' : ''}, got ${JSON.stringify(value)}`);
  }
  return Math.round(n * 1000);
}

/** `--time-budget`: seconds, 0 for none (`Infinity`); null when not given. */
export function timeBudget(value: string | undefined): number | null {
  if (value === undefined) return null;
  const ms = seconds(value, '--time-budget', true);
  return ms === 0 ? Infinity : ms;
}

const SIZE_UNITS: Record<string, number> = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 };

/** A byte count: `500000`, `512k`, `10M`, `1G` (binary units; a trailing `B`/`iB` is allowed). */
export function parseSize(value: string, name = '--max-bytes'): number {
  const m = /^(\d+(?:\.\d+)?)\s*([kmg]?)(?:i?b)?$/i.exec(value.trim());
  const n = m ? Math.round(Number(m[1]) * SIZE_UNITS[m[2]!.toLowerCase()]!) : NaN;
  if (!Number.isSafeInteger(n) || n < 1) throw new UsageError(`${name} needs a size like 500000, 512k or 10M, got ${JSON.stringify(value)}`);
  return n;
}

function isHttpUrl(s: string): boolean {
  try {
    const u = new URL(s);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
}

function isAbsoluteUrl(s: string): boolean {
  try {
    new URL(s);
    return true;
  } catch {
    return false;
  }
}

/** The field list of `--fields`: comma-separated, blanks dropped, duplicates once. */
function fieldList(value: string): string[] {
  const fields = [
    ...new Set(
      value
        .split(',')
        .map((f) => f.trim())
        .filter((f) => f !== ''),
    ),
  ];
  if (fields.length === 0) throw new UsageError('--fields needs at least one field name (like headline,body.text)');
  return fields;
}

function fieldName(value: string, name: string): string {
  const v = value.trim();
  if (v === '' || v.split('.').some((part) => part === ''))
    throw new UsageError(`${name} needs a field name (dots reach into objects: meta.url), got ${JSON.stringify(value)}`);
  return v;
}

/** `node:util`'s option table, made from {@link OPTIONS}: every spelling, by its name without dashes. */
const PARSE_OPTIONS: Record<string, { type: 'string' | 'boolean' }> = Object.fromEntries([
  ...Object.entries(OPTIONS).map(([spelling, spec]) => [spelling.replace(/^--?/, ''), { type: spec.flag ? 'boolean' : 'string' }] as const),
  ...['h', 'help', 'v', 'V', 'version'].map((name) => [name, { type: 'boolean' }] as const),
]);

/** The long spellings, for suggestions. */
const LONG_NAMES: readonly string[] = [...Object.keys(OPTIONS).filter((s) => s.startsWith('--')), '--help', '--version'];

/** Edit distance between two short strings (insertions, deletions, substitutions, and swaps of neighbours). */
function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}

/**
 * The known word closest to a mistyped one, when it is close enough to be
 * what was meant (a third of its letters wrong at most, or the start of
 * exactly one known word); null otherwise.
 */
export function closest(word: string, known: readonly string[]): string | null {
  const starting = known.filter((k) => word.length >= 3 && k.startsWith(word));
  if (starting.length === 1) return starting[0]!;
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const k of known) {
    const distance = editDistance(word.toLowerCase(), k.toLowerCase());
    if (distance < bestDistance) [best, bestDistance] = [k, distance];
  }
  return best !== null && bestDistance <= Math.max(1, Math.floor(best.length / 3)) ? best : null;
}

function didYouMean(word: string, known: readonly string[]): string {
  const guess = closest(word, known);
  return guess === null ? '' : ` (did you mean ${guess}?)`;
}

/** The spelling of an option as typed: `--name` or `-n`. */
const spelled = (name: string): string => (name.length === 1 ? `-${name}` : `--${name}`);

/**
 * Splits `argv` into positionals, option values and flags, on `node:util`'s
 * parseArgs (tokens, not its strict mode: the checks below name the option
 * and suggest the one meant).
 */
function scan(argv: readonly string[]) {
  const { tokens } = nodeParseArgs({ args: [...argv], options: PARSE_OPTIONS, strict: false, allowPositionals: true, tokens: true });
  const positionals: string[] = [];
  const values: Partial<Record<Key, string>> = {};
  let help = false;
  let version = false;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.kind === 'positional') positionals.push(token.value);
    if (token.kind !== 'option') continue;
    const name = token.rawName;
    if (name === '-h' || name === '--help') help = true;
    else if (name === '-v' || name === '-V' || name === '--version') version = true;
    if (help || version) continue;
    // Own keys only: "--__proto__" must be an unknown option, not Object.prototype.
    const spec = Object.hasOwn(OPTIONS, name) ? OPTIONS[name] : undefined;
    if (spec === undefined) {
      throw new UsageError(`unknown option ${JSON.stringify(spelled(token.name))}${didYouMean(spelled(token.name), LONG_NAMES)}`);
    }
    let value: string;
    if (spec.flag) {
      if (token.inlineValue) throw new UsageError(`${name} takes no value`);
      value = 'true';
    } else if (token.value === undefined) {
      throw new UsageError(`${name} needs a value`);
    } else {
      value = token.value;
    }
    if (values[spec.key] !== undefined) throw new UsageError(`${name} given twice`);
    values[spec.key] = value;
  }
  return { positionals, values, help, version };
}

/**
 * Parses `argv` (without the node and script paths). `--help` and `--version`
 * win over everything else; otherwise the first positional argument is the
 * command. Throws a {@link UsageError} for anything it cannot run.
 */
export function parseArgs(argv: readonly string[]): Command {
  const { positionals, values: v, help, version } = scan(argv);
  if (help) return { kind: 'help' };
  if (version) return { kind: 'version' };

  const [command, ...paths] = positionals;
  if (command === undefined) throw new UsageError('no command given', true);
  const kind = oneOf(COMMANDS, command, 'command');

  if (paths.some((p) => p === '')) throw new UsageError(`${kind} got an empty name`);
  if (kind === 'extract' && paths.length === 0) throw new UsageError('extract needs a FILE, a folder, a glob, or - for standard input');
  if (kind === 'fetch') {
    if (paths.length === 0) throw new UsageError('fetch needs a URL (http or https)');
    const bad = paths.find((p) => !isHttpUrl(p));
    if (bad !== undefined) throw new UsageError(`fetch needs http or https URLs, got ${JSON.stringify(bad)}`);
    if (v.fetch !== undefined) throw new UsageError('--fetch belongs to extract (copydesk extract --fetch urls.txt); fetch takes URLs');
    if (v.input !== undefined) throw new UsageError('--input belongs to extract; fetch takes URLs');
  }
  if (paths.filter((p) => p === '-').length > 1) throw new UsageError('standard input (-) can be read once');

  const url = v.url ?? null;
  if (url !== null && !isAbsoluteUrl(url)) {
    throw new UsageError(`--url needs an absolute URL (like https://example.com/news/1), got ${JSON.stringify(url)}`);
  }
  const contentType = v.contentType ?? null;
  if (contentType !== null && contentType.trim() === '') throw new UsageError('--content-type needs a value');
  const fetchLists = v.fetch !== undefined;
  const input = v.input === undefined ? null : oneOf(INPUTS, v.input, 'input');
  if (fetchLists && input !== null) throw new UsageError('--fetch reads lists of URLs; it cannot be combined with --input');
  const format = v.format === undefined ? null : oneOf(FORMATS, v.format, 'format');
  const output = v.output === undefined ? null : oneOf(OUTPUTS, v.output, 'output');
  const fields = v.fields === undefined ? null : fieldList(v.fields);
  if (fields !== null && format !== null && format !== 'json') {
    throw new UsageError(`--fields chooses what JSON holds; --format ${format} prints one field already`);
  }
  const outputFile = v.outputFile ?? null;
  if (outputFile === '') throw new UsageError('-o needs a file name');
  const outputDir = v.outputDir ?? null;
  if (outputDir === '') throw new UsageError('--output-dir needs a folder name');
  if (outputDir !== null && output !== null) throw new UsageError('--output-dir writes one file per page; --output jsonl writes one stream');
  const withMetadata = v.withMetadata !== undefined;
  if (withMetadata && format !== 'text' && format !== 'markdown') {
    throw new UsageError(
      `--with-metadata adds a header to --format text or markdown${format === null || format === 'json' ? ' (JSON holds the metadata already)' : ''}`,
    );
  }
  const resume = v.resume !== undefined;
  if (resume && outputFile === null) throw new UsageError('--resume needs the output file to resume: -o FILE');
  if (v.progress !== undefined && v.noProgress !== undefined) throw new UsageError('--progress and --no-progress contradict each other');

  return {
    kind,
    paths,
    fetchLists,
    input,
    output,
    format,
    outputFile,
    outputDir,
    withMetadata,
    fields,
    url,
    contentType,
    names: {
      id: v.idField === undefined ? DEFAULTS.names.id : fieldName(v.idField, '--id-field'),
      url: v.urlField === undefined ? DEFAULTS.names.url : fieldName(v.urlField, '--url-field'),
      html: v.htmlField === undefined ? DEFAULTS.names.html : fieldName(v.htmlField, '--html-field'),
      contentType: v.contentTypeField === undefined ? DEFAULTS.names.contentType : fieldName(v.contentTypeField, '--content-type-field'),
    },
    jobs: v.jobs === undefined ? null : integer(v.jobs, '--jobs', 1, 1024),
    ordered: v.unordered === undefined,
    resume,
    progress: v.progress !== undefined ? true : v.noProgress !== undefined ? false : null,
    quiet: v.quiet !== undefined,
    fallback: v.fallback === undefined ? null : oneOf(FALLBACKS, v.fallback, 'fallback'),
    pageTimeoutMs: seconds(v.pageTimeout ?? String(DEFAULTS.pageTimeoutSeconds), '--page-timeout', true),
    timeBudgetMs: timeBudget(v.timeBudget),
    maxBytes: v.maxBytes === undefined ? DEFAULTS.maxBytes : parseSize(v.maxBytes),
    fetch: {
      userAgent: v.userAgent === undefined ? null : v.userAgent.trim() || null,
      timeoutMs: seconds(v.timeout ?? String(DEFAULTS.fetchTimeoutSeconds), '--timeout', false),
      maxRedirects: v.maxRedirects === undefined ? DEFAULTS.maxRedirects : integer(v.maxRedirects, '--max-redirects', 0, 100),
      jobs: v.fetchJobs === undefined ? DEFAULTS.fetchJobs : integer(v.fetchJobs, '--fetch-jobs', 1, 256),
      allowPrivateNetwork: v.allowPrivateNetwork !== undefined,
    },
  };
}

/** The input kind a file's name implies: `.warc[.gz]` warc, `.jsonl`/`.ndjson[.gz]` jsonl, else html. */
export function inputKindOf(path: string): InputKind {
  const name = path.toLowerCase().replace(/\.gz$/, '');
  if (name.endsWith('.warc')) return 'warc';
  if (name.endsWith('.jsonl') || name.endsWith('.ndjson')) return 'jsonl';
  return 'html';
}
