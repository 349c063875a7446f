import type { Storage } from '../db/storage.ts';
import { collectionChange, productChange } from '../ingest/catalog-changes.ts';
import { emptyBatch } from '../ingest/records.ts';
import { refetchCustomer, refetchOrder } from '../ingest/refetch.ts';
import { refetchCollectionProducts, refetchProductCollections } from '../ingest/refetch-collections.ts';
import type { Logger } from '../logger.ts';
import type { ShopModels } from '../recommendations/model-cache.ts';
import type { ShopifyApp } from '../shopify/shopify-app.ts';
import type { TranslationRefresher } from '../translations/translation-refresher.ts';
import { ShopNotInstalledError } from './failure.ts';
import {
  changedCollectionId,
  consentChange,
  deletedProductId,
  orderFromPayload,
  privacyRequest,
  productFromPayload,
  refundedOrderId,
} from './payloads.ts';

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
 * A re-read waits out a short throttle in place (the bucket refills within seconds) and gives up after 20 s
 * without an answer; anything longer goes back to the queue's retry schedule instead of holding up the queue.
 */
const REFETCH_OPTIONS = { maxThrottledAttempts: 3, timeoutMs: 20_000 };

/** Topics handled before the 200 instead of through the queue: the token must die with the installation. */
export const INLINE_TOPICS = new Set(['app/uninstalled']);

/**
 * One handler per topic. shopify.app.toml subscribes to the same topics (a test keeps the two lists equal).
 * Payloads are validated inside each handler: a malformed one throws and ends in the dead-letter list.
 * A handler may run again after a failure (Shopify unreachable): each one is idempotent, so a run after a
 * partial one changes nothing twice.
 */
export function webhookHandlers(deps: {
  storage: Storage;
  logger: Logger;
  shopify: ShopifyApp;
  /** Recommendation models to keep current; absent in tests that only check ingest. */
  models?: ShopModels;
  /** Product translations to keep current; absent in tests that only check ingest. */
  translations?: TranslationRefresher;
}): Record<string, WebhookHandler> {
  const { storage, logger, shopify, models, translations } = deps;
  const sessionOf = async (shop: string) => {
    const session = await storage.sessions.loadSession(shopify.api.session.getOfflineId(shop));
    if (!session?.accessToken) throw new ShopNotInstalledError();
    return session;
  };
  const upsertOrder: WebhookHandler = async ({ shop, payload }) => {
    const { order, lines } = orderFromPayload(payload);
    await storage.ingest.applyBatch(shop, { ...emptyBatch(), orders: [order], orderLines: lines });
    // A new order is learned at once; a cancellation is something the model must unlearn by rebuilding.
    if (order.cancelledAt) models?.changed(shop);
    else await models?.orderSaved(shop, order.id);
  };
  // Every catalog change reaches the next request: the model re-reads the catalog (ShopModels.catalogChanged).
  const saveProduct: WebhookHandler = async ({ shop, payload }) => {
    const product = productFromPayload(payload);
    const collectionIds = await refetchProductCollections(shopify, await sessionOf(shop), product.id, REFETCH_OPTIONS);
    await storage.ingest.applyBatch(shop, productChange(product, collectionIds));
    models?.catalogChanged(shop);
    // Shopify sends no webhook for a translation edit; a product's own edit is when its translations are read again
    // (a changed title may have outdated them, a new product may come translated).
    if (collectionIds !== null) await translations?.refreshProduct(shop, product.id);
  };
  const syncCollection: WebhookHandler = async ({ shop, payload }) => {
    const collectionId = changedCollectionId(payload);
    const productIds = await refetchCollectionProducts(shopify, await sessionOf(shop), collectionId, REFETCH_OPTIONS);
    await storage.ingest.applyBatch(shop, collectionChange(collectionId, productIds));
    models?.catalogChanged(shop);
  };
  return {
    'app/uninstalled': async ({ shop }) => {
      await storage.shops.recordUninstall(shop, new Date());
      logger.info({ shop }, 'uninstalled: access token deleted');
    },
    'orders/create': upsertOrder,
    'orders/updated': upsertOrder,
    'orders/cancelled': upsertOrder,
    'refunds/create': async ({ shop, payload }) => {
      const orderId = refundedOrderId(payload);
      await storage.ingest.applyBatch(shop, await refetchOrder(shopify, await sessionOf(shop), orderId, REFETCH_OPTIONS));
      models?.changed(shop);
    },
    // The payload brings the product; the collections it is in (custom or smart) are read again.
    'products/create': saveProduct,
    'products/update': saveProduct,
    'products/delete': async ({ shop, payload }) => {
      await storage.ingest.applyBatch(shop, { ...emptyBatch(), deletedProductIds: [deletedProductId(payload)] });
      models?.catalogChanged(shop);
    },
    // Collections are followed by their members only (Tacto keeps collection ids, not collections): a created or
    // updated collection's products are read again, a deleted one leaves every product it had.
    'collections/create': syncCollection,
    'collections/update': syncCollection,
    'collections/delete': async ({ shop, payload }) => {
      await storage.ingest.applyBatch(shop, collectionChange(changedCollectionId(payload), null));
      models?.catalogChanged(shop);
    },
    // A withdrawal clears the contact details at once, before anything else can fail; then the customer
    // is read again for the complete, current record (which minimizeCustomer reduces as usual).
    'customers_email_marketing_consent/update': async ({ shop, payload }) => {
      const change = consentChange(payload);
      if (!change.subscribed) await storage.ingest.withdrawConsent(shop, change.customerId, change.state);
      await storage.ingest.applyBatch(shop, await refetchCustomer(shopify, await sessionOf(shop), change.customerId, REFETCH_OPTIONS));
    },
    // Backfills poll their bulk operation; the announcement needs no work.
    'bulk_operations/finish': async () => undefined,
    'customers/data_request': async ({ shop, payload }) => {
      const { customerId } = privacyRequest(payload);
      await storage.privacy.saveDataRequest(shop, customerId, await storage.privacy.exportCustomer(shop, customerId), new Date().toISOString());
      logger.info({ shop }, 'customers/data_request: export ready in the admin');
    },
    // Erases the customer and, in the same transaction, leaves tombstones (HMACs, no personal data) that keep every
    // import (a running backfill, a later one, a late webhook) from writing them or their orders again.
    'customers/redact': async ({ shop, payload }) => {
      const { customerId, orderIds, email } = privacyRequest(payload);
      await storage.privacy.eraseCustomer(shop, customerId, orderIds, email);
      // The erased orders must stop counting anywhere, aggregates included.
      models?.changed(shop);
      logger.info({ shop }, 'customers/redact: customer erased, tombstones left');
    },
    // Every row of the shop, tombstones included; then its model and every answer built from it, in memory.
    'shop/redact': async ({ shop }) => {
      await storage.privacy.eraseShop(shop);
      models?.forget(shop);
      translations?.forget(shop);
      logger.info({ shop }, 'shop/redact: every row of the shop erased');
    },
  };
}
