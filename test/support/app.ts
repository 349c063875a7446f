import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { BackfillOptions } from '../../server/backfill/backfill-service.ts';
import { startServer, type RunningServer } from '../../server/main.ts';
import { freePort, tempDir } from './temp.ts';

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
export type TestServerOptions = Pick<NonNullable<Parameters<typeof startServer>[1]>, 'webhooks'>;

/** Starts the real server on a free port with a fresh SQLite file. */
export async function startTestApp(
  env: Record<string, string> = {},
  backfill: BackfillOptions = { pollIntervalMs: 20 },
  server: TestServerOptions = {},
): Promise<TestApp> {
  const dir = tempDir();
  const port = await freePort();
  const databasePath = env.DATABASE_PATH ?? join(dir, 'tacto.sqlite');
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
    { ...server, host: '127.0.0.1', backfill },
  );
  return { ...running, databasePath, snapshot: () => snapshotDatabase(databasePath) };
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
