/**
 * Scalars as Shopify's Admin GraphQL API prints them (checked against captured responses):
 * DateTime `2026-05-05T20:33:59Z` (UTC, whole seconds), Decimal amounts `25.0` / `12.5` (no trailing zeros
 * but at least one decimal), Money prices `25.00` (two decimals), UnsignedInt64 as a string.
 */

export function dateTime(iso: string): string;
export function dateTime(iso: string | null): string | null;
export function dateTime(iso: string | null): string | null {
  if (iso === null) return null;
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

/** `MoneyV2.amount`: Shopify's Decimal, e.g. `25.0`, `12.5`, `7.25`. */
export function decimalAmount(value: string | number): string {
  const cents = Math.round(Number(value) * 100);
  const whole = Math.trunc(cents / 100);
  const fraction = Math.abs(cents % 100);
  const sign = cents < 0 && whole === 0 ? '-' : '';
  if (fraction === 0) return `${sign}${whole}.0`;
  const digits = String(fraction).padStart(2, '0').replace(/0$/, '');
  return `${sign}${whole}.${digits}`;
}

/** `ProductVariant.price` (scalar Money): two decimals, e.g. `25.00`. */
export function moneyPrice(value: string | number): string {
  return (Math.round(Number(value) * 100) / 100).toFixed(2);
}

export function unsignedInt64(value: number): string {
  return String(value);
}

/** Strips tags from `descriptionHtml` to the plain text the store keeps. */
export function plainText(html: string): string {
  return html
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
