import type { Server } from 'node:http';
import { pathToFileURL } from 'node:url';
import { createApp, type AppDeps } from './app.ts';
import type { Followups } from './followups/setup.ts';
import type { ShopifyApp } from './shopify/shopify-app.ts';
import type { BackfillOptions, BackfillService } from './backfill/backfill-service.ts';
import type { WebhookWorker } from './webhooks/queue-worker.ts';
import type { ShopModels } from './recommendations/model-cache.ts';
import type { RecommendationService } from './recommendations/service.ts';
import { ConfigError, loadConfig, type AppConfig } from './config.ts';
import { createSqliteStorage } from './db/sqlite/storage.ts';
import type { Storage } from './db/storage.ts';
import { createLogger, type Logger } from './logger.ts';
import { deriveStorageKeys } from './security/keys.ts';

export interface RunningServer {
  config: AppConfig;
  storage: Storage;
  logger: Logger;
  shopify: ShopifyApp;
  backfills: BackfillService;
  webhookWorker: WebhookWorker;
  models: ShopModels;
  recommendations: RecommendationService;
  followups: Followups;
  server: Server;
  url: URL;
  close(): Promise<void>;
}

/** Boots Tacto from environment variables: validate config, open and migrate storage, listen. */
export async function startServer(
  env: Record<string, string | undefined>,
  options: { host?: string; backfill?: BackfillOptions; followups?: AppDeps['followups']; webhooks?: AppDeps['webhooks'] } = {},
): Promise<RunningServer> {
  const config = loadConfig(env);
  const logger = createLogger({ level: config.logLevel });
  const storage = createSqliteStorage(config.databasePath, deriveStorageKeys(config.masterKey));
  const { app, shopify, backfills, webhookWorker, models, recommendations, followups } = createApp({
    config,
    storage,
    logger,
    backfill: options.backfill ?? config.backfill,
    followups: options.followups,
    webhooks: options.webhooks,
  });
  await backfills.resumeUnfinished();
  // Events acknowledged before a crash or restart are still pending or retrying: apply those due now, and
  // wake up when the next retry is due.
  webhookWorker.kick();
  // Marks follow-ups a crash left half-sent (never sent again), then runs a round every FOLLOWUP_TICK_MS.
  await followups.worker.start(config.followupTickMs);
  const server = await new Promise<Server>((resolve, reject) => {
    const listening = app.listen(config.port, options.host ?? '0.0.0.0', (error?: Error) => (error ? reject(error) : resolve(listening)));
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  logger.info({ port }, 'Tacto is listening');
  return {
    config,
    storage,
    logger,
    shopify,
    backfills,
    webhookWorker,
    models,
    recommendations,
    followups,
    server,
    url: new URL(`http://localhost:${port}`),
    async close() {
      await followups.worker.stop();
      followups.mailer?.close();
      await backfills.stop();
      await webhookWorker.stop();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
      await storage.close();
    },
  };
}

/** `npm run serve`: production, and `shopify app dev` (which passes the Partner app's credentials). */
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  // The Shopify CLI names the port BACKEND_PORT.
  const env = { ...process.env, PORT: process.env.PORT ?? process.env.BACKEND_PORT };
  startServer(env).catch((error: unknown) => {
    console.error(error instanceof ConfigError ? error.message : error);
    process.exit(1);
  });
}
