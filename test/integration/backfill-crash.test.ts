import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_MASTER_KEY } from '../support/app.ts';
import { SANDBOX_API_KEY, SANDBOX_API_SECRET } from '../../sandbox/credentials.ts';
import { loadOnlineRetail } from '../../sandbox/seed/online-retail.ts';
import { startSandbox, type Sandbox } from '../../sandbox/server.ts';
import { exited, spawnAppProcess } from '../support/app-process.ts';
import { queryDb } from '../support/db.ts';
import { waitFor } from '../support/eventually.ts';
import { tempDir } from '../support/temp.ts';

/*
 * kill -9 in the middle of a backfill, then start again: the second process continues from the stored
 * progress and ends with exactly the source's orders and line items — none lost, none doubled.
 */

let sandbox: Sandbox;
let env: Record<string, string>;
let databasePath: string;
const children: ChildProcess[] = [];

/** The app as its own process on a port it picked, with the sandbox pointed at it. */
async function startApp(): Promise<ChildProcess> {
  const app = spawnAppProcess(env);
  children.push(app.child);
  sandbox.setAppUrl((await app.listening()).appUrl);
  return app.child;
}

/** The backfill's row once `ready` says so; the file may not exist yet, or be mid-write, while the app starts. */
function until<T>(ready: (state: T) => boolean, read: () => T | undefined, timeoutMs: number, what: string): Promise<T> {
  return waitFor(
    () => {
      try {
        const state = read();
        return state !== undefined && ready(state) ? state : undefined;
      } catch {
        return undefined;
      }
    },
    { timeoutMs, intervalMs: 5, message: what },
  );
}

const backfill = () =>
  queryDb<{ status: string; stage: string; lines_done: number }>(databasePath, 'select status, stage, lines_done from backfills')[0];

beforeAll(async () => {
  // The app's URL is known only once its process listens (startApp tells the sandbox); nothing reaches the app
  // before that, and port 0 refuses any connection if something tried.
  sandbox = await startSandbox({ appUrl: new URL('http://localhost:0'), port: 0, smtpPort: null, seed: 'empty', dataDir: tempDir() });
  await loadOnlineRetail(sandbox.store, { file: join(import.meta.dirname, '../fixtures/online-retail-sample.csv.gz') });
  databasePath = join(tempDir(), 'tacto.sqlite');
  env = {
    SHOPIFY_API_KEY: SANDBOX_API_KEY,
    SHOPIFY_API_SECRET: SANDBOX_API_SECRET,
    TOKEN_ENCRYPTION_KEY: TEST_MASTER_KEY,
    DATABASE_PATH: databasePath,
    LOG_LEVEL: 'silent',
    SHOP_ORIGINS: `${sandbox.shop.myshopifyDomain}=${sandbox.apiOrigin}`,
    // Tiny batches: many commits, so the kill lands between two of them.
    BACKFILL_BATCH_RECORDS: '3',
    BACKFILL_POLL_MS: '20',
  };
});
afterAll(async () => {
  // A failed step may leave a child running.
  for (const child of children) {
    child.kill('SIGKILL');
    await exited(child);
  }
  await sandbox.close();
});

describe('a backfill killed with SIGKILL', () => {
  it('resumes on the next start and ends with exactly the source\'s orders and lines', async () => {
    const first = await startApp();
    await sandbox.install();
    await until((state) => state.stage === 'orders' && state.lines_done > 0, backfill, 60_000, 'the orders stage to be under way');
    first.kill('SIGKILL');
    await exited(first);
    const interrupted = backfill()!;
    expect(interrupted.status).toBe('running');

    const second = await startApp();
    try {
      const done = await until((state) => state.status === 'completed', backfill, 120_000, 'the backfill to complete');
      expect(done.lines_done).toBeGreaterThan(interrupted.lines_done);
    } finally {
      second.kill('SIGTERM');
      await exited(second);
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
    // Room for every deadline above (a loaded 2-core machine took 58 s): they, not this, should say what hung.
  }, 300_000);
});
