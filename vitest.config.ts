import { defineConfig } from 'vitest/config';

// Tiers: *.test.ts beside the code are unit tests (pure core, services on fakes);
// *.medium.test.ts use real SQLite / LanceDB files in temp dirs; test/e2e/*.test.ts drive the whole bot.
// Everything here runs without network; tests that need a model or Chromium skip themselves when absent.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
