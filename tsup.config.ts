import { rmSync } from 'node:fs';
import path from 'node:path';
import { defineConfig, type Options } from 'tsup';

/**
 * encoding-sniffer is bundled, with `whatwg-encoding` (which loads iconv-lite,
 * which needs Node's `Buffer`) replaced by `src/decode/labels.ts`, the same
 * label lookup done by `TextDecoder`: the core then runs in browsers and edge
 * runtimes without Node polyfills.
 */
const LABELS_MODULE = path.resolve('src', 'decode', 'labels.ts');
const labelsByTextDecoder: NonNullable<Options['esbuildPlugins']>[number] = {
  name: 'labels-by-textdecoder',
  setup(build) {
    build.onResolve({ filter: /^whatwg-encoding$/ }, () => ({ path: LABELS_MODULE }));
  },
};

/**
 * Bundled rather than installed: encoding-sniffer (see above); p-map (ESM
 * only, and the CommonJS build must load). Their licences are in
 * THIRD-PARTY-NOTICES.md, shipped.
 */
const BUNDLED = ['encoding-sniffer', 'p-map'];

/**
 * Vendored, and shipped once for both module formats: tinyld, whose package
 * installs 12 MB (playground, benchmarks, three models in three builds each)
 * for the 90 KB light model copydesk uses; warcio (the CLI's `--input warc`
 * and the queue's WARC references, loaded on first use), whose package brings
 * 28 others (yargs, tempy: its own CLI) for the parser copydesk uses. Each is
 * built from its module in src/vendor/ (which names what copydesk uses, so the
 * rest is left out) into one CommonJS file, dist/vendor/<name>.cjs, and both
 * library builds import that file instead of bundling a copy (bundled into
 * each format, they were 160 of the tarball's 510 kB). CommonJS because every loader
 * takes it: Node's ES modules import it, the CommonJS core and the pool's
 * worker require it (no ES module is instantiated in a worker, see below),
 * and bundlers (esbuild, webpack, Rollup, Vite) bundle it for browsers.
 * Licences (MIT, Apache-2.0, MIT AND Zlib) in THIRD-PARTY-NOTICES.md, shipped.
 */
const VENDORED = { tinyld: 'src/vendor/tinyld.ts', warcio: 'src/vendor/warcio.ts' };
const VENDOR_DIR = path.resolve('src', 'vendor');
const importVendoredFile: NonNullable<Options['esbuildPlugins']>[number] = {
  name: 'import-vendored-file',
  setup(build) {
    // Every chunk and entry sits at the top of dist/, so the path is the same from each of them.
    build.onResolve({ filter: /[\\/]vendor[\\/][a-z-]+\.js$/ }, (args) => {
      const file = path.resolve(args.resolveDir, args.path).replace(/\.js$/, '.ts');
      const name = path.basename(file, '.ts');
      if (path.dirname(file) !== VENDOR_DIR || !(name in VENDORED)) return undefined;
      return { path: `./vendor/${name}.cjs`, external: true };
    });
  },
};

/**
 * warcio's parser inflates with pako's `Inflate` and uses nothing else of
 * pako; only its writer deflates, and the writer is not in
 * dist/vendor/warcio.cjs (src/vendor/warcio.ts names the parser's classes).
 * `pako` resolves to pako's own inflate module, whose `Inflate` is the very
 * class pako's index re-exports, so the deflate half stays out.
 * tests/packaging.test.ts checks that the file holds no writer and no
 * deflate, and reads a gzip WARC with it.
 */
const pakoInflateOnly: NonNullable<Options['esbuildPlugins']>[number] = {
  name: 'pako-inflate-only',
  setup(build) {
    build.onResolve({ filter: /^pako$/ }, (args) => build.resolve('pako/lib/inflate.js', { resolveDir: args.resolveDir, kind: args.kind }));
  },
};

/** The entries both module formats have. `queue` (the BullMQ fleet, Node only) imports bullmq and ioredis, optional peers, at run time. */
const LIBRARY = { index: 'src/index.ts', node: 'src/node/index.ts', queue: 'src/queue.ts', readability: 'src/readability.ts' };

/**
 * One build per module format, with shared chunks: the core ships once per
 * format, and `copydesk`, `copydesk/node` and `copydesk/readability` share it
 * (one `InvalidArgumentError` class for `instanceof`). The library modules
 * import no Node built-in (tests/packaging.test.ts bundles dist/index.js for
 * the browser); jsdom and @mozilla/readability are never imported (the
 * fallback loads them at run time).
 */
const shared: Options = {
  splitting: true,
  sourcemap: false,
  target: 'node20',
  platform: 'node',
  external: ['jsdom', '@mozilla/readability', 'bullmq', 'ioredis'],
  noExternal: BUNDLED,
  esbuildPlugins: [labelsByTextDecoder, importVendoredFile],
  // Non-ASCII as itself, not as \u escapes: smaller, and the CommonJS chunks are
  // made by sucrase, which misreads an escaped identifier such as `as\u0131` (as in tinyld's model).
  esbuildOptions(options) {
    options.charset = 'utf8';
  },
  silent: true,
};

export default defineConfig((cli): Options[] => {
  // One clean before all builds: the configs below build in parallel, so a
  // `clean` in one of them could delete another's output.
  if (!cli.watch) rmSync('dist', { recursive: true, force: true });
  return [
    {
      // ES modules: the library, and the command-line tool (its hashbang is in src/cli/main.ts).
      ...shared,
      entry: { ...LIBRARY, cli: 'src/cli/main.ts' },
      format: ['esm'],
    },
    {
      // CommonJS: the library, and the worker thread of the pool. The worker is
      // CommonJS on purpose: it is loaded with require(), and Node aborts the
      // whole process when a worker is stopped while ES modules are being
      // instantiated in it (a run that ends before its workers have loaded);
      // CommonJS loading can be stopped safely at any point.
      ...shared,
      entry: { ...LIBRARY, worker: 'src/node/worker.ts' },
      format: ['cjs'],
      // CommonJS has no import.meta: the modules that read its url fall back to __filename.
      define: { 'import.meta.url': 'undefined' },
    },
    {
      // The vendored packages, one CommonJS file each, loaded by both builds above.
      entry: Object.fromEntries(Object.entries(VENDORED).map(([name, file]) => [`vendor/${name}`, file])),
      format: ['cjs'],
      sourcemap: false,
      target: 'node20',
      platform: 'node',
      noExternal: Object.keys(VENDORED),
      esbuildPlugins: [pakoInflateOnly],
      esbuildOptions(options) {
        options.charset = 'utf8';
        // Third-party code, published minified by tinyld and warcio themselves: whitespace and
        // syntax are minified (names are not touched); copydesk's own code is shipped as written.
        options.minifyWhitespace = true;
        options.minifySyntax = true;
      },
      silent: true,
    },
    {
      // Declarations of all entries in one build per format, with shared chunks (the types
      // every entry names ship once per format): index.d.ts and the .d.ts chunks for import,
      // index.d.cts and the .d.cts chunks for require.
      entry: LIBRARY,
      format: ['esm', 'cjs'],
      dts: { only: true },
      silent: true,
    },
  ];
});
