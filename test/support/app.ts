import { FixedVisitorSeeds } from './draw-seeds.ts';
import type { Server } from 'node:http';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { BackfillOptions } from '../../server/backfill/backfill-service.ts';
import { startServer, type RunningServer } from '../../server/main.ts';
import { listenOnLoopback, tempDir } from './temp.ts';

export const TEST_API_KEY = 'test-api-key';
export const TEST_API_SECRET = 'test-api-secret';
/** TOKEN_ENCRYPTION_KEY of every test server: fixed, so a restarted server reads what the first one stored. */
export const TEST_MASTER_KEY = '5e'.repeat(32);

export interface TestApp extends RunningServer {
  databasePath: string;
  /** Every row of every table, for "nothing was written" assertions. */
  snapshot(): Record<string, unknown[]>;
}

/** startServer's options a test may set beside the backfill's (e.g. the webhook worker's retry schedule in ms). */
export type TestServerOptions = Pick<NonNullable<Parameters<typeof startServer>[1]>, 'webhooks' | 'drawSeeds' | 'analytics' | 'translations'>;

/**
 * Tests start with no holdout (a tenth of shoppers and follow-ups held out at random would make every other test's
 * blocks and mails come and go) and write counters at once; the holdout's own tests choose theirs.
 */
export const TEST_ANALYTICS = { initialExperiment: { question: 'block', holdoutPercent: 0 }, flushMs: 20 } as const;

/**
 * Starts the real server with a fresh SQLite file, on a loopback port it holds from the start (bound on port 0,
 * so no other process can take it between choosing and listening).
 *
 * `listener`: serve on this already-listening server instead, which the caller keeps (close() leaves it bound;
 * startAppWithSandbox restarts the app on it). Without one, the app gets its own and close() releases it.
 * A PORT in `env` (without a listener) is bound as given.
 */
export async function startTestApp(
  env: Record<string, string> = {},
  backfill: BackfillOptions = { pollIntervalMs: 20 },
  serverOptions: TestServerOptions = {},
  listener?: Server,
): Promise<TestApp> {
  const dir = tempDir();
  const own = !listener && env.PORT === undefined ? await listenOnLoopback() : undefined;
  const server = listener ?? own;
  const port = server ? (server.address() as { port: number }).port : Number(env.PORT);
  const databasePath = env.DATABASE_PATH ?? join(dir, 'tacto.sqlite');
  try {
    const running = await startServer(
      {
        SHOPIFY_API_KEY: TEST_API_KEY,
        SHOPIFY_API_SECRET: TEST_API_SECRET,
        HOST: `http://localhost:${port}`,
        PORT: String(port),
        DATABASE_PATH: databasePath,
        LOG_LEVEL: 'silent',
        TOKEN_ENCRYPTION_KEY: TEST_MASTER_KEY,
        ...env,
      },
      // A visitor's draw is fixed unless a test asks for real randomness: answers can then be compared exactly.
      { drawSeeds: new FixedVisitorSeeds(), analytics: TEST_ANALYTICS, ...serverOptions, host: '127.0.0.1', backfill, listener: server },
    );
    const close = async () => {
      await running.close();
      if (own) await closeListener(own);
    };
    return { ...running, close, databasePath, snapshot: () => snapshotDatabase(databasePath) };
  } catch (error) {
    if (own) await closeListener(own);
    throw error;
  }
}

/** Closes a listener and every connection still open on it. */
export function closeListener(server: Server): Promise<void> {
  if (!server.listening) return Promise.resolve();
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeAllConnections();
  return closed;
}

export function snapshotDatabase(file: string): Record<string, unknown[]> {
  const db = new Database(file, { readonly: true });
  try {
    const tables = db
      .prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name != '__drizzle_migrations'")
      .all() as { name: string }[];
    return Object.fromEntries(tables.map(({ name }) => [name, db.prepare(`select * from "${name}"`).all()]));
  } finally {
    db.close();
  }
}
