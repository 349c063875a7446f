import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import * as schema from './schema.ts';

export const MIGRATIONS_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../../migrations');

export type SqliteDb = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

/**
 * Opens (creating if needed) the SQLite file and applies pending migrations — the same call at boot and in
 * tests, so tests run on exactly the production schema. WAL lets readers proceed while a writer commits.
 */
export function openSqlite(file: string): SqliteDb {
  if (file !== ':memory:') mkdirSync(dirname(resolve(file)), { recursive: true });
  const client = new Database(file);
  client.pragma('journal_mode = WAL');
  client.pragma('foreign_keys = ON');
  client.pragma('busy_timeout = 5000');
  // What is deleted or overwritten is zeroed in the file, not left in free space: an erased customer's email (or a
  // processed webhook's payload) cannot be read back from the file's bytes.
  client.pragma('secure_delete = ON');
  const db = drizzle(client, { schema });
  migrate(db, { migrationsFolder: MIGRATIONS_DIR });
  // Statistics for the query planner, refreshed where tables changed a lot (SQLite's advice for long-lived
  // connections, cheap when nothing changed).
  client.pragma('optimize = 0x10002');
  return db;
}
