import fc from 'fast-check';

/*
 * Loaded before every test file (vitest.config.ts, setupFiles). Every property test names its own seed
 * (`{ seed, numRuns }`); this default catches one that forgets, so no fast-check run in CI is ever left to chance.
 */
fc.configureGlobal({ seed: 1_234_567 });
