import type { Session } from '@shopify/shopify-api';
import type { Storage } from '../db/storage.ts';
import type { Logger } from '../logger.ts';
import type { ShopifyApp } from '../shopify/shopify-app.ts';
import { grantsTranslations, readAllTranslations, readProductTranslations, readTranslationLocales, type TranslationReadOptions } from './read-translations.ts';

export interface TranslationRefreshOptions extends TranslationReadOptions {
  /** How old a shop's last full read may be before a storefront request starts another (6 hours). */
  maxAgeMs?: number;
  clock?: () => number;
}

/** Shopify sends no webhook when only a translation changes: a full read every few hours bounds how stale one gets. */
export const TRANSLATIONS_MAX_AGE_MS = 6 * 60 * 60_000;

/**
 * Keeps product translations current. Shopify announces product edits (products/update: that product is read again,
 * its translations with it) but not translation edits in Translate & Adapt, so the whole catalog's translations are
 * also read after the backfill and then again when a storefront request finds the last full read older than
 * `maxAgeMs` (in the background; the request answers with what is stored). A shop that has not granted
 * read_locales and read_translations (installed before Tacto asked for them) keeps its default titles.
 * `onChanged` runs after each write, so answers remembered under the old translations are not served again.
 */
export class TranslationRefresher {
  private readonly lastFullRead = new Map<string, number>();
  private readonly running = new Map<string, Promise<void>>();
  /** Aborted on shutdown: a read waiting out a throttle gives up at once instead of holding the process. */
  private readonly stopping = new AbortController();

  constructor(
    private readonly deps: { shopify: ShopifyApp; storage: Storage; logger: Logger; onChanged?: (shop: string) => void },
    private readonly options: TranslationRefreshOptions = {},
  ) {}

  private now(): number {
    return (this.options.clock ?? Date.now)();
  }

  /** The reads' options: throttles waited out with a sleep that shutdown interrupts. */
  private readOptions(): TranslationReadOptions {
    const signal = this.stopping.signal;
    const sleep = (ms: number) =>
      new Promise<void>((resolve, reject) => {
        if (signal.aborted) return reject(signal.reason);
        const timer = setTimeout(() => {
          signal.removeEventListener('abort', abort);
          resolve();
        }, ms);
        const abort = () => {
          clearTimeout(timer);
          reject(signal.reason);
        };
        signal.addEventListener('abort', abort, { once: true });
      });
    return { sleep, ...this.options };
  }

  /** Reads every product's translations again and replaces the stored ones (joins a read already running). */
  refreshShop(shop: string): Promise<void> {
    if (this.stopping.signal.aborted) return Promise.resolve();
    const current = this.running.get(shop);
    if (current) return current;
    this.lastFullRead.set(shop, this.now());
    const run = this.readShop(shop).finally(() => this.running.delete(shop));
    this.running.set(shop, run);
    return run;
  }

  /** From a storefront request: starts a full read in the background when the last one is too old. Never throws. */
  refreshIfStale(shop: string): void {
    const last = this.lastFullRead.get(shop);
    if (last !== undefined && this.now() - last < (this.options.maxAgeMs ?? TRANSLATIONS_MAX_AGE_MS)) return;
    this.refreshShop(shop).catch((error: unknown) => this.deps.logger.warn({ shop, err: error }, 'product translations: read failed, retried later'));
  }

  /** products/create|update: that product's translations as they are now. Errors are thrown for the webhook queue. */
  async refreshProduct(shop: string, productId: number): Promise<void> {
    const session = await this.session(shop);
    if (!session) return;
    const { shopify, storage } = this.deps;
    // As the webhook's other re-reads: a short throttle waited out in place, anything longer back to the queue.
    const options = { maxThrottledAttempts: 3, timeoutMs: 20_000, ...this.readOptions() };
    const locales = await readTranslationLocales(shopify, session, options);
    const rows = locales.length === 0 ? [] : await readProductTranslations(shopify, session, productId, locales, options);
    await storage.translations.replaceProduct(shop, productId, rows);
    this.deps.onChanged?.(shop);
  }

  /** Shutdown: reads waiting out a throttle give up, and no new one starts; then waits for those running. */
  async stop(): Promise<void> {
    this.stopping.abort(new Error('Tacto is shutting down'));
    await this.idle();
  }

  /** Resolves once no full read is running (shutdown; tests waiting for one started in the background). */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running.values()]);
  }

  /** shop/redact: nothing of the shop stays in memory. */
  forget(shop: string): void {
    this.lastFullRead.delete(shop);
  }

  private async readShop(shop: string): Promise<void> {
    const session = await this.session(shop);
    if (!session) return;
    const { shopify, storage, logger } = this.deps;
    const options = this.readOptions();
    const locales = await readTranslationLocales(shopify, session, options);
    const rows = locales.length === 0 ? [] : await readAllTranslations(shopify, session, locales, options);
    await storage.translations.replaceAll(shop, rows);
    this.deps.onChanged?.(shop);
    logger.info({ shop, locales: locales.map((entry) => entry.locale), rows: rows.length }, 'product translations read');
  }

  /** The shop's offline session when it allows reading translations; null otherwise (uninstalled, or scopes not granted). */
  private async session(shop: string): Promise<Session | null> {
    const { shopify, storage } = this.deps;
    const session = await storage.sessions.loadSession(shopify.api.session.getOfflineId(shop));
    if (!session?.accessToken || !grantsTranslations(session)) return null;
    return session;
  }
}
