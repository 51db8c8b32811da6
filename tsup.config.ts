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
 * only, and the CommonJS build must load); tinyld, whose package installs
 * 12 MB (playground, benchmarks, three models in three builds each) for the
 * 90 KB light model copydesk uses; warcio (the CLI's `--input warc`, loaded on
 * first use), whose package brings 28 others (yargs, tempy: its own CLI) for
 * the parser copydesk uses. Their licences (MIT, Apache-2.0) are in
 * THIRD-PARTY-NOTICES.md, shipped.
 */
const BUNDLED = ['encoding-sniffer', 'p-map', 'tinyld', 'warcio'];

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
  esbuildPlugins: [labelsByTextDecoder],
  // Non-ASCII as itself, not as \u escapes: smaller, and the CommonJS chunks are
  // made by sucrase, which misreads an escaped identifier such as `as\u0131` (tinyld's model).
  esbuildOptions(options) {
    options.charset = 'utf8';
  },
  silent: true,
};

/** Declarations, one entry at a time so that each declaration file stands alone (`.d.ts` and `.d.cts`). */
const declarations = (name: keyof typeof LIBRARY): Options => ({
  entry: { [name]: LIBRARY[name] },
  format: ['esm', 'cjs'],
  dts: { only: true },
  silent: true,
});

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
    declarations('index'),
    declarations('node'),
    declarations('queue'),
    declarations('readability'),
  ];
});
