import type Database from 'better-sqlite3';
import type { CustomerExport, PrivacyRepository } from '../storage.ts';
import type { SqliteTombstones } from './tombstones.ts';

/**
 * Tables having a given column, read from the schema so that a table added later is never forgotten by
 * a redaction: every table with `shop` is emptied by shop/redact, every one with `customer_id` by
 * customers/redact.
 */
export function tablesWithColumn(client: Database.Database, column: string): string[] {
  const tables = client.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%'").all() as { name: string }[];
  return tables
    .map(({ name }) => name)
    .filter((name) => (client.prepare('select name from pragma_table_info(?)').all(name) as { name: string }[]).some((c) => c.name === column));
}

export function sqlitePrivacyRepository(client: Database.Database, tombstones: SqliteTombstones): PrivacyRepository {
  const customerRow = client.prepare('select * from customers where shop = ? and id = ?');
  const ordersOf = client.prepare('select * from orders where shop = ? and customer_id = ? order by created_at');
  const linesOf = client.prepare('select id, product_id, variant_id, quantity, refunded_quantity from order_lines where shop = ? and order_id = ?');
  const deleteLines = client.prepare('delete from order_lines where shop = ? and order_id = ?');
  const deleteOrder = client.prepare('delete from orders where shop = ? and id = ?');
  const deleteCustomer = client.prepare('delete from customers where shop = ? and id = ?');
  const keptEvents = client.prepare<[string], { seq: number; payload: string; subject_ids: string | null }>(
    "select seq, payload, subject_ids from webhook_events where shop = ? and (payload != '' or subject_ids is not null)",
  );
  const deleteEvent = client.prepare('delete from webhook_events where seq = ?');

  const eraseCustomer = client.transaction((shop: string, customerId: number, orderIds: number[], email: string | null, at: string) => {
    const ids = new Set([...orderIds, ...(ordersOf.all(shop, customerId) as { id: number }[]).map((o) => o.id)]);
    // Tombstones in the same transaction as the erasure: no import (a running backfill's next batch, a later
    // backfill, a late webhook) can write the customer or these orders again, and none can slip in between.
    tombstones.add(shop, 'customer', customerId, at);
    for (const orderId of ids) {
      tombstones.add(shop, 'order', orderId, at);
      deleteLines.run(shop, orderId);
      deleteOrder.run(shop, orderId);
    }
    deleteCustomer.run(shop, customerId);
    for (const table of tablesWithColumn(client, 'customer_id')) {
      client.prepare(`delete from "${table}" where shop = ? and customer_id = ?`).run(shop, customerId);
    }
    // Unapplied webhooks keep their payload, dead letters the ids a merchant needs (subject_ids): drop those that
    // name this customer or one of the erased orders.
    const named = [customerId, ...ids];
    for (const event of keptEvents.all(shop)) {
      if (mentions(event.payload, named, email) || mentions(event.subject_ids ?? '', named, email)) deleteEvent.run(event.seq);
    }
    dropStatSamples(client, [customerId, ...ids].map(sqliteIntegerBytes));
  });

  // The erased rows are zeroed in the pages written now (secure_delete), but the write-ahead log still holds earlier
  // images of those pages: copy the log into the file and empty it. Redactions are rare; if another process reads
  // at that moment the log is emptied at a later checkpoint instead.
  const emptyWriteAheadLog = () => client.pragma('wal_checkpoint(TRUNCATE)');

  // Every table of the schema has a `shop` column (sessions, tombstones, the webhook queue with its dead letters,
  // data requests, follow-ups included): found from the schema, so a table added later is emptied too.
  const eraseShop = client.transaction((shop: string) => {
    for (const table of tablesWithColumn(client, 'shop')) client.prepare(`delete from "${table}" where shop = ?`).run(shop);
    dropStatSamples(client, [Buffer.from(shop, 'utf8')]);
  });

  return {
    async exportCustomer(shop, customerId): Promise<CustomerExport> {
      const orders = (ordersOf.all(shop, customerId) as Record<string, unknown>[]).map((order) => ({
        ...order,
        lines: linesOf.all(shop, order.id),
      }));
      // Every other table keyed by customer (settings, feedback, impressions…), found from the schema like
      // the erasure below, so a table added later is exported too.
      const other: Record<string, Record<string, unknown>[]> = {};
      for (const table of tablesWithColumn(client, 'customer_id')) {
        if (table === 'orders' || table === 'data_requests') continue;
        const rows = client.prepare(`select * from "${table}" where shop = ? and customer_id = ?`).all(shop, customerId) as Record<string, unknown>[];
        if (rows.length > 0) other[table] = rows;
      }
      return { customer: (customerRow.get(shop, customerId) as Record<string, unknown> | undefined) ?? null, orders, other };
    },
    async saveDataRequest(shop, customerId, exported, at) {
      client
        .prepare('insert into data_requests (shop, customer_id, requested_at, export) values (?, ?, ?, ?)')
        .run(shop, customerId, at, JSON.stringify(exported));
    },
    async listDataRequests(shop) {
      return (
        client.prepare('select id, customer_id as customerId, requested_at as requestedAt from data_requests where shop = ? order by id desc').all(shop) as {
          id: number;
          customerId: number;
          requestedAt: string;
        }[]
      );
    },
    async dataRequest(shop, id) {
      const row = client.prepare('select export from data_requests where shop = ? and id = ?').get(shop, id) as { export: string } | undefined;
      return row ? (JSON.parse(row.export) as CustomerExport) : null;
    },
    async eraseCustomer(shop, customerId, orderIds, email) {
      eraseCustomer(shop, customerId, orderIds, email, new Date().toISOString());
      emptyWriteAheadLog();
    },
    async isRedactedCustomer(shop, customerId) {
      return tombstones.of(shop)?.customer(customerId) ?? false;
    },
    async eraseShop(shop) {
      eraseShop(shop);
      emptyWriteAheadLog();
    },
    async tableCounts(shop) {
      return tablesWithColumn(client, 'shop')
        .sort()
        .map((table) => ({ table, rows: (client.prepare(`select count(*) as n from "${table}" where shop = ?`).get(shop) as { n: number }).n }));
    },
  };
}

/**
 * SQLite's planner statistics (sqlite_stat4, gathered by `pragma optimize` at open) keep sample index entries, keys
 * and all: an erased customer's id or an erased shop's domain would stay there. Samples holding any of these bytes
 * are dropped; a sample fewer (even one dropped by coincidence) only makes the planner's estimates coarser.
 */
export function dropStatSamples(client: Database.Database, needles: Buffer[]): void {
  if (client.prepare("select 1 from sqlite_master where type = 'table' and name = 'sqlite_stat4'").get() === undefined) return;
  const drop = client.prepare('delete from sqlite_stat4 where instr(sample, ?) > 0');
  for (const needle of needles) drop.run(needle);
}

/** An integer as SQLite's record format stores it: big-endian in the fewest of 1, 2, 3, 4, 6 or 8 bytes. */
export function sqliteIntegerBytes(value: number): Buffer {
  const n = BigInt(value);
  const size = [1, 2, 3, 4, 6, 8].find((bytes) => n >= -(1n << BigInt(bytes * 8 - 1)) && n < 1n << BigInt(bytes * 8 - 1))!;
  const bytes = Buffer.alloc(size);
  for (let i = 0; i < size; i += 1) bytes[size - 1 - i] = Number((BigInt.asUintN(64, n) >> BigInt(8 * i)) & 0xffn);
  return bytes;
}

/** Whether a raw webhook payload (or a dead letter's ids) mentions one of these ids (as a whole number) or the email. */
export function mentions(text: string, ids: number[], email: string | null): boolean {
  if (email && text.toLowerCase().includes(email.toLowerCase())) return true;
  return ids.some((id) => new RegExp(`(?<![0-9])${id}(?![0-9])`).test(text));
}
