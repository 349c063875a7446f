import { LOCALES, matchLocale, type Locale } from '../i18n/locales.ts';

/** One of the shop's languages as Shopify's `shopLocales` lists it. */
export interface ShopLocale {
  locale: string;
  primary: boolean;
  published: boolean;
}

/** A language whose translations Tacto reads: Shopify's tag for it (to ask for) and Tacto's (to store). */
export interface TranslationLocale {
  shopify: string;
  locale: Locale;
}

/**
 * Pure: the languages whose product translations are worth reading — published (shoppers can see them), not the
 * primary one (its titles are the products' own), and spoken by Tacto (the block around the picks is written in
 * en, es and pt-BR only). One Shopify locale per Tacto locale: the exact tag first (`pt-BR` before `pt-PT`), else
 * the first of the same language. A language the primary already speaks (`es-MX` beside a primary `es`) is left out.
 */
export function translationLocales(shopLocales: readonly ShopLocale[]): TranslationLocale[] {
  const primary = matchLocale(shopLocales.find((entry) => entry.primary)?.locale);
  const candidates = shopLocales.filter((entry) => entry.published && !entry.primary);
  const chosen: TranslationLocale[] = [];
  for (const locale of LOCALES) {
    if (locale === primary) continue;
    const same = candidates.filter((entry) => matchLocale(entry.locale) === locale);
    const pick = same.find((entry) => entry.locale.toLowerCase() === locale.toLowerCase()) ?? same[0];
    if (pick) chosen.push({ shopify: pick.locale, locale });
  }
  return chosen;
}
