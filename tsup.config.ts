import { rmSync } from 'node:fs';
import path from 'node:path';
import { defineConfig, type Options } from 'tsup';

/**
 * `copydesk/node` reaches the core through the package's own name, so that
 * `copydesk` and `copydesk/node` share one copy of it (one
 * `InvalidArgumentError` class for `instanceof`, in ESM and in CommonJS).
 */
const coreByName: NonNullable<Options['esbuildPlugins']>[number] = {
  name: 'core-by-name',
  setup(build) {
    build.onResolve({ filter: /^\.\.\/(index|errors)\.js$/ }, (args) =>
      /[\\/]src[\\/]node$/.test(args.resolveDir) ? { path: 'copydesk', external: true } : undefined,
    );
  },
};

/**
 * The Node entries also take the core's public objects — its error classes and
 * `extract` — from the package by name wherever a bundled module imports them
 * (the fallback's modules import the errors from `src/engines/...`): the typed
 * errors are then the very classes `copydesk` exports. (The other modules they
 * use are bundled: they are not public and hold no classes.)
 */
const SHARED_BY_NAME = new Set(['errors.ts', 'extract.ts', 'index.ts'].map((f) => path.resolve('src', f)));
const publicCoreByName: NonNullable<Options['esbuildPlugins']>[number] = {
  name: 'public-core-by-name',
  setup(build) {
    build.onResolve({ filter: /^\.{1,2}\/.*(?:errors|extract|index)\.js$/ }, (args) => {
      const target = path.resolve(args.resolveDir, args.path).replace(/\.js$/, '.ts');
      return SHARED_BY_NAME.has(target) ? { path: 'copydesk', external: true } : undefined;
    });
  },
};

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
const BUNDLED = ['encoding-sniffer'];

/**
 * The CLI and the worker thread bundle the core (a worker is its own isolate
 * anyway) and p-map (ESM only), in one file each.
 */
const selfContainedNode: Options = {
  target: 'node18',
  platform: 'node',
  splitting: false,
  noExternal: ['p-map', ...BUNDLED],
  esbuildPlugins: [labelsByTextDecoder],
  silent: true,
};

export default defineConfig((cli): Options[] => {
  // One clean before all builds: the configs below build in parallel, so a
  // `clean` in one of them could delete another's output.
  if (!cli.watch) rmSync('dist', { recursive: true, force: true });
  return [
    {
      // The library: ESM + CommonJS with declarations. Browser-safe: the
      // neutral platform fails the build on any Node built-in; jsdom and
      // @mozilla/readability are never imported (the fallback loads them at run time).
      entry: { index: 'src/index.ts' },
      format: ['esm', 'cjs'],
      dts: true,
      sourcemap: true,
      target: 'node18',
      platform: 'neutral',
      treeshake: true,
      noExternal: BUNDLED,
      esbuildPlugins: [labelsByTextDecoder],
      silent: true,
    },
    {
      // `copydesk/node`: extractMany on worker threads (Node only).
      entry: { node: 'src/node/index.ts' },
      format: ['esm', 'cjs'],
      dts: true,
      sourcemap: true,
      target: 'node18',
      platform: 'node',
      shims: true, // import.meta.url in the CommonJS build (finds dist/worker.cjs)
      esbuildPlugins: [coreByName, publicCoreByName, labelsByTextDecoder],
      noExternal: ['p-map', ...BUNDLED], // p-map is ESM only: bundled so that the CommonJS build works on Node 18
      silent: true,
    },
    {
      // `copydesk/queue`: the BullMQ worker fleet (Node only). bullmq and
      // ioredis are optional peer dependencies, imported at run time.
      entry: { queue: 'src/queue.ts' },
      format: ['esm', 'cjs'],
      dts: true,
      sourcemap: true,
      target: 'node18',
      platform: 'node',
      shims: true, // import.meta.url in the CommonJS build (finds dist/worker.cjs)
      external: ['bullmq', 'ioredis'],
      esbuildPlugins: [publicCoreByName, labelsByTextDecoder],
      noExternal: ['p-map', ...BUNDLED],
      silent: true,
    },
    {
      // `copydesk/readability`: Readability on jsdom (Node only; imports node:module to load them).
      entry: { readability: 'src/readability.ts' },
      format: ['esm', 'cjs'],
      dts: true,
      sourcemap: true,
      target: 'node18',
      platform: 'node',
      shims: true, // import.meta.url in the CommonJS build (createRequire from this file)
      external: ['jsdom', '@mozilla/readability'],
      esbuildPlugins: [publicCoreByName, labelsByTextDecoder],
      noExternal: BUNDLED,
      silent: true,
    },
    {
      // The command-line tool (Node only).
      ...selfContainedNode,
      entry: { cli: 'src/cli/main.ts' },
      format: ['esm'],
      banner: { js: '#!/usr/bin/env node' },
    },
    {
      // The worker thread of the pool (Node only). CommonJS on purpose: a
      // worker is loaded with require(), and Node aborts the whole process
      // when a worker is stopped while ES modules are being instantiated in it
      // (a run that ends before its workers have loaded); CommonJS loading
      // can be stopped safely at any point.
      ...selfContainedNode,
      entry: { worker: 'src/node/worker.ts' },
      format: ['cjs'],
    },
  ];
});
