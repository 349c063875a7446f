import type { Storage } from '../db/storage.ts';
import type { Logger } from '../logger.ts';

export interface WebhookDelivery {
  /** Shopify's topic as sent in X-Shopify-Topic, e.g. `app/uninstalled`. */
  topic: string;
  shop: string;
  webhookId: string;
  eventId: string | undefined;
  payload: unknown;
}

export type WebhookHandler = (delivery: WebhookDelivery) => Promise<void>;

/**
 * One handler per topic. shopify.app.toml subscribes to the same topics; a test keeps the two lists equal.
 * Topics whose data features come later are acknowledged here with a note of what will read them.
 */
export function webhookHandlers(deps: { storage: Storage; logger: Logger }): Record<string, WebhookHandler> {
  const { storage, logger } = deps;
  const acknowledgeOnly =
    (reason: string): WebhookHandler =>
    async ({ topic, shop }) => {
      logger.debug({ topic, shop, reason }, 'webhook acknowledged');
    };
  return {
    // The access token must stop working for us the moment the merchant uninstalls.
    'app/uninstalled': async ({ shop }) => {
      await storage.shops.recordUninstall(shop, new Date());
      logger.info({ shop }, 'uninstalled: access token deleted');
    },
    'shop/redact': async ({ shop }) => {
      await storage.shops.eraseShop(shop);
      logger.info({ shop }, 'shop/redact: every row of the shop erased');
    },
    // Tacto stores no customer rows yet (orders arrive with the ingest feature), so there is nothing to
    // export or erase; these handlers grow with the data.
    'customers/data_request': acknowledgeOnly('no customer data stored yet'),
    'customers/redact': acknowledgeOnly('no customer data stored yet'),
    'orders/create': acknowledgeOnly('order ingest not built yet'),
    'orders/updated': acknowledgeOnly('order ingest not built yet'),
    'orders/cancelled': acknowledgeOnly('order ingest not built yet'),
    'refunds/create': acknowledgeOnly('order ingest not built yet'),
    'products/update': acknowledgeOnly('catalog ingest not built yet'),
    'products/delete': acknowledgeOnly('catalog ingest not built yet'),
    'customers_email_marketing_consent/update': acknowledgeOnly('consent ingest not built yet'),
    'bulk_operations/finish': acknowledgeOnly('backfill not built yet'),
  };
}
