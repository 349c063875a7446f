/**
 * The counter storage estimate ("counter storage per shop per year", the simulator's `--storage`): the record sizes
 * are SQLite's own, the columns are the app's, and a day's rows written for months through the app's own counter
 * repository into a real SQLite file take what the estimate says, within a tenth.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sqliteAnalyticsRepository } from '../../server/db/sqlite/analytics.ts';
import { openSqlite } from '../../server/db/sqlite/open.ts';
import { estimateCounterStorage, recordBytes, STORAGE_ASSUMPTIONS, varintBytes, type CounterDay } from '../../sandbox/simulator/counter-storage.ts';
import { tempDir } from '../support/temp.ts';

/** A day like the one `npm run simulate -- --shoppers 300 --storage` plays on the demo store. */
const SIMULATED_DAY: CounterDay = {
  blocks: [
    { surface: 'cart', block: '4-grid-g-q', shown: 224, clicked: 0, added: 0 },
    { surface: 'home', block: '4-grid-g-q', shown: 888, clicked: 0, added: 0 },
    { surface: 'product-page', block: '4-grid-g-q', shown: 976, clicked: 28, added: 5 },
    { surface: 'product-page', block: 'link', shown: 0, clicked: 0, added: 6 },
  ],
  enrolments: [
    { experimentId: 1, arm: 'holdout', shoppers: 115 },
    { experimentId: 1, arm: 'treatment', shoppers: 145 },
  ],
  feedback: [
    { reason: 'not-my-style', productType: 'Scarf', count: 2 },
    { reason: 'too-personal', productType: 'Gloves', count: 1 },
  ],
  unsubscribed: 1,
};

describe('estimateCounterStorage', () => {
  it('sizes records as SQLite’s file format does', () => {
    expect(varintBytes(127)).toBe(1);
    expect(varintBytes(128)).toBe(2);
    expect(varintBytes(2_000_000)).toBe(3);
    // Header: its length, then text 'ab' (serial type 17), 0 and 1 (types 8 and 9: no bytes), 300 (2 bytes).
    expect(recordBytes(['ab', 0, 1, 300])).toBe(5 + 2 + 0 + 0 + 2);
  });

  it('counts one row per distinct key and table, and grows with keys, not traffic', () => {
    const estimate = estimateCounterStorage({ shop: 'tacto-demo.sandbox.test', counters: SIMULATED_DAY });
    expect(estimate.tables.map((t) => [t.table, t.rowsPerDay])).toEqual([
      ['block_counters', 4],
      ['experiment_enrolments', 2],
      ['feedback_counters', 2],
      ['followup_counters', 1],
    ]);
    expect(estimate.mibPerYear).toBeCloseTo((estimate.bytesPerDay * 365) / 2 ** 20);
    const tenTimesTheTraffic = { ...SIMULATED_DAY, blocks: SIMULATED_DAY.blocks.map((b) => ({ ...b, shown: b.shown * 10 })) };
    const busier = estimateCounterStorage({ shop: 'tacto-demo.sandbox.test', counters: tenTimesTheTraffic });
    expect(busier.bytesPerDay / estimate.bytesPerDay).toBeLessThan(1.05);
    const moreKeys = { ...SIMULATED_DAY, blocks: [...SIMULATED_DAY.blocks, ...SIMULATED_DAY.blocks.map((b) => ({ ...b, surface: 'collection' }))] };
    expect(estimateCounterStorage({ shop: 'tacto-demo.sandbox.test', counters: moreKeys }).bytesPerDay).toBeGreaterThan(estimate.bytesPerDay * 1.3);
  });

  it('matches what SQLite takes for the same rows, written through the app’s counter repository', async () => {
    // A shop's counters at retention: 400 days.
    const days = STORAGE_ASSUMPTIONS.retentionDays;
    for (const shops of [1, 3]) {
      const db = openSqlite(join(tempDir(), 'counters.sqlite'));
      const client = db.$client;
      const counters = sqliteAnalyticsRepository(client);
      // "Not for me" is counted by the product's type, looked up by handle: the rows' product types, by their handles.
      const feedback = client.prepare(
        `insert into feedback_counters (shop, day, reason, product_type, count) values (?, ?, ?, ?, ?)
         on conflict (shop, day, reason, product_type) do update set count = count + excluded.count`,
      );
      const names = Array.from({ length: shops }, (_, i) => `shop-${i}.myshopify.com`);
      for (let d = 0; d < days; d++) {
        const day = new Date(Date.UTC(2026, 0, 1) + d * 86_400_000).toISOString().slice(0, 10);
        // The app writes a day's counts in many small batches (once a second); four of them per day here.
        for (let flush = 0; flush < 4; flush++) {
          for (const shop of names) {
            await counters.addCounts({
              blocks: SIMULATED_DAY.blocks.map((b) => ({ shop, day, surface: b.surface, block: b.block, shown: b.shown >> 2, clicked: b.clicked >> 2, added: b.added >> 2 })),
              enrolments: SIMULATED_DAY.enrolments.map((e) => ({ shop, day, experimentId: e.experimentId, arm: e.arm as 'treatment' | 'holdout', shoppers: e.shoppers >> 2 })),
            });
            if (flush > 0) continue;
            for (const f of SIMULATED_DAY.feedback) feedback.run(shop, day, f.reason, f.productType, f.count);
            await counters.countUnsubscribe(shop, day);
          }
        }
      }
      client.pragma('wal_checkpoint(TRUNCATE)');
      const measured = client
        .prepare(
          `select sum(pgsize) from dbstat where name in ('block_counters', 'experiment_enrolments', 'feedback_counters', 'followup_counters')
             or name like 'sqlite_autoindex_block_counters%' or name like 'sqlite_autoindex_experiment_enrolments%'
             or name like 'sqlite_autoindex_feedback_counters%' or name like 'sqlite_autoindex_followup_counters%'`,
        )
        .pluck()
        .get() as number;
      client.close();
      const estimate = estimateCounterStorage({ shop: names[0]!, counters: SIMULATED_DAY });
      // The last page of each of the eight b-trees is half empty on average, whatever the estimate.
      const lastPages = 4 * STORAGE_ASSUMPTIONS.pageSize;
      const perShop = (measured - lastPages) / shops;
      expect(perShop / (estimate.bytesPerDay * days)).toBeGreaterThan(0.9);
      expect(perShop / (estimate.bytesPerDay * days)).toBeLessThan(1.1);
    }
  });
});
