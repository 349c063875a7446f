import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import i18next, { type i18n, type TFunction } from 'i18next';
import { NAMESPACES, type Namespace } from '../../app/i18n/namespaces.ts';
import type { Locale } from '../../server/i18n/locales.ts';

export const ADMIN_LOCALES_DIR = join(import.meta.dirname, '../../app/locales');

const filesOf = (locale: Locale) =>
  Object.fromEntries(NAMESPACES.map((namespace) => [namespace, JSON.parse(readFileSync(join(ADMIN_LOCALES_DIR, locale, `${namespace}.json`), 'utf8')) as object]));

/**
 * The admin's words in `locale`, read from its translation files with the options app/i18n/load-i18n.ts uses
 * (English as the fallback), for tests of the pure helpers that word codes.
 */
export function adminI18n(locale: Locale): i18n {
  const instance = i18next.createInstance();
  void instance.init({
    lng: locale,
    fallbackLng: 'en',
    ns: [...NAMESPACES],
    defaultNS: 'common',
    resources: { [locale]: filesOf(locale), ...(locale === 'en' ? {} : { en: filesOf('en') }) },
    interpolation: { escapeValue: false },
    returnNull: false,
    initAsync: false,
  });
  return instance;
}

/** `adminI18n`'s `t` for one namespace, for helpers that take a `t`. */
export async function adminWords<N extends Namespace>(locale: Locale, namespace: N): Promise<TFunction<N>> {
  return adminI18n(locale).getFixedT(locale, namespace) as TFunction<N>;
}
