import type Database from 'better-sqlite3';
import type { CustomerExport, PrivacyRepository } from '../storage.ts';

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

export function sqlitePrivacyRepository(client: Database.Database): PrivacyRepository {
  const customerRow = client.prepare('select * from customers where shop = ? and id = ?');
  const ordersOf = client.prepare('select * from orders where shop = ? and customer_id = ? order by created_at');
  const linesOf = client.prepare('select id, product_id, variant_id, quantity, refunded_quantity from order_lines where shop = ? and order_id = ?');

  const eraseCustomer = client.transaction((shop: string, customerId: number, orderIds: number[], email: string | null) => {
    const ids = new Set([...orderIds, ...(ordersOf.all(shop, customerId) as { id: number }[]).map((o) => o.id)]);
    for (const orderId of ids) {
      client.prepare('delete from order_lines where shop = ? and order_id = ?').run(shop, orderId);
      client.prepare('delete from orders where shop = ? and id = ?').run(shop, orderId);
    }
    client.prepare('delete from customers where shop = ? and id = ?').run(shop, customerId);
    for (const table of tablesWithColumn(client, 'customer_id')) {
      client.prepare(`delete from "${table}" where shop = ? and customer_id = ?`).run(shop, customerId);
    }
    // Unapplied webhooks keep their payload, dead letters the ids of their subject: drop those that name this
    // customer or one of the erased orders.
    const kept = client
      .prepare("select seq, payload || ' ' || coalesce(subject_ids, '') as text from webhook_events where shop = ? and (payload != '' or subject_ids is not null)")
      .all(shop) as { seq: number; text: string }[];
    for (const event of kept) {
      if (namesCustomer(event.text, customerId, email) || [...ids].some((orderId) => namesCustomer(event.text, orderId, null))) {
        client.prepare('delete from webhook_events where seq = ?').run(event.seq);
      }
    }
  });

  const eraseShop = client.transaction((shop: string) => {
    for (const table of tablesWithColumn(client, 'shop')) client.prepare(`delete from "${table}" where shop = ?`).run(shop);
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
      eraseCustomer(shop, customerId, orderIds, email);
    },
    async eraseShop(shop) {
      eraseShop(shop);
    },
  };
}

/** Whether a raw webhook payload mentions the customer, by id (as a whole number) or by email. */
export function namesCustomer(payload: string, customerId: number, email: string | null): boolean {
  if (email && payload.toLowerCase().includes(email.toLowerCase())) return true;
  return new RegExp(`(?<![0-9])${customerId}(?![0-9])`).test(payload);
}
