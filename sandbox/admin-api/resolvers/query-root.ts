import type { GraphQLResolveInfo } from 'graphql';
import { parseGid } from '../../store/gid.ts';
import {
  BULK_OPERATION_SEARCH,
  COLLECTION_SEARCH,
  CUSTOMER_SEARCH,
  ORDER_SEARCH,
  PRODUCT_SEARCH,
} from '../search/resource-fields.ts';
import { invalidGlobalId } from '../graphql/errors.ts';
import { isOrderVisible, oldestVisibleOrderTime, requireScope } from './access.ts';
import { bulkCachedList, connectionOf, sortedList, type ConnectionArgs } from './connection.ts';
import type { AdminContext } from './context.ts';
import { findNode, idOfType } from './node.ts';
import type { Resolvers } from './resolver-types.ts';
import { filterBySearch } from './search.ts';
import { bulkOperationSortKey, collectionSortKey, customerSortKey, orderSortKey, productSortKey } from './sort-keys.ts';

type ListArgs = ConnectionArgs & { sortKey: string; query?: string | null };

/** Orders this token may see: all with read_all_orders, otherwise the last 60 days (Shopify's rule). */
function visibleOrders(ctx: AdminContext) {
  const oldest = oldestVisibleOrderTime(ctx);
  const all = ctx.store.orders.values();
  if (oldest === null) return all;
  return Array.from(all).filter((order) => Date.parse(order.createdAt) >= oldest);
}

export const queryRootResolvers: Resolvers<unknown> = {
  shop: (_root, _args, ctx: AdminContext) => ctx.store.shop,

  products: (_root, args: ListArgs, ctx: AdminContext, info: GraphQLResolveInfo) => {
    requireScope(ctx, 'products', 'read_products');
    const list = bulkCachedList(ctx, info, () => {
      const matching = filterBySearch(ctx, info, args.query, PRODUCT_SEARCH, ctx.store.products.values());
      return sortedList(matching, productSortKey(args.sortKey), args.reverse ?? false);
    });
    return connectionOf(list, args, ctx, info);
  },
  product: (_root, args: { id: string }, ctx: AdminContext) => {
    requireScope(ctx, 'product', 'read_products');
    const id = idOfType(args.id, 'Product');
    return id === null ? null : (ctx.store.products.get(id) ?? null);
  },

  collections: (_root, args: ListArgs, ctx: AdminContext, info: GraphQLResolveInfo) => {
    requireScope(ctx, 'collections', 'read_products');
    const list = bulkCachedList(ctx, info, () => {
      const matching = filterBySearch(ctx, info, args.query, COLLECTION_SEARCH, ctx.store.collections.values());
      return sortedList(matching, collectionSortKey(args.sortKey), args.reverse ?? false);
    });
    return connectionOf(list, args, ctx, info);
  },
  collection: (_root, args: { id: string }, ctx: AdminContext) => {
    requireScope(ctx, 'collection', 'read_products');
    const id = idOfType(args.id, 'Collection');
    return id === null ? null : (ctx.store.collections.get(id) ?? null);
  },

  customers: (_root, args: ListArgs, ctx: AdminContext, info: GraphQLResolveInfo) => {
    requireScope(ctx, 'customers', 'read_customers');
    const list = bulkCachedList(ctx, info, () => {
      const matching = filterBySearch(ctx, info, args.query, CUSTOMER_SEARCH, ctx.store.customers.values());
      return sortedList(matching, customerSortKey(args.sortKey), args.reverse ?? false);
    });
    return connectionOf(list, args, ctx, info);
  },
  customer: (_root, args: { id: string }, ctx: AdminContext) => {
    requireScope(ctx, 'customer', 'read_customers');
    const id = idOfType(args.id, 'Customer');
    return id === null ? null : (ctx.store.customers.get(id) ?? null);
  },

  // Shopify counts up to `limit` (10,000 by default; null for no limit) and says when it stopped early.
  ordersCount: (_root, args: { query?: string | null; limit?: number | null }, ctx: AdminContext, info: GraphQLResolveInfo) => {
    requireScope(ctx, 'ordersCount', 'read_orders');
    const count = Array.from(filterBySearch(ctx, info, args.query, ORDER_SEARCH, visibleOrders(ctx))).length;
    const limit = args.limit ?? null;
    return limit !== null && count > limit ? { count: limit, precision: 'AT_LEAST' } : { count, precision: 'EXACT' };
  },

  orders: (_root, args: ListArgs, ctx: AdminContext, info: GraphQLResolveInfo) => {
    requireScope(ctx, 'orders', 'read_orders');
    const list = bulkCachedList(ctx, info, () => {
      const matching = filterBySearch(ctx, info, args.query, ORDER_SEARCH, visibleOrders(ctx));
      return sortedList(matching, orderSortKey(args.sortKey, ctx.store.customers), args.reverse ?? false);
    });
    return connectionOf(list, args, ctx, info);
  },
  order: (_root, args: { id: string }, ctx: AdminContext) => {
    requireScope(ctx, 'order', 'read_orders');
    const id = idOfType(args.id, 'Order');
    const order = id === null ? undefined : ctx.store.orders.get(id);
    return order && isOrderVisible(ctx, order) ? order : null;
  },

  node: (_root, args: { id: string }, ctx: AdminContext) => findNode(ctx, args.id, 'node'),
  nodes: (_root, args: { ids: string[] }, ctx: AdminContext) => args.ids.map((id) => findNode(ctx, id, 'nodes')),

  currentBulkOperation: (_root, args: { type: 'QUERY' | 'MUTATION' }, ctx: AdminContext) => ctx.bulkOperations.current(args.type),
  bulkOperation: (_root, args: { id: string }, ctx: AdminContext) => {
    const parsed = parseGid(args.id);
    if (!parsed) throw invalidGlobalId(args.id);
    return parsed.type === 'BulkOperation' ? (ctx.bulkOperations.find(parsed.id) ?? null) : null;
  },
  bulkOperations: (_root, args: ListArgs, ctx: AdminContext, info: GraphQLResolveInfo) => {
    const matching = filterBySearch(ctx, info, args.query, BULK_OPERATION_SEARCH, ctx.bulkOperations.list());
    return connectionOf(sortedList(matching, bulkOperationSortKey(args.sortKey), args.reverse ?? false), args, ctx, info);
  },
};
