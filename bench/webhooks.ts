import type { Server } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import express from 'express';
import { startServer } from '../server/main.ts';
import { runChild } from './child.ts';
import type { Figure } from './report.ts';

const SECRET = 'bench-secret';
const SHOP = 'bench.myshopify.com';
const CONCURRENCY = 200;
const PACED = 2_500;

interface LoadResult {
  p50: number;
  p90: number;
  p99: number;
  max: number;
  seconds: number;
  failures: number;
  count: number;
}

async function helloWorld(): Promise<{ origin: string; close(): Promise<void> }> {
  const app = express();
  app.post('/webhooks', express.raw({ type: () => true }), (_req, res) => {
    res.json({ ok: true });
  });
  const server = await new Promise<Server>((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  return {
    origin: `http://127.0.0.1:${(server.address() as { port: number }).port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

const load = (origin: string, mode: 'burst' | 'sustained' | 'paced', total: number, offset: number) =>
  runChild<LoadResult>('bench/load-child.ts', [origin, mode, String(total), String(CONCURRENCY), SECRET, SHOP, String(offset)]);

/**
 * Webhook acknowledgement: bursts of 200 simultaneous signed deliveries (as Shopify fires them after a
 * busy moment), and a sustained 200-in-flight load, against an express hello-world in the same run. Every
 * delivery is a distinct orders/create event; at the end all must be applied exactly once.
 */
export async function webhookBenchmark(total = 5_000): Promise<Figure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'tacto-bench-hooks-'));
  const databasePath = join(dir, 'tacto.sqlite');
  const app = await startServer(
    { SHOPIFY_API_KEY: 'bench-key', SHOPIFY_API_SECRET: SECRET, HOST: 'http://localhost:1', PORT: '0', DATABASE_PATH: databasePath, LOG_LEVEL: 'silent' },
    { host: '127.0.0.1' },
  );
  const baseline = await helloWorld();
  try {
    const origin = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
    // Warm-up of both servers (JIT, connection pools), not reported.
    await load(baseline.origin, 'sustained', 1_000, 0);
    await load(origin, 'sustained', 1_000, 1_000_000);
    const baseBurst = await load(baseline.origin, 'burst', total, 0);
    const burst = await load(origin, 'burst', total, 0);
    const baseSustained = await load(baseline.origin, 'sustained', total, 0);
    const sustained = await load(origin, 'sustained', total, total);
    const basePaced = await load(baseline.origin, 'paced', PACED, 0);
    const paced = await load(origin, 'paced', PACED, 2 * total);
    if (burst.failures + sustained.failures + paced.failures > 0) throw new Error(`${burst.failures + sustained.failures} deliveries were not acknowledged with 200`);
    await app.webhookWorker.idle();
    const expected = 1_000 + 2 * total + PACED;
    const db = new Database(databasePath, { readonly: true });
    const stored = db.prepare('select (select count(*) from orders) as orders, (select count(*) from order_lines) as lines').get() as { orders: number; lines: number };
    db.close();
    if (stored.orders !== expected || stored.lines !== 2 * expected) throw new Error(`applied ${stored.orders} orders of ${expected}`);
    const note = `${total} deliveries in bursts of ${CONCURRENCY}; all ${expected} events applied once`;
    return [
      { name: 'webhook ack, bursts of 200: p50', value: burst.p50, unit: 'ms', baseline: baseBurst.p50, baselineName: 'express hello-world', ratio: burst.p50 / baseBurst.p50 },
      { name: 'webhook ack, bursts of 200: p99', value: burst.p99, unit: 'ms', baseline: baseBurst.p99, baselineName: 'express hello-world', ratio: burst.p99 / baseBurst.p99, goal: '≤ 20 ms', pass: burst.p99 <= 20, note },
      { name: 'webhook ack, 500/s on 200 conns: p99', value: paced.p99, unit: 'ms', baseline: basePaced.p99, baselineName: 'express hello-world', ratio: paced.p99 / basePaced.p99, note: `${PACED} deliveries started at a steady 500 per second (open loop)` },
      { name: 'webhook ack, 200 in flight: p99', value: sustained.p99, unit: 'ms', baseline: baseSustained.p99, baselineName: 'express hello-world', ratio: sustained.p99 / baseSustained.p99 },
      { name: 'webhook ack, 200 in flight: rate', value: total / sustained.seconds, unit: '/s', baseline: total / baseSustained.seconds, baselineName: 'express hello-world', ratio: baseSustained.seconds / sustained.seconds },
    ];
  } finally {
    await baseline.close();
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
