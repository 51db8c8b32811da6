import { defineConfig } from 'tsup';

export default defineConfig([
  {
    // The library: ESM + CommonJS with declarations. Browser-safe: no Node built-ins.
    entry: { index: 'src/index.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    clean: true,
    target: 'node18',
    platform: 'neutral',
    treeshake: true,
    silent: true,
  },
  {
    // The command-line tool (Node only).
    entry: { cli: 'src/cli/main.ts' },
    format: ['esm'],
    target: 'node18',
    platform: 'node',
    banner: { js: '#!/usr/bin/env node' },
    external: ['copydesk'],
    silent: true,
  },
]);
