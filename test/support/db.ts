import Database from 'better-sqlite3';

/** Reads the app's SQLite file directly (read-only), for assertions about what is stored. */
export function queryDb<T>(file: string, sql: string, ...params: unknown[]): T[] {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}
