// The output must not be an input: `-o` naming a page of an input folder, an
// input under another spelling, a link to an input, a path through a linked
// folder, or the target of a link inside an input folder is refused (exit 2,
// one line) and the input is left as it was.

import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { parseArgs, type RunCommand } from './args.js';
import { realOutputPath, refuseOutputOverInput } from './overwrite.js';
import { plan, type InputSpec } from './plan.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CLI = path.join(ROOT, 'dist', 'cli.js');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'copydesk-overwrite-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const page = (title: string) =>
  `<html><head><title>${title}</title></head><body><article><h1>${title}</h1><p>${'Text of the page. '.repeat(20)}</p></article></body></html>`;

function tree(name: string, files: Record<string, string>): string {
  const root = path.join(tmp, name);
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    writeFileSync(path.join(root, rel), text);
  }
  return root;
}

/** The check the CLI makes after planning: resolves, or rejects with the one-line reason. */
async function check(argv: string[]): Promise<void> {
  const command = parseArgs(argv) as RunCommand;
  const p = await plan(command);
  const inputs: InputSpec[] = p.mode === 'batch' ? p.inputs : 'file' in p.from ? [{ source: 'file', kind: 'html', path: p.from.file, size: 0 }] : [];
  await refuseOutputOverInput(command.outputFile!, inputs, command.resume);
}

function cli(args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI, ...args], { encoding: 'utf8', timeout: 20_000 }, (error, stdout, stderr) => {
      resolve({ status: error ? Number((error as { code?: unknown }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

describe('realOutputPath', () => {
  const root = tree('real', { 'a.html': page('a') });
  symlinkSync(path.join(root, 'a.html'), path.join(root, 'link.html'));
  symlinkSync(root, path.join(tmp, 'real-dir-link'));
  symlinkSync(path.join(root, 'not-yet.html'), path.join(root, 'dangling.html'));

  it("is the file's real path, its folder's for a new file, a dangling link's target", async () => {
    const real = await realOutputPath(path.join(root, 'a.html'));
    expect(await realOutputPath(path.join(root, 'link.html'))).toBe(real);
    expect(await realOutputPath(path.join(tmp, 'real-dir-link', 'a.html'))).toBe(real);
    expect(await realOutputPath(path.join(root, 'sub', '..', 'a.html'))).toBe(real);
    expect(await realOutputPath(path.join(tmp, 'real-dir-link', 'new.html'))).toBe(path.join(path.dirname(real), 'new.html'));
    expect(await realOutputPath(path.join(root, 'dangling.html'))).toBe(path.join(path.dirname(real), 'not-yet.html'));
  });
});

describe('an output that is an input is refused', () => {
  const root = tree('inputs', {
    'pages/a.html': page('a'),
    'pages/b/c.html': page('c'),
    'pages/.hidden.html': page('h'),
    'pages/notes.txt': 'notes',
    'pages/done.jsonl': '{"id":"x","url":null}\n',
    'elsewhere/x.html': page('x'),
    'single.html': page('s'),
  });
  const pages = path.join(root, 'pages');
  symlinkSync(path.join(pages, 'a.html'), path.join(root, 'link-to-a.html'));
  symlinkSync(pages, path.join(root, 'pages-link'));
  symlinkSync(path.join(root, 'elsewhere', 'x.html'), path.join(pages, 'from-elsewhere.html'));

  it.each([
    ['a page of an input folder', [pages, '-o', path.join(pages, 'a.html')], /it is .*pages\/a\.html, a file the walk of the input folder .*pages reads/],
    ['a page in a subfolder', [pages, '-o', path.join(pages, 'b', 'c.html')], /pages\/b\/c\.html, a file the walk/],
    ['a link to a page of the folder', [pages, '-o', path.join(root, 'link-to-a.html')], /a file the walk of the input folder/],
    ['a page reached through a linked folder', [pages, '-o', path.join(root, 'pages-link', 'b', 'c.html')], /a file the walk/],
    ['the target of a link inside the folder', [pages, '-o', path.join(root, 'elsewhere', 'x.html')], /from-elsewhere\.html, a link in the input folder/],
    ['an earlier JSONL output in the folder, without --resume', [pages, '-o', path.join(pages, 'done.jsonl')], /add --resume/],
    [
      'a named input under another spelling',
      [path.join(root, 'single.html'), pages, '-o', path.join(root, 'pages', '..', 'single.html')],
      /it is the input .*single\.html/,
    ],
    ['the single page itself', [path.join(root, 'single.html'), '--format', 'text', '-o', path.join(root, 'single.html')], /it is the input/],
    ['a link to the single page', [path.join(pages, 'a.html'), '--format', 'markdown', '-o', path.join(root, 'link-to-a.html')], /it is the input/],
  ])('%s', async (_what, args, reason) => {
    await expect(check(['extract', ...args])).rejects.toThrow(reason);
  });

  it.each([
    ['a new file in the folder', [pages, '-o', path.join(pages, 'out.jsonl')]],
    ['a file the walk does not take', [pages, '-o', path.join(pages, 'notes.txt')]],
    ['a hidden file the walk skips', [pages, '-o', path.join(pages, '.hidden.html')]],
    ["the run's own output, resumed", [pages, '-o', path.join(pages, 'done.jsonl'), '--resume']],
    ['a file outside every input', [pages, '-o', path.join(root, 'out.jsonl')]],
  ])('allowed: %s', async (_what, args) => {
    await expect(check(['extract', ...args])).resolves.toBeUndefined();
  });

  it('the CLI exits 2 with one line and leaves the input as it was', async () => {
    const before = readFileSync(path.join(pages, 'a.html'), 'utf8');
    const r = await cli(['extract', pages, '-o', path.join(root, 'link-to-a.html'), '-q']);
    expect(r.status).toBe(2);
    expect(r.stderr.split('\n')).toHaveLength(2);
    expect(r.stderr).toMatch(/^copydesk: refusing to write .*link-to-a\.html: it is .*a\.html, a file the walk of the input folder .*pages reads/);
    expect(readFileSync(path.join(pages, 'a.html'), 'utf8')).toBe(before);
    const single = await cli(['extract', path.join(root, 'single.html'), '--format', 'text', '-o', path.join(root, 'single.html')]);
    expect(single.status).toBe(2);
    expect(readFileSync(path.join(root, 'single.html'), 'utf8')).toBe(page('s'));
  });
});
