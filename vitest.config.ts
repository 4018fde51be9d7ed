import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['packages/*/src/**/*.test.ts', 'packages/web/e2e/**/*.test.ts', 'testdata/**/*.test.ts'],
    testTimeout: 60_000,
    // building a test world (migrations, seed, logins) on a loaded 2-core machine can pass 10 s
    hookTimeout: 120_000,
  },
});
