import { defineConfig } from 'vitest/config';

/**
 * Two projects, one config:
 *
 *   quick  `npm test` (`vitest run --project quick`): every test file except
 *          tests/long/. Must stay under about a minute on a 2-core machine.
 *   long   `npm run test:long` (`vitest run --project long`): tests/long/,
 *          the long or CPU-heavy suites (fuzz, growth n-vs-4n, worker pools,
 *          CLI batch runs spawning processes, whole-corpus sweeps).
 *
 * Convention: a test file that takes more than ~5 s in total, or keeps a CPU
 * busy for long, goes in tests/long/<name>.test.ts. No single test may keep
 * the event loop busy for more than a few seconds at a time: break a long
 * synchronous loop up with `await new Promise((r) => setImmediate(r))`, or run
 * it in a child process. See docs/testing.md.
 *
 * `npx vitest run <path>` runs a file of either project.
 */
const LONG = 'tests/long/**/*.test.ts';

export default defineConfig({
  test: {
    env: { TZ: 'UTC' },
    setupFiles: ['tests/setup.ts'],
    // Child processes, not worker threads: a test that spawns the CLI or a
    // worker pool runs in a process of its own, and a crash stays there.
    pool: 'forks',
    // Vitest's default on a 2-core machine is one worker (CPUs - 1); most
    // files wait on child processes or I/O part of the time, so two overlap
    // well without starving the machine.
    maxWorkers: 2,
    // Generous but finite: a shared, busy machine runs a test several times
    // slower than a quiet one, and a false timeout is worse than a slow run.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'quick',
          include: ['tests/**/*.test.ts', 'src/**/*.test.ts'],
          exclude: [LONG, '**/node_modules/**'],
        },
      },
      {
        extends: true,
        test: {
          name: 'long',
          include: [LONG],
          // One file at a time: the growth test measures CPU time, and a batch or queue run beside it
          // (child processes on the same two cores) skews its n-against-4n ratios.
          fileParallelism: false,
          testTimeout: 300_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
