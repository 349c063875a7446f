import Database from 'better-sqlite3';
import { deriveStorageKeys } from '../../server/security/keys.ts';
import { TEST_MASTER_KEY } from './app.ts';

/** The storage keys every test server derives from TEST_MASTER_KEY, for tests that open storage directly. */
export const TEST_STORAGE_KEYS = deriveStorageKeys(Buffer.from(TEST_MASTER_KEY, 'hex'));

/** Reads the app's SQLite file directly (read-only), for assertions about what is stored. */
export function queryDb<T>(file: string, sql: string, ...params: unknown[]): T[] {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}
