/**
 * For the storefront benchmarks' server processes: the demo sandbox store with Tacto installed, orders imported
 * and the shop's model built — a store that has had Tacto for a while, wired as `npm start` wires it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SANDBOX_API_KEY, SANDBOX_API_SECRET } from '../sandbox/credentials.ts';
import { startSandbox, type Sandbox } from '../sandbox/server.ts';
import { boundPort, listen } from '../server/http/listen.ts';
import type { AnalyticsOptions } from '../server/analytics/analytics-service.ts';
import { startServer, type RunningServer } from '../server/main.ts';
import { BENCH_MASTER_KEY } from './storage-keys.ts';

export interface InstalledDemoApp {
  sandbox: Sandbox;
  server: RunningServer;
  appUrl: URL;
  shop: string;
  close(): Promise<void>;
}

export async function startInstalledDemoApp(name: string, options: { analytics?: AnalyticsOptions } = {}): Promise<InstalledDemoApp> {
  const dir = mkdtempSync(join(tmpdir(), `tacto-${name}-bench-`));
  // Bound first, on a port the kernel picks and the app keeps: the sandbox needs the app's URL before either starts.
  const listener = await listen(createServer(), 0, '127.0.0.1');
  const port = boundPort(listener);
  const appUrl = new URL(`http://127.0.0.1:${port}`);
  const sandbox = await startSandbox({ appUrl, port: 0, smtpPort: null, dataDir: join(dir, 'sandbox') });
  const server = await startServer(
    {
      SHOPIFY_API_KEY: SANDBOX_API_KEY,
      SHOPIFY_API_SECRET: SANDBOX_API_SECRET,
      HOST: appUrl.origin,
      PORT: String(port),
      DATABASE_PATH: join(dir, 'tacto.sqlite'),
      LOG_LEVEL: 'silent',
      TOKEN_ENCRYPTION_KEY: BENCH_MASTER_KEY,
      SHOP_ORIGINS: `${sandbox.shop.myshopifyDomain}=${sandbox.apiOrigin}`,
    },
    { backfill: { pollIntervalMs: 20 }, listener, ...(options.analytics ? { analytics: options.analytics } : {}) },
  );
  await sandbox.install();
  const shop = sandbox.shop.myshopifyDomain;
  for (;;) {
    const record = await server.storage.backfills.find(shop);
    if (record && record.status !== 'running') break;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  await server.models.get(shop);
  return {
    sandbox,
    server,
    appUrl,
    shop,
    close: async () => {
      await server.close();
      await new Promise<void>((resolve) => {
        listener.close(() => resolve());
        listener.closeAllConnections();
      });
      await sandbox.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
