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
    // Test files in one worker share its loaded modules instead of importing the app, the sandbox and their
    // libraries again for each of 180 files. Every file starts its own servers, databases and browser and puts back
    // what it replaces (timers, spies, Shopify's library fetch: server/shopify/shop-routing.ts re-installs its
    // routing if something else replaced it); module-level state is limited to caches keyed by their input.
    isolate: false,
  },
});
