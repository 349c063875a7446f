import { slugify } from '../admin-api/resolvers/mutations-catalog.ts';
import type { SandboxStore } from '../store/store.ts';
import type { SandboxOrder, SandboxProduct } from '../store/types.ts';
import { DEMO_COLLECTIONS, type CollectionHandle } from './demo-collections.ts';
import { DEMO_CUSTOMERS, PERSONAS, type DemoCustomerSpec, type PersonaName } from './demo-customers.ts';
import { DEMO_ORDERS, type DemoOrderSpec } from './demo-orders.ts';
import { DEMO_PRODUCTS, demoSku } from './demo-products.ts';

export { PERSONAS, type PersonaName } from './demo-customers.ts';

/** What scenario tests need to find their way around the seeded store. */
export interface DemoSeed {
  /** Customer id of each named persona. */
  personas: Record<PersonaName, number>;
  customerIdsByEmail: Record<string, number>;
  productsByHandle: Record<string, SandboxProduct>;
  collectionIdsByHandle: Record<CollectionHandle, number>;
  /** Every seeded order, oldest first. */
  orders: SandboxOrder[];
  guestOrderIds: number[];
  cancelledOrderIds: number[];
  partlyRefundedOrderIds: number[];
}

const DAY_MS = 86_400_000;
/** The catalog and customers exist a little before the oldest order. */
const CATALOG_AGE_DAYS = 210;

/**
 * Fills an empty sandbox store with the demo catalog, customers and ~200 days of orders, all dated relative to
 * `options.now`. Deterministic: the same `now` on a fresh store gives the same records. Changes are emitted as
 * the store always does; their timestamps are back-dated by swapping `store.now`, which is restored afterwards.
 */
export function seedDemoStore(store: SandboxStore, options: { now?: Date } = {}): DemoSeed {
  if (store.products.size + store.customers.size + store.orders.size + store.collections.size > 0) {
    throw new Error('seedDemoStore needs an empty store: it already holds records');
  }
  const now = (options.now ?? new Date()).getTime();
  const originalNow = store.now;
  try {
    const start = now - CATALOG_AGE_DAYS * DAY_MS;
    store.now = () => new Date(start);
    const collectionIdsByHandle = seedCollections(store);
    const productsByHandle = seedProducts(store, collectionIdsByHandle, new Date(start).toISOString());
    const customerIdsByEmail = seedCustomers(store, start);
    const personas = Object.fromEntries(
      Object.entries(PERSONAS).map(([name, email]) => [name, customerIdsByEmail[email]!]),
    ) as Record<PersonaName, number>;
    const orders = seedOrders(store, { now, productsByHandle, customerIdsByEmail });
    return {
      personas,
      customerIdsByEmail,
      productsByHandle,
      collectionIdsByHandle,
      orders: orders.map(({ order }) => order),
      guestOrderIds: orders.filter(({ order }) => order.customerId === null).map(({ order }) => order.id),
      cancelledOrderIds: orders.filter(({ spec }) => spec.cancelledAfterDays !== undefined).map(({ order }) => order.id),
      partlyRefundedOrderIds: orders.filter(({ spec }) => spec.refund).map(({ order }) => order.id),
    };
  } finally {
    store.now = originalNow;
  }
}

function seedCollections(store: SandboxStore): Record<CollectionHandle, number> {
  const ids = {} as Record<CollectionHandle, number>;
  for (const { handle, title, es, ptBR } of DEMO_COLLECTIONS) {
    ids[handle] = store.addCollection({ handle, title, translations: { es: { title: es }, 'pt-BR': { title: ptBR } } }).id;
  }
  return ids;
}

function seedProducts(
  store: SandboxStore,
  collections: Record<CollectionHandle, number>,
  createdAt: string,
): Record<string, SandboxProduct> {
  const byHandle: Record<string, SandboxProduct> = {};
  for (const spec of DEMO_PRODUCTS) {
    byHandle[spec.handle] = store.addProduct({
      title: spec.title,
      // Translated handles as Translate & Adapt makes them from a translated title: picks link to them in that language.
      translations: { es: { title: spec.es, handle: slugify(spec.es) }, 'pt-BR': { title: spec.ptBR, handle: slugify(spec.ptBR) } },
      description: spec.description,
      handle: spec.handle,
      vendor: spec.vendor,
      productType: spec.productType,
      category: spec.category,
      tags: spec.tags,
      collectionIds: spec.collections.map((handle) => collections[handle]),
      imageUrl: `/images/${spec.handle}.svg`,
      imageAlt: spec.title,
      status: 'ACTIVE',
      variants: spec.variants.map((variant, index) => ({
        title: variant.title,
        sku: demoSku(spec.handle, index),
        price: variant.price,
        availableForSale: variant.inventory > 0,
        inventoryQuantity: variant.inventory,
      })),
      createdAt,
    });
  }
  return byHandle;
}

function seedCustomers(store: SandboxStore, start: number): Record<string, number> {
  const ids: Record<string, number> = {};
  DEMO_CUSTOMERS.forEach((spec: DemoCustomerSpec, index) => {
    // Sign-ups an hour apart, so "newest customer" questions have one answer.
    const createdAt = new Date(start + (index + 1) * 3_600_000).toISOString();
    ids[spec.email] = store.addCustomer({
      firstName: spec.firstName,
      lastName: spec.lastName,
      email: spec.email,
      phone: spec.phone,
      locale: spec.locale,
      addresses: [spec.address],
      note: spec.note,
      emailMarketingConsent: {
        marketingState: spec.consent.state,
        marketingOptInLevel: spec.consent.level,
        consentUpdatedAt: spec.consent.state === 'NOT_SUBSCRIBED' ? null : createdAt,
      },
      createdAt,
    }).id;
  });
  return ids;
}

type Seeded = { spec: DemoOrderSpec; order: SandboxOrder };
type OrderEvent = { at: number; run: () => void };

/** Replays every order's life (placed, fulfilled, cancelled, refunded) in time order on the store's clock. */
function seedOrders(
  store: SandboxStore,
  context: { now: number; productsByHandle: Record<string, SandboxProduct>; customerIdsByEmail: Record<string, number> },
): Seeded[] {
  const seeded: Seeded[] = [];
  const events: OrderEvent[] = [];
  DEMO_ORDERS.forEach((spec, index) => {
    // A few minutes apart within a day, so two orders placed the same day still have an order.
    const placedAt = context.now - spec.daysAgo * DAY_MS - 3 * 3_600_000 + index * 60_000;
    const slot: { order?: SandboxOrder } = {};
    const after = (days: number) => placedAt + days * DAY_MS;
    events.push({
      at: placedAt,
      run: () => {
        slot.order = placeOrder(store, spec, new Date(placedAt).toISOString(), context);
        seeded.push({ spec, order: slot.order });
      },
    });
    if (spec.fulfilledAfterDays !== undefined) {
      events.push({ at: after(spec.fulfilledAfterDays), run: () => store.fulfillOrder(slot.order!.id) });
    }
    if (spec.cancelledAfterDays !== undefined) {
      events.push({ at: after(spec.cancelledAfterDays), run: () => store.cancelOrder(slot.order!.id, 'CUSTOMER') });
    }
    const refund = spec.refund;
    if (refund) {
      events.push({
        at: after(refund.afterDays),
        run: () => {
          const order = slot.order!;
          const lines = refund.lines.map(({ handle, quantity }) => ({
            lineItemId: order.lineItems.find((line) => line.productId === context.productsByHandle[handle]!.id)!.id,
            quantity,
          }));
          store.refundOrder(order.id, lines, refund.note);
        },
      });
    }
  });
  events.sort((a, b) => a.at - b.at);
  for (const event of events) {
    store.now = () => new Date(event.at);
    event.run();
  }
  return seeded;
}

function placeOrder(
  store: SandboxStore,
  spec: DemoOrderSpec,
  createdAt: string,
  context: { productsByHandle: Record<string, SandboxProduct>; customerIdsByEmail: Record<string, number> },
): SandboxOrder {
  const customer = spec.customer === null ? undefined : DEMO_CUSTOMERS.find((c) => c.email === spec.customer);
  if (spec.customer !== null && !customer) throw new Error(`Demo order names unknown customer ${spec.customer}`);
  return store.addOrder({
    customerId: customer ? context.customerIdsByEmail[customer.email]! : null,
    email: customer ? customer.email : (spec.guestEmail ?? null),
    phone: customer ? customer.phone : null,
    note: spec.note ?? null,
    shippingAddress: customer
      ? customer.address
      : { address1: '27 Station Road', city: 'York', zip: 'YO1 6HT', countryCode: 'GB' },
    currencyCode: store.shop.currencyCode,
    lineItems: spec.lines.map(({ handle, variant = 0, quantity = 1 }) => {
      const product = context.productsByHandle[handle];
      const chosen = product?.variants[variant];
      if (!product || !chosen) throw new Error(`Demo order names unknown product ${handle} variant ${variant}`);
      return {
        productId: product.id,
        variantId: chosen.id,
        title: product.title,
        sku: chosen.sku,
        quantity,
        price: chosen.price,
      };
    }),
    createdAt,
  });
}
