import i18next, { type i18n, type Resource } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { AppProviderProps } from '@shopify/polaris';
import { DEFAULT_LOCALE, type Locale } from '../../server/i18n/locales.ts';
import { NAMESPACES } from './namespaces.ts';

type PolarisTranslations = AppProviderProps['i18n'];

// Each language's files become their own chunk: a merchant downloads the words of their language (and English,
// the fallback a missing key would show — the parity test keeps that from happening).
const files = import.meta.glob<{ default: Record<string, unknown> }>('../locales/*/*.json');

const POLARIS: Record<Locale, () => Promise<{ default: PolarisTranslations }>> = {
  en: () => import('@shopify/polaris/locales/en.json'),
  es: () => import('@shopify/polaris/locales/es.json'),
  'pt-BR': () => import('@shopify/polaris/locales/pt-BR.json'),
};

async function resourcesOf(locale: Locale): Promise<Resource[string]> {
  const entries = await Promise.all(
    NAMESPACES.map(async (namespace) => {
      const load = files[`../locales/${locale}/${namespace}.json`];
      return [namespace, load ? (await load()).default : {}] as const;
    }),
  );
  return Object.fromEntries(entries);
}

/** The admin's words in `locale`: Tacto's (i18next, with plural rules and Intl formatting) and Polaris' own. */
export async function loadAdminI18n(locale: Locale): Promise<{ i18n: i18n; polaris: PolarisTranslations }> {
  const locales: Locale[] = locale === DEFAULT_LOCALE ? [locale] : [locale, DEFAULT_LOCALE];
  const [polaris, ...resources] = await Promise.all([POLARIS[locale]().then((module) => module.default), ...locales.map(resourcesOf)]);
  const instance = i18next.createInstance();
  await instance.use(initReactI18next).init({
    lng: locale,
    fallbackLng: DEFAULT_LOCALE,
    supportedLngs: [...locales],
    ns: [...NAMESPACES],
    defaultNS: 'common',
    resources: Object.fromEntries(locales.map((code, index) => [code, resources[index]!])),
    // React escapes what it renders; escaping here too would show "&amp;" to the merchant.
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return { i18n: instance, polaris };
}
