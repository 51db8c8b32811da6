/**
 * The package as users install it (dist/, built by `pretest`): it imports
 * and runs without the optional peers jsdom and @mozilla/readability, asking
 * for the fallback without them throws a typed error naming them, and the
 * browser build holds neither them nor any Node module.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import zlib from 'node:zlib';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runNode } from './helpers/node-run.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PKG = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
  peerDependencies: Record<string, string>;
  peerDependenciesMeta: Record<string, { optional?: boolean }>;
  exports: Record<string, unknown>;
};
const PEERS = ['jsdom', '@mozilla/readability'];
const PAGE = `<html><head><title>Ferry sailings cut</title></head><body><article><h1>Ferry sailings cut</h1>${Array.from(
  { length: 4 },
  (_, i) => `<p>Paragraph ${i + 1}: the operator said the early crossings would be suspended for the summer because it could not find enough crew.</p>`,
).join('')}</article></body></html>`;

describe('package.json', () => {
  it('declares jsdom and @mozilla/readability as optional peer dependencies, not dependencies', () => {
    for (const name of PEERS) {
      expect(PKG.peerDependencies[name], name).toBeTypeOf('string');
      expect(PKG.peerDependenciesMeta[name]?.optional, name).toBe(true);
      expect(PKG.dependencies[name], name).toBeUndefined();
    }
  });

  it('declares cheerio an optional peer (and no dependency), and ships neither source maps nor a cheerio type import', () => {
    expect(PKG.peerDependenciesMeta.cheerio?.optional).toBe(true);
    expect(PKG.dependencies.cheerio).toBeUndefined();
    for (const unused of ['domutils', 'tinyld', 'warcio']) expect(PKG.dependencies[unused], unused).toBeUndefined();
    const files = fs.readdirSync(path.join(ROOT, 'dist'));
    expect(files.filter((f) => f.endsWith('.map'))).toEqual([]);
    for (const f of files.filter((f) => /\.d\.c?ts$/.test(f)))
      expect(fs.readFileSync(path.join(ROOT, 'dist', f), 'utf8'), f).not.toMatch(/from ['"]cheerio['"]/);
  });

  it('exports copydesk/readability with types for import and require', () => {
    const entry = PKG.exports['./readability'] as Record<string, Record<string, string>>;
    for (const kind of ['import', 'require'] as const) {
      for (const file of [entry[kind]!.types!, entry[kind]!.default!]) expect(fs.existsSync(path.join(ROOT, file)), file).toBe(true);
    }
  });
});

/** A project with copydesk and its dependencies installed, and no jsdom / @mozilla/readability. */
let sandbox = '';
beforeAll(() => {
  sandbox = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-nopeers-'));
  const modules = path.join(sandbox, 'node_modules');
  const own = path.join(modules, 'copydesk');
  fs.mkdirSync(own, { recursive: true });
  fs.copyFileSync(path.join(ROOT, 'package.json'), path.join(own, 'package.json'));
  fs.cpSync(path.join(ROOT, 'dist'), path.join(own, 'dist'), { recursive: true });
  // The runtime dependencies, linked: they resolve their own dependencies from the repository.
  for (const dep of Object.keys(PKG.dependencies)) {
    const target = path.join(modules, dep);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.symlinkSync(path.join(ROOT, 'node_modules', dep), target, 'dir');
  }
});
afterAll(() => {
  if (sandbox) fs.rmSync(sandbox, { recursive: true, force: true });
});

/** Runs a script in the sandbox in a child process, without blocking this worker's event loop. */
function runIn(file: string, source: string): Promise<{ status: number | null; stdout: string; stderr: string }> {
  fs.writeFileSync(path.join(sandbox, file), source);
  return runNode([file], { cwd: sandbox, timeout: 60_000, input: PAGE });
}

const CHECKS = `
const html = require('fs').readFileSync(0, 'utf8');
const out = {};
out.engine = core.extract(html).engine;
out.chars = core.extract(html).body.text.length;
out.language = core.extract(html).language;
const caught = (f) => { try { f(); return null; } catch (e) { return e; } };
for (const [key, f] of [
  ['string', () => core.extract(html, { fallback: 'readability' })],
  ['object', () => core.extract(html, { fallback: entry.readability })],
  ['dropin', () => entry.extract(html)],
]) {
  const e = caught(f);
  out[key] = e && { name: e.name, code: e.code, packages: e.packages, instance: e instanceof core.MissingPeerDependencyError, base: e instanceof core.CopydeskError, message: e.message };
}
console.log(JSON.stringify(out));
`;

describe('without jsdom and @mozilla/readability installed', () => {
  it('the peers are really absent from the sandbox', async () => {
    const r = await runIn('probe.cjs', "try { require.resolve('jsdom'); console.log('found') } catch { console.log('absent') }");
    expect(r.stdout.trim()).toBe('absent');
  });

  for (const [file, prelude] of [
    [
      'esm.mjs',
      "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);\nimport * as core from 'copydesk'; import * as entry from 'copydesk/readability';",
    ],
    ['cjs.cjs', "const core = require('copydesk'); const entry = require('copydesk/readability');"],
  ] as const) {
    it(`imports and extracts, and the fallback throws MissingPeerDependencyError (${file})`, async () => {
      const r = await runIn(file, `${prelude}\n${CHECKS}`);
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      const out = JSON.parse(r.stdout) as Record<string, unknown>;
      expect(out.engine).toBe('copydesk');
      expect(out.chars).toBeGreaterThan(200);
      // detected by tinyld, loaded from dist/vendor/tinyld.cjs by either format
      expect(out.language).toBe('en');
      for (const key of ['string', 'object', 'dropin']) {
        expect(out[key], key).toMatchObject({
          name: 'MissingPeerDependencyError',
          code: 'ERR_MISSING_PEER_DEPENDENCY',
          packages: PEERS,
          instance: true,
          base: true,
        });
        expect((out[key] as { message: string }).message).toContain('npm install jsdom @mozilla/readability');
      }
    });
  }
});

describe('the browser build', () => {
  it('bundles for the browser with neither the peers nor any Node module', async () => {
    const result = await build({
      entryPoints: [path.join(ROOT, 'dist', 'index.js')],
      bundle: true,
      platform: 'browser',
      format: 'esm',
      write: false,
      metafile: true,
      logLevel: 'silent',
      // No Node module may be needed: esbuild fails the browser build on any that is not polyfilled
      // (encoding-sniffer's label lookup once pulled in iconv-lite and Node's Buffer).
    });
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.filter((f) => /node_modules\/(jsdom|@mozilla\/readability)\//.test(f))).toEqual([]);
    const code = result.outputFiles[0]!.text;
    expect(code).not.toMatch(/\bfrom\s*["'](node:)?(module|fs|path|url|buffer|string_decoder)["']/);
    expect(inputs.filter((f) => /node_modules\/(iconv-lite|safer-buffer|whatwg-encoding)\//.test(f))).toEqual([]);
    expect(code).not.toMatch(/\brequire\(\s*["'](jsdom|@mozilla\/readability)["']\s*\)/);
  });

  it('runs where only web-platform globals exist (no Buffer, process or require), bytes included', async () => {
    const result = await build({
      entryPoints: [path.join(ROOT, 'dist', 'index.js')],
      bundle: true,
      platform: 'browser',
      format: 'iife',
      globalName: 'copydesk',
      write: false,
      logLevel: 'silent',
    });
    // A bare realm, as in a browser worker or an edge runtime: TextDecoder, TextEncoder, URL, console.
    const realm = vm.createContext({ TextDecoder, TextEncoder, URL, console });
    vm.runInContext(result.outputFiles[0]!.text, realm);
    const core = (realm as { copydesk: typeof import('../src/index.js') }).copydesk;
    const fixture = fs.readdirSync(path.join(ROOT, 'fixtures')).find((d) => d.startsWith('encoding-koi8-r'))!;
    // Bytes made in this realm: a Uint8Array of another realm is still bytes.
    const bytes = new Uint8Array(fs.readFileSync(path.join(ROOT, 'fixtures', fixture, 'source.html')));
    const article = core.extract(bytes, { url: 'https://news.example.ru/a' });
    expect(article.input.encoding).toBe('koi8-r');
    expect(article.headline).toMatch(/^Паромная переправа/);
    expect(article.body.text.length).toBeGreaterThan(300);
  });
});

/** One WARC response record whose HTTP payload is sent with `encoding` (gzip or deflate). */
function warcResponse(url: string, page: string, encoding: 'gzip' | 'deflate', n: number): Buffer {
  const body = encoding === 'gzip' ? zlib.gzipSync(page) : zlib.deflateSync(page);
  const http = Buffer.concat([
    Buffer.from(`HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Encoding: ${encoding}\r\nContent-Length: ${body.length}\r\n\r\n`),
    body,
  ]);
  const head = [
    'WARC/1.1',
    'WARC-Type: response',
    `WARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-00000000000${n}>`,
    'WARC-Date: 2024-05-01T10:00:00Z',
    `WARC-Target-URI: ${url}`,
    'Content-Type: application/http; msgtype=response',
    `Content-Length: ${http.length}`,
  ].join('\r\n');
  return Buffer.concat([Buffer.from(`${head}\r\n\r\n`), http, Buffer.from('\r\n\r\n')]);
}

describe('the vendored packages (dist/vendor/, shipped once for both formats)', () => {
  const vendored = (name: string) => path.join(ROOT, 'dist', 'vendor', `${name}.cjs`);

  it("holds warcio's parser without its writer: no serializer, no digests, no deflate", () => {
    const text = fs.readFileSync(vendored('warcio'), 'utf8');
    for (const name of ['WARCParser', 'AsyncIterReader', 'LimitReader', 'Inflate']) expect(text, name).toContain(name);
    for (const name of ['WARCSerializer', 'createSHA256', 'Deflate', 'deflateInit']) expect(text, name).not.toContain(name);
  });

  it("reads a WARC.gz whose payloads are gzip and deflate encoded (pako's inflate, the only part kept)", async () => {
    const pages = ['gzip', 'deflate'].map((kind) => `<html><body><p>A page sent with ${kind}: ${'the ferry runs all winter. '.repeat(40)}</p></body></html>`);
    // one gzip member per record, as crawlers write a WARC.gz
    const file = Buffer.concat([
      zlib.gzipSync(warcResponse('https://news.example/gzip', pages[0]!, 'gzip', 1)),
      zlib.gzipSync(warcResponse('https://news.example/deflate', pages[1]!, 'deflate', 2)),
    ]);
    const { WARCParser } = createRequire(import.meta.url)(vendored('warcio')) as typeof import('warcio');
    const read: Array<[string | null | undefined, string]> = [];
    for await (const record of new WARCParser([file])) read.push([record.warcTargetURI, new TextDecoder().decode(await record.readFully(true))]);
    expect(read).toEqual([
      ['https://news.example/gzip', pages[0]],
      ['https://news.example/deflate', pages[1]],
    ]);
  });

  it('are CommonJS files that ES modules import with named exports (the ES-module build does)', async () => {
    const r = await runIn(
      'vendor.mjs',
      [
        "import { detect } from './node_modules/copydesk/dist/vendor/tinyld.cjs';",
        "import { WARCParser, LimitReader, AsyncIterReader } from './node_modules/copydesk/dist/vendor/warcio.cjs';",
        "console.log(JSON.stringify([detect('Der Gemeinderat hat am Dienstag beschlossen, die Fähre den ganzen Winter fahren zu lassen.'), typeof WARCParser, typeof LimitReader, typeof AsyncIterReader]));",
      ].join('\n'),
    );
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual(['de', 'function', 'function', 'function']);
  });
});

describe('the tarball', () => {
  /** Issue #15's budget: the package users download. */
  const MAX_TARBALL_BYTES = 400_000;

  it(`is under ${MAX_TARBALL_BYTES / 1000} kB, with no source map`, async () => {
    // npm's own figures, from the dist/ pretest built (--ignore-scripts: no second build)
    // npm from PATH: CI also runs this file on Node binaries that have no npm beside them
    const r = await new Promise<{ status: number | null; stdout: string }>((resolve, reject) => {
      const child = spawn('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT });
      let stdout = '';
      child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
      child.on('error', reject);
      child.on('close', (status) => resolve({ status, stdout }));
    });
    expect(r.status).toBe(0);
    const [pack] = JSON.parse(r.stdout) as Array<{ size: number; files: Array<{ path: string }> }>;
    expect(pack!.size).toBeLessThan(MAX_TARBALL_BYTES);
    expect(pack!.files.map((f) => f.path).filter((f) => f.endsWith('.map'))).toEqual([]);
  });

  it('holds each vendored package once, in dist/vendor/, not bundled into the chunks of either format', () => {
    // a string from tinyld's model configuration, and one from warcio's header parsing
    const marks = { 'vendor/tinyld.cjs': 'TOP_LANGUAGE_UNIQUE_GRAMS', 'vendor/warcio.cjs': 'Invalid multi value WARC header' };
    const files = (fs.readdirSync(path.join(ROOT, 'dist'), { recursive: true }) as string[]).filter((f) => /\.c?js$/.test(f));
    for (const [file, mark] of Object.entries(marks)) {
      const holding = files.filter((f) => fs.readFileSync(path.join(ROOT, 'dist', f), 'utf8').includes(mark));
      expect(
        holding.map((f) => f.split(path.sep).join('/')),
        mark,
      ).toEqual([file]);
    }
  });
});
