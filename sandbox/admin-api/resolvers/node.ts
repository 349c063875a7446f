import type { GraphQLTypeResolver } from 'graphql';
import { parseGid } from '../../store/gid.ts';
import { invalidGlobalId } from '../graphql/errors.ts';
import { isOrderVisible, requireScope } from './access.ts';
import type { AdminContext } from './context.ts';
import { variantIndex } from './lookup.ts';

/** The numeric id of a gid of `type`, null for a gid of another type; throws for text that is no gid. */
export function idOfType(id: string, type: string): number | null {
  const parsed = parseGid(id);
  if (!parsed) throw invalidGlobalId(id);
  return parsed.type === type ? parsed.id : null;
}

/** Resolves `node(id:)`/`nodes(ids:)`: the record behind a gid, with the scope its type needs. */
export function findNode(ctx: AdminContext, id: string, fieldName: string): object | null {
  const parsed = parseGid(id);
  if (!parsed) throw invalidGlobalId(id);
  switch (parsed.type) {
    case 'Product':
      requireScope(ctx, fieldName, 'read_products');
      return ctx.store.products.get(parsed.id) ?? null;
    case 'ProductVariant':
      requireScope(ctx, fieldName, 'read_products');
      return variantIndex(ctx).get(parsed.id)?.variant ?? null;
    case 'Collection':
      requireScope(ctx, fieldName, 'read_products');
      return ctx.store.collections.get(parsed.id) ?? null;
    case 'Customer':
      requireScope(ctx, fieldName, 'read_customers');
      return ctx.store.customers.get(parsed.id) ?? null;
    case 'Order': {
      requireScope(ctx, fieldName, 'read_orders');
      const order = ctx.store.orders.get(parsed.id);
      return order && isOrderVisible(ctx, order) ? order : null;
    }
    case 'BulkOperation':
      return ctx.bulkOperations.find(parsed.id) ?? null;
    default:
      return null;
  }
}

/**
 * Which GraphQL type a record is. Store records are plain objects, so each is recognised by being the very
 * object its store map holds under its id (ids are unique across the store).
 */
export const resolveNodeType: GraphQLTypeResolver<unknown, AdminContext> = (value, ctx) => {
  const { store } = ctx;
  const id = (value as { id?: unknown }).id;
  if (typeof id !== 'number') return ctx.bulkOperations.owns(value) ? 'BulkOperation' : undefined;
  if (store.products.get(id) === value) return 'Product';
  if (store.orders.get(id) === value) return 'Order';
  if (store.customers.get(id) === value) return 'Customer';
  if (store.collections.get(id) === value) return 'Collection';
  if (variantIndex(ctx).get(id)?.variant === value) return 'ProductVariant';
  return undefined;
};
