import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // A default seed for any fast-check property that does not name its own.
    setupFiles: ['test/support/fast-check-seed.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Browser tests launch Chromium; two at once is what these 2-core machines carry well.
    maxWorkers: 2,
  },
});
