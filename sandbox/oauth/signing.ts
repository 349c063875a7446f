import { createHmac, randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';

/**
 * How Shopify signs what it sends to apps, written from Shopify's documentation independently of the
 * app's own verification code (which is Shopify's library), so a test that passes proves the two agree.
 */

/** OAuth redirects and admin links: hex HMAC-SHA256 of `k=v` pairs sorted by key, URL-encoded, joined by `&`. */
export function signAdminQuery(params: Record<string, string>, secret: string): string {
  const message = Object.keys(params)
    .filter((key) => key !== 'hmac' && key !== 'signature')
    .sort((a, b) => a.localeCompare(b))
    .map((key) => `${encodeURIComponent(key)}=${encodeURIComponent(params[key]!)}`)
    .join('&');
  return createHmac('sha256', secret).update(message).digest('hex');
}

/**
 * App proxy requests: hex HMAC-SHA256 of `k=v` pairs sorted by key, not encoded, concatenated with no
 * separator; repeated keys have their values joined with `,`.
 */
export function signAppProxyQuery(params: Record<string, string | string[]>, secret: string): string {
  const message = Object.keys(params)
    .filter((key) => key !== 'signature')
    .sort((a, b) => a.localeCompare(b))
    .map((key) => {
      const value = params[key]!;
      return `${key}=${Array.isArray(value) ? value.join(',') : value}`;
    })
    .join('');
  return createHmac('sha256', secret).update(message).digest('hex');
}

/** Webhooks: base64 HMAC-SHA256 of the raw body, sent as X-Shopify-Hmac-Sha256. */
export function signWebhookBody(body: string, secret: string): string {
  return createHmac('sha256', secret).update(body, 'utf8').digest('base64');
}

/** App Bridge session tokens: HS256 JWTs signed with the app's secret, valid for one minute. */
export async function signSessionToken(input: {
  shop: string;
  apiKey: string;
  apiSecret: string;
  userId: string;
  now?: Date;
  lifetimeSeconds?: number;
}): Promise<string> {
  const issuedAt = Math.floor((input.now ?? new Date()).getTime() / 1000);
  return new SignJWT({
    iss: `https://${input.shop}/admin`,
    dest: `https://${input.shop}`,
    aud: input.apiKey,
    sub: input.userId,
    sid: randomUUID(),
    sig: randomUUID().replace(/-/g, ''),
  })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuedAt(issuedAt)
    .setNotBefore(issuedAt)
    .setExpirationTime(issuedAt + (input.lifetimeSeconds ?? 60))
    .setJti(randomUUID())
    .sign(new TextEncoder().encode(input.apiSecret));
}
