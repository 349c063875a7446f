import type { IngestRepository } from '../db/storage.ts';
import { batchSize, emptyBatch } from '../ingest/records.ts';
import { addBulkLine } from './map-bulk-line.ts';

export interface ImportJsonlOptions {
  /** Lines already stored by an earlier run: skipped. */
  skip?: number;
  /** Records per transaction. */
  batchRecords?: number;
  /** Checked before each line; throws to stop between batches. */
  signal?: AbortSignal;
  /** After each stored batch; awaited before the next line is read. */
  onBatch?: (linesDone: number) => void | Promise<void>;
}

/**
 * The streaming half of the backfill: bulk JSONL lines in, batched transactions out, each saving how many
 * lines are done. Memory stays at one batch whatever the file's size.
 */
export async function importJsonl(
  ingest: IngestRepository,
  shop: string,
  stage: string,
  lines: AsyncIterable<string>,
  options: ImportJsonlOptions = {},
): Promise<number> {
  const skip = options.skip ?? 0;
  const limit = options.batchRecords ?? 2_000;
  let batch = emptyBatch();
  let linesDone = 0;
  for await (const line of lines) {
    options.signal?.throwIfAborted();
    linesDone += 1;
    if (linesDone <= skip) continue;
    addBulkLine(batch, JSON.parse(line));
    if (batchSize(batch) >= limit) {
      await ingest.applyBatch(shop, batch, { stage, linesDone });
      batch = emptyBatch();
      await options.onBatch?.(linesDone);
    }
  }
  await ingest.applyBatch(shop, batch, { stage, linesDone });
  await options.onBatch?.(linesDone);
  return linesDone;
}
