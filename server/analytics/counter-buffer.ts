import type { CounterBatch } from '../db/storage.ts';
import type { Arm } from './cart-marks.ts';

type BlockMetric = 'shown' | 'clicked' | 'added';

/**
 * Counters are added up in memory and written in one transaction a second (or sooner when many are waiting): a
 * storefront beacon costs a map update, not a disk write, so counting does not slow the storefront. A crash loses
 * at most the last second's counts — a counter, never an order or a shopper's choice. Keys hold no shopper: shop,
 * day, surface and block setting, or experiment and arm.
 */
export class CounterBuffer {
  private blocks = new Map<string, CounterBatch['blocks'][number]>();
  private enrolments = new Map<string, CounterBatch['enrolments'][number]>();
  private pending = 0;

  constructor(private readonly options: { maxPending: number; onFull: () => void }) {}

  addBlock(shop: string, day: string, surface: string, block: string, metric: BlockMetric, count: number): void {
    const key = `${shop}\n${day}\n${surface}\n${block}`;
    let row = this.blocks.get(key);
    if (!row) {
      row = { shop, day, surface, block, shown: 0, clicked: 0, added: 0 };
      this.blocks.set(key, row);
    }
    row[metric] += count;
    this.touched();
  }

  addEnrolment(shop: string, day: string, experimentId: number, arm: Arm): void {
    const key = `${shop}\n${day}\n${experimentId}\n${arm}`;
    const row = this.enrolments.get(key);
    if (row) row.shoppers += 1;
    else this.enrolments.set(key, { shop, day, experimentId, arm, shoppers: 1 });
    this.touched();
  }

  /** Everything counted since the last take, and an empty buffer. */
  take(): CounterBatch {
    const batch = { blocks: [...this.blocks.values()], enrolments: [...this.enrolments.values()] };
    this.blocks = new Map();
    this.enrolments = new Map();
    this.pending = 0;
    return batch;
  }

  /** Drops what a shop counted and is not written yet (shop/redact). */
  forget(shop: string): void {
    for (const [key, row] of this.blocks) if (row.shop === shop) this.blocks.delete(key);
    for (const [key, row] of this.enrolments) if (row.shop === shop) this.enrolments.delete(key);
  }

  private touched(): void {
    this.pending += 1;
    if (this.pending === this.options.maxPending) this.options.onFull();
  }
}
