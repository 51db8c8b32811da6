/**
 * The declarations as a TypeScript user meets them (dist/, built by
 * `pretest:long`): a project that installed copydesk type-checks code that
 * imports every entry, as ES modules (`.d.ts`) and as CommonJS (`.d.cts`),
 * under `node16` and `bundler` resolution, with the declaration
 * files themselves checked (no skipLibCheck). The declarations are built with
 * shared chunks per format (tsup.config.ts): this is what says each format's
 * files find their own chunks. Long: each tsc run takes a few seconds.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runNode } from '../helpers/node-run.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const PKG = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
const TSC = path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');

/** A project with copydesk installed (package.json and dist/ copied), its dependencies and @types/node linked. */
const APP = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-types-'));
afterAll(() => fs.rmSync(APP, { recursive: true, force: true }));
const modules = path.join(APP, 'node_modules');
fs.mkdirSync(path.join(modules, 'copydesk'), { recursive: true });
fs.copyFileSync(path.join(ROOT, 'package.json'), path.join(modules, 'copydesk', 'package.json'));
fs.cpSync(path.join(ROOT, 'dist'), path.join(modules, 'copydesk', 'dist'), { recursive: true });
for (const dep of [...Object.keys(PKG.dependencies), '@types/node']) {
  const target = path.join(modules, dep);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.symlinkSync(path.join(ROOT, 'node_modules', dep), target, 'dir');
}

/**
 * Code that uses each entry, and says that the entries share their types: the
 * error classes of `copydesk` and `copydesk/node` are one class, the article
 * of `extract` is the one `extractMany` yields.
 */
const USES = `
const article: Article = extract('<p>A page</p>', { url: 'https://news.example/a' });
const headline: string | null = article.headline;
const sameClass: typeof InvalidArgumentError = NodeInvalidArgumentError;
async function articles(): Promise<Article[]> {
  const out: Article[] = [];
  for await (const r of extractMany([{ id: 1, html: '<p>A page</p>' }])) if (r.article) out.push(r.article);
  return out;
}
const dropIn: (html: string) => Article = readabilityExtract;
// @ts-expect-error extract takes a page, not a number
extract(42);
export { headline, sameClass, articles, dropIn, queue };
`;

const ESM = `import { extract, InvalidArgumentError, type Article } from 'copydesk';
import { extractMany, InvalidArgumentError as NodeInvalidArgumentError } from 'copydesk/node';
import { extract as readabilityExtract } from 'copydesk/readability';
import * as queue from 'copydesk/queue';
${USES}`;

const CJS = `import { extract, InvalidArgumentError, type Article } from 'copydesk';
import { extractMany, InvalidArgumentError as NodeInvalidArgumentError } from 'copydesk/node';
import { extract as readabilityExtract } from 'copydesk/readability';
import queue = require('copydesk/queue');
${USES}`;

/** Runs tsc on the files under `module`/`moduleResolution` settings; returns its output and the declaration files it read. */
async function typecheck(name: string, files: Record<string, string>, settings: Record<string, string>) {
  const dir = path.join(APP, name);
  fs.mkdirSync(dir);
  for (const [file, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, file), text);
  const tsconfig = {
    compilerOptions: { ...settings, target: 'es2022', strict: true, noEmit: true, skipLibCheck: false, types: ['node'] },
    files: Object.keys(files),
  };
  fs.writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify(tsconfig));
  const r = await runNode([TSC, '-p', dir, '--listFiles'], { cwd: dir, timeout: 120_000 });
  const read = r.stdout
    .split('\n')
    .filter((l) => l.includes('node_modules/copydesk/'))
    .map((l) => path.basename(l));
  const errors = r.stdout.split('\n').filter((l) => /error TS\d+/.test(l));
  return { status: r.status, errors, read };
}

describe('the declarations, type-checked in a project that installed copydesk', () => {
  for (const [format, file, text, extension] of [
    ['ES modules', 'app.mts', ESM, '.d.ts'],
    ['CommonJS', 'app.cts', CJS, '.d.cts'],
  ] as const) {
    it(`${format} type-check against the ${extension} files only (node16)`, async () => {
      const r = await typecheck(`node16-${extension.slice(1).replace('.', '-')}`, { [file]: text }, { module: 'node16', moduleResolution: 'node16' });
      expect(r.errors).toEqual([]);
      expect(r.status).toBe(0);
      for (const entry of ['index', 'node', 'readability', 'queue']) expect(r.read, entry).toContain(`${entry}${extension}`);
      // the shared chunks too: no CommonJS type resolves to ES-module declarations, nor the reverse
      expect(r.read.filter((f) => !f.endsWith(extension))).toEqual([]);
    });
  }

  it('type-checks under bundler resolution', async () => {
    const r = await typecheck('bundler', { 'app.ts': ESM }, { module: 'esnext', moduleResolution: 'bundler' });
    expect(r.errors).toEqual([]);
    expect(r.status).toBe(0);
  });
});
