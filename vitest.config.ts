import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Browser tests launch Chromium; two at once is what these 2-core machines carry well.
    maxWorkers: 2,
  },
});
