/**
 * Dead letters stored before migration 0004 kept their raw payload. Upgrading converts them: the ids a
 * merchant needs move to subject_ids, the payload is blanked, and the 30-day expiry starts from when they
 * were received. Events still to be applied keep their payload.
 */
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS_DIR, openSqlite } from '../../server/db/sqlite/open.ts';
import { sqliteWebhookQueue } from '../../server/db/sqlite/webhook-queue.ts';
import { tempDir } from '../support/temp.ts';

/** A database as the release before 0004 left it: migrations 0000–0003 only. */
function databaseBefore0004(): string {
  const dir = tempDir();
  const migrations = join(dir, 'migrations');
  cpSync(MIGRATIONS_DIR, migrations, { recursive: true });
  const journalFile = join(migrations, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as { entries: { tag: string }[] };
  journal.entries = journal.entries.filter((entry) => entry.tag < '0004');
  writeFileSync(journalFile, JSON.stringify(journal));
  rmSync(join(migrations, '0004_security.sql'));
  const file = join(dir, 'tacto.sqlite');
  const client = new Database(file);
  migrate(drizzle(client), { migrationsFolder: migrations });
  expect(client.prepare("select name from pragma_table_info('webhook_events') where name = 'subject_ids'").all()).toEqual([]);
  const insert = client.prepare(
    "insert into webhook_events (shop, topic, event_id, webhook_id, payload, received_at, state, error) values ('s.myshopify.com', ?, ?, 'w', ?, '2026-01-02T03:04:05.000Z', ?, ?)",
  );
  const order = { id: 4501, email: 'lena.pii@example.org', phone: '+34 600 111 222', customer: { id: 77, email: 'lena.pii@example.org' }, shipping_address: { address1: '12 Calle Secreta' } };
  insert.run('orders/create', 'dead-order', JSON.stringify(order), 'dead', 'x'.repeat(2_000));
  insert.run('refunds/create', 'dead-refund', JSON.stringify({ id: 31, order_id: 4501, note: 'ring twice' }), 'dead', 'boom');
  insert.run('customers_email_marketing_consent/update', 'dead-consent', JSON.stringify({ customer_id: 77, email_address: 'lena.pii@example.org' }), 'dead', 'boom');
  insert.run('products/update', 'dead-not-json', '{"id": 9, "title": "Coat", broken', 'dead', 'Unexpected token');
  insert.run('orders/create', 'pending-order', JSON.stringify(order), 'pending', null);
  client.close();
  return file;
}

describe('migration 0004 on existing dead letters', () => {
  it('keeps their ids and error, blanks their payload, dates their expiry; pending events keep theirs', async () => {
    const file = databaseBefore0004();
    const db = openSqlite(file);
    const queue = sqliteWebhookQueue(db.$client);
    const dead = Object.fromEntries((await queue.deadLetters('s.myshopify.com')).map((d) => [d.eventId, d]));
    expect(dead['dead-order']).toMatchObject({ payload: '', subjectIds: { order: [4501], customer: [77] }, finishedAt: '2026-01-02T03:04:05.000Z', attempts: 1 });
    expect(dead['dead-order']!.error).toHaveLength(300);
    expect(dead['dead-refund']).toMatchObject({ payload: '', subjectIds: { order: [4501], refund: [31] }, error: 'boom' });
    expect(dead['dead-consent']).toMatchObject({ payload: '', subjectIds: { customer: [77] } });
    expect(dead['dead-not-json']).toMatchObject({ payload: '', subjectIds: {}, error: 'Unexpected token' });
    const pending = await queue.nextDue(new Date().toISOString(), 10);
    expect(pending.map((p) => [p.eventId, JSON.parse(p.payload).id])).toEqual([['pending-order', 4501]]);
    const dump = JSON.stringify(db.$client.prepare("select * from webhook_events where state = 'dead'").all());
    expect(dump).not.toMatch(/lena|600 111|Secreta|ring twice/);
    db.$client.close();
  });
});
