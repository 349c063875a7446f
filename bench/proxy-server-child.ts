/**
 * The storefront-proxy benchmark's servers, each in its own process. Mode `app`: Tacto installed into a demo
 * sandbox store (orders imported, model built), as `npm start` runs it; `app-uncounted`: the same build with
 * counting and the holdout switched off (the analytics benchmark's baseline). Mode `hello`: an express 5 hello-world
 * answering GET /proxy/picks with a fixed body of the same size. Sends `{ origin, productId? }` when ready,
 * answers `cpu` with the CPU time it has used so far (µs, user + system), and exits when told `close`.
 */
import type { Server } from 'node:http';
import express from 'express';
import { startInstalledDemoApp } from './installed-demo-app.ts';

const mode = process.argv[2];

async function app(counting: boolean): Promise<{ ready: Record<string, unknown>; close(): Promise<void> }> {
  const demo = await startInstalledDemoApp('proxy', counting ? {} : { analytics: { disabled: true } });
  const { sandbox } = demo;
  const product = [...sandbox.store.products.values()].find((p) => p.handle === 'wool-overcoat')!;
  const buyers = new Set([...sandbox.store.orders.values()].flatMap((o) => (o.customerId === null ? [] : [o.customerId])));
  return {
    ready: { origin: demo.appUrl.origin, shop: demo.shop, productId: product.id, customerIds: [...buyers] },
    close: () => demo.close(),
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

const running = mode === 'app' || mode === 'app-uncounted' ? await app(mode === 'app') : await hello();
process.on('message', async (command) => {
  if (command === 'cpu') {
    const { user, system } = process.cpuUsage();
    process.send!({ cpuMicros: user + system });
    return;
  }
  if (command === 'close') {
    await running.close();
    process.exit(0);
  }
});
process.send!(running.ready);
