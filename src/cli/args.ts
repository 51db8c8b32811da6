/**
 * Command-line arguments of `copydesk`, parsed into a command. Pure: no I/O,
 * so every rule here is testable without spawning a process.
 */

/** Output formats of `copydesk extract`. */
export const FORMATS = ['json', 'text', 'markdown', 'html'] as const;
export type Format = (typeof FORMATS)[number];

/** What the command line asks for. */
export type Command =
  | { kind: 'help' }
  | { kind: 'version' }
  | {
      kind: 'extract';
      /** A file path, or `-` for standard input. */
      file: string;
      format: Format;
      /** The page URL given with --url, or null. */
      url: string | null;
      /** The Content-Type given with --content-type, or null. */
      contentType: string | null;
    };

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

const COMMANDS = ['extract'] as const;

const isFormat = (s: string): s is Format => (FORMATS as readonly string[]).includes(s);

/** Options that take a value, by every spelling, mapped to their long name. */
const VALUE_OPTIONS: Record<string, 'format' | 'url' | 'content-type'> = {
  '--format': 'format',
  '-f': 'format',
  '--url': 'url',
  '--content-type': 'content-type',
};

/**
 * Parses `argv` (without the node and script paths). `--help` and `--version`
 * win over everything else; otherwise the first positional argument is the
 * command. Throws a {@link UsageError} for anything it cannot run.
 */
export function parseArgs(argv: readonly string[]): Command {
  const positionals: string[] = [];
  const values: { format?: string; url?: string; 'content-type'?: string } = {};
  let help = false;
  let version = false;
  let optionsEnded = false;

  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (optionsEnded || arg === '-' || !arg.startsWith('-')) {
      positionals.push(arg);
      continue;
    }
    if (arg === '--') {
      optionsEnded = true;
      continue;
    }
    if (arg === '-h' || arg === '--help') {
      help = true;
      continue;
    }
    if (arg === '-v' || arg === '-V' || arg === '--version') {
      version = true;
      continue;
    }
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    const key = Object.prototype.hasOwnProperty.call(VALUE_OPTIONS, name) ? VALUE_OPTIONS[name] : undefined;
    if (key === undefined) throw new UsageError(`unknown option ${JSON.stringify(name)}`);
    let value: string | undefined;
    if (eq > 0) value = arg.slice(eq + 1);
    else {
      value = argv[++i];
      if (value === undefined) throw new UsageError(`${name} needs a value`);
    }
    if (values[key] !== undefined) throw new UsageError(`${name} given twice`);
    values[key] = value;
  }

  if (help) return { kind: 'help' };
  if (version) return { kind: 'version' };

  const [command, ...rest] = positionals;
  if (command === undefined) throw new UsageError('no command given', true);
  if (!(COMMANDS as readonly string[]).includes(command)) {
    throw new UsageError(`unknown command ${JSON.stringify(command)} (commands: ${COMMANDS.join(', ')})`);
  }

  if (rest.length === 0) throw new UsageError('extract needs a FILE (or - for standard input)');
  if (rest.length > 1) throw new UsageError(`extract takes one FILE, got ${rest.length}`);
  const file = rest[0] as string;
  if (file === '') throw new UsageError('extract needs a FILE (or - for standard input), got an empty name');

  const format = values.format ?? 'json';
  if (!isFormat(format)) {
    throw new UsageError(`unknown format ${JSON.stringify(format)} (formats: ${FORMATS.join(', ')})`);
  }

  const url = values.url ?? null;
  if (url !== null && !isAbsoluteUrl(url)) {
    throw new UsageError(`--url needs an absolute URL (like https://example.com/news/1), got ${JSON.stringify(url)}`);
  }

  const contentType = values['content-type'] ?? null;
  if (contentType !== null && contentType.trim() === '') throw new UsageError('--content-type needs a value');

  return { kind: 'extract', file, format, url, contentType };
}

function isAbsoluteUrl(s: string): boolean {
  try {
    new URL(s);
    return true;
  } catch {
    return false;
  }
}
