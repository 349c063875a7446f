/**
 * A server under load, in its own process so that neither the orchestrator nor the load generator shares
 * its event loop. Mode `app`: the real Tacto server (`startServer`, silent logs, its own SQLite file).
 * Mode `hello`: the baseline, an express 5 hello-world that answers 200 to a POST once it has read the body.
 * Sends `{ origin }` when listening; answers `idle` (Tacto's webhook worker has nothing left to apply) and
 * `close` (then exits).
 */
import type { Server } from 'node:http';
import express from 'express';
import { startServer } from '../server/main.ts';
import { BENCH_MASTER_KEY } from './storage-keys.ts';
import { BENCH_SHOP } from './webhook-delivery.ts';

const [mode, databasePath, secret] = process.argv.slice(2);

interface Running {
  origin: string;
  idle(): Promise<void>;
  close(): Promise<void>;
}

async function tacto(): Promise<Running> {
  const app = await startServer(
    { SHOPIFY_API_KEY: 'bench-key', SHOPIFY_API_SECRET: secret, HOST: 'https://bench.example', PORT: '0', DATABASE_PATH: databasePath, LOG_LEVEL: 'silent', TOKEN_ENCRYPTION_KEY: BENCH_MASTER_KEY },
    { host: '127.0.0.1' },
  );
  // Tacto drops events of shops that never installed it: the benchmark's shop is installed first.
  await app.storage.shops.recordInstall(BENCH_SHOP, ['read_orders'], new Date());
  return {
    origin: `http://127.0.0.1:${(app.server.address() as { port: number }).port}`,
    idle: () => app.webhookWorker.idle(),
    close: () => app.close(),
  };
}

async function helloWorld(): Promise<Running> {
  const app = express();
  // Reads the body as Tacto's route does (raw, for the HMAC), then answers.
  app.post('/webhooks', express.raw({ type: () => true, limit: '1mb' }), (_req, res) => {
    res.status(200).json({ ok: true });
  });
  const server = await new Promise<Server>((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  return {
    origin: `http://127.0.0.1:${(server.address() as { port: number }).port}`,
    idle: async () => {},
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

const running = mode === 'app' ? await tacto() : await helloWorld();
process.on('message', async (command) => {
  if (command === 'idle') {
    await running.idle();
    process.send!('idle');
  } else if (command === 'close') {
    await running.close();
    process.exit(0);
  }
});
process.send!({ origin: running.origin });
