import { SANDBOX_API_KEY, SANDBOX_API_SECRET } from '../../sandbox/credentials.ts';
import { startSandbox, type Sandbox, type SandboxOptions } from '../../sandbox/server.ts';
import type { BackfillOptions } from '../../server/backfill/backfill-service.ts';
import { startTestApp, type TestApp, type TestServerOptions } from './app.ts';
import { freePort, tempDir } from './temp.ts';

export interface AppAndSandbox {
  app: TestApp;
  sandbox: Sandbox;
  /** Starts the app again on the same port and database, as after a process restart. */
  restartApp(): Promise<TestApp>;
  close(): Promise<void>;
}

/** The app and a sandbox store wired as `npm start` wires them, on free ports and temp files. */
export async function startAppWithSandbox(
  options: Partial<SandboxOptions> = {},
  backfill?: BackfillOptions,
  server?: TestServerOptions,
): Promise<AppAndSandbox> {
  const appPort = await freePort();
  const appUrl = new URL(`http://localhost:${appPort}`);
  const sandbox = await startSandbox({ appUrl, port: 0, smtpPort: null, dataDir: tempDir(), webhookRetryDelaysMs: [50, 200], ...options });
  const env = {
    SHOPIFY_API_KEY: SANDBOX_API_KEY,
    SHOPIFY_API_SECRET: SANDBOX_API_SECRET,
    HOST: appUrl.origin,
    PORT: String(appPort),
    SHOP_ORIGINS: `${sandbox.shop.myshopifyDomain}=${sandbox.apiOrigin}`,
    APP_BRIDGE_URL: new URL('/cdn/app-bridge.js', sandbox.url).toString(),
    // With an SMTP sink (smtpPort given), the app mails through it, as `npm start` wires them.
    ...(sandbox.smtp ? { SMTP_URL: `smtp://127.0.0.1:${sandbox.smtp.port}` } : {}),
  };
  const handle: AppAndSandbox = {
    app: await startTestApp(env, backfill, server),
    sandbox,
    async restartApp() {
      const databasePath = handle.app.databasePath;
      await handle.app.close();
      // Let clients' connection pools see the old sockets close before the port is served again.
      await new Promise((resolve) => setTimeout(resolve, 50));
      handle.app = await startTestApp({ ...env, DATABASE_PATH: databasePath }, backfill, server);
      return handle.app;
    },
    async close() {
      await handle.app.close();
      await sandbox.close();
    },
  };
  return handle;
}

/** Resolves once the shop's backfill has finished (or failed), polling storage. */
export async function backfillSettled(app: TestApp, shop: string, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const record = await app.storage.backfills.find(shop);
    if (record && record.status !== 'running') return record;
    if (Date.now() > deadline) throw new Error(`backfill of ${shop} still ${record?.status ?? 'absent'} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** App and sandbox, installed, with the install's backfill finished: the state most tests start from. */
export async function startInstalledApp(
  options: Partial<SandboxOptions> = {},
  backfill?: BackfillOptions,
  server?: TestServerOptions,
): Promise<AppAndSandbox> {
  const env = await startAppWithSandbox(options, backfill, server);
  await env.sandbox.install();
  await backfillSettled(env.app, env.sandbox.shop.myshopifyDomain);
  return env;
}
