// Folder inputs of the batch CLI: walked lazily, one directory at a time, in
// the order a sort of the full paths gives, with no page read twice.

import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseArgs, type RunCommand } from './args.js';
import { plan, type BatchPlan } from './plan.js';
import { readRecords } from './sources/index.js';
import type { SourceContext } from './sources/types.js';
import { folderTotals, walkFiles } from './walk.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'copydesk-walk-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function tree(root: string, files: Record<string, string>): string {
  for (const [rel, text] of Object.entries(files)) {
    const file = path.join(root, rel);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
  return root;
}

async function all<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

const html = (title: string) => `<html><head><title>${title}</title></head><body><p>${title}</p></body></html>`;

describe('walkFiles', () => {
  const root = tree(path.join(tmp, 'order'), {
    'a/x.html': html('a/x'),
    'a-b/x.html': html('a-b/x'),
    'a.html': html('a'),
    'b/c/d.html': html('b/c/d'),
    '.hidden/x.html': html('hidden'),
    'b/.x.html': html('dot'),
    'z.txt': 'notes',
  });

  it('yields files in the order their full paths sort, hidden entries skipped', async () => {
    const files = await all(walkFiles(root, (f) => f.endsWith('.html')));
    const rel = files.map((f) => path.relative(root, f).split(path.sep).join('/'));
    expect(rel).toEqual(['a-b/x.html', 'a.html', 'a/x.html', 'b/c/d.html']);
    expect(rel).toEqual([...rel].sort());
  });

  it('takes links to files, does not follow links to folders, and sums sizes without a file list', async () => {
    const dir = tree(path.join(tmp, 'links'), { 'real/p.html': html('p') });
    symlinkSync(path.join(dir, 'real', 'p.html'), path.join(dir, 'link.html'));
    symlinkSync(path.join(dir, 'real'), path.join(dir, 'loop'));
    const files = await all(walkFiles(dir, () => true));
    expect(files.map((f) => path.relative(dir, f))).toEqual(['link.html', path.join('real', 'p.html')]);
    expect(await folderTotals(dir, () => true)).toEqual({ files: 2, bytes: 2 * html('p').length });
  });

  it('is lazy: the first file comes before the walk reaches the last directory', async () => {
    const dir = tree(path.join(tmp, 'lazy'), { 'a/1.html': html('1'), 'b/2.html': html('2') });
    const walk = walkFiles(dir, () => true);
    const first = await walk.next();
    expect(path.relative(dir, first.value as string)).toBe(path.join('a', '1.html'));
    rmSync(path.join(dir, 'b'), { recursive: true }); // removed after the first file: never listed
    expect((await walk.next()).done).toBe(true);
  });
});

describe('folder inputs of a batch', () => {
  const ctx: SourceContext = { names: { id: 'id', url: 'url', html: 'html' }, maxBytes: 1 << 20 } as unknown as SourceContext;

  async function ids(argv: string[]): Promise<string[]> {
    const p = (await plan(parseArgs(argv) as RunCommand)) as BatchPlan;
    const out: string[] = [];
    for await (const r of readRecords(p.inputs, ctx)) out.push(String(r.id));
    return out;
  }

  it('reads no page twice: a folder and a file inside it, a folder inside another', async () => {
    const root = tree(path.join(tmp, 'dupes'), { 'x/1.html': html('1'), 'x/y/2.html': html('2') });
    const one = path.join(root, 'x', '1.html');
    expect(await ids(['extract', one, path.join(root, 'x'), '-q'])).toEqual([one, path.join(root, 'x', 'y', '2.html')]);
    expect(await ids(['extract', path.join(root, 'x'), path.join(root, 'x', 'y'), one, '-q'])).toEqual([one, path.join(root, 'x', 'y', '2.html')]);
  });

  it('passes over the output file when it lies in the folder (a resumed run writes there)', async () => {
    const root = tree(path.join(tmp, 'out'), { 'a.html': html('a'), 'done.jsonl': '{"id":"x","url":null}\n' });
    expect(await ids(['extract', root, '-o', path.join(root, 'done.jsonl'), '-q'])).toEqual([path.join(root, 'a.html')]);
    expect(await ids(['extract', root, '-q'])).toHaveLength(2); // not the output: read like any JSONL input
  });

  it("counts the folder's bytes for the progress bar", async () => {
    const root = tree(path.join(tmp, 'total'), { 'a.html': html('a'), 'b/c.html': html('bc') });
    const p = (await plan(parseArgs(['extract', root, '-q']) as RunCommand)) as BatchPlan;
    expect(p.total).toBe(html('a').length + html('bc').length);
  });
});
