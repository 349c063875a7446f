/**
 * What changed between two database snapshots (test/support/app.ts `snapshot()`), table by table, as lines a
 * reader can act on: rows that appeared and rows that went away (an updated row is both). Empty when equal.
 */
export function diffSnapshots(before: Record<string, unknown[]>, after: Record<string, unknown[]>): string[] {
  const lines: string[] = [];
  for (const table of [...new Set([...Object.keys(before), ...Object.keys(after)])].sort()) {
    const was = countRows(before[table] ?? []);
    const is = countRows(after[table] ?? []);
    const added = difference(is, was);
    const removed = difference(was, is);
    if (added.length + removed.length === 0) continue;
    const sample = (rows: string[]) => rows.slice(0, 3).map((row) => (row.length > 300 ? `${row.slice(0, 300)}…` : row)).join(' ; ');
    lines.push(`${table}: ${added.length} row(s) appeared [${sample(added)}], ${removed.length} went away [${sample(removed)}]`);
  }
  return lines;
}

function countRows(rows: unknown[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const row of rows) {
    const key = JSON.stringify(row);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/** Rows in `a` beyond their count in `b` (a multiset difference: duplicate rows count). */
function difference(a: Map<string, number>, b: Map<string, number>): string[] {
  const out: string[] = [];
  for (const [row, n] of a) for (let i = b.get(row) ?? 0; i < n; i += 1) out.push(row);
  return out;
}
