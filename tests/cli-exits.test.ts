/**
 * The CLI's answers to inputs that hold no article or are not what was
 * expected, its suggestions for mistyped flags, `--with-metadata` and
 * `--output-dir` (dist/cli.js, built by pretest).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { parseArgs } from '../src/cli/args.js';
import { fileStem } from '../src/cli/pagefiles.js';
import { sniffNonHtml } from '../src/cli/sniff.js';

const CLI = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
const PAGE = fileURLToPath(new URL('./data/article.html', import.meta.url));
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-exits-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function run(args: string[], input?: string | Buffer) {
  const r = spawnSync(process.execPath, [CLI, ...args], { input, encoding: 'utf8', timeout: 30_000, cwd: tmp });
  if (r.error) throw r.error;
  return r;
}
const file = (name: string, content: string | Buffer): string => {
  const p = path.join(tmp, name);
  fs.mkdirSync(path.dirname(p), { recursive: true });
  fs.writeFileSync(p, content);
  return p;
};

describe('inputs without an article', () => {
  it('exits 3 with a one-line reason for an empty, a binary and a white-space file', () => {
    const cases: Array<[string, string | Buffer, RegExp]> = [
      ['empty.html', '', /the input is empty/],
      ['binary.html', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 1, 2, 3, 0]), /binary data/],
      ['blank.html', '  \n\n ', /only white space/],
      ['nav.html', '<html><body><nav><a href="/">Home</a></nav></body></html>', /no article text/],
    ];
    for (const [name, content, reason] of cases) {
      const r = run(['extract', file(name, content), '--format', 'text']);
      expect(r.status, name).toBe(3);
      expect(r.stderr, name).toMatch(/^copydesk: no article in [^\n]+\n$/);
      expect(r.stderr, name).toMatch(reason);
    }
  });

  it('says a folder holds no pages and exits 3', () => {
    fs.mkdirSync(path.join(tmp, 'nothing-here'), { recursive: true });
    file('nothing-here/notes.txt', 'not a page');
    const r = run(['extract', 'nothing-here']);
    expect(r.status).toBe(3);
    expect(r.stderr).toMatch(/no pages found in nothing-here/);
  });

  it('counts no-article pages in a batch summary and exits 0', () => {
    file('mixed/a.html', fs.readFileSync(PAGE));
    file('mixed/b.html', '');
    const r = run(['extract', 'mixed', '-j', '1']);
    expect(r.status).toBe(0);
    expect(r.stdout.trim().split('\n')).toHaveLength(2);
    expect(r.stderr).toMatch(/2 pages in .* no errors, no-article: 1/);
  });
});

describe('inputs that are not what was asked for', () => {
  it('tells JSONL piped as one page to use --input jsonl', () => {
    const r = run(['extract', '-'], '{"id":1,"html":"<p>a</p>"}\n{"id":2,"html":"<p>b</p>"}\n');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/standard input holds JSON lines.*--input jsonl/);
    expect(r.stdout).toBe('');
  });

  it('tells a list of paths or URLs what to pass', () => {
    expect(run(['extract', file('list.txt', 'pages/a.html\npages/b.html\n')]).stderr).toMatch(/list of file paths.*arguments/);
    const urls = run(['extract', '-'], 'https://a.example/1\nhttps://b.example/2\n');
    expect(urls.status).toBe(2);
    expect(urls.stderr).toMatch(/list of URLs.*--fetch -/);
  });

  it('reads such input as asked when --input is given, and leaves real pages alone', () => {
    const r = run(['extract', '-', '--input', 'jsonl', '-j', '1'], `${JSON.stringify({ id: 'x', html: fs.readFileSync(PAGE, 'utf8') })}\n`);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).id).toBe('x');
    expect(sniffNonHtml(fs.readFileSync(PAGE))).toBeNull();
    expect(sniffNonHtml(new TextEncoder().encode('Just a line of prose, with spaces.\n'))).toBeNull();
  });

  it('says a file read with --input warc is not a WARC file', () => {
    const r = run(['extract', PAGE, '--input', 'warc']);
    expect(r.status).toBe(1);
    expect(JSON.parse(r.stdout).error.message).toMatch(/is not a WARC file/);
  });
});

describe('suggestions', () => {
  it('suggests the option, command or value meant', () => {
    for (const [args, hint] of [
      [['extract', 'a.html', '--formt', 'json'], '--format'],
      [['extract', 'a.html', '--output-fle', 'x'], '--output-file'],
      [['extract', 'a.html', '--no-progres'], '--no-progress'],
      [['extrct', 'a.html'], 'extract'],
      [['extract', 'a.html', '--format', 'markdwn'], 'markdown'],
    ] as const) {
      expect(() => parseArgs(args), args.join(' ')).toThrow(`did you mean ${hint}?`);
    }
    expect(() => parseArgs(['extract', 'a.html', '--zzzzzz'])).toThrow(/^unknown option "--zzzzzz"$/);
    const r = run(['extract', PAGE, '--quite']);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('copydesk: unknown option "--quite" (did you mean --quiet?) (see copydesk --help)\n');
  });
});

describe('--with-metadata and --output-dir', () => {
  it('puts a header of the metadata before text', () => {
    const r = run(['extract', PAGE, '--format', 'text', '--with-metadata']);
    expect(r.status).toBe(0);
    const [front, body] = r.stdout.split(/\n---\n\n/);
    expect(front).toMatch(/^---\nheadline: \S/);
    expect(body!.length).toBeGreaterThan(200);
    expect(() => parseArgs(['extract', 'a.html', '--with-metadata'])).toThrow(/--format text or markdown/);
  });

  it('writes one file per page in the chosen format, named by a safe form of its id', () => {
    const jsonl = [
      { id: '../../etc/passwd', html: fs.readFileSync(PAGE, 'utf8') },
      { id: 'https://news.example/a?b=1', html: fs.readFileSync(PAGE, 'utf8') },
      { id: 'CON', html: '<p>short</p>' },
    ]
      .map((o) => JSON.stringify(o))
      .join('\n');
    const r = run(['extract', '-', '--input', 'jsonl', '--output-dir', 'out', '--format', 'text', '-j', '1'], jsonl);
    expect(r.status).toBe(0);
    const written = fs.readdirSync(path.join(tmp, 'out')).sort();
    expect(written).toHaveLength(3);
    for (const name of written) expect(name).toMatch(/^[A-Za-z0-9][A-Za-z0-9._-]*\.txt$/);
    const index = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { id: string; file: string });
    expect(index.map((l) => l.id)).toEqual(['../../etc/passwd', 'https://news.example/a?b=1', 'CON']);
    expect(fs.readFileSync(path.join(tmp, index[0]!.file), 'utf8').length).toBeGreaterThan(200);
    expect(fileStem('page-1')).toBe('page-1');
    expect(fileStem('a/b')).not.toBe(fileStem('a_b'));
  });
});
