import type { Session } from '@shopify/shopify-api';
import { z } from 'zod';
import type { ProductTranslation } from '../db/storage.ts';
import type { RefetchOptions } from '../ingest/refetch.ts';
import { adminGraphql } from '../shopify/admin-graphql.ts';
import type { ShopifyApp } from '../shopify/shopify-app.ts';
import { translationLocales, type TranslationLocale } from './translation-locales.ts';
import { translationOf } from './translation-rows.ts';

/*
 * Product translations read through the Admin API (scopes read_locales and read_translations): the shop's languages
 * (`shopLocales`), then each product's `translations(locale:)` through `translatableResources` — the whole catalog,
 * one language at a time — or `translatableResourcesByIds` for one product. Errors are thrown for the caller (the
 * webhook queue retries; a periodic read tries again later).
 */

/** Resources per page: Shopify's maximum. A page costs about 500 points of the 1,000 allowed per query. */
const PAGE_SIZE = 250;
/** A defect guard (a cursor that never ends), far above any real store: 1,000 pages = 250,000 products. */
const MAX_PAGES = 1_000;

export type TranslationReadOptions = RefetchOptions & { pageSize?: number };

const SHOP_LOCALES = `#graphql
  query TactoShopLocales {
    shopLocales { locale primary published }
  }`;

const ALL_TRANSLATIONS = `#graphql
  query TactoProductTranslations($locale: String!, $first: Int!, $after: String) {
    translatableResources(resourceType: PRODUCT, first: $first, after: $after) {
      nodes { resourceId translations(locale: $locale) { key value locale outdated } }
      pageInfo { hasNextPage endCursor }
    }
  }`;

const PRODUCT_TRANSLATIONS = `#graphql
  query TactoProductTranslation($ids: [ID!]!, $locale: String!) {
    translatableResourcesByIds(resourceIds: $ids, first: 1) {
      nodes { resourceId translations(locale: $locale) { key value locale outdated } }
    }
  }`;

const node = z.object({
  resourceId: z.string().regex(/^gid:\/\/shopify\/Product\/\d+$/),
  translations: z.array(z.object({ key: z.string(), value: z.string().nullable() })),
});
const shopLocalesAnswer = z.object({ shopLocales: z.array(z.object({ locale: z.string(), primary: z.boolean(), published: z.boolean() })) });
const pageAnswer = z.object({
  translatableResources: z.object({
    nodes: z.array(node),
    pageInfo: z.object({ hasNextPage: z.boolean(), endCursor: z.string().nullable().optional() }),
  }),
});
const byIdsAnswer = z.object({ translatableResourcesByIds: z.object({ nodes: z.array(node) }) });

/** The scopes every read here needs; a shop installed before they were asked for has not granted them yet. */
const TRANSLATION_SCOPES = ['read_locales', 'read_translations'] as const;

export function grantsTranslations(session: Session): boolean {
  const granted = (session.scope ?? '').split(',').map((scope) => scope.trim());
  return TRANSLATION_SCOPES.every((scope) => granted.includes(scope));
}

/** The shop's published languages Tacto reads translations for (translation-locales.ts). */
export async function readTranslationLocales(shopify: ShopifyApp, session: Session, options: RefetchOptions = {}): Promise<TranslationLocale[]> {
  const data = await adminGraphql<unknown>(shopify, session, SHOP_LOCALES, options);
  return translationLocales(shopLocalesAnswer.parse(data).shopLocales);
}

/** Every product's title and handle in each of `locales`. */
export async function readAllTranslations(
  shopify: ShopifyApp,
  session: Session,
  locales: readonly TranslationLocale[],
  { pageSize = PAGE_SIZE, ...options }: TranslationReadOptions = {},
): Promise<ProductTranslation[]> {
  const rows: ProductTranslation[] = [];
  for (const { shopify: tag, locale } of locales) {
    let after: string | null = null;
    for (let pages = 1; ; pages += 1) {
      const data: unknown = await adminGraphql<unknown>(shopify, session, ALL_TRANSLATIONS, { ...options, variables: { locale: tag, first: pageSize, after } });
      const page: z.infer<typeof pageAnswer>['translatableResources'] = pageAnswer.parse(data).translatableResources;
      for (const resource of page.nodes) {
        const row = translationOf(resource, locale);
        if (row) rows.push(row);
      }
      if (!page.pageInfo.hasNextPage) break;
      if (!page.pageInfo.endCursor || page.pageInfo.endCursor === after || pages >= MAX_PAGES) {
        throw new Error('Shopify paginated translatable resources without end');
      }
      after = page.pageInfo.endCursor;
    }
  }
  return rows;
}

/** One product's title and handle in each of `locales` (none when the product is gone). */
export async function readProductTranslations(
  shopify: ShopifyApp,
  session: Session,
  productId: number,
  locales: readonly TranslationLocale[],
  options: RefetchOptions = {},
): Promise<ProductTranslation[]> {
  const rows: ProductTranslation[] = [];
  for (const { shopify: tag, locale } of locales) {
    const data = await adminGraphql<unknown>(shopify, session, PRODUCT_TRANSLATIONS, {
      ...options,
      variables: { ids: [`gid://shopify/Product/${productId}`], locale: tag },
    });
    for (const resource of byIdsAnswer.parse(data).translatableResourcesByIds.nodes) {
      const row = translationOf(resource, locale);
      if (row && row.productId === productId) rows.push(row);
    }
  }
  return rows;
}
