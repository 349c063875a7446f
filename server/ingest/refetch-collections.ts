import type { Session } from '@shopify/shopify-api';
import { z } from 'zod';
import { adminGraphql } from '../shopify/admin-graphql.ts';
import type { ShopifyApp } from '../shopify/shopify-app.ts';
import type { RefetchOptions } from './refetch.ts';
import { legacyId } from './records.ts';

/*
 * Collection membership as it is now, read through the Admin API. Webhooks do not carry it: a REST product has no
 * collection ids, and a collection's payload lists no products. Shopify announces a change on one side only (adding
 * products on the collection's page sends collections/update; adding a collection on the product's page, or a tag
 * that puts the product in a smart collection, sends products/update), so each side is read whole from its own
 * webhook. Reading the current state makes a late or repeated event harmless. Errors are thrown for the webhook
 * queue to classify (Shopify away: retried; a refused query: dead letter).
 */

/** Ids per page: Shopify's maximum. The requested cost stays ≈ 253 points, the actual one is what came back. */
const PAGE_SIZE = 250;

/** The re-read's throttle and timeout options, and the page size (tests shrink it to walk several pages). */
export type MembershipReadOptions = RefetchOptions & { pageSize?: number };
/** A defect guard (a cursor that never ends), far above any real store: 1,000 pages = 250,000 products. */
const MAX_PAGES = 1_000;

const PRODUCT_COLLECTIONS = `#graphql
  query TactoProductCollections($id: ID!, $first: Int!, $after: String) {
    product(id: $id) {
      collections(first: $first, after: $after) { nodes { id } pageInfo { hasNextPage endCursor } }
    }
  }`;

const COLLECTION_PRODUCTS = `#graphql
  query TactoCollectionProducts($id: ID!, $first: Int!, $after: String) {
    collection(id: $id) {
      products(first: $first, after: $after) { nodes { id } pageInfo { hasNextPage endCursor } }
    }
  }`;

const page = z.object({
  nodes: z.array(z.object({ id: z.string().regex(/^gid:\/\/shopify\/\w+\/\d+$/) })),
  pageInfo: z.object({ hasNextPage: z.boolean(), endCursor: z.string().nullable().optional() }),
});
const productAnswer = z.object({ product: z.object({ collections: page }).nullable() });
const collectionAnswer = z.object({ collection: z.object({ products: page }).nullable() });

type Page = z.infer<typeof page>;

/** Walks a connection page by page; null when its owner does not exist (any more, even if it went mid-walk). */
async function readAll(fetchPage: (after: string | null) => Promise<Page | null>): Promise<number[] | null> {
  const ids: number[] = [];
  let after: string | null = null;
  for (let pages = 1; ; pages += 1) {
    const current = await fetchPage(after);
    if (current === null) return null;
    for (const node of current.nodes) ids.push(legacyId(node.id));
    if (!current.pageInfo.hasNextPage) return ids;
    if (!current.pageInfo.endCursor || current.pageInfo.endCursor === after || pages >= MAX_PAGES) {
      throw new Error('Shopify paginated a membership list without end');
    }
    after = current.pageInfo.endCursor;
  }
}

/** The collections a product is in now; null when the product no longer exists (deleted since the event). */
export async function refetchProductCollections(
  shopify: ShopifyApp,
  session: Session,
  productId: number,
  { pageSize = PAGE_SIZE, ...options }: MembershipReadOptions = {},
): Promise<number[] | null> {
  return readAll(async (after) => {
    const data = await adminGraphql<unknown>(shopify, session, PRODUCT_COLLECTIONS, {
      ...options,
      variables: { id: `gid://shopify/Product/${productId}`, first: pageSize, after },
    });
    return productAnswer.parse(data).product?.collections ?? null;
  });
}

/** The products in a collection now (custom or smart alike); null when the collection no longer exists. */
export async function refetchCollectionProducts(
  shopify: ShopifyApp,
  session: Session,
  collectionId: number,
  { pageSize = PAGE_SIZE, ...options }: MembershipReadOptions = {},
): Promise<number[] | null> {
  return readAll(async (after) => {
    const data = await adminGraphql<unknown>(shopify, session, COLLECTION_PRODUCTS, {
      ...options,
      variables: { id: `gid://shopify/Collection/${collectionId}`, first: pageSize, after },
    });
    return collectionAnswer.parse(data).collection?.products ?? null;
  });
}
