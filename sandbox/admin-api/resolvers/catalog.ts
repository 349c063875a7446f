import type { GraphQLResolveInfo } from 'graphql';
import { toGid } from '../../store/gid.ts';
import type { SandboxCollection, SandboxProduct, SandboxShop, SandboxVariant, TaxonomyCategory } from '../../store/types.ts';
import { shopIdFor } from '../../webhooks/payload-format.ts';
import { COLLECTION_SEARCH } from '../search/resource-fields.ts';
import { requireScope } from './access.ts';
import { connectionOf, positionalList, sortedList, type ConnectionArgs } from './connection.ts';
import type { AdminContext } from './context.ts';
import { dateTime, decimalAmount, moneyPrice, unsignedInt64 } from './format.ts';
import { productOfVariant } from './lookup.ts';
import type { ResolverMap, Resolvers } from './resolver-types.ts';
import { filterBySearch } from './search.ts';
import { translationsOf } from './translations.ts';
import { collectionSortKey, productSortKey } from './sort-keys.ts';

/** An image as the API shows it; the store keeps one picture per product. */
interface ImageSource {
  id: string;
  url: string;
  altText: string | null;
}

type SortedArgs = ConnectionArgs & { sortKey: string; query?: string | null };

export function primaryDomainUrl(shop: SandboxShop): string {
  return shop.storefrontUrl ?? `https://${shop.myshopifyDomain}`;
}

function imageOf(product: SandboxProduct, ctx: AdminContext): ImageSource | null {
  if (!product.imageUrl) return null;
  return {
    // The same id the products/* webhooks give the image.
    id: toGid('ProductImage', product.id * 10 + 2),
    url: new URL(product.imageUrl, ctx.publicUrl).toString(),
    altText: product.imageAlt || null,
  };
}

function money(amount: string | number, currencyCode: string) {
  return { amount: decimalAmount(amount), currencyCode };
}

/** Products of a collection, scanned from the store (it keeps membership on the product). */
export function productsInCollection(ctx: AdminContext, collection: SandboxCollection): SandboxProduct[] {
  return [...ctx.store.products.values()].filter((product) => product.collectionIds.includes(collection.id));
}

const shop: Resolvers<SandboxShop> = {
  id: (s) => toGid('Shop', shopIdFor(s)),
  primaryDomain: (s) => ({ id: toGid('Domain', shopIdFor(s)), host: s.myshopifyDomain, url: primaryDomainUrl(s) }),
};

const product: Resolvers<SandboxProduct> = {
  id: (p) => toGid('Product', p.id),
  legacyResourceId: (p) => unsignedInt64(p.id),
  createdAt: (p) => dateTime(p.createdAt),
  updatedAt: (p) => dateTime(p.updatedAt),
  description: (p, args: { truncateAt?: number | null }) =>
    args.truncateAt != null && p.description.length > args.truncateAt ? `${p.description.slice(0, args.truncateAt)}…` : p.description,
  onlineStoreUrl: (p, _args, ctx) =>
    p.status === 'ACTIVE' ? `${primaryDomainUrl(ctx.store.shop)}/products/${p.handle}` : null,
  featuredImage: (p, _args, ctx) => imageOf(p, ctx),
  images: (p, args: ConnectionArgs, ctx, info) => {
    const image = imageOf(p, ctx);
    const list = positionalList(image ? [image] : [], () => p.id * 10 + 2, args.reverse ?? false);
    return connectionOf(list, args, ctx, info);
  },
  totalInventory: (p) => p.variants.reduce((sum, variant) => sum + variant.inventoryQuantity, 0),
  priceRangeV2: (p, _args, ctx) => {
    const prices = p.variants.map((variant) => Number(variant.price));
    const currency = ctx.store.shop.currencyCode;
    return {
      minVariantPrice: money(prices.length ? Math.min(...prices) : 0, currency),
      maxVariantPrice: money(prices.length ? Math.max(...prices) : 0, currency),
    };
  },
  translations: (p, args: { locale: string }) => translationsOf(p, args.locale),
  variants: (p, args: ConnectionArgs, ctx, info) =>
    connectionOf(positionalList(p.variants, (variant) => variant.id, args.reverse ?? false), args, ctx, info),
  collections: (p, args: SortedArgs, ctx, info: GraphQLResolveInfo) => {
    const mine = [...ctx.store.collections.values()].filter((collection) => p.collectionIds.includes(collection.id));
    const matching = filterBySearch(ctx, info, args.query, COLLECTION_SEARCH, mine);
    return connectionOf(sortedList(matching, collectionSortKey(args.sortKey), args.reverse ?? false), args, ctx, info);
  },
};

const productVariant: Resolvers<SandboxVariant> = {
  id: (v) => toGid('ProductVariant', v.id),
  legacyResourceId: (v) => unsignedInt64(v.id),
  price: (v) => moneyPrice(v.price),
  sku: (v) => v.sku || null,
  product: (v, _args, ctx) => productOfVariant(ctx, v),
};

const collection: Resolvers<SandboxCollection> = {
  id: (c) => toGid('Collection', c.id),
  legacyResourceId: (c) => unsignedInt64(c.id),
  updatedAt: (c) => dateTime(c.updatedAt),
  products: (c, args: SortedArgs, ctx, info) => {
    requireScope(ctx, 'products', 'read_products');
    const members = productsInCollection(ctx, c);
    const key = args.sortKey === 'COLLECTION_DEFAULT' || args.sortKey === 'MANUAL' ? 'ID' : args.sortKey;
    return connectionOf(sortedList(members, productSortKey(key), args.reverse ?? false), args, ctx, info);
  },
};

const taxonomyCategory: Resolvers<TaxonomyCategory> = {
  id: (c) => toGid('TaxonomyCategory', c.id),
};

export const catalogResolvers: ResolverMap = {
  Shop: shop,
  Product: product,
  ProductVariant: productVariant,
  Collection: collection,
  TaxonomyCategory: taxonomyCategory,
};
