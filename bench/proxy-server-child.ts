/**
 * The storefront-proxy benchmark's servers, each in its own process. Mode `app`: Tacto installed into a demo
 * sandbox store (orders imported, model built), as `npm start` runs it. Mode `hello`: an express 5 hello-world
 * answering GET /proxy/picks with a fixed body of the same size. Sends `{ origin, productId? }` when ready and
 * exits when told `close`.
 */
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import express from 'express';
import { SANDBOX_API_KEY, SANDBOX_API_SECRET } from '../sandbox/credentials.ts';
import { startSandbox } from '../sandbox/server.ts';
import { startServer } from '../server/main.ts';

const mode = process.argv[2];

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

async function app(): Promise<{ ready: Record<string, unknown>; close(): Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'tacto-proxy-bench-'));
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
  for (;;) {
    const record = await server.storage.backfills.find(shop);
    if (record && record.status !== 'running') break;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  await server.models.get(shop);
  const product = [...sandbox.store.products.values()].find((p) => p.handle === 'wool-overcoat')!;
  const buyers = new Set([...sandbox.store.orders.values()].flatMap((o) => (o.customerId === null ? [] : [o.customerId])));
  return {
    ready: { origin: appUrl.origin, shop, productId: product.id, customerIds: [...buyers] },
    close: async () => {
      await server.close();
      await sandbox.close();
    },
  };
}

async function hello(): Promise<{ ready: Record<string, unknown>; close(): Promise<void> }> {
  const web = express();
  const body = JSON.stringify({
    items: Array.from({ length: 4 }, (_, k) => ({ kind: 'product', title: `Merino Wool Scarf ${k}`, url: `/products/merino-scarf-${k}`, price: '45.00' })),
  });
  web.get('/proxy/picks', (_req, res) => {
    res.set('Cache-Control', 'public, max-age=300').type('application/json').send(body);
  });
  const server = await new Promise<Server>((resolve) => {
    const listening = web.listen(0, '127.0.0.1', () => resolve(listening));
  });
  return {
    ready: { origin: `http://127.0.0.1:${(server.address() as { port: number }).port}` },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

const running = mode === 'app' ? await app() : await hello();
process.on('message', async (command) => {
  if (command === 'close') {
    await running.close();
    process.exit(0);
  }
});
process.send!(running.ready);
