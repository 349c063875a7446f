import express, { Router } from 'express';
import type { Storage } from '../db/storage.ts';
import type { Logger } from '../logger.ts';
import { HttpError } from '../http/errors.ts';
import { WEBHOOKS_PATH, type ShopifyApp } from '../shopify/shopify-app.ts';
import { INLINE_TOPICS, type WebhookHandler } from './handlers.ts';
import type { WebhookWorker } from './queue-worker.ts';
import { admitWebhook, bodyNamesShop, installationOf, shopNamedByBody } from './shop-binding.ts';

/**
 * POST /webhooks. Mounted before any JSON parser: the HMAC covers the raw bytes. Shopify's library checks
 * X-Shopify-Hmac-Sha256 and the required headers; a request that fails is answered 401 before anything is
 * written. The HMAC does not cover X-Shopify-Shop-Domain: a body that names its shop (the privacy topics,
 * app/uninstalled) must name the header's, or it is answered 401 with nothing written; an event for a shop
 * that is not installed is acknowledged and dropped (privacy requests excepted once a shop has installed).
 * A valid one is stored in the durable queue (once per X-Shopify-Event-Id) and acknowledged at once; the
 * worker applies it after the 200.
 */
export function webhookRoute(deps: {
  shopify: ShopifyApp;
  storage: Storage;
  handlers: Record<string, WebhookHandler>;
  worker: WebhookWorker;
  logger: Logger;
}): Router {
  const { shopify, storage, handlers, worker } = deps;
  const router = Router();
  router.post(WEBHOOKS_PATH, express.raw({ type: () => true, limit: '1mb' }), async (req, res) => {
    const rawBody = Buffer.isBuffer(req.body) ? req.body.toString('utf8') : '';
    const check = await shopify.api.webhooks.validate({ rawBody, rawRequest: req, rawResponse: res });
    if (!check.valid) throw new HttpError(401, 'invalid_webhook', `Webhook rejected: ${check.reason}.`);
    const topic = req.get('x-shopify-topic') ?? '';
    const shop = shopify.api.utils.sanitizeShop(check.domain);
    if (!shop) throw new HttpError(400, 'invalid_shop', 'X-Shopify-Shop-Domain is not a valid shop.');
    const handler = handlers[topic];
    if (!handler) throw new HttpError(404, 'unknown_topic', `Tacto does not subscribe to ${topic}.`);
    const eventId = req.get('x-shopify-event-id') ?? check.webhookId;
    // Only bodies that name their shop are parsed here; every other payload is parsed once, by its handler.
    const namedShop = bodyNamesShop(topic) ? shopNamedByBody(topic, safeJson(rawBody)) : undefined;
    const installation = installationOf(await storage.shops.find(shop));
    const admission = admitWebhook({ topic, headerShop: shop, namedShop, installation });
    if (admission === 'reject') {
      throw new HttpError(401, 'shop_mismatch', 'The signed body names another shop than X-Shopify-Shop-Domain.');
    }
    if (admission === 'drop') {
      // Acknowledged, or Shopify would retry for 48 hours; nothing is stored for a shop Tacto does not serve.
      res.status(200).json({ ok: true, dropped: true });
      return;
    }

    if (INLINE_TOPICS.has(topic)) {
      await handler({ topic, shop, webhookId: check.webhookId, eventId, payload: safeJson(rawBody) });
      res.status(200).json({ ok: true });
      return;
    }
    const outcome = await storage.webhookQueue.enqueue({
      shop,
      topic,
      eventId,
      webhookId: check.webhookId,
      triggeredAt: req.get('x-shopify-triggered-at') ?? null,
      // Kept as received until applied: the handler parses it, and may have to run again after an outage.
      payload: rawBody,
      receivedAt: new Date().toISOString(),
    });
    res.status(200).json({ ok: true, duplicate: outcome === 'duplicate' });
    if (outcome === 'queued') worker.kick();
  });
  return router;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
