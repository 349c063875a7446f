/**
 * Child process of the ingest benchmark (its RSS is the ingest's own). Mode `tacto`: the real path —
 * jsonlLines (HTTP streaming) → importJsonl (mapping, batching) → SQLite storage. Mode `raw`: the baseline —
 * the same rows, parsed before the clock starts, inserted with plain prepared better-sqlite3 statements into
 * the same tables, in transactions of the same size.
 */
import { jsonlLines } from '../server/backfill/jsonl-lines.ts';
import { importJsonl } from '../server/backfill/import-jsonl.ts';
import { createSqliteStorage } from '../server/db/sqlite/storage.ts';
import { openSqlite } from '../server/db/sqlite/open.ts';
import { withPeakRss } from './peak-rss.ts';

const [mode, url, dbFile, batchText] = process.argv.slice(2);
const batchRecords = Number(batchText);

async function tacto() {
  const storage = createSqliteStorage(dbFile!);
  const started = performance.now();
  const { peakRssMb } = await withPeakRss(() => importJsonl(storage.ingest, 'bench.sandbox.test', 'orders', jsonlLines(url!), { batchRecords }));
  const seconds = (performance.now() - started) / 1000;
  await storage.close();
  return { seconds, peakRssMb };
}

async function raw() {
  const orders: unknown[][] = [];
  const lines: unknown[][] = [];
  const id = (gid: string) => Number(gid.slice(gid.lastIndexOf('/') + 1));
  for await (const text of jsonlLines(url!)) {
    const row = JSON.parse(text) as {
      id: string;
      __parentId?: string;
      product?: { id: string } | null;
      customer?: { id: string } | null;
      quantity?: number;
      createdAt?: string;
      cancelledAt?: string | null;
      updatedAt?: string;
    };
    if (row.__parentId) {
      lines.push(['bench.sandbox.test', id(row.id), id(row.__parentId), row.product ? id(row.product.id) : null, null, row.quantity, 0]);
    } else {
      orders.push(['bench.sandbox.test', id(row.id), row.customer ? id(row.customer.id) : null, row.createdAt, row.cancelledAt, null, row.updatedAt]);
    }
  }
  const db = openSqlite(dbFile!).$client;
  const insertOrder = db.prepare('insert into orders (shop, id, customer_id, created_at, cancelled_at, fulfilled_at, updated_at) values (?, ?, ?, ?, ?, ?, ?)');
  const insertLine = db.prepare('insert into order_lines (shop, id, order_id, product_id, variant_id, quantity, refunded_quantity) values (?, ?, ?, ?, ?, ?, ?)');
  const insertBatch = db.transaction((os: unknown[][], ls: unknown[][]) => {
    for (const o of os) insertOrder.run(...o);
    for (const l of ls) insertLine.run(...l);
  });
  const started = performance.now();
  const { peakRssMb } = await withPeakRss(async () => {
    const share = Math.max(1, Math.round((batchRecords * orders.length) / (orders.length + lines.length)));
    for (let o = 0, l = 0; o < orders.length || l < lines.length; ) {
      insertBatch(orders.slice(o, o + share), lines.slice(l, l + (batchRecords - share)));
      o += share;
      l += batchRecords - share;
    }
  });
  const seconds = (performance.now() - started) / 1000;
  db.close();
  return { seconds, peakRssMb };
}

const result = mode === 'raw' ? await raw() : await tacto();
process.stdout.write(JSON.stringify(result));
