/**
 * The languages Tacto speaks — in the admin, on the storefront and in mail — under one convention: BCP 47 tags as
 * Shopify writes them (`en`, `es`, `pt-BR`). Whatever a platform, a browser or a buyer record says (`es-AR`, `pt_BR`,
 * `PT`, `en-US`), `matchLocale` turns it into one of these, so no other module compares language tags itself.
 */
export const LOCALES = ['en', 'es', 'pt-BR'] as const;
export type Locale = (typeof LOCALES)[number];

/** Where nothing says otherwise: the language Tacto is written in first. */
export const DEFAULT_LOCALE: Locale = 'en';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/**
 * Pure: the supported locale a language tag means — the same tag (any case, `_` or `-`), else its language alone
 * (`es-AR` → `es`, `pt` and `pt-PT` → `pt-BR`, `en-GB` → `en`); null when Tacto does not speak it.
 */
export function matchLocale(tag: string | null | undefined): Locale | null {
  if (typeof tag !== 'string') return null;
  const wanted = tag.trim().replace(/_/g, '-').toLowerCase();
  if (!wanted || wanted.length > 35) return null;
  const exact = LOCALES.find((locale) => locale.toLowerCase() === wanted);
  if (exact) return exact;
  const language = wanted.split('-')[0];
  return LOCALES.find((locale) => locale.toLowerCase().split('-')[0] === language) ?? null;
}

/** Pure: the first candidate Tacto speaks (e.g. the buyer's locale, then the order's, then the shop's), else `fallback`. */
export function chooseLocale(candidates: ReadonlyArray<string | null | undefined>, fallback: Locale = DEFAULT_LOCALE): Locale {
  for (const candidate of candidates) {
    const match = matchLocale(candidate);
    if (match) return match;
  }
  return fallback;
}
