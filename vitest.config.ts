import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // A default seed for any fast-check property that does not name its own.
    setupFiles: ['test/support/fast-check-seed.ts'],
    // Deadlines for a hung test, not speed checks (every wait inside a test has its own deadline and message): on a
    // loaded 2-core machine the browser tests run at a third of their idle speed, some near 20 s.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Browser tests launch Chromium; two at once is what these 2-core machines carry well.
    maxWorkers: 2,
  },
});
