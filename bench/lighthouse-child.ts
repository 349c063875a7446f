/**
 * The Lighthouse benchmark's server, in its own process so that Lighthouse's own work in the orchestrator never
 * delays an answer: the demo sandbox store with Tacto installed (orders imported, model built), wired as
 * bench/proxy-server-child.ts's `app` mode and `npm start` wire it, so the storefront's Tacto block asks
 * `/apps/tacto/picks` through the sandbox's app proxy and the app answers. Sends `{ storefront, productPath }`
 * when ready and exits when told `close`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SANDBOX_API_KEY, SANDBOX_API_SECRET } from '../sandbox/credentials.ts';
import { startSandbox } from '../sandbox/server.ts';
import { startServer } from '../server/main.ts';

/** The product page measured: a coat of the demo catalog, whose block has complements to show. */
const PRODUCT_HANDLE = 'wool-overcoat';

export interface LighthouseServerReady {
  /** The sandbox's browser-facing origin: storefront, extension assets and the app proxy. */
  storefront: string;
  productPath: string;
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

const dir = mkdtempSync(join(tmpdir(), 'tacto-lighthouse-bench-'));
const port = await freePort();
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
    SHOP_ORIGINS: `${sandbox.shop.myshopifyDomain}=${sandbox.apiOrigin}`,
  },
  { host: '127.0.0.1', backfill: { pollIntervalMs: 20 } },
);
await sandbox.install();
const shop = sandbox.shop.myshopifyDomain;
// Picks come from the imported orders: measure only once the backfill is over and the model is built, as a
// shopper meets the block on a store that has had Tacto for a while.
for (;;) {
  const record = await server.storage.backfills.find(shop);
  if (record && record.status !== 'running') break;
  await new Promise((resolve) => setTimeout(resolve, 20));
}
await server.models.get(shop);
if (![...sandbox.store.products.values()].some((p) => p.handle === PRODUCT_HANDLE && p.status === 'ACTIVE')) {
  throw new Error(`the demo catalog has no active product ${PRODUCT_HANDLE}`);
}

process.on('message', async (command) => {
  if (command === 'close') {
    await server.close();
    await sandbox.close();
    rmSync(dir, { recursive: true, force: true });
    process.exit(0);
  }
});
const ready: LighthouseServerReady = { storefront: sandbox.url.origin, productPath: `/products/${PRODUCT_HANDLE}` };
process.send!(ready);
