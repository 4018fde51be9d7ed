import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['packages/*/src/**/*.test.ts', 'testdata/**/*.test.ts'],
    testTimeout: 60_000,
  },
});
