import { join } from 'node:path';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import Database from 'better-sqlite3';
import { produceOrdersBulkFile } from './bulk-file.ts';
import { runChild } from './child.ts';
import type { Figure } from './report.ts';

const BATCH_RECORDS = 2_000;

interface ChildResult {
  seconds: number;
  peakRssMb: number;
}

/**
 * Order ingest: the orders bulk JSONL of the whole Online Retail data set through Tacto's streaming parser
 * and storage, against a raw better-sqlite3 insert of the same rows, each in its own process.
 */
export async function ingestBenchmark(maxLines?: number): Promise<Figure[]> {
  const file = await produceOrdersBulkFile(maxLines);
  const dir = mkdtempSync(join(tmpdir(), 'tacto-bench-db-'));
  try {
    const tactoDb = join(dir, 'tacto.sqlite');
    const tacto = await runChild<ChildResult>('bench/ingest-child.ts', ['tacto', file.url, tactoDb, String(BATCH_RECORDS)]);
    const raw = await runChild<ChildResult>('bench/ingest-child.ts', ['raw', file.url, join(dir, 'raw.sqlite'), String(BATCH_RECORDS)]);

    const db = new Database(tactoDb, { readonly: true });
    const stored = db.prepare('select (select count(*) from orders) as orders, (select count(*) from order_lines) as lines').get() as { orders: number; lines: number };
    db.close();
    if (stored.orders !== file.orders || stored.lines !== file.lineItems) {
      throw new Error(`ingest stored ${stored.orders} orders / ${stored.lines} lines; the source has ${file.orders} / ${file.lineItems}`);
    }
    const tactoRate = file.lineItems / tacto.seconds;
    const rawRate = file.lineItems / raw.seconds;
    return [
      { name: 'ingest: line items / s', value: tactoRate, unit: '/s', baseline: rawRate, baselineName: 'raw better-sqlite3 insert', ratio: tactoRate / rawRate, goal: '≥ 30 % of raw', pass: tactoRate / rawRate >= 0.3 },
      { name: 'ingest: orders / s', value: file.orders / tacto.seconds, unit: '/s', baseline: file.orders / raw.seconds, baselineName: 'raw better-sqlite3 insert', ratio: raw.seconds / tacto.seconds },
      { name: 'ingest: wall time', value: tacto.seconds, unit: 's', baseline: raw.seconds, baselineName: 'raw better-sqlite3 insert', ratio: tacto.seconds / raw.seconds, note: `${file.orders} orders, ${file.lineItems} line items, exact counts stored` },
      { name: 'ingest: peak RSS', value: tacto.peakRssMb, unit: 'MB', baseline: raw.peakRssMb, baselineName: 'raw insert (rows held in memory)', ratio: tacto.peakRssMb / raw.peakRssMb, goal: '≤ 300 MB', pass: tacto.peakRssMb <= 300 },
    ];
  } finally {
    await file.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
