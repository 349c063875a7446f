/**
 * The admin's words as a page has them, for tests of pure wording functions: an i18next instance over the real
 * translation files of one language (English as the fallback), built the way app/i18n/load-i18n.ts builds it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import i18next, { type i18n } from 'i18next';
import { NAMESPACES } from '../../app/i18n/namespaces.ts';
import type { Locale } from '../../server/i18n/locales.ts';

const LOCALES_DIR = join(import.meta.dirname, '../../app/locales');
const words = (locale: Locale) =>
  Object.fromEntries(NAMESPACES.map((namespace) => [namespace, JSON.parse(readFileSync(join(LOCALES_DIR, locale, `${namespace}.json`), 'utf8')) as object]));

export function adminI18n(locale: Locale): i18n {
  const instance = i18next.createInstance();
  void instance.init({
    lng: locale,
    fallbackLng: 'en',
    ns: [...NAMESPACES],
    defaultNS: 'common',
    resources: { [locale]: words(locale), en: words('en') },
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  return instance;
}
