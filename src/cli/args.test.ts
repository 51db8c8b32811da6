// The command line's argument parser: options, defaults, errors, sizes.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { closest, inputKindOf, parseArgs, parseSize, UsageError } from './args.js';

describe('parseArgs', () => {
  it('parses an extract command with defaults', () => {
    expect(parseArgs(['extract', 'a.html'])).toMatchObject({
      kind: 'extract',
      paths: ['a.html'],
      format: null,
      output: null,
      input: null,
      url: null,
      contentType: null,
      fields: null,
      outputFile: null,
      jobs: null,
      ordered: true,
      resume: false,
      progress: null,
      quiet: false,
      fallback: null,
      fetchLists: false,
      pageTimeoutMs: 60_000,
      maxBytes: 10 * 1024 * 1024,
      names: { id: 'id', url: 'url', html: 'html', contentType: 'contentType' },
      fetch: { userAgent: null, timeoutMs: 30_000, maxRedirects: 10, jobs: 8, allowPrivateNetwork: false },
    });
  });

  it('takes options before or after the file, and - as a file', () => {
    expect(parseArgs(['--format', 'markdown', 'extract', '-', '--url=https://x.example/a'])).toMatchObject({
      kind: 'extract',
      paths: ['-'],
      format: 'markdown',
      url: 'https://x.example/a',
      contentType: null,
    });
  });

  it('parses the batch options', () => {
    expect(
      parseArgs([
        'extract',
        'a.jsonl',
        'b/',
        '-i',
        'jsonl',
        '--output',
        'jsonl',
        '-o',
        'out.jsonl',
        '--fields',
        'headline, body.text,headline',
        '--id-field',
        'doc.id',
        '--html-field=content',
        '-j',
        '3',
        '--unordered',
        '--resume',
        '--no-progress',
        '-q',
        '--page-timeout',
        '2.5',
        '--max-bytes',
        '512k',
      ]),
    ).toMatchObject({
      paths: ['a.jsonl', 'b/'],
      input: 'jsonl',
      output: 'jsonl',
      outputFile: 'out.jsonl',
      fields: ['headline', 'body.text'],
      names: { id: 'doc.id', url: 'url', html: 'content', contentType: 'contentType' },
      jobs: 3,
      ordered: false,
      resume: true,
      progress: false,
      quiet: true,
      pageTimeoutMs: 2500,
      maxBytes: 512 * 1024,
    });
    expect(parseArgs(['fetch', 'https://x.example/a', '--timeout', '5', '--max-redirects', '0', '--fetch-jobs', '2', '--user-agent', 'bot/1'])).toMatchObject({
      kind: 'fetch',
      paths: ['https://x.example/a'],
      fetch: { userAgent: 'bot/1', timeoutMs: 5000, maxRedirects: 0, jobs: 2 },
    });
    expect(parseArgs(['extract', '--fetch', 'urls.txt'])).toMatchObject({ fetchLists: true, paths: ['urls.txt'] });
    expect(parseArgs(['fetch', 'https://x.example/a', '--allow-private-network'])).toMatchObject({ fetch: { allowPrivateNetwork: true } });
    expect(() => parseArgs(['fetch', 'https://x.example/a', '--allow-private-network=yes'])).toThrow(/takes no value/);
  });

  it('lets --help and --version win over the rest', () => {
    expect(parseArgs(['extract', '--help'])).toEqual({ kind: 'help' });
    expect(parseArgs(['extract', 'a.html', '--version'])).toEqual({ kind: 'version' });
  });

  it('throws UsageError for bad command lines', () => {
    expect(() => parseArgs([])).toThrow(UsageError);
    expect(() => parseArgs(['extract', 'a.html', '--format', 'text', '--format', 'html'])).toThrow(/given twice/);
    expect(() => parseArgs(['extract', ''])).toThrow(/empty name/);
    expect(() => parseArgs(['extract', 'a', '--jobs', '0'])).toThrow(/--jobs needs a whole number from 1/);
    expect(() => parseArgs(['extract', 'a', '--jobs', '1.5'])).toThrow(/--jobs/);
    expect(() => parseArgs(['extract', 'a', '--max-bytes', '10X'])).toThrow(/--max-bytes needs a size/);
    expect(() => parseArgs(['extract', 'a', '--page-timeout', '-1'])).toThrow(/--page-timeout needs a number of seconds/);
    expect(() => parseArgs(['extract', 'a', '--input', 'pdf'])).toThrow(/unknown input "pdf"/);
    expect(() => parseArgs(['extract', 'a', '--output', 'csv'])).toThrow(/unknown output "csv"/);
    expect(() => parseArgs(['extract', 'a', '--resume=yes'])).toThrow(/takes no value/);
    expect(() => parseArgs(['extract', 'a', '--progress', '--no-progress'])).toThrow(/contradict/);
    expect(() => parseArgs(['extract', '-', '-'])).toThrow(/read once/);
    expect(() => parseArgs(['extract', 'a', '--fetch', '--input', 'html'])).toThrow(/--fetch/);
    expect(() => parseArgs(['extract', 'a', '--id-field', 'a..b'])).toThrow(/--id-field needs a field name/);
    expect(() => parseArgs(['fetch'])).toThrow(/fetch needs a URL/);
    expect(() => parseArgs(['extract', 'a.html', '--fallback', 'boilerpipe'])).toThrow(/unknown fallback "boilerpipe"/);
  });

  it('parses --fallback readability', () => {
    expect(parseArgs(['extract', 'a.html', '--fallback=readability'])).toMatchObject({ kind: 'extract', fallback: 'readability' });
  });

  it('reads sizes with binary units', () => {
    expect(parseSize('500000')).toBe(500000);
    expect(parseSize('512k')).toBe(512 * 1024);
    expect(parseSize('10M')).toBe(10 * 1024 * 1024);
    expect(parseSize('1GiB')).toBe(1024 ** 3);
    expect(parseSize('1.5m')).toBe(1.5 * 1024 * 1024);
    expect(() => parseSize('0')).toThrow(UsageError);
  });

  it('never throws anything but UsageError (property)', () => {
    const token = fc.oneof(
      fc.constantFrom(
        'extract',
        'fetch',
        '-',
        '--',
        '--format',
        'text',
        '--jobs',
        '2',
        '-o',
        '--resume',
        '--fields',
        '--input',
        'jsonl',
        '--url',
        'https://x.example/',
        '--max-bytes',
        '--fetch',
        '-j',
        '--timeout',
        '=',
        '--output',
      ),
      fc.string(),
    );
    fc.assert(
      fc.property(fc.array(token, { maxLength: 8 }), (argv) => {
        try {
          parseArgs(argv);
        } catch (e) {
          if (!(e instanceof UsageError)) throw e;
        }
      }),
    );
  });
});

describe('suggestions and input kinds', () => {
  const FLAGS = ['--format', '--fields', '--fallback', '--fetch', '--input', '--output'];

  it('suggests the known word a typo is closest to, or the one word a prefix starts', () => {
    expect(closest('--fromat', FLAGS)).toBe('--format');
    expect(closest('--inptu', FLAGS)).toBe('--input');
    expect(closest('--fal', FLAGS)).toBe('--fallback');
    expect(closest('--zzzzzz', FLAGS)).toBeNull();
  });

  it('names the unknown option and the one meant', () => {
    expect(() => parseArgs(['extract', 'a.html', '--fromat', 'text'])).toThrow(/--fromat.*did you mean --format/);
  });

  it('reads the input kind from the file name, gzip or not', () => {
    expect(inputKindOf('crawl/part-1.warc.gz')).toBe('warc');
    expect(inputKindOf('pages.JSONL')).toBe('jsonl');
    expect(inputKindOf('pages.ndjson.gz')).toBe('jsonl');
    expect(inputKindOf('page.html.gz')).toBe('html');
    expect(inputKindOf('page')).toBe('html');
  });
});

describe('--time-budget', () => {
  it('takes seconds, 0 for none, and leaves the library default when absent', () => {
    expect(parseArgs(['extract', 'a.html'])).toMatchObject({ timeBudgetMs: null });
    expect(parseArgs(['extract', 'a.html', '--time-budget', '2.5'])).toMatchObject({ timeBudgetMs: 2500 });
    expect(parseArgs(['extract', 'a.html', '--time-budget=0'])).toMatchObject({ timeBudgetMs: Infinity });
    expect(() => parseArgs(['extract', 'a.html', '--time-budget', 'soon'])).toThrow(/--time-budget needs a number of seconds \(0 for none\)/);
  });
});
