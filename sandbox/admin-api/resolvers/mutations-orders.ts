import { parseGid } from '../../store/gid.ts';
import type { SandboxAddress, SandboxCustomer, SandboxLineItem } from '../../store/types.ts';
import { requireScope } from './access.ts';
import type { AdminContext } from './context.ts';
import { moneyPrice } from './format.ts';
import { variantIndex } from './lookup.ts';

/** The parts of `OrderCreateOrderInput` the sandbox serves. */
interface LineItemInput {
  productId?: string | null;
  variantId?: string | null;
  quantity: number;
  properties?: { name: string; value: string }[] | null;
  title?: string | null;
  sku?: string | null;
  priceSet?: { shopMoney: { amount: string | number; currencyCode: string } } | null;
}

interface OrderInput {
  currency?: string | null;
  customAttributes?: { key: string; value: string }[] | null;
  customerId?: string | null;
  customer?: { toAssociate?: { id?: string | null; email?: string | null } | null } | null;
  email?: string | null;
  phone?: string | null;
  note?: string | null;
  processedAt?: string | null;
  shippingAddress?: { address1?: string | null; city?: string | null; countryCode?: string | null; zip?: string | null } | null;
  lineItems?: LineItemInput[] | null;
}

interface OrderCreateUserError {
  field: string[] | null;
  message: string;
  code: 'INVALID' | 'PROCESSED_AT_INVALID' | 'REDUNDANT_CUSTOMER_FIELDS';
}

type NewLine = Omit<SandboxLineItem, 'id'>;

function customerFor(ctx: AdminContext, order: OrderInput): SandboxCustomer | null | OrderCreateUserError {
  const associate = order.customer?.toAssociate;
  if (order.customerId && associate) {
    return { field: ['order'], message: 'Cannot specify both customerId and customer', code: 'REDUNDANT_CUSTOMER_FIELDS' };
  }
  const gid = order.customerId ?? associate?.id;
  if (gid) {
    const parsed = parseGid(gid);
    const found = parsed?.type === 'Customer' ? ctx.store.customers.get(parsed.id) : undefined;
    const field = order.customerId ? ['order', 'customerId'] : ['order', 'customer', 'toAssociate', 'id'];
    return found ?? { field, message: 'Customer does not exist', code: 'INVALID' };
  }
  if (associate?.email) {
    const email = associate.email.toLowerCase();
    return [...ctx.store.customers.values()].find((customer) => customer.email?.toLowerCase() === email) ?? null;
  }
  return null;
}

function lineFor(ctx: AdminContext, input: LineItemInput, index: number): NewLine | OrderCreateUserError {
  const field = (name: string) => ['order', 'lineItems', String(index), name];
  if (input.quantity < 1) return { field: field('quantity'), message: 'Quantity must be greater than or equal to 1', code: 'INVALID' };
  const price = input.priceSet ? moneyPrice(input.priceSet.shopMoney.amount) : null;
  const properties = (input.properties ?? []).map(({ name, value }) => ({ name, value }));
  if (input.variantId) {
    const parsed = parseGid(input.variantId);
    const entry = parsed?.type === 'ProductVariant' ? variantIndex(ctx).get(parsed.id) : undefined;
    if (!entry) return { field: field('variantId'), message: 'Variant does not exist', code: 'INVALID' };
    return {
      productId: entry.product.id,
      variantId: entry.variant.id,
      title: input.title ?? entry.product.title,
      sku: input.sku ?? entry.variant.sku,
      quantity: input.quantity,
      price: price ?? moneyPrice(entry.variant.price),
      properties,
    };
  }
  const parsedProduct = input.productId ? parseGid(input.productId) : null;
  const product = parsedProduct?.type === 'Product' ? ctx.store.products.get(parsedProduct.id) : undefined;
  if (input.productId && !product) return { field: field('productId'), message: 'Product does not exist', code: 'INVALID' };
  const title = input.title ?? product?.title;
  if (!title) return { field: field('title'), message: "Title can't be blank", code: 'INVALID' };
  return { productId: product?.id ?? null, variantId: null, title, sku: input.sku ?? '', quantity: input.quantity, price: price ?? '0.00', properties };
}

function addressOf(input: OrderInput['shippingAddress']): SandboxAddress | null {
  if (!input) return null;
  return { address1: input.address1 ?? '', city: input.city ?? '', zip: input.zip ?? '', countryCode: input.countryCode ?? '' };
}

/**
 * `orderCreate(order:)`: an order placed now (or at `processedAt`), through SandboxStore.addOrder so the
 * store announces orders/create. Inventory is not tracked by the sandbox store, so `options` change nothing.
 */
export function orderCreate(_root: unknown, args: { order: OrderInput }, ctx: AdminContext) {
  requireScope(ctx, 'orderCreate', 'write_orders');
  const input = args.order;
  const fail = (error: OrderCreateUserError) => ({ order: null, userErrors: [error] });
  if (!input.lineItems || input.lineItems.length === 0) {
    return fail({ field: ['order', 'lineItems'], message: 'Line items must have at least one line item', code: 'INVALID' });
  }
  const now = ctx.store.now();
  if (input.processedAt && Date.parse(input.processedAt) > now.getTime()) {
    return fail({ field: ['order', 'processedAt'], message: 'Processed at must not be in the future', code: 'PROCESSED_AT_INVALID' });
  }
  const customer = customerFor(ctx, input);
  if (customer && 'code' in customer) return fail(customer);
  const lines: NewLine[] = [];
  for (const [index, item] of input.lineItems.entries()) {
    const line = lineFor(ctx, item, index);
    if ('code' in line) return fail(line);
    lines.push(line);
  }
  const order = ctx.store.addOrder({
    customerId: customer?.id ?? null,
    email: input.email ?? customer?.email ?? null,
    phone: input.phone ?? null,
    note: input.note ?? null,
    noteAttributes: (input.customAttributes ?? []).map(({ key, value }) => ({ name: key, value })),
    shippingAddress: addressOf(input.shippingAddress),
    currencyCode: input.currency ?? ctx.store.shop.currencyCode,
    lineItems: lines,
    createdAt: now.toISOString(),
    processedAt: input.processedAt ? new Date(input.processedAt).toISOString() : undefined,
  });
  return { order, userErrors: [] };
}
