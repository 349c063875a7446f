import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Stateless unsubscribe tokens: `v1.<payload>.<signature>`, all base64url, so a token drops into a URL path or
 * query without escaping. The payload is `<customerId>:<shop>`; the signature is HMAC-SHA256 over a
 * purpose label, the version and the payload.
 *
 * Stateless because every follow-up carries one and the unsubscribe endpoint must answer without a lookup
 * table that could be lost, grow without bound, or be written to by anyone who guesses a URL.
 *
 * Tokens never expire, on purpose: an unsubscribe link must keep working for as long as the mail sits in
 * someone's inbox (CAN-SPAM asks for at least 30 days, RFC 8058 one-click senders are judged on links that
 * work whenever they are clicked), and all a token can ever do is unsubscribe the one customer it names from
 * the one shop — the action its owner asked for, idempotent and harmless if replayed. Revoking every token at
 * once is still possible by rotating the secret (callers can try the old secret too while old mail ages out).
 */

const VERSION = 'v1';
/**
 * Domain separation: the secret is typically the app's API secret, also used for other HMACs (app proxy,
 * webhooks). The label makes sure no other signed value of Tacto's can ever be replayed as an unsubscribe token.
 */
const PURPOSE = 'tacto/unsubscribe';
const SIGNATURE_BYTES = 32;
/** A shop host (<= 255) plus a 16-digit id, base64url-encoded, plus the signature fits well within this. */
const MAX_TOKEN_LENGTH = 512;
const SHOP = /^[a-z0-9][a-z0-9-]*(\.[a-z0-9-]+)+$/i;
const BASE64URL = /^[A-Za-z0-9_-]+$/;

/** Mints the token for one customer of one shop. Throws on a missing secret or an invalid shop/customer id. */
export function unsubscribeToken(secret: string, shop: string, customerId: number): string {
  if (!secret) throw new Error('unsubscribeToken: the secret must not be empty');
  if (!isShop(shop)) throw new Error(`unsubscribeToken: "${shop}" is not a shop host`);
  if (!isCustomerId(customerId)) throw new Error(`unsubscribeToken: ${customerId} is not a customer id`);
  const payload = Buffer.from(`${customerId}:${shop.toLowerCase()}`, 'utf8').toString('base64url');
  return `${VERSION}.${payload}.${sign(secret, VERSION, payload).toString('base64url')}`;
}

/** The shop and customer a token names, or null for anything malformed, forged or oversized. Never throws. */
export function readUnsubscribeToken(secret: string, token: string): { shop: string; customerId: number } | null {
  if (!secret || typeof token !== 'string' || token.length > MAX_TOKEN_LENGTH) return null;
  const parts = token.split('.');
  if (parts.length !== 3) return null;
  const [version, payload, signature] = parts as [string, string, string];
  if (version !== VERSION || !isCanonicalBase64url(payload) || !isCanonicalBase64url(signature)) return null;

  const given = Buffer.from(signature, 'base64url');
  // timingSafeEqual throws on different lengths, so a truncated signature is turned away before it.
  if (given.length !== SIGNATURE_BYTES) return null;
  if (!timingSafeEqual(given, sign(secret, version, payload))) return null;

  // Only signed payloads get here, but they are still parsed defensively: the format may gain fields later.
  const match = /^(\d{1,16}):(.+)$/.exec(Buffer.from(payload, 'base64url').toString('utf8'));
  if (!match) return null;
  const customerId = Number(match[1]);
  const shop = match[2]!;
  if (!isCustomerId(customerId) || !isShop(shop)) return null;
  return { shop, customerId };
}

/**
 * Where the unsubscribe link of a test mail or a preview points (`/unsubscribe/test-mail`): not a token, so it
 * names nobody, and the route answers it with a page saying so. A test is built from a real buyer's order; its
 * link must not unsubscribe that buyer when the merchant (or their mail client's one-click) follows it.
 */
export const TEST_MAIL_TOKEN = 'test-mail';

function sign(secret: string, version: string, payload: string): Buffer {
  return createHmac('sha256', secret).update(`${PURPOSE}\n${version}\n${payload}`).digest();
}

/**
 * Node's base64url decoder skips characters it does not know and ignores stray trailing bits; requiring the
 * canonical encoding keeps exactly one spelling of each token, so tokens can be compared or logged as strings.
 */
function isCanonicalBase64url(text: string): boolean {
  return BASE64URL.test(text) && Buffer.from(text, 'base64url').toString('base64url') === text;
}

function isShop(shop: string): boolean {
  return typeof shop === 'string' && shop.length <= 255 && SHOP.test(shop);
}

function isCustomerId(id: number): boolean {
  return Number.isSafeInteger(id) && id > 0;
}
