// The `copydesk` command line, run as a user runs it: `node dist/cli.js`
// (`npm test` builds first through `pretest`). These tests check the CLI's
// behaviour and the shape of its output, not the quality of the extraction.

import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Article } from '../src/index.js';
import { runNode } from './helpers/node-run.js';

const CLI = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
const PAGE = fileURLToPath(new URL('./data/article.html', import.meta.url));
const PAGE_1252 = fileURLToPath(new URL('./data/article-windows-1252.html', import.meta.url));
const PKG = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the CLI in a child process without blocking this worker's event loop
 * (spawnSync would hold it for the whole run), so that independent runs can
 * overlap and vitest's worker stays responsive on a busy machine.
 */
function run(args: string[], input?: string | Buffer): Promise<Run> {
  return runNode([CLI, ...args], { input, timeout: 60_000 });
}

/** `copydesk extract PAGE` with the default format, run once and shared by the tests that compare against it. */
let defaultRun: Promise<Run> | undefined;
const runDefault = (): Promise<Run> => (defaultRun ??= run(['extract', PAGE]));

const ARTICLE_KEYS = [
  'authors',
  'body',
  'boilerplate',
  'byline',
  'captions',
  'confidence',
  'dateline',
  'dek',
  'engine',
  'headline',
  'images',
  'input',
  'language',
  'leadImage',
  'section',
  'source',
  'tags',
];

/** Asserts that `json` is an Article in shape, and returns it. */
function expectArticle(json: string): Article {
  const a = JSON.parse(json) as Article;
  expect(Object.keys(a).sort()).toEqual(ARTICLE_KEYS);
  expect(Object.keys(a.body).sort()).toEqual(['html', 'markdown', 'text']);
  expect(Object.keys(a.dateline).sort()).toEqual(['modified', 'place', 'published', 'text']);
  expect(Object.keys(a.source).sort()).toEqual(['agency', 'canonicalUrl', 'publisher', 'sourceUrl']);
  for (const k of ['html', 'text', 'markdown'] as const) expect(typeof a.body[k]).toBe('string');
  for (const k of ['authors', 'captions', 'images', 'tags', 'boilerplate'] as const) expect(Array.isArray(a[k])).toBe(true);
  for (const k of ['headline', 'dek', 'byline', 'leadImage', 'language', 'section'] as const) {
    expect(a[k] === null || typeof a[k] === 'string').toBe(true);
  }
  return a;
}

/** What the text formats print for a string: empty stays empty, else one final newline. */
const asLine = (s: string) => (s === '' ? '' : s.endsWith('\n') ? s : `${s}\n`);

/** Asserts a failure: exit status, nothing on stdout, one line on stderr. */
function expectFailure(r: Run, status: number, pattern: RegExp): void {
  expect(r.status).toBe(status);
  expect(r.stdout).toBe('');
  expect(r.stderr).toMatch(/^copydesk: [^\n]+\n$/);
  expect(r.stderr).toMatch(pattern);
}

beforeAll(() => {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build\` first (\`npm test\` does)`);
});

describe('copydesk --help / --version', () => {
  it('prints the help on --help and -h, exit 0', async () => {
    for (const flag of ['--help', '-h']) {
      const r = await run([flag]);
      expect(r.status).toBe(0);
      expect(r.stdout).toMatch(/^copydesk \d+\.\d+\.\d+/);
      expect(r.stdout).toContain('usage:');
      expect(r.stdout).toContain('copydesk extract FILE|-');
      expect(r.stdout).toContain('copydesk fetch URL...');
      expect(r.stdout).toContain('--format');
      expect(r.stderr).toBe('');
    }
  });

  it('prints the help for `extract --help`, exit 0', async () => {
    const r = await run(['extract', '--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('usage:');
  });

  it('prints the package version on --version and -v, exit 0', async () => {
    for (const flag of ['--version', '-v']) {
      const r = await run([flag]);
      expect(r.status).toBe(0);
      expect(r.stdout).toBe(`${PKG.version}\n`);
    }
  });

  it('prints the help on stderr and exits 2 without a command', async () => {
    const r = await run([]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('usage:');
  });
});

describe('copydesk extract', () => {
  it('prints the Article as JSON with a 2-space indent by default', async () => {
    const r = await runDefault();
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^\{\n {2}"headline": /);
    expect(r.stdout.endsWith('}\n')).toBe(true);
    expectArticle(r.stdout);
  });

  it('prints the same JSON with --format json', async () => {
    expect((await run(['extract', PAGE, '--format', 'json'])).stdout).toBe((await runDefault()).stdout);
  });

  it('prints body.text with --format text (also -f text and --format=text)', async () => {
    const a = expectArticle((await runDefault()).stdout);
    for (const args of [['--format', 'text'], ['-f', 'text'], ['--format=text']]) {
      const r = await run(['extract', PAGE, ...args]);
      expect(r.status).toBe(0);
      expect(r.stdout).toBe(asLine(a.body.text));
    }
  });

  it('prints body.html with --format html', async () => {
    const a = expectArticle((await runDefault()).stdout);
    const r = await run(['extract', PAGE, '--format', 'html']);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(asLine(a.body.html));
  });

  it('prints "# headline" and body.markdown with --format markdown', async () => {
    const a = expectArticle((await runDefault()).stdout);
    const r = await run(['extract', PAGE, '--format', 'markdown']);
    expect(r.status).toBe(0);
    if (a.headline) {
      expect(r.stdout.startsWith(`# ${a.headline}\n`)).toBe(true);
      expect(r.stdout).toContain(a.body.markdown.trim());
    } else {
      expect(r.stdout).toBe(asLine(a.body.markdown));
    }
  });

  it('reads the page from standard input with -', async () => {
    const bytes = readFileSync(PAGE);
    // The time budget lifted: a first call in a cold process on a busy machine can reach it, and then
    // the two runs would keep different amounts of the page.
    const fromStdin = await run(['extract', '-', '--time-budget', '0'], bytes);
    expect(fromStdin.status).toBe(0);
    expect(fromStdin.stdout).toBe((await run(['extract', PAGE, '--time-budget', '0'])).stdout);
    const text = await run(['extract', '-', '--format', 'text', '--url', 'https://ledger.example/news/1'], bytes);
    expect(text.status).toBe(0);
  });

  it('writes the empty Article for an empty standard input, and exits 3 with one line saying why', async () => {
    const r = await run(['extract', '-'], '');
    expect(r.status).toBe(3);
    expectArticle(r.stdout);
    expect(r.stderr).toBe('copydesk: no article in standard input: the input is empty\n');
  });

  it('accepts --url and --content-type', async () => {
    const r = await run(['extract', PAGE, '--url', 'https://ledger.example/news/2024/05/19/port-alder-sea-wall', '--content-type', 'text/html; charset=utf-8']);
    expect(r.status).toBe(0);
    expectArticle(r.stdout);
    expect((await run(['extract', '--url=https://ledger.example/x', PAGE])).status).toBe(0);
  });

  it('passes non-UTF-8 pages through as bytes without failing', async () => {
    const r = await run(['extract', PAGE_1252]);
    expect(r.status).toBe(0);
    expectArticle(r.stdout);
  });

  it('runs the Readability fallback with --fallback readability', async () => {
    const r = await run(['extract', PAGE, '--fallback', 'readability', '--url', 'https://example.com/news/1']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const a = expectArticle(r.stdout);
    expect(['copydesk', 'readability']).toContain(a.engine);
    expect(a.confidence).toBeGreaterThanOrEqual(0);
    expect(a.confidence).toBeLessThanOrEqual(1);
  });

  it('takes a file named like an option after --', async () => {
    expectFailure(await run(['extract', '--', '--no-such-file.html']), 2, /cannot read --no-such-file\.html: no such file/);
  });
});

describe('copydesk errors', () => {
  it('exits 2 with one line for a missing file', async () => {
    expectFailure(await run(['extract', 'tests/data/no-such-page.html']), 2, /cannot read .*no-such-page\.html: no such file/);
  });

  it('exits 2 with one line for a glob that matches nothing', async () => {
    expectFailure(await run(['extract', 'tests/data/*.no-such-extension']), 2, /no files match tests\/data\/\*\.no-such-extension/);
  });

  it('exits 2 with one line for an output file that cannot be written', async () => {
    expectFailure(await run(['extract', PAGE, PAGE, '-o', 'tests/no-such-dir/out.jsonl']), 2, /cannot write tests\/no-such-dir\/out\.jsonl: no such file/);
  });

  it('exits 2 with one line for an unknown option', async () => {
    expectFailure(await run(['extract', PAGE, '--frobnicate']), 2, /unknown option "--frobnicate"/);
    expectFailure(await run(['--frobnicate']), 2, /unknown option/);
  });

  it('exits 2 with one line for an unknown command', async () => {
    expectFailure(await run(['parse', PAGE]), 2, /unknown command "parse"/);
  });

  it('exits 2 with one line for an unknown format', async () => {
    expectFailure(await run(['extract', PAGE, '--format', 'pdf']), 2, /unknown format "pdf"/);
  });

  it('exits 2 when extract has no file', async () => {
    expectFailure(await run(['extract']), 2, /extract needs a FILE/);
  });

  it('exits 2 for options that do not fit the mode', async () => {
    expectFailure(await run(['extract', PAGE, PAGE, '--format', 'text']), 2, /--format prints a single page/);
    expectFailure(await run(['extract', PAGE, PAGE, '--url', 'https://x.example/a']), 2, /--url is for a single page/);
    expectFailure(await run(['extract', PAGE, '--resume']), 2, /--resume needs the output file/);
    expectFailure(await run(['extract', PAGE, '--resume', '-o', 'x.json']), 2, /--resume works on a batch/);
    expectFailure(await run(['extract', PAGE, '--fields', 'headline,nonsense']), 2, /unknown field "nonsense" in --fields/);
    expectFailure(await run(['extract', PAGE, '--format', 'text', '--fields', 'headline']), 2, /--fields chooses what JSON holds/);
    expectFailure(await run(['fetch', 'ftp://x.example/a']), 2, /fetch needs http or https URLs/);
  });

  it('exits 2 when an option lacks its value', async () => {
    expectFailure(await run(['extract', PAGE, '--url']), 2, /--url needs a value/);
    expectFailure(await run(['extract', PAGE, '--format']), 2, /--format needs a value/);
  });

  it('exits 2 for a relative --url', async () => {
    expectFailure(await run(['extract', PAGE, '--url', 'news/1']), 2, /absolute URL/);
  });
});
