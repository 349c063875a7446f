import { createHash } from 'node:crypto';
import type { SandboxShop } from '../store/types.ts';
import { formatInZone } from '../seed/zoned-time.ts';

/** Shopify's `*_set` money object: the same amount in shop and presentment currency (the sandbox has one). */
export interface MoneySet {
  shop_money: { amount: string; currency_code: string };
  presentment_money: { amount: string; currency_code: string };
}

export function moneySet(amount: number | string, currencyCode: string): MoneySet {
  const text = typeof amount === 'number' ? money(amount) : amount;
  return {
    shop_money: { amount: text, currency_code: currencyCode },
    presentment_money: { amount: text, currency_code: currencyCode },
  };
}

/** Amounts as Shopify writes them in REST payloads: a string with two decimals. */
export function money(amount: number): string {
  return (Math.round(amount * 100) / 100).toFixed(2);
}

/** REST timestamps carry the shop's UTC offset (`2021-12-31T19:00:00-05:00`), not `Z`. */
export function shopTime(iso: string | null, shop: SandboxShop): string | null {
  return iso === null ? null : formatInZone(iso, shop.ianaTimezone);
}

/**
 * A stable numeric shop id. SandboxShop has none, but app/uninstalled and the privacy webhooks carry one;
 * deriving it from the domain keeps it the same across runs.
 */
export function shopIdFor(shop: SandboxShop): number {
  const digest = createHash('sha256').update(shop.myshopifyDomain).digest();
  return 10_000_000 + (digest.readUInt32BE(0) % 90_000_000);
}

/** A stable hex token (order tokens, checkout keys) from a seed string. */
export function stableToken(seed: string, length = 32): string {
  return createHash('sha256').update(seed).digest('hex').slice(0, length);
}

const regionNames = new Intl.DisplayNames(['en'], { type: 'region' });

/** `GB` → `United Kingdom`, as REST address objects spell the country out. */
export function countryName(countryCode: string): string {
  try {
    return regionNames.of(countryCode) ?? countryCode;
  } catch {
    return countryCode; // not an ISO 3166 code; pass it through rather than fail a webhook
  }
}

/** GraphQL enum value → the lowercase form REST payloads use (`SINGLE_OPT_IN` → `single_opt_in`). */
export function lower<T extends string | null>(value: T): T extends string ? string : null {
  return (value === null ? null : value.toLowerCase()) as T extends string ? string : null;
}
