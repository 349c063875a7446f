import type Database from 'better-sqlite3';
import { jsonlLines } from '../server/backfill/jsonl-lines.ts';

/** One row of `orders` or `order_lines`, its values in column order, ready to bind. */
export interface RawRow {
  line: boolean;
  values: (string | number | null)[];
}

interface BulkLine {
  id: string;
  __parentId?: string;
  createdAt?: string;
  updatedAt?: string;
  cancelledAt?: string | null;
  customer?: { id: string } | null;
  fulfillments?: { createdAt: string; status: string }[];
  quantity?: number;
  currentQuantity?: number;
  product?: { id: string } | null;
  variant?: { id: string } | null;
}

const tail = (gid: string) => Number(gid.slice(gid.lastIndexOf('/') + 1));
const iso = (time: string | null | undefined) => (time ? new Date(time).toISOString() : null);

/**
 * The baseline's input, prepared before its clock starts: the file read and JSON.parse'd line by line
 * into exactly the values Tacto stores (ids from gids, UTC ISO times, refunded = quantity −
 * currentQuantity), with no validation, no mapper and no batch objects. Rows stay in file order.
 */
export async function readRawRows(url: string, shop: string): Promise<RawRow[]> {
  const rows: RawRow[] = [];
  for await (const text of jsonlLines(url)) {
    const l = JSON.parse(text) as BulkLine;
    if (l.__parentId) {
      const quantity = l.quantity!;
      rows.push({
        line: true,
        values: [shop, tail(l.id), tail(l.__parentId), l.product ? tail(l.product.id) : null, l.variant ? tail(l.variant.id) : null, quantity, Math.max(0, quantity - l.currentQuantity!)],
      });
    } else {
      const fulfilled = (l.fulfillments ?? []).filter((f) => f.status === 'SUCCESS').map((f) => iso(f.createdAt)!).sort();
      rows.push({
        line: false,
        values: [shop, tail(l.id), l.customer ? tail(l.customer.id) : null, iso(l.createdAt), iso(l.cancelledAt), fulfilled[0] ?? null, iso(l.updatedAt)],
      });
    }
  }
  return rows;
}

/**
 * The baseline itself: plain prepared INSERTs (no upsert, no line replacement, no progress row) into the
 * same migrated schema and pragmas as Tacto's storage (`db` comes from openSqlite), one transaction per
 * `batchRecords` rows in file order — the batch boundaries importJsonl uses.
 */
export function insertRawRows(db: Database.Database, rows: RawRow[], batchRecords: number): void {
  const insertOrder = db.prepare('insert into orders (shop, id, customer_id, created_at, cancelled_at, fulfilled_at, updated_at) values (?, ?, ?, ?, ?, ?, ?)');
  const insertLine = db.prepare('insert into order_lines (shop, id, order_id, product_id, variant_id, quantity, refunded_quantity) values (?, ?, ?, ?, ?, ?, ?)');
  const insertBatch = db.transaction((from: number) => {
    for (const row of rows.slice(from, from + batchRecords)) (row.line ? insertLine : insertOrder).run(...row.values);
  });
  for (let from = 0; from < rows.length; from += batchRecords) insertBatch(from);
}
