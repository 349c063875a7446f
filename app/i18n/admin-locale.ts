import { DEFAULT_LOCALE, matchLocale, type Locale } from '../../server/i18n/locales.ts';

/**
 * The admin's language. Shopify admin opens an embedded app with `locale=` set to the staff member's language
 * (e.g. `es-419`, `pt-BR`); anything Tacto does not speak is shown in English.
 */
export function adminLocale(search: string = window.location.search): Locale {
  return matchLocale(new URLSearchParams(search).get('locale')) ?? DEFAULT_LOCALE;
}
