/**
 * The storefront's country, as Shopify Markets knows it: `localization.country` in Liquid. Shopify picks it from
 * the visitor's location and lets them change it with the theme's localization form (`POST /localization` with
 * `country_code` and `return_to`), remembered in the `localization` cookie. The sandbox has no location, so a
 * visit starts in the shop's own country (Madrid: ES) and the form or the cookie chooses another.
 */
export interface StorefrontCountry {
  iso_code: string;
  name: string;
}

/** The countries the sandbox shop sells to: its demo customers' countries, and the United States. */
const COUNTRIES: Record<string, string> = {
  AR: 'Argentina',
  BR: 'Brazil',
  CL: 'Chile',
  DE: 'Germany',
  ES: 'Spain',
  GB: 'United Kingdom',
  IE: 'Ireland',
  MX: 'Mexico',
  PT: 'Portugal',
  US: 'United States',
};

export const SHOP_COUNTRY = 'ES';
/** Shopify's own cookie name for the chosen country. */
export const COUNTRY_COOKIE = 'localization';

export function storefrontCountries(): StorefrontCountry[] {
  return Object.entries(COUNTRIES).map(([iso_code, name]) => ({ iso_code, name }));
}

/** Pure: a country the shop sells to, from a form field or cookie (any case), or null. */
export function knownCountry(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const code = value.trim().toUpperCase();
  return code in COUNTRIES ? code : null;
}

export function countryObject(isoCode: string): StorefrontCountry {
  return { iso_code: isoCode, name: COUNTRIES[isoCode] ?? isoCode };
}
