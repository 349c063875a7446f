import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServerChild, type ServerChild } from './child.ts';
import type { LoadCommand, LoadResult } from './http-load.ts';
import type { Figure, Section } from './report.ts';
import { BENCH_SECRET } from './webhook-delivery.ts';
import { checkAppliedOnce, checkRetriesAcknowledged } from './webhook-verify.ts';

const CONCURRENCY = 200;
const WARM_UP = 1_000;
const PACED_RATE = 500;
const PACED_TOTAL = 2_500;
const RETRIES = 200;
const P99_GOAL_MS = 20;

/** What server-child.ts sends once listening. */
interface Listening {
  origin: string;
}

interface Pair {
  tacto: LoadResult;
  baseline: LoadResult;
}

/**
 * Webhook acknowledgement: signed orders/create deliveries from one load-generator process to the real
 * Tacto server in its own process, and the same load against an express hello-world, back to back.
 * Scenarios: 200 always in flight (the goal's reading), bursts of 200, and a steady 500/s open loop.
 * Every delivery to Tacto is a distinct event; at the end, retries must be acknowledged as duplicates and
 * every event applied exactly once.
 */
export async function webhookBenchmark(total = 5_000): Promise<Section> {
  const dir = mkdtempSync(join(tmpdir(), 'tacto-bench-hooks-'));
  const databasePath = join(dir, 'tacto.sqlite');
  const children: ServerChild<unknown>[] = [];
  try {
    const hello = await startServerChild<Listening>('server-child.ts', ['hello']);
    children.push(hello);
    const app = await startServerChild<Listening>('server-child.ts', ['app', databasePath, BENCH_SECRET]);
    children.push(app);
    const loader = await startServerChild<unknown>('load-child.ts', []);
    children.push(loader);

    // Each scenario takes the next range of delivery numbers, so Tacto never sees an event twice here.
    let delivered = 0;
    let applyLagSeconds = 0;
    const measure = async (mode: 'closed' | 'bursts' | 'paced', count: number): Promise<Pair> => {
      const command = (server: ServerChild<Listening>): LoadCommand => ({
        origin: server.ready.origin,
        mode,
        first: delivered,
        count,
        concurrency: CONCURRENCY,
        perSecond: PACED_RATE,
      });
      const baseline = await loader.ask<LoadResult>(command(hello));
      const tacto = await loader.ask<LoadResult>(command(app));
      delivered += count;
      if (tacto.failures + baseline.failures > 0) throw new Error(`${tacto.failures} Tacto and ${baseline.failures} baseline deliveries (${mode}) were not answered 200`);
      // Tacto's worker applies events after their 200: the next scenario starts once it is done.
      const draining = performance.now();
      await app.ask('idle');
      applyLagSeconds = Math.max(applyLagSeconds, (performance.now() - draining) / 1000);
      return { tacto, baseline };
    };
    await measure('closed', WARM_UP); // JIT (servers' and load generator's), connection pools, SQLite pages: not reported
    const closed = await measure('closed', total);
    const bursts = await measure('bursts', total);
    const paced = await measure('paced', PACED_TOTAL);

    const retried = Array.from({ length: RETRIES }, (_, i) => Math.floor((i * delivered) / RETRIES));
    const retryCheck = await checkRetriesAcknowledged(app.ready.origin, retried);
    await app.ask('idle');
    for (const child of [loader, app, hello]) await child.close();
    const appliedCheck = checkAppliedOnce(databasePath, delivered);

    const goal = (p99: number) => ({ text: `≤ ${P99_GOAL_MS} ms`, pass: p99 <= P99_GOAL_MS });
    const latency = (name: string, pair: Pair, key: 'p50' | 'p90' | 'p99' | 'max', withGoal = false): Figure => ({
      name,
      value: pair.tacto[key],
      baseline: pair.baseline[key],
      unit: 'ms',
      ...(withGoal ? { goal: goal(pair.tacto[key]) } : {}),
    });
    const n = (x: number) => x.toLocaleString('en-US');
    return {
      title: `Webhook acknowledgement — signed orders/create deliveries, ${CONCURRENCY} concurrent, each a new event`,
      baseline: 'express 5 hello-world (reads the body, answers 200) under the same load, same run; each server and the load generator in its own process',
      figures: [
        latency(`${CONCURRENCY} in flight (${n(total)}): p50`, closed, 'p50'),
        latency(`${CONCURRENCY} in flight (${n(total)}): p90`, closed, 'p90'),
        latency(`${CONCURRENCY} in flight (${n(total)}): p99`, closed, 'p99', true),
        latency(`${CONCURRENCY} in flight (${n(total)}): max`, closed, 'max'),
        { name: `${CONCURRENCY} in flight (${n(total)}): throughput`, value: closed.tacto.perSecond, baseline: closed.baseline.perSecond, unit: '/s' },
        latency(`bursts of ${CONCURRENCY} (${n(total)}): p50`, bursts, 'p50'),
        latency(`bursts of ${CONCURRENCY} (${n(total)}): p99`, bursts, 'p99', true),
        latency(`open loop ${PACED_RATE}/s (${n(PACED_TOTAL)}): p50`, paced, 'p50'),
        latency(`open loop ${PACED_RATE}/s (${n(PACED_TOTAL)}): p99`, paced, 'p99'),
      ],
      checks: [retryCheck, appliedCheck],
      notes: [
        `With ${CONCURRENCY} always in flight, mean latency = ${CONCURRENCY} ÷ throughput (Little's law): the hello-world's own ${n(Math.round(closed.baseline.perSecond))}/s means ${((CONCURRENCY / closed.baseline.perSecond) * 1000).toFixed(0)} ms on average; a p99 ≤ ${P99_GOAL_MS} ms needs ≥ ${n((CONCURRENCY / P99_GOAL_MS) * 1000)}/s.`,
        `Tacto's worker applied the last event of a scenario at most ${applyLagSeconds.toFixed(1)} s after its last acknowledgement (${n(WARM_UP)} warm-up deliveries not reported).`,
      ],
    };
  } finally {
    for (const child of children) child.kill();
    rmSync(dir, { recursive: true, force: true });
  }
}
