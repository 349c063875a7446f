import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_MASTER_KEY } from '../support/app.ts';
import { SANDBOX_API_KEY, SANDBOX_API_SECRET } from '../../sandbox/credentials.ts';
import { loadOnlineRetail } from '../../sandbox/seed/online-retail.ts';
import { startSandbox, type Sandbox } from '../../sandbox/server.ts';
import { queryDb } from '../support/db.ts';
import { freePort, tempDir } from '../support/temp.ts';

/*
 * kill -9 in the middle of a backfill, then start again: the second process continues from the stored
 * progress and ends with exactly the source's orders and line items — none lost, none doubled.
 */

let sandbox: Sandbox;
let env: Record<string, string>;
let databasePath: string;
let appUrl: URL;

function startAppProcess(): ChildProcess {
  // One process (no tsx wrapper), so SIGKILL hits the server itself.
  return spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], { env: { ...process.env, ...env }, stdio: 'ignore' });
}

async function until<T>(probe: () => T | undefined, timeoutMs: number, what: string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const value = probe();
      if (value !== undefined) return value;
    } catch {
      // The database may not exist yet, or be mid-write.
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

async function healthy(): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    if (await fetch(new URL('/healthz', appUrl)).then((r) => r.ok, () => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('app did not start');
}

const backfill = () =>
  queryDb<{ status: string; stage: string; lines_done: number }>(databasePath, 'select status, stage, lines_done from backfills')[0];

beforeAll(async () => {
  const port = await freePort();
  appUrl = new URL(`http://localhost:${port}`);
  sandbox = await startSandbox({ appUrl, port: 0, smtpPort: null, seed: 'empty', dataDir: tempDir() });
  await loadOnlineRetail(sandbox.store, { file: join(import.meta.dirname, '../fixtures/online-retail-sample.csv.gz') });
  databasePath = join(tempDir(), 'tacto.sqlite');
  env = {
    SHOPIFY_API_KEY: SANDBOX_API_KEY,
    SHOPIFY_API_SECRET: SANDBOX_API_SECRET,
    TOKEN_ENCRYPTION_KEY: TEST_MASTER_KEY,
    HOST: appUrl.origin,
    PORT: String(port),
    DATABASE_PATH: databasePath,
    LOG_LEVEL: 'silent',
    SHOP_ORIGINS: `${sandbox.shop.myshopifyDomain}=${sandbox.apiOrigin}`,
    // Tiny batches: many commits, so the kill lands between two of them.
    BACKFILL_BATCH_RECORDS: '3',
    BACKFILL_POLL_MS: '20',
  };
});
afterAll(() => sandbox.close());

describe('a backfill killed with SIGKILL', () => {
  it('resumes on the next start and ends with exactly the source\'s orders and lines', async () => {
    const first = startAppProcess();
    await healthy();
    await sandbox.install();
    await until(() => {
      const state = backfill();
      return state && state.stage === 'orders' && state.lines_done > 0 ? state : undefined;
    }, 30_000, 'the orders stage to be under way');
    first.kill('SIGKILL');
    await new Promise((resolve) => first.once('exit', resolve));
    const interrupted = backfill()!;
    expect(interrupted.status).toBe('running');

    const second = startAppProcess();
    try {
      await healthy();
      const done = await until(() => (backfill()?.status === 'completed' ? backfill() : undefined), 60_000, 'the backfill to complete');
      expect(done!.lines_done).toBeGreaterThan(interrupted.lines_done);
    } finally {
      second.kill('SIGTERM');
      await new Promise((resolve) => second.once('exit', resolve));
    }

    const source = [...sandbox.store.orders.values()];
    const counts = queryDb<{ orders: number; lines: number; distinctLines: number }>(
      databasePath,
      `select (select count(*) from orders) as orders, (select count(*) from order_lines) as lines,
              (select count(distinct id) from order_lines) as distinctLines`,
    )[0]!;
    expect(counts.orders).toBe(source.length);
    expect(counts.lines).toBe(source.reduce((n, o) => n + o.lineItems.length, 0));
    expect(counts.distinctLines).toBe(counts.lines);
    const quantities = queryDb<{ total: number }>(databasePath, 'select sum(quantity) as total from order_lines')[0]!.total;
    expect(quantities).toBe(source.reduce((n, o) => n + o.lineItems.reduce((m, l) => m + l.quantity, 0), 0));
  });
});
