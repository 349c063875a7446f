import { GraphQLError } from 'graphql';
import { parseGid } from '../../store/gid.ts';
import type { SandboxProduct, TaxonomyCategory } from '../../store/types.ts';
import { TAXONOMY } from '../../seed/taxonomy.ts';
import { invalidGlobalId } from '../graphql/errors.ts';
import { requireScope } from './access.ts';
import type { AdminContext } from './context.ts';
import { plainText } from './format.ts';

/** `ProductCreateInput` and the deprecated `ProductInput`, as far as the sandbox serves them. */
interface ProductFields {
  title?: string | null;
  handle?: string | null;
  descriptionHtml?: string | null;
  productType?: string | null;
  vendor?: string | null;
  tags?: string[] | null;
  category?: string | null;
  collectionsToJoin?: string[] | null;
  status?: SandboxProduct['status'] | null;
}

interface UserError {
  field: string[] | null;
  message: string;
}

const MAX_TEXT = 255;

export function slugify(text: string, fallback = 'product'): string {
  return (
    text
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || fallback
  );
}

/** Shopify appends `-1`, `-2`… when a handle is taken. */
export function freeHandle(taken: ReadonlySet<string>, wanted: string): string {
  if (!taken.has(wanted)) return wanted;
  let suffix = 1;
  while (taken.has(`${wanted}-${suffix}`)) suffix += 1;
  return `${wanted}-${suffix}`;
}

function uniqueHandle(ctx: AdminContext, wanted: string): string {
  return freeHandle(new Set([...ctx.store.products.values()].map((product) => product.handle)), wanted);
}

/** A Standard Product Taxonomy category the sandbox knows (the demo catalog's or one already in use). */
function categoryFor(ctx: AdminContext, gid: string): TaxonomyCategory {
  const match = /^gid:\/\/shopify\/TaxonomyCategory\/([a-z]{2}(?:-\d+)*)$/.exec(gid);
  if (!match) {
    if (!/^gid:\/\/shopify\/\w+\/.+/.test(gid)) throw invalidGlobalId(gid);
    throw new GraphQLError('Invalid product_taxonomy_node_id', { extensions: { code: 'INVALID' } });
  }
  const known = [...Object.values(TAXONOMY), ...[...ctx.store.products.values()].flatMap((p) => (p.category ? [p.category] : []))];
  const found = known.find((category) => category.id === match[1]);
  if (!found) throw new GraphQLError('Invalid product_taxonomy_node_id', { extensions: { code: 'INVALID' } });
  return found;
}

function validate(fields: ProductFields): UserError[] {
  const errors: UserError[] = [];
  if (!fields.title?.trim()) errors.push({ field: ['title'], message: "Title can't be blank" });
  else if (fields.title.length > MAX_TEXT) errors.push({ field: ['title'], message: 'Title is too long (maximum is 255 characters)' });
  if ((fields.vendor?.length ?? 0) > MAX_TEXT) errors.push({ field: ['vendor'], message: 'Vendor is too long (maximum is 255 characters)' });
  if ((fields.productType?.length ?? 0) > MAX_TEXT) {
    errors.push({ field: ['productType'], message: 'Product type is too long (maximum is 255 characters)' });
  }
  return errors;
}

/**
 * `productCreate(product:)` (or the deprecated `input:`). Goes through SandboxStore.addProduct, so the
 * store announces products/create. The product gets Shopify's one default variant.
 */
export function productCreate(_root: unknown, args: { input?: ProductFields | null; product?: ProductFields | null }, ctx: AdminContext) {
  if ((args.input == null) === (args.product == null)) {
    throw new GraphQLError('productCreate must include exactly one of the following arguments: input, product.', {
      extensions: { code: 'INVALID_FIELD_ARGUMENTS' },
    });
  }
  requireScope(ctx, 'productCreate', 'write_products');
  const fields = (args.product ?? args.input)!;
  const category = fields.category ? categoryFor(ctx, fields.category) : null;
  const userErrors = validate(fields);
  if (userErrors.length > 0) return { product: null, userErrors, shop: ctx.store.shop };
  const collectionIds = (fields.collectionsToJoin ?? []).flatMap((gid) => {
    const parsed = parseGid(gid);
    return parsed?.type === 'Collection' && ctx.store.collections.has(parsed.id) ? [parsed.id] : [];
  });
  const title = fields.title!.trim();
  const product = ctx.store.addProduct({
    title,
    translations: {},
    description: plainText(fields.descriptionHtml ?? ''),
    handle: uniqueHandle(ctx, slugify(fields.handle?.trim() || title)),
    vendor: fields.vendor ?? '',
    productType: fields.productType ?? '',
    category,
    tags: [...new Set((fields.tags ?? []).map((tag) => tag.trim()).filter(Boolean))],
    collectionIds,
    imageUrl: null,
    imageAlt: '',
    status: fields.status ?? 'ACTIVE',
    variants: [{ title: 'Default Title', sku: '', price: '0.00', availableForSale: true, inventoryQuantity: 0 }],
  });
  ctx.memo.delete('variants');
  return { product, userErrors: [], shop: ctx.store.shop };
}
