import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BulkFileInfo } from './bulk-file.ts';
import { runChild, startServerChild } from './child.ts';
import { checkIngested } from './ingest-verify.ts';
import type { Section } from './report.ts';

/** importJsonl's default and the production default (BACKFILL_BATCH_RECORDS); the baseline uses it too. */
const BATCH_RECORDS = 2_000;
const RSS_GOAL_MB = 300;
const RATIO_GOAL = 0.3;

/** What an ingest child prints. */
export interface IngestRun {
  seconds: number;
  /** raw only: reading and parsing the file, before its clock. */
  readSeconds?: number;
  peakRssMb: number;
}

/**
 * Order ingest: the orders bulk JSONL of Online Retail through Tacto's streaming parser and storage,
 * against a raw better-sqlite3 insert of the same rows, each in its own process, then the checks.
 */
export async function ingestBenchmark(maxLines?: number): Promise<Section> {
  // Setup, not measured: the sandbox's export, served from its own process.
  const sandbox = await startServerChild<BulkFileInfo>('sandbox-child.ts', [String(maxLines ?? 0)]);
  const file = sandbox.ready;
  const dir = mkdtempSync(join(tmpdir(), 'tacto-bench-ingest-'));
  try {
    const tactoDb = join(dir, 'tacto.sqlite');
    const rawDb = join(dir, 'raw.sqlite');
    const tacto = await runChild<IngestRun>('ingest-child.ts', ['tacto', file.url, tactoDb, String(BATCH_RECORDS)]);
    const raw = await runChild<IngestRun>('ingest-child.ts', ['raw', file.url, rawDb, String(BATCH_RECORDS)]);
    const checks = checkIngested(tactoDb, rawDb, file.source);

    const { orders, lineItems } = file.source;
    const rawEndToEnd = raw.seconds + (raw.readSeconds ?? 0);
    const ratio = raw.seconds / tacto.seconds;
    const n = (x: number) => x.toLocaleString('en-US');
    return {
      title: `Order ingest — the orders bulk JSONL exported from Online Retail${maxLines ? ` (its first ${n(maxLines)} CSV lines)` : ''}: ${n(orders)} orders, ${n(lineItems)} line items (${n(file.jsonlLines)} JSONL lines, ${(file.bytes / 1e6).toFixed(1)} MB)`,
      baseline: `raw better-sqlite3 INSERTs of the same rows into the same schema, transactions of ${n(BATCH_RECORDS)} rows, rows parsed before its clock; own process`,
      figures: [
        { name: 'line items / s', value: lineItems / tacto.seconds, baseline: lineItems / raw.seconds, unit: '/s', goal: { text: `≥ ${RATIO_GOAL * 100} % of raw`, pass: ratio >= RATIO_GOAL } },
        { name: 'orders / s', value: orders / tacto.seconds, baseline: orders / raw.seconds, unit: '/s' },
        { name: 'wall time', value: tacto.seconds, baseline: raw.seconds, unit: 's' },
        { name: 'peak RSS of the process', value: tacto.peakRssMb, baseline: raw.peakRssMb, unit: 'MB', goal: { text: `≤ ${RSS_GOAL_MB} MB`, pass: tacto.peakRssMb <= RSS_GOAL_MB } },
        { name: 'line items / s vs raw incl. download + JSON.parse', value: lineItems / tacto.seconds, baseline: lineItems / rawEndToEnd, unit: '/s' },
      ],
      checks,
      notes: [
        `Tacto's clock covers download, line splitting, JSON.parse, zod mapping and upserts; the raw baseline's covers only its INSERTs (its download + JSON.parse took ${raw.readSeconds?.toFixed(2)} s more, counted in the last row).`,
        'The raw baseline holds every parsed row in memory before inserting: its RSS is an upper reference, not a goal.',
        ...(maxLines ? ['A partial file is a quick check: on a short run, warming up the JIT weighs on Tacto’s path far more than on the raw INSERTs, so judge the goal on the whole file.'] : []),
      ],
    };
  } finally {
    await sandbox.close().catch(() => sandbox.kill());
    rmSync(dir, { recursive: true, force: true });
  }
}
