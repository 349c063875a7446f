/**
 * Counter storage per shop per year, estimated from the simulator (issue "Analytics that tell a merchant whether
 * Tacto helps"): a simulated day of a small shop's traffic through the real storefront paths of an installed demo
 * store, its counters sized as SQLite stores them (sandbox/simulator/counter-storage.ts, checked against dbstat by
 * test/sandbox/counter-storage.test.ts), then a year of such days. Baseline: the same day kept as an event log — a
 * row per beacon and enrolment (shop, time, surface, block, event), which is what daily aggregates avoid.
 */
import { estimateCounterStorage, recordBytes, STORAGE_ASSUMPTIONS, varintBytes, type CounterDay } from '../sandbox/simulator/counter-storage.ts';
import { runSimulation } from '../sandbox/simulator/driver.ts';
import { startInstalledDemoApp } from './installed-demo-app.ts';
import type { Section } from './report.ts';

const SHOPPERS = 1_000;
const SEED = 1;

/** One row per event, in a rowid table without another index, sized as the counters are. */
function eventLogBytesPerDay(shop: string, counters: CounterDay): number {
  const a = STORAGE_ASSUMPTIONS;
  const at = '2026-01-01T12:00:00.000Z';
  const rowBytes = (surface: string, block: string, event: string) => {
    const record = recordBytes([shop, at, surface, block, event]);
    return ((varintBytes(record) + varintBytes(a.rowid) + record + 2) / a.tableFill) * (a.pageSize / (a.pageSize - a.leafHeader));
  };
  let bytes = 0;
  for (const b of counters.blocks) {
    bytes += b.shown * rowBytes(b.surface, b.block, 'shown') + b.clicked * rowBytes(b.surface, b.block, 'click') + b.added * rowBytes(b.surface, b.block, 'add');
  }
  for (const e of counters.enrolments) bytes += e.shoppers * rowBytes(String(e.experimentId), e.arm, 'enrol');
  for (const f of counters.feedback) bytes += f.count * rowBytes(f.reason, f.productType, 'feedback');
  bytes += counters.unsubscribed * rowBytes('email', '', 'unsubscribe');
  return bytes;
}

export async function analyticsStorageBenchmark(): Promise<Section> {
  const demo = await startInstalledDemoApp('analytics-storage');
  try {
    const run = await runSimulation({ shoppers: SHOPPERS, seed: SEED, url: demo.sandbox.url.origin });
    if (run.summary.errors.length > 0) throw new Error(`the simulated day had errors: ${run.summary.errors.slice(0, 3).join('; ')}`);
    const estimate = estimateCounterStorage({ shop: demo.shop, counters: run.summary.counters });
    const eventLogPerDay = eventLogBytesPerDay(demo.shop, run.summary.counters);
    const c = run.summary.counters;
    const events =
      c.blocks.reduce((n, b) => n + b.shown + b.clicked + b.added, 0) +
      c.enrolments.reduce((n, e) => n + e.shoppers, 0) +
      c.feedback.reduce((n, f) => n + f.count, 0) +
      c.unsubscribed;
    const mib = (bytesPerDay: number, days = 365) => Number(((bytesPerDay * days) / 2 ** 20).toFixed(2));
    return {
      title: `Counter storage per shop — a simulated day (${SHOPPERS} shoppers, seed ${SEED}, the default 10 % holdout) through the real storefront paths`,
      baseline: 'the same day kept as an event log (a row per beacon and enrolment), sized the same way',
      figures: [
        { name: 'rows per day', value: estimate.rowsPerDay, baseline: events, unit: 'rows' },
        { name: 'storage per year', value: mib(estimate.bytesPerDay), baseline: mib(eventLogPerDay), unit: 'MiB' },
        {
          name: `held at ${STORAGE_ASSUMPTIONS.retentionDays} days' retention`,
          value: mib(estimate.bytesPerDay, STORAGE_ASSUMPTIONS.retentionDays),
          baseline: mib(eventLogPerDay, STORAGE_ASSUMPTIONS.retentionDays),
          unit: 'MiB',
        },
      ],
      checks: [`the simulated day played without errors (${run.requests} requests)`],
      notes: [
        'Counters grow with the distinct keys of a day (surfaces × block settings, arms, feedback reasons × product types), not with traffic: a busier day adds almost nothing.',
      ],
    };
  } finally {
    await demo.close();
  }
}
