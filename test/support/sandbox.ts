import { SANDBOX_API_KEY, SANDBOX_API_SECRET } from '../../sandbox/credentials.ts';
import { startSandbox, type Sandbox, type SandboxOptions } from '../../sandbox/server.ts';
import type { BackfillOptions } from '../../server/backfill/backfill-service.ts';
import { closeListener, startTestApp, type TestApp, type TestServerOptions } from './app.ts';
import { waitFor } from './eventually.ts';
import { listenOnLoopback, tempDir } from './temp.ts';

export interface AppAndSandbox {
  app: TestApp;
  sandbox: Sandbox;
  /** Starts the app again on the same port and database, as after a process restart. */
  restartApp(): Promise<TestApp>;
  close(): Promise<void>;
}

/**
 * The app and a sandbox store wired as `npm start` wires them, on loopback ports and temp files. Each needs the
 * other's address, so both listen before either is wired: the app's listener is bound first (port 0, so the app's
 * URL is known), the sandbox starts on port 0 with that URL, then the app starts on its listener with the
 * sandbox's URL.
 */
export async function startAppWithSandbox(
  options: Partial<SandboxOptions> = {},
  backfill?: BackfillOptions,
  server: TestServerOptions = {},
): Promise<AppAndSandbox> {
  const listener = await listenOnLoopback();
  const appPort = (listener.address() as { port: number }).port;
  const appUrl = new URL(`http://localhost:${appPort}`);
  let sandbox: Sandbox;
  try {
    sandbox = await startSandbox({ appUrl, port: 0, smtpPort: null, dataDir: tempDir(), webhookRetryDelaysMs: [50, 200], ...options });
  } catch (error) {
    await closeListener(listener);
    throw error;
  }
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
  let app: TestApp;
  try {
    app = await startTestApp(env, backfill, server, listener);
  } catch (error) {
    await sandbox.close();
    await closeListener(listener);
    throw error;
  }
  const handle: AppAndSandbox = {
    app,
    sandbox,
    async restartApp() {
      const databasePath = handle.app.databasePath;
      // The listener stays bound across the restart (the app only detaches from it), so the port is never free for
      // another process to take: same URL, nothing for the sandbox to relearn. Clients' kept-alive connections stay
      // open too and reach the new app, so no client can race a socket closed under it (what a pause here used
      // to paper over).
      await handle.app.close();
      handle.app = await startTestApp({ ...env, DATABASE_PATH: databasePath }, backfill, server, listener);
      return handle.app;
    },
    async close() {
      await handle.app.close();
      await sandbox.close();
      await closeListener(listener);
    },
  };
  return handle;
}

/** Resolves once the shop's backfill has finished (or failed), polling storage. */
export async function backfillSettled(app: TestApp, shop: string, timeoutMs = 20_000) {
  let last: string = 'absent';
  return waitFor(
    async () => {
      const record = await app.storage.backfills.find(shop);
      last = record?.status ?? 'absent';
      return record && record.status !== 'running' ? record : undefined;
    },
    { timeoutMs, message: () => `the backfill of ${shop} to settle (still ${last})` },
  );
}

/** App and sandbox, installed, with the install's backfill finished: the state most tests start from. */
export async function startInstalledApp(
  options: Partial<SandboxOptions> = {},
  backfill?: BackfillOptions,
  server: TestServerOptions = {},
): Promise<AppAndSandbox> {
  const env = await startAppWithSandbox(options, backfill, server);
  await env.sandbox.install();
  await backfillSettled(env.app, env.sandbox.shop.myshopifyDomain);
  return env;
}
