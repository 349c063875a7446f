import { deriveStorageKeys } from '../server/security/keys.ts';

/** Benchmarks' TOKEN_ENCRYPTION_KEY: fixed, so every process of one run reads what another stored. */
export const BENCH_MASTER_KEY = 'be'.repeat(32);
export const BENCH_STORAGE_KEYS = deriveStorageKeys(Buffer.from(BENCH_MASTER_KEY, 'hex'));
