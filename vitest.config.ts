import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts', 'src/**/*.test.ts'],
    env: { TZ: 'UTC' },
    setupFiles: ['tests/setup.ts'],
    testTimeout: 30_000,
  },
});
