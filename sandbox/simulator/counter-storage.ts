/**
 * Pure: what the app's daily counters cost on disk for one shop — the issue's "counter storage per shop per year".
 *
 * A day of counters is one row per distinct key and table (server/db/sqlite/schema.ts):
 *   block_counters        (shop, day, surface, block) → shown, clicked, added
 *   experiment_enrolments (shop, day, experiment_id, arm) → shoppers
 *   feedback_counters     (shop, day, reason, product_type) → count
 *   followup_counters     (shop, day) → unsubscribed
 * so its size depends on how many keys a day has, not on traffic. Each row is sized as SQLite stores it:
 *   - the table's leaf cell: payload-length varint + rowid varint + the record (a header of one serial-type varint per
 *     column, then the values: text as its bytes, integers in 0–8 bytes by magnitude, 0 and 1 in none), and a
 *     2-byte cell pointer;
 *   - the primary key's automatic index (these are rowid tables, so the key is stored a second time): the key
 *     columns and the rowid as a record, its length varint and a 2-byte pointer;
 *   - pages not quite full: SQLite's page balancing leaves table and index pages about 90 % full, whether one shop
 *     appends its rows or several shops' keys interleave (measured with dbstat: 87–98 % for the tables, 84–91 % for
 *     their indexes). The fill factors and the rowid's magnitude (a database of a few million counter rows) are
 *     stated below; test/sandbox/counter-storage.test.ts checks the estimate against dbstat on a real SQLite file
 *     written through the app's own counter repository.
 * Interior b-tree pages (one small cell per leaf page) add under 1 % and are left out.
 */

export type CounterTable = 'block_counters' | 'experiment_enrolments' | 'feedback_counters' | 'followup_counters';

/** A day's counters: its distinct keys with the day's totals (the totals only change how many bytes an integer takes). */
export interface CounterDay {
  blocks: { surface: string; block: string; shown: number; clicked: number; added: number }[];
  enrolments: { experimentId: number; arm: string; shoppers: number }[];
  feedback: { reason: string; productType: string; count: number }[];
  unsubscribed: number;
}

export const STORAGE_ASSUMPTIONS = {
  pageSize: 4096,
  /** A leaf page's header (8 bytes) leaves this much for cells. */
  leafHeader: 8,
  /** Share of a table page its cells fill (rows arrive in rowid order; in-place updates that grow a row split some). */
  tableFill: 0.93,
  /** Share of an index page its cells fill (keys land after the shop's last, between other shops' keys). */
  indexFill: 0.88,
  /** A rowid of a database holding a few million counter rows (3-byte varint and 3-byte integer). */
  rowid: 2_000_000,
  /** Days kept (COUNTER_RETENTION_DAYS in server/analytics/analytics-service.ts). */
  retentionDays: 400,
} as const;

export interface CounterStorageEstimate {
  tables: { table: CounterTable; rowsPerDay: number; bytesPerRow: number; bytesPerDay: number }[];
  rowsPerDay: number;
  bytesPerDay: number;
  /** A year of days written (365). */
  mibPerYear: number;
  /** What the shop holds once retention prunes: 400 days. */
  mibAtRetention: number;
}

type Value = string | number;

/** Rows of one day, as SQLite would store them: all columns, then the primary key's columns. */
function rowsOf(shop: string, day: string, counters: CounterDay): { table: CounterTable; row: Value[]; key: Value[] }[] {
  return [
    ...counters.blocks.map((r) => ({ table: 'block_counters' as const, row: [shop, day, r.surface, r.block, r.shown, r.clicked, r.added], key: [shop, day, r.surface, r.block] })),
    ...counters.enrolments.map((r) => ({ table: 'experiment_enrolments' as const, row: [shop, day, r.experimentId, r.arm, r.shoppers], key: [shop, day, r.experimentId, r.arm] })),
    ...counters.feedback.map((r) => ({ table: 'feedback_counters' as const, row: [shop, day, r.reason, r.productType, r.count], key: [shop, day, r.reason, r.productType] })),
    ...(counters.unsubscribed > 0 ? [{ table: 'followup_counters' as const, row: [shop, day, counters.unsubscribed], key: [shop, day] }] : []),
  ];
}

export function estimateCounterStorage(input: { shop: string; counters: CounterDay; day?: string }): CounterStorageEstimate {
  const a = STORAGE_ASSUMPTIONS;
  const pageShare = a.pageSize / (a.pageSize - a.leafHeader);
  const tables = new Map<CounterTable, { rowsPerDay: number; bytesPerDay: number }>();
  for (const table of ['block_counters', 'experiment_enrolments', 'feedback_counters', 'followup_counters'] as const) tables.set(table, { rowsPerDay: 0, bytesPerDay: 0 });
  for (const { table, row, key } of rowsOf(input.shop, input.day ?? '2026-01-01', input.counters)) {
    const record = recordBytes(row);
    const tableCell = varintBytes(record) + varintBytes(a.rowid) + record + 2;
    const indexRecord = recordBytes([...key, a.rowid]);
    const indexCell = varintBytes(indexRecord) + indexRecord + 2;
    const entry = tables.get(table)!;
    entry.rowsPerDay += 1;
    entry.bytesPerDay += (tableCell / a.tableFill + indexCell / a.indexFill) * pageShare;
  }
  const rows = [...tables].map(([table, t]) => ({
    table,
    rowsPerDay: t.rowsPerDay,
    bytesPerRow: t.rowsPerDay > 0 ? Math.round(t.bytesPerDay / t.rowsPerDay) : 0,
    bytesPerDay: Math.round(t.bytesPerDay),
  }));
  const bytesPerDay = rows.reduce((sum, t) => sum + t.bytesPerDay, 0);
  return {
    tables: rows,
    rowsPerDay: rows.reduce((sum, t) => sum + t.rowsPerDay, 0),
    bytesPerDay,
    mibPerYear: (bytesPerDay * 365) / 2 ** 20,
    mibAtRetention: (bytesPerDay * a.retentionDays) / 2 ** 20,
  };
}

/** Bytes of a SQLite record (file format §2.1): header (its own length and a serial type per value), then values. */
export function recordBytes(values: readonly Value[]): number {
  let body = 0;
  let types = 0;
  for (const value of values) {
    const { type, size } = serialType(value);
    body += size;
    types += varintBytes(type);
  }
  // The header's length counts itself.
  let header = types + 1;
  if (varintBytes(header) > 1) header = types + varintBytes(types + 2);
  return header + body;
}

function serialType(value: Value): { type: number; size: number } {
  if (typeof value === 'string') {
    const size = Buffer.byteLength(value, 'utf8');
    return { type: size * 2 + 13, size };
  }
  if (value === 0) return { type: 8, size: 0 };
  if (value === 1) return { type: 9, size: 0 };
  const bounds: [number, number, number][] = [
    [2 ** 7, 1, 1],
    [2 ** 15, 2, 2],
    [2 ** 23, 3, 3],
    [2 ** 31, 4, 4],
    [2 ** 47, 5, 6],
  ];
  for (const [limit, type, size] of bounds) if (value >= -limit && value < limit) return { type, size };
  return { type: 6, size: 8 };
}

export function varintBytes(value: number): number {
  let bytes = 1;
  let v = value;
  while (v > 127 && bytes < 9) {
    v = Math.floor(v / 128);
    bytes++;
  }
  return bytes;
}

/** Lines for the command line: the day's rows per table, then per year and at retention. */
export function formatStorageEstimate(estimate: CounterStorageEstimate, shoppers: number): string[] {
  const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
  return [
    `Counter storage per shop, from this simulated day (${shoppers} shoppers: ${estimate.rowsPerDay} counter rows):`,
    ...estimate.tables.map((t) => `  ${t.table.padEnd(22)} ${String(t.rowsPerDay).padStart(4)} rows/day × ~${t.bytesPerRow} B = ${kib(t.bytesPerDay)}/day`),
    `  total ${kib(estimate.bytesPerDay)}/day → ${estimate.mibPerYear.toFixed(2)} MiB per year, ${estimate.mibAtRetention.toFixed(2)} MiB held at ${STORAGE_ASSUMPTIONS.retentionDays} days' retention`,
  ];
}
