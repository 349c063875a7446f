import { randomUUID } from 'node:crypto';
import { parseGid, toGid } from '../../store/gid.ts';
import type { CollectionRuleSet, SandboxCollection } from '../../store/types.ts';
import { invalidGlobalId } from '../graphql/errors.ts';
import { requireScope } from './access.ts';
import type { AdminContext } from './context.ts';
import { freeHandle, slugify } from './mutations-catalog.ts';

/*
 * collectionCreate, collectionUpdate, collectionDelete, collectionAddProducts and collectionRemoveProducts, as far
 * as the sandbox serves them. Each goes through the SandboxStore, which announces collections/* as Shopify does
 * (and products/update when a smart collection's rules move a product). Removing products is a job in Shopify;
 * the sandbox finishes it before answering, so the job comes back done.
 */

/** `CollectionInput`, as far as the sandbox serves it. */
interface CollectionFields {
  id?: string | null;
  title?: string | null;
  handle?: string | null;
  descriptionHtml?: string | null;
  products?: string[] | null;
  ruleSet?: { appliedDisjunctively: boolean; rules?: CollectionRuleSet['rules'] | null } | null;
}

interface UserError {
  field: string[] | null;
  message: string;
}

const MAX_TITLE = 255;

const failed = (field: string[], message: string): UserError[] => [{ field, message }];

function titleErrors(title: string | null | undefined, required: boolean): UserError[] {
  if (title === undefined || title === null) return required ? failed(['title'], "Title can't be blank") : [];
  if (!title.trim()) return failed(['title'], "Title can't be blank");
  if (title.length > MAX_TITLE) return failed(['title'], 'Title is too long (maximum is 255 characters)');
  return [];
}

function ruleSetOf(input: CollectionFields['ruleSet']): CollectionRuleSet | null {
  return input ? { appliedDisjunctively: input.appliedDisjunctively, rules: [...(input.rules ?? [])] } : null;
}

/** The collection a gid names, or null; a text that is not a gid at all is Shopify's top-level error. */
function collectionOf(ctx: AdminContext, gid: string): SandboxCollection | null {
  const parsed = parseGid(gid);
  if (!parsed) throw invalidGlobalId(gid);
  return parsed.type === 'Collection' ? (ctx.store.collections.get(parsed.id) ?? null) : null;
}

/** Product ids of the store among `gids`; a gid naming no product of the store is a user error. */
function productIdsOf(ctx: AdminContext, gids: readonly string[], field: string): { ids: number[]; errors: UserError[] } {
  const ids: number[] = [];
  for (const gid of gids) {
    const parsed = parseGid(gid);
    if (!parsed) throw invalidGlobalId(gid);
    if (parsed.type !== 'Product' || !ctx.store.products.has(parsed.id)) return { ids: [], errors: failed([field], 'Product does not exist') };
    ids.push(parsed.id);
  }
  return { ids: [...new Set(ids)], errors: [] };
}

function uniqueCollectionHandle(ctx: AdminContext, wanted: string, except?: number): string {
  const taken = new Set([...ctx.store.collections.values()].filter((c) => c.id !== except).map((c) => c.handle));
  return freeHandle(taken, wanted);
}

export function collectionCreate(_root: unknown, args: { input: CollectionFields }, ctx: AdminContext) {
  requireScope(ctx, 'collectionCreate', 'write_products');
  const { input } = args;
  if (input.id != null) return { collection: null, userErrors: failed(['id'], 'Cannot specify an id when creating a collection') };
  const errors = titleErrors(input.title, true);
  const ruleSet = ruleSetOf(input.ruleSet);
  if (ruleSet && input.products?.length) errors.push(...failed(['products'], "Can't add products to a smart collection"));
  const products = productIdsOf(ctx, input.products ?? [], 'products');
  errors.push(...products.errors);
  if (errors.length > 0) return { collection: null, userErrors: errors };
  const title = input.title!.trim();
  const collection = ctx.store.addCollection({
    title,
    handle: uniqueCollectionHandle(ctx, slugify(input.handle?.trim() || title, 'collection')),
    ruleSet,
    productIds: products.ids,
  });
  return { collection, userErrors: [] };
}

export function collectionUpdate(_root: unknown, args: { input: CollectionFields }, ctx: AdminContext) {
  requireScope(ctx, 'collectionUpdate', 'write_products');
  const { input } = args;
  if (input.id == null) return { collection: null, job: null, userErrors: failed(['id'], 'Collection id is required') };
  const collection = collectionOf(ctx, input.id);
  if (!collection) return { collection: null, job: null, userErrors: failed(['id'], 'Collection does not exist') };
  const errors = titleErrors(input.title, false);
  if (input.products != null) errors.push(...failed(['products'], 'Use collectionAddProducts or collectionRemoveProducts to change products'));
  if (input.ruleSet !== undefined && (input.ruleSet === null) !== (collection.ruleSet === null)) {
    errors.push(...failed(['ruleSet'], 'A custom collection cannot become a smart collection, nor a smart one custom'));
  }
  if (errors.length > 0) return { collection: null, job: null, userErrors: errors };
  const updated = ctx.store.updateCollection(collection.id, {
    ...(input.title != null ? { title: input.title.trim() } : {}),
    ...(input.handle?.trim() ? { handle: uniqueCollectionHandle(ctx, slugify(input.handle.trim(), 'collection'), collection.id) } : {}),
    ...(input.ruleSet ? { ruleSet: ruleSetOf(input.ruleSet) } : {}),
  });
  return { collection: updated, job: null, userErrors: [] };
}

export function collectionDelete(_root: unknown, args: { input: { id: string } }, ctx: AdminContext) {
  requireScope(ctx, 'collectionDelete', 'write_products');
  const collection = collectionOf(ctx, args.input.id);
  if (!collection) return { deletedCollectionId: null, shop: ctx.store.shop, userErrors: failed(['id'], 'Collection does not exist') };
  ctx.store.deleteCollection(collection.id);
  return { deletedCollectionId: toGid('Collection', collection.id), shop: ctx.store.shop, userErrors: [] };
}

/** The custom collection to change, or the user error Shopify answers. */
function customCollection(ctx: AdminContext, gid: string): { collection: SandboxCollection } | { errors: UserError[] } {
  const collection = collectionOf(ctx, gid);
  if (!collection) return { errors: failed(['id'], 'Collection does not exist') };
  if (collection.ruleSet) return { errors: failed(['id'], "Can't manually add products to a smart collection") };
  return { collection };
}

export function collectionAddProducts(_root: unknown, args: { id: string; productIds: string[] }, ctx: AdminContext) {
  requireScope(ctx, 'collectionAddProducts', 'write_products');
  const target = customCollection(ctx, args.id);
  if ('errors' in target) return { collection: null, userErrors: target.errors };
  const products = productIdsOf(ctx, args.productIds, 'productIds');
  if (products.errors.length > 0) return { collection: null, userErrors: products.errors };
  return { collection: ctx.store.addProductsToCollection(target.collection.id, products.ids), userErrors: [] };
}

export function collectionRemoveProducts(_root: unknown, args: { id: string; productIds: string[] }, ctx: AdminContext) {
  requireScope(ctx, 'collectionRemoveProducts', 'write_products');
  const target = customCollection(ctx, args.id);
  if ('errors' in target) {
    const errors = target.errors.map((e) => (e.message.startsWith("Can't") ? { ...e, message: "Can't manually remove products from a smart collection" } : e));
    return { job: null, userErrors: errors };
  }
  const products = productIdsOf(ctx, args.productIds, 'productIds');
  if (products.errors.length > 0) return { job: null, userErrors: products.errors };
  ctx.store.removeProductsFromCollection(target.collection.id, products.ids);
  return { job: { id: toGid('Job', randomUUID()), done: true }, userErrors: [] };
}
