import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openSqlite } from '../../server/db/sqlite/open.ts';
import { tempDir } from '../support/temp.ts';

function schemaOf(file: string) {
  const db = new Database(file, { readonly: true });
  const rows = db.prepare("select type, name, sql from sqlite_master where name not like 'sqlite_%' order by name").all();
  const applied = db.prepare('select count(*) as n from __drizzle_migrations').get() as { n: number };
  db.close();
  return { rows, applied: applied.n };
}

describe('migrations', () => {
  it('create every table on an empty file, in WAL mode', () => {
    const file = join(tempDir(), 'fresh.sqlite');
    const db = openSqlite(file);
    expect(db.$client.pragma('journal_mode', { simple: true })).toBe('wal');
    db.$client.close();
    const names = schemaOf(file).rows.map((row) => (row as { name: string }).name);
    expect(names).toEqual(expect.arrayContaining(['shopify_sessions', 'shops']));
  });

  it('are idempotent: opening again changes nothing', () => {
    const file = join(tempDir(), 'twice.sqlite');
    openSqlite(file).$client.close();
    const first = schemaOf(file);
    openSqlite(file).$client.close();
    expect(schemaOf(file)).toEqual(first);
    expect(first.applied).toBeGreaterThan(0);
  });
});
