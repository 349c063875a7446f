/**
 * Migration 0009 on a shop that had one template: its text stays the merchant's, under its own language ('pt' is
 * now 'pt-BR'); the other languages have no row and send their starters; the flow keeps its settings and state.
 */
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { describe, expect, it } from 'vitest';
import { sqliteFollowupRepository } from '../../server/db/sqlite/followups.ts';
import { MIGRATIONS_DIR, openSqlite } from '../../server/db/sqlite/open.ts';
import { sqliteTombstones } from '../../server/db/sqlite/tombstones.ts';
import { DEFAULT_TEMPLATES } from '../../server/followups/compose/words.ts';
import { DEFAULT_FLOW_SETTINGS } from '../../server/followups/scheduler/index.ts';
import { allTemplates } from '../../server/followups/templates.ts';
import { tempDir } from '../support/temp.ts';

const AT = '2026-11-30T10:00:00.000Z';

/** A database as the release before 0009 left it, with two shops' single templates (one Portuguese, one Spanish). */
function databaseBefore0009(): string {
  const dir = tempDir();
  const migrations = join(dir, 'migrations');
  cpSync(MIGRATIONS_DIR, migrations, { recursive: true });
  const journalFile = join(migrations, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as { entries: { tag: string }[] };
  journal.entries = journal.entries.filter((entry) => entry.tag < '0009');
  writeFileSync(journalFile, JSON.stringify(journal));
  rmSync(join(migrations, '0009_followup_languages.sql'));
  const file = join(dir, 'tacto.sqlite');
  const client = new Database(file);
  migrate(drizzle(client), { migrationsFolder: migrations });
  const insert = client.prepare('insert into followup_flows (shop, enabled, settings, locale, subject, body, updated_at) values (?, ?, ?, ?, ?, ?, ?)');
  insert.run('loja.myshopify.com', 1, JSON.stringify({ ...DEFAULT_FLOW_SETTINGS, enabled: true, delayDays: 5 }), 'pt', 'Dicas para o seu {{ product.title }}', 'Oi!', AT);
  insert.run('tienda.myshopify.com', 0, JSON.stringify(DEFAULT_FLOW_SETTINGS), 'es', 'Consejos', 'Hola:', AT);
  client.close();
  return file;
}

describe('migration 0009: one template per language', () => {
  it('keeps each shop’s text under its language (pt → pt-BR) and its settings; the other languages are starters', async () => {
    const db = openSqlite(databaseBefore0009());
    const rows = db.$client.prepare('select shop, locale, subject, body from followup_templates order by shop').all();
    expect(rows).toEqual([
      { shop: 'loja.myshopify.com', locale: 'pt-BR', subject: 'Dicas para o seu {{ product.title }}', body: 'Oi!' },
      { shop: 'tienda.myshopify.com', locale: 'es', subject: 'Consejos', body: 'Hola:' },
    ]);
    const columns = (db.$client.prepare("select name from pragma_table_info('followup_flows')").all() as { name: string }[]).map((c) => c.name);
    expect(columns).toEqual(['shop', 'enabled', 'settings', 'updated_at']);
    const flow = db.$client.prepare("select enabled, settings from followup_flows where shop = 'loja.myshopify.com'").get() as { enabled: number; settings: string };
    expect(flow.enabled).toBe(1);
    expect(JSON.parse(flow.settings)).toMatchObject({ delayDays: 5 });
    // As the editor and the worker read it: Portuguese is the merchant's, English and Spanish the starters.
    const repository = sqliteFollowupRepository(db.$client, sqliteTombstones(db.$client, Buffer.alloc(32, 7)));
    const stored = await repository.flow('loja.myshopify.com');
    expect(stored?.settings).toMatchObject({ enabled: true, delayDays: 5 });
    const templates = allTemplates(stored);
    expect(templates.map((t) => [t.locale, t.starter, t.subject])).toEqual([
      ['en', true, DEFAULT_TEMPLATES.en.subject],
      ['es', true, DEFAULT_TEMPLATES.es.subject],
      ['pt-BR', false, 'Dicas para o seu {{ product.title }}'],
    ]);
    // Orders have the new column, empty for the orders stored before.
    expect((db.$client.prepare("select name from pragma_table_info('orders') where name = 'customer_locale'").all() as unknown[]).length).toBe(1);
    db.$client.close();
  });
});
