import express, { Router } from 'express';
import type { Logger } from '../logger.ts';
import { HttpError } from '../http/errors.ts';
import { WEBHOOKS_PATH, type ShopifyApp } from '../shopify/shopify-app.ts';
import type { WebhookHandler } from './handlers.ts';

/**
 * POST /webhooks. Mounted before any JSON parser: the HMAC covers the raw bytes. Shopify's library checks
 * X-Shopify-Hmac-Sha256 and the required headers; a request that fails is answered 401 before any handler
 * or write runs.
 */
export function webhookRoute(deps: { shopify: ShopifyApp; handlers: Record<string, WebhookHandler>; logger: Logger }): Router {
  const { shopify, handlers, logger } = deps;
  const router = Router();
  router.post(WEBHOOKS_PATH, express.raw({ type: () => true, limit: '1mb' }), async (req, res) => {
    const rawBody = Buffer.isBuffer(req.body) ? req.body.toString('utf8') : '';
    const check = await shopify.api.webhooks.validate({ rawBody, rawRequest: req, rawResponse: res });
    if (!check.valid) {
      throw new HttpError(401, 'invalid_webhook', `Webhook rejected: ${check.reason}.`);
    }
    const topic = req.get('x-shopify-topic') ?? '';
    const shop = shopify.api.utils.sanitizeShop(check.domain);
    const handler = handlers[topic];
    if (!shop) throw new HttpError(400, 'invalid_shop', 'X-Shopify-Shop-Domain is not a valid shop.');
    if (!handler) throw new HttpError(404, 'unknown_topic', `Tacto does not subscribe to ${topic}.`);
    let payload: unknown;
    try {
      payload = JSON.parse(rawBody);
    } catch {
      throw new HttpError(400, 'invalid_payload', 'The webhook body is not JSON.');
    }
    await handler({ topic, shop, webhookId: check.webhookId, eventId: req.get('x-shopify-event-id'), payload });
    logger.info({ topic, shop, webhookId: check.webhookId }, 'webhook handled');
    res.status(200).json({ ok: true });
  });
  return router;
}
