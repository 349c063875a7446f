import type Database from 'better-sqlite3';
import type { BackfillRecord, BackfillRepository, ShopDataSummary } from '../storage.ts';

interface Row {
  shop: string;
  status: string;
  stage: string;
  bulk_operation_id: string | null;
  lines_done: number;
  orders_estimated: number | null;
  all_orders_visible: number;
  started_at: string;
  finished_at: string | null;
  error: string | null;
}

function toRecord(row: Row): BackfillRecord {
  return {
    shop: row.shop,
    status: row.status as BackfillRecord['status'],
    stage: row.stage as BackfillRecord['stage'],
    bulkOperationId: row.bulk_operation_id,
    linesDone: row.lines_done,
    ordersEstimated: row.orders_estimated,
    allOrdersVisible: row.all_orders_visible === 1,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    error: row.error,
  };
}

export function sqliteBackfillRepository(client: Database.Database): BackfillRepository {
  const find = client.prepare<[string], Row>('select * from backfills where shop = ?');
  return {
    async find(shop) {
      const row = find.get(shop);
      return row ? toRecord(row) : null;
    },
    async listUnfinished() {
      return (client.prepare("select * from backfills where status = 'running'").all() as Row[]).map(toRecord);
    },
    async start(shop, input) {
      client
        .prepare(
          `insert into backfills (shop, status, stage, bulk_operation_id, lines_done, orders_estimated, all_orders_visible, started_at, finished_at, error)
           values (?, 'running', 'products', null, 0, null, ?, ?, null, null)
           on conflict (shop) do update set status = 'running', stage = 'products', bulk_operation_id = null, lines_done = 0,
             orders_estimated = null, all_orders_visible = excluded.all_orders_visible, started_at = excluded.started_at,
             finished_at = null, error = null`,
        )
        .run(shop, input.allOrdersVisible ? 1 : 0, input.startedAt);
    },
    async beginStage(shop, stage, bulkOperationId) {
      client.prepare('update backfills set stage = ?, bulk_operation_id = ?, lines_done = 0 where shop = ?').run(stage, bulkOperationId, shop);
    },
    async setOrdersEstimate(shop, estimate) {
      client.prepare('update backfills set orders_estimated = ? where shop = ?').run(estimate, shop);
    },
    async finish(shop, at) {
      client.prepare("update backfills set status = 'completed', finished_at = ?, bulk_operation_id = null where shop = ?").run(at, shop);
    },
    async fail(shop, error, at) {
      client.prepare("update backfills set status = 'failed', error = ?, finished_at = ? where shop = ?").run(error, at, shop);
    },
    async summary(shop): Promise<ShopDataSummary> {
      const count = (table: string) =>
        (client.prepare(`select count(*) as n from ${table} where shop = ?`).get(shop) as { n: number }).n;
      const range = client.prepare('select min(created_at) as first, max(created_at) as last from orders where shop = ?').get(shop) as {
        first: string | null;
        last: string | null;
      };
      return {
        orders: count('orders'),
        orderLines: count('order_lines'),
        products: count('products'),
        customers: count('customers'),
        firstOrderAt: range.first,
        lastOrderAt: range.last,
      };
    },
  };
}
