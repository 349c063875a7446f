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
 * `maxAgeMs` (in the background; the request answers with what is stored). When a full read starts is stored with
 * the shop, so a restart or another process does not read the catalog again; this process remembers it too, so a
 * storefront request asks storage at most once per shop until it is due. A shop that has not granted read_locales
 * and read_translations (installed before Tacto asked for them) keeps its default titles.
 * `onChanged` runs after each write, so answers remembered under the old translations are not served again.
 */
export class TranslationRefresher {
  /** When each shop's last full read started, as far as this process knows (storage has the last word). */
  private readonly lastFullRead = new Map<string, number>();
  /** Full reads under way, by shop. */
  private readonly running = new Map<string, Promise<void>>();
  /** A storefront request's look at the stored time, under way, by shop. */
  private readonly checking = new Map<string, Promise<void>>();
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
    const run = this.readShop(shop).finally(() => this.running.delete(shop));
    this.running.set(shop, run);
    return run;
  }

  /**
   * From a storefront request: starts a full read in the background when the last one is too old, as this process
   * remembers it or else as storage says. Never throws.
   */
  refreshIfStale(shop: string): void {
    if (this.isFresh(shop) || this.running.has(shop) || this.checking.has(shop) || this.stopping.signal.aborted) return;
    const check = (async () => {
      const stored = await this.deps.storage.translations.lastFullRead(shop);
      if (stored) this.lastFullRead.set(shop, Math.max(stored.getTime(), this.lastFullRead.get(shop) ?? 0));
      if (!this.isFresh(shop)) await this.refreshShop(shop);
    })()
      .catch((error: unknown) => this.deps.logger.warn({ shop, err: error }, 'product translations: read failed, retried later'))
      .finally(() => this.checking.delete(shop));
    this.checking.set(shop, check);
  }

  private isFresh(shop: string): boolean {
    const last = this.lastFullRead.get(shop);
    return last !== undefined && this.now() - last < (this.options.maxAgeMs ?? TRANSLATIONS_MAX_AGE_MS);
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

  /** Resolves once no full read is running or about to (shutdown; tests waiting for one started in the background). */
  async idle(): Promise<void> {
    while (this.running.size > 0 || this.checking.size > 0) await Promise.allSettled([...this.running.values(), ...this.checking.values()]);
  }

  /** shop/redact: nothing of the shop stays in memory. */
  forget(shop: string): void {
    this.lastFullRead.delete(shop);
  }

  private async readShop(shop: string): Promise<void> {
    const { shopify, storage, logger } = this.deps;
    // Stamped when it starts: a read that fails is tried again when the next one is due, not on every request.
    const startedAt = this.now();
    this.lastFullRead.set(shop, startedAt);
    await storage.translations.markFullRead(shop, new Date(startedAt));
    const session = await this.session(shop);
    if (!session) return;
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
