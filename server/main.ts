import type { AnalyticsService } from './analytics/analytics-service.ts';
import { createServer, type Server } from 'node:http';
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
import { boundPort, listen, listenFirst, withListeningPort } from './http/listen.ts';
import { createLogger, type Logger } from './logger.ts';
import { deriveStorageKeys } from './security/keys.ts';
import type { TranslationRefresher } from './translations/translation-refresher.ts';

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
  analytics: AnalyticsService;
  translations: TranslationRefresher;
  server: Server;
  url: URL;
  close(): Promise<void>;
}

export interface StartOptions {
  /** Interface to bind (default all); tests bind loopback only. */
  host?: string;
  backfill?: BackfillOptions;
  followups?: AppDeps['followups'];
  /** The webhook worker's retry schedule, clock and randomness (tests run it in milliseconds). */
  webhooks?: AppDeps['webhooks'];
  /** Seeds of the recommendation draws (tests fix a visitor's to compare answers). */
  drawSeeds?: AppDeps['drawSeeds'];
  analytics?: AppDeps['analytics'];
  /** How often product translations are read again, and their clock (tests). */
  translations?: AppDeps['translations'];
  /**
   * An HTTP server already listening, to serve on instead of binding PORT: tests bind one on port 0 to know the
   * app's URL before the app (and the sandbox beside it) starts. Its owner keeps it: close() stops the app and
   * leaves the socket bound and its connections open (a restarted app serves on the same port).
   */
  listener?: Server;
}

/**
 * Boots Tacto from environment variables: validate config, open and migrate storage, listen.
 *
 * HOST with port 0 (e.g. http://localhost:0, with PORT=0) means "wherever this server ends up listening": the
 * server binds first, before anything reads the app's URL, and HOST takes the bound port.
 */
export async function startServer(env: Record<string, string | undefined>, options: StartOptions = {}): Promise<RunningServer> {
  const loaded = loadConfig(env);
  const host = options.host ?? '0.0.0.0';
  const early = !options.listener && loaded.appUrl.port === '0' ? await listenFirst(loaded.port, host) : null;
  const preBound = options.listener ?? early?.server;
  // The port actually bound is the one the app reports and names itself by.
  const config: AppConfig = preBound
    ? { ...loaded, port: boundPort(preBound), appUrl: withListeningPort(loaded.appUrl, boundPort(preBound)) }
    : loaded;
  try {
    return await boot(config, host, options, early);
  } catch (error) {
    early?.server.close();
    throw error;
  }
}

async function boot(config: AppConfig, host: string, options: StartOptions, early: Awaited<ReturnType<typeof listenFirst>> | null): Promise<RunningServer> {
  const logger = createLogger({ level: config.logLevel });
  const storage = createSqliteStorage(config.databasePath, deriveStorageKeys(config.masterKey));
  const { app, shopify, backfills, webhookWorker, models, recommendations, followups, analytics, translations } = createApp({
    config,
    storage,
    logger,
    backfill: options.backfill ?? config.backfill,
    followups: options.followups,
    webhooks: options.webhooks,
    drawSeeds: options.drawSeeds,
    analytics: options.analytics,
    translations: options.translations,
  });
  analytics.start();
  await backfills.resumeUnfinished();
  // Events acknowledged before a crash or restart are still pending or retrying: apply those due now, and
  // wake up when the next retry is due.
  webhookWorker.kick();
  // Marks follow-ups a crash left half-sent (never sent again), then runs a round every FOLLOWUP_TICK_MS.
  await followups.worker.start(config.followupTickMs);
  let server: Server;
  if (options.listener) {
    server = options.listener;
    server.on('request', app);
  } else if (early) {
    early.serve(app);
    server = early.server;
  } else {
    server = await listen(createServer(app), config.port, host);
  }
  const port = boundPort(server);
  logger.info({ port }, 'Tacto is listening');

  const stop = async () => {
    // First: a translation read waiting out a throttle would hold up the backfill's stop below.
    const translationsStopped = translations.stop();
    await followups.worker.stop();
    followups.mailer?.close();
    await backfills.stop();
    await webhookWorker.stop();
    // A translation read in flight finishes (or fails) before the file closes.
    await translationsStopped;
    // What the storefront counted in the last second is written before the file closes.
    await analytics.stop();
    if (options.listener) {
      // Not ours to close: stop answering on it. Its connections stay open for whatever serves on it next, as a
      // proxy keeps its clients' connections while the app behind it restarts (and no client of the listener
      // races a connection closed under it).
      server.off('request', app);
    } else {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    }
    await storage.close();
  };
  let stopping: Promise<void> | null = null;
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
    analytics,
    translations,
    server,
    url: new URL(`http://localhost:${port}`),
    /** Idempotent: a second call waits for the first. */
    close: () => (stopping ??= stop()),
  };
}

/** `npm run serve`: production, and `shopify app dev` (which passes the Partner app's credentials). */
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  // The Shopify CLI names the port BACKEND_PORT.
  const env = { ...process.env, PORT: process.env.PORT ?? process.env.BACKEND_PORT };
  startServer(env)
    // A parent that started this process with an IPC channel (the crash tests) learns where it listens.
    .then((running) => process.send?.({ type: 'listening', url: running.url.href, appUrl: running.config.appUrl.href }))
    .catch((error: unknown) => {
      console.error(error instanceof ConfigError ? error.message : error);
      process.exit(1);
    });
}
