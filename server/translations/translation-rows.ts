import type { ProductTranslation } from '../db/storage.ts';
import type { Locale } from '../i18n/locales.ts';
import { legacyId } from '../ingest/records.ts';
import { productHandle } from '../proxy/product-handle.ts';

/** A `TranslatableResource` node as read (Shopify's shape), with the translations of one locale. */
export interface TranslatedResource {
  resourceId: string;
  translations: readonly { key: string; value: string | null }[];
}

/** What a stored title may hold at most: Shopify caps a product title at 255 characters. */
const MAX_TITLE = 255;

/**
 * Pure: the title and handle a resource has in `locale`, or null when it has neither. Shopify keeps translating keys
 * Tacto does not use (`body_html`, `meta_title`…): they are dropped. An outdated translation (the original changed
 * since) still counts: the storefront shows it too. A handle that is not a plain storefront handle (a link could not
 * carry it as the script reads it) is dropped, so the link keeps the default handle and still works.
 */
export function translationOf(resource: TranslatedResource, locale: Locale): ProductTranslation | null {
  const value = (key: string) => {
    const text = resource.translations.find((entry) => entry.key === key)?.value?.trim();
    return text ? text : null;
  };
  const title = value('title')?.slice(0, MAX_TITLE) ?? null;
  const handleText = value('handle');
  const handle = handleText !== null && productHandle.safeParse(handleText).success ? handleText : null;
  if (title === null && handle === null) return null;
  return { productId: legacyId(resource.resourceId), locale, title, handle };
}
