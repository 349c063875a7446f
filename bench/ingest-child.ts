/**
 * Child process of the ingest benchmark, so that its peak RSS is the ingest's own. Prints an IngestRun.
 *   tacto: the real path — jsonlLines (HTTP streaming) → importJsonl (zod mapping, batching) → SQLite
 *          storage; the clock covers all of it.
 *   raw:   the baseline — readRawRows (download and JSON.parse, timed apart as `readSeconds`), then
 *          insertRawRows, the only part its main clock covers.
 * Both databases are created and migrated before the clock starts.
 */
import { importJsonl } from '../server/backfill/import-jsonl.ts';
import { jsonlLines } from '../server/backfill/jsonl-lines.ts';
import { openSqlite } from '../server/db/sqlite/open.ts';
import { createSqliteStorage } from '../server/db/sqlite/storage.ts';
import { BENCH_STORAGE_KEYS } from './storage-keys.ts';
import type { IngestRun } from './ingest.ts';
import { withPeakRss } from './peak-rss.ts';
import { insertRawRows, readRawRows } from './raw-insert.ts';

const BENCH_SHOP = 'bench.sandbox.test';
const [mode, url, dbFile, batchText] = process.argv.slice(2);
const batchRecords = Number(batchText);

async function tacto(): Promise<IngestRun> {
  const storage = createSqliteStorage(dbFile!, BENCH_STORAGE_KEYS);
  const started = performance.now();
  const { peakRssMb } = await withPeakRss(() => importJsonl(storage.ingest, BENCH_SHOP, 'orders', jsonlLines(url!), { batchRecords }));
  const seconds = (performance.now() - started) / 1000;
  await storage.close();
  return { seconds, peakRssMb };
}

async function raw(): Promise<IngestRun> {
  const db = openSqlite(dbFile!).$client;
  const { result, peakRssMb } = await withPeakRss(async () => {
    const reading = performance.now();
    const rows = await readRawRows(url!, BENCH_SHOP);
    const readSeconds = (performance.now() - reading) / 1000;
    const started = performance.now();
    insertRawRows(db, rows, batchRecords);
    return { readSeconds, seconds: (performance.now() - started) / 1000 };
  });
  db.close();
  return { ...result, peakRssMb };
}

const run = mode === 'raw' ? await raw() : await tacto();
process.stdout.write(JSON.stringify(run));
