/**
 * copydesk/node in a bundle: a script that runs a batch with extractMany is
 * bundled by esbuild (as an application would be, copydesk and all), the
 * pool's worker file as a second entry point beside it, as docs/install.md
 * says; the bundle runs from a folder without node_modules. Without the
 * worker file the run fails at once with a message that says what to do, not
 * with a crashed worker per page.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-bundle-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const SCRIPT = `
import { extractMany } from 'copydesk/node';
(async () => {
const para = (i) => '<p>Paragraph ' + i + ' of the story: the council voted on Tuesday to keep the ferry running through the winter, after residents asked.</p>';
const page = (n) => '<html><body><article><h1>Ferry kept ' + n + '</h1>' + [1, 2, 3, 4, 5].map(para).join('') + '</article></body></html>';
const pages = Array.from({ length: 6 }, (_, i) => ({ id: i, html: page(i) }));
const results = [];
for await (const r of extractMany(pages, { concurrency: 2 })) results.push(r.error ? 'error:' + r.error.kind : r.article.headline);
console.log(JSON.stringify(results));
})();
`;

/** An application folder that installed copydesk (a link to this repository), with the script in src/. */
const APP = path.join(tmp, 'app');
fs.mkdirSync(path.join(APP, 'node_modules'), { recursive: true });
fs.mkdirSync(path.join(APP, 'src'));
fs.symlinkSync(ROOT, path.join(APP, 'node_modules', 'copydesk'), 'dir');
fs.writeFileSync(path.join(APP, 'src', 'main.mjs'), SCRIPT);

const ESM_BANNER = [
  "import { createRequire as __cdRequire } from 'node:module';",
  "import { fileURLToPath as __cdPath } from 'node:url';",
  'const require = __cdRequire(import.meta.url);',
  'const __filename = __cdPath(import.meta.url);',
  "const __dirname = __filename.replace(/[\\\\/][^\\\\/]*$/, '');",
].join(' ');

async function bundle(dir: string, format: 'esm' | 'cjs', withWorker: boolean): Promise<string> {
  fs.mkdirSync(dir, { recursive: true });
  const out = path.join(dir, format === 'esm' ? 'app.mjs' : 'app.cjs');
  // Resolved through the package's exports, as in an application that installed copydesk.
  // An ES module bundle of CommonJS code (piscina) needs require, __filename and __dirname: esbuild's usual banner.
  const banner: Record<string, string> = format === 'esm' ? { js: ESM_BANNER } : {};
  await build({
    entryPoints: [path.join(APP, 'src', 'main.mjs')],
    bundle: true,
    platform: 'node',
    format,
    outfile: out,
    logLevel: 'silent',
    preserveSymlinks: true,
    banner,
  });
  if (withWorker) {
    // The worker files, as docs/install.md says: copydesk/worker as worker.cjs, and piscina's own
    // worker (it starts each thread with its worker.js beside the bundle) as worker.js; its optional
    // native module for thread priorities stays out (piscina does without it).
    const worker = (file: string, name: string) =>
      build({
        entryPoints: [file],
        bundle: true,
        platform: 'node',
        format: 'cjs',
        outfile: path.join(dir, name),
        logLevel: 'silent',
        external: ['@napi-rs/nice'],
      });
    await worker(path.join(APP, 'node_modules', 'copydesk', 'dist', 'worker.cjs'), 'worker.cjs');
    await worker(path.join(ROOT, 'node_modules', 'piscina', 'dist', 'worker.js'), 'worker.js');
  }
  return out;
}

function runBundle(file: string) {
  // No node_modules on the way up from the temp folder: the bundle must stand alone.
  return spawnSync(process.execPath, [file], { cwd: path.dirname(file), encoding: 'utf8', timeout: 120_000 });
}

describe('copydesk/node bundled by esbuild', () => {
  for (const format of ['esm', 'cjs'] as const) {
    it(`runs a batch from the bundle and its worker file (${format})`, async () => {
      const app = await bundle(path.join(tmp, `with-${format}`), format, true);
      const r = runBundle(app);
      expect(r.stderr).toBe('');
      expect(JSON.parse(r.stdout)).toEqual([0, 1, 2, 3, 4, 5].map((i) => `Ferry kept ${i}`));
    });
  }

  it('says what to do when the worker file was left out', async () => {
    const app = await bundle(path.join(tmp, 'without'), 'esm', false);
    const r = runBundle(app);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/worker file worker\.cjs was not found.*copydesk\/worker.*docs\/install\.md/);
  });
});
