import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import i18next, { type TFunction } from 'i18next';
import { NAMESPACES, type Namespace } from '../../app/i18n/namespaces.ts';
import type { Locale } from '../../server/i18n/locales.ts';

const LOCALES_DIR = join(import.meta.dirname, '../../app/locales');

/**
 * The admin's words in `locale`, read from its translation files as the admin loads them (same i18next options),
 * for tests of the pure helpers that take a `t`.
 */
export async function adminWords<N extends Namespace>(locale: Locale, namespace: N): Promise<TFunction<N>> {
  const read = (code: string) => Object.fromEntries(NAMESPACES.map((ns) => [ns, JSON.parse(readFileSync(join(LOCALES_DIR, code, `${ns}.json`), 'utf8'))]));
  const instance = i18next.createInstance();
  await instance.init({
    lng: locale,
    fallbackLng: 'en',
    ns: [...NAMESPACES],
    defaultNS: 'common',
    resources: { [locale]: read(locale), ...(locale === 'en' ? {} : { en: read('en') }) },
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return instance.getFixedT(locale, namespace) as TFunction<N>;
}
