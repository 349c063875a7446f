import type { BackfillRecord, ShopDataSummary } from '../server/db/storage.ts';

const WIDTH = 30;

/** Pure: one line of the backfill's progress bar (`\r`-redrawn on a terminal, a plain line otherwise). */
export function progressLine(record: BackfillRecord, summary: ShopDataSummary, tty: boolean): string {
  let text: string;
  if (record.stage !== 'orders' || record.ordersEstimated === null) {
    text = `${record.stage === 'products' ? 'Reading products' : record.stage === 'customers' ? 'Reading customers' : 'Counting orders'}… (${summary.products} products, ${summary.customers} customers)`;
  } else {
    const total = Math.max(record.ordersEstimated, 1);
    const done = Math.min(summary.orders, total);
    const filled = Math.round((done / total) * WIDTH);
    text = `Orders [${'#'.repeat(filled)}${'.'.repeat(WIDTH - filled)}] ${done}/${record.ordersEstimated} ${Math.round((done / total) * 100)}%`;
  }
  if (record.status !== 'running') text += ` — ${record.status}${record.error ? `: ${record.error}` : ''}`;
  return tty ? `\r${text.padEnd(90)}` : `${text}\n`;
}
