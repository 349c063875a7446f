import Database from 'better-sqlite3';
import type { SourceTotals } from './bulk-file.ts';

const ORDER_COLUMNS = 'shop, id, customer_id, created_at, cancelled_at, fulfilled_at, updated_at';
const LINE_COLUMNS = 'shop, id, order_id, product_id, variant_id, quantity, refunded_quantity';

/**
 * The ingested database holds exactly the sandbox store's orders and line items (counts and total
 * quantity), and the same rows, value for value, as the raw baseline's database — which also shows the
 * baseline inserted what Tacto stores.
 */
export function checkIngested(tactoFile: string, rawFile: string, source: SourceTotals): string[] {
  const db = new Database(tactoFile, { readonly: true });
  try {
    db.prepare('attach database ? as raw').run(rawFile);
    const stored = db
      .prepare('select (select count(*) from orders) as orders, (select count(*) from order_lines) as lineItems, (select coalesce(sum(quantity), 0) from order_lines) as quantity')
      .get() as SourceTotals;
    if (stored.orders !== source.orders || stored.lineItems !== source.lineItems || stored.quantity !== source.quantity) {
      throw new Error(`ingest stored ${JSON.stringify(stored)}; the sandbox store holds ${JSON.stringify(source)}`);
    }
    const differing = (table: string, columns: string) =>
      (db.prepare(`select count(*) as n from (select ${columns} from main.${table} except select ${columns} from raw.${table})`).get() as { n: number }).n +
      (db.prepare(`select count(*) as n from (select ${columns} from raw.${table} except select ${columns} from main.${table})`).get() as { n: number }).n;
    const orderDiff = differing('orders', ORDER_COLUMNS);
    const lineDiff = differing('order_lines', LINE_COLUMNS);
    if (orderDiff + lineDiff > 0) throw new Error(`Tacto's and the raw baseline's rows differ: ${orderDiff} orders, ${lineDiff} lines`);
    const n = (x: number) => x.toLocaleString('en-US');
    return [
      `stored exactly the sandbox store's ${n(source.orders)} orders and ${n(source.lineItems)} line items (total quantity ${n(source.quantity)})`,
      'Tacto and the raw baseline stored identical rows, value for value',
    ];
  } finally {
    db.close();
  }
}
