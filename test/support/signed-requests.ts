import { Session } from '@shopify/shopify-api';
import { signAdminQuery, signWebhookBody } from '../../sandbox/oauth/signing.ts';

/** Stores an offline session as if the shop had installed the app. */
export function offlineSession(shop: string, accessToken = 'shpat_test_token'): Session {
  return new Session({ id: `offline_${shop}`, shop, state: 'state', isOnline: false, accessToken, scope: 'read_products,read_orders' });
}

/** Sends a webhook signed (or not) the way Shopify signs it. */
export async function postWebhook(
  appUrl: URL,
  input: { topic: string; shop: string; body: unknown; secret: string; hmac?: string | null; eventId?: string },
): Promise<Response> {
  const raw = JSON.stringify(input.body);
  const headers: Record<string, string> = {
    'Content-Type': 'application/json',
    'X-Shopify-Topic': input.topic,
    'X-Shopify-Shop-Domain': input.shop,
    'X-Shopify-Webhook-Id': crypto.randomUUID(),
    'X-Shopify-Event-Id': input.eventId ?? crypto.randomUUID(),
    'X-Shopify-Triggered-At': new Date().toISOString(),
    'X-Shopify-API-Version': '2026-07',
  };
  const hmac = input.hmac === undefined ? signWebhookBody(raw, input.secret) : input.hmac;
  if (hmac !== null) headers['X-Shopify-Hmac-Sha256'] = hmac;
  return fetch(new URL('/webhooks', appUrl), { method: 'POST', headers, body: raw });
}

/** An OAuth callback URL with Shopify's signed parameters. */
export function signedCallbackUrl(appUrl: URL, params: Record<string, string>, secret: string): URL {
  const url = new URL('/api/auth/callback', appUrl);
  const all = { timestamp: String(Math.floor(Date.now() / 1000)), ...params };
  for (const [key, value] of Object.entries(all)) url.searchParams.set(key, value);
  url.searchParams.set('hmac', signAdminQuery(all, secret));
  return url;
}
