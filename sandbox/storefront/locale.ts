/** The storefront's published languages, as Shopify's `localization.available_languages` lists them. */
export interface StorefrontLanguage {
  iso_code: string;
  name: string;
  endonym_name: string;
  primary: boolean;
}

const LANGUAGES: Record<string, { name: string; endonym_name: string }> = {
  en: { name: 'English', endonym_name: 'English' },
  es: { name: 'Spanish', endonym_name: 'Español' },
  'pt-BR': { name: 'Portuguese (Brazil)', endonym_name: 'Português (Brasil)' },
};

/** The sandbox shop publishes the three languages Tacto ships translations for. */
export const STOREFRONT_LOCALES = Object.keys(LANGUAGES);

export function storefrontLanguages(primaryLocale: string): StorefrontLanguage[] {
  return STOREFRONT_LOCALES.map((iso_code) => ({ iso_code, ...LANGUAGES[iso_code]!, primary: iso_code === primaryLocale }));
}

/**
 * Pure: the page's locale. An explicit `?locale=` wins (Shopify uses a URL prefix such as `/es`; a query keeps the
 * sandbox's routes simple), then the browser's Accept-Language in its order of preference, then the shop's primary
 * locale. A region the shop does not publish falls back to its language (`es-MX` → `es`, `pt` → `pt-BR`).
 */
export function chooseLocale(input: { query?: unknown; acceptLanguage?: string; available: string[]; primary: string }): {
  locale: string;
  fromQuery: boolean;
} {
  if (typeof input.query === 'string') {
    const match = matchLocale(input.query, input.available);
    if (match) return { locale: match, fromQuery: true };
  }
  for (const tag of acceptedLanguages(input.acceptLanguage ?? '')) {
    const match = matchLocale(tag, input.available);
    if (match) return { locale: match, fromQuery: false };
  }
  return { locale: input.primary, fromQuery: false };
}

function matchLocale(tag: string, available: string[]): string | null {
  const wanted = tag.trim().toLowerCase();
  if (!wanted) return null;
  const exact = available.find((locale) => locale.toLowerCase() === wanted);
  if (exact) return exact;
  const language = wanted.split('-')[0];
  return available.find((locale) => locale.toLowerCase().split('-')[0] === language) ?? null;
}

/** Accept-Language tags, most preferred first (`q=0` means "not this one"). */
function acceptedLanguages(header: string): string[] {
  return header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((param) => param.trim()).find((param) => param.startsWith('q='));
      return { tag: tag.trim(), quality: q ? Number(q.slice(2)) : 1, index };
    })
    .filter((entry) => entry.tag && entry.tag !== '*' && entry.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.index - b.index)
    .map((entry) => entry.tag);
}
