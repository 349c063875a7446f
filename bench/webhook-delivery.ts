import { signWebhookBody } from '../sandbox/oauth/signing.ts';

export interface PreparedRequest {
  /** POST when absent (a webhook delivery). */
  method?: 'GET' | 'POST';
  path: string;
  headers: Record<string, string>;
  body: string;
}

export const BENCH_SECRET = 'bench-secret';
export const BENCH_SHOP = 'bench.myshopify.com';
/** Every delivery below carries these two lines: the checks count rows and quantities from them. */
export const LINES_PER_ORDER = 2;
export const QUANTITY_PER_ORDER = 3;

/**
 * Delivery `n`: a distinct `orders/create` event (order, line and event ids all derived from `n`) in the
 * REST shape `server/webhooks/payloads.ts` reads, signed as Shopify signs it. The same `n` gives the same
 * bytes and event id, which is what a Shopify retry looks like.
 */
export function orderCreatedDelivery(n: number): PreparedRequest {
  const body = JSON.stringify({
    id: 10_000_000 + n,
    created_at: '2026-11-01T10:00:00-05:00',
    updated_at: '2026-11-01T10:00:00-05:00',
    cancelled_at: null,
    customer: { id: 500 + (n % 300) },
    line_items: [
      { id: 20_000_000 + 2 * n, product_id: 1 + (n % 97), variant_id: 1, quantity: 1 },
      { id: 20_000_001 + 2 * n, product_id: 2 + (n % 89), variant_id: 2, quantity: 2 },
    ],
    refunds: [],
    fulfillments: [],
  });
  return {
    path: '/webhooks',
    body,
    headers: {
      'Content-Type': 'application/json',
      'X-Shopify-Topic': 'orders/create',
      'X-Shopify-Hmac-Sha256': signWebhookBody(body, BENCH_SECRET),
      'X-Shopify-Shop-Domain': BENCH_SHOP,
      'X-Shopify-Webhook-Id': `wh-${n}`,
      'X-Shopify-Event-Id': `ev-${n}`,
      'X-Shopify-Triggered-At': '2026-11-01T15:00:00.000Z',
      'X-Shopify-API-Version': '2026-07',
    },
  };
}
