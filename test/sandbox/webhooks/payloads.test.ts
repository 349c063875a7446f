import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { newTestStore } from '../../support/sandbox-store.ts';
import { seedDemoStore } from '../../../sandbox/seed/demo-catalog.ts';
import type { StoreChange } from '../../../sandbox/store/store.ts';
import {
  appUninstalledPayload,
  bulkOperationsFinishPayload,
  customersDataRequestPayload,
  customersRedactPayload,
  orderPayload,
  payloadForChange,
  productDeletePayload,
  productPayload,
  shopRedactPayload,
  type TopicPayload,
} from '../../../sandbox/webhooks/payloads.ts';

const DOCUMENTED: Record<string, string[]> = JSON.parse(
  readFileSync(new URL('./fixtures/documented-keys.json', import.meta.url), 'utf8'),
);
const NOW = new Date('2025-06-15T12:00:00.000Z');
/** Shopify prints times in the shop's zone with its offset: 2021-12-31T19:00:00-05:00. */
const SHOP_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/;

function seeded() {
  const store = newTestStore();
  const seed = seedDemoStore(store, { now: NOW });
  return { store, seed };
}

/** Deep copy through JSON, as the app receives it; also proves the payload serialises. */
const asJson = (value: unknown): any => JSON.parse(JSON.stringify(value)); // eslint-disable-line @typescript-eslint/no-explicit-any -- webhook JSON is untyped, as in the app
const keysOf = (value: object) => Object.keys(value).sort();
const documented = (name: string) => [...DOCUMENTED[name]!].sort();

describe('order payloads', () => {
  it('carry exactly the documented keys at every level', () => {
    const { store, seed } = seeded();
    const order = store.orders.get(seed.partlyRefundedOrderIds[0]!)!;
    const payload = asJson(orderPayload(order, store.shop, store));
    expect(keysOf(payload)).toEqual(documented('order'));
    expect(keysOf(payload.customer)).toEqual(documented('order.customer'));
    expect(keysOf(payload.customer.default_address)).toEqual(documented('order.customer.default_address'));
    expect(keysOf(payload.shipping_address)).toEqual(documented('order.shipping_address'));
    expect(keysOf(payload.billing_address)).toEqual(documented('order.shipping_address'));
    expect(keysOf(payload.line_items[0])).toEqual(documented('order.line_item'));
    expect(keysOf(payload.fulfillments[0])).toEqual(documented('fulfillment'));
    expect(keysOf(payload.refunds[0])).toEqual(documented('refund'));
    expect(keysOf(payload.refunds[0].refund_line_items[0])).toEqual(documented('refund.refund_line_item'));
    expect(keysOf(payload.refunds[0].refund_line_items[0].line_item)).toEqual(documented('refund.refund_line_item.line_item'));
  });

  it('describe the order the store holds: lines, refunds, totals and the customer', () => {
    const { store, seed } = seeded();
    const order = store.orders.get(seed.partlyRefundedOrderIds[0]!)!;
    const payload = asJson(orderPayload(order, store.shop, store));
    const battery = seed.productsByHandle['camera-battery']!;
    expect(payload).toMatchObject({
      id: order.id,
      admin_graphql_api_id: `gid://shopify/Order/${order.id}`,
      name: order.name,
      email: 'daniel.okafor@example.com',
      currency: 'EUR',
      financial_status: 'partially_refunded',
      fulfillment_status: 'fulfilled',
      cancelled_at: null,
      cancel_reason: null,
      customer_locale: 'en',
      buyer_accepts_marketing: true,
      total_line_items_price: '1817.00', // camera 1699 + 2 × 59
      current_total_price: '1758.00', // one battery refunded
    });
    expect(payload.created_at).toMatch(SHOP_TIME);
    expect(Date.parse(payload.created_at)).toBe(Date.parse(order.createdAt));
    expect(payload.customer).toMatchObject({ id: seed.personas.CAMERA_BUYER, first_name: 'Daniel', last_name: 'Okafor' });
    const line = payload.line_items.find((item: { product_id: number }) => item.product_id === battery.id);
    expect(line).toMatchObject({
      variant_id: battery.variants[0]!.id,
      title: 'Rechargeable Camera Battery',
      quantity: 2,
      current_quantity: 1,
      price: '59.00',
      sku: battery.variants[0]!.sku,
      vendor: 'Lumen Optics',
      fulfillment_status: 'fulfilled',
    });
    expect(payload.refunds[0].refund_line_items[0]).toMatchObject({ line_item_id: line.id, quantity: 1, subtotal: 59 });
  });

  it('leave consent and tags out of the embedded customer, as Shopify does since 2025-01', () => {
    const { store, seed } = seeded();
    const payload = asJson(orderPayload(seed.orders[0]!, store.shop, store));
    expect(payload.customer).not.toHaveProperty('email_marketing_consent');
    expect(payload.customer).not.toHaveProperty('tags');
  });

  it('show guests without a customer and cancelled orders with nothing left on them', () => {
    const { store, seed } = seeded();
    const guestOrder = seed.guestOrderIds.map((id) => store.orders.get(id)!).find((order) => order.email === 'guest.shopper@example.com')!;
    const guest = asJson(orderPayload(guestOrder, store.shop, store));
    expect(guest.customer).toBeNull();
    expect(guest.email).toBe('guest.shopper@example.com');
    expect(guest.buyer_accepts_marketing).toBe(false);

    const cancelled = asJson(orderPayload(store.orders.get(seed.cancelledOrderIds[0]!)!, store.shop, store));
    expect(cancelled).toMatchObject({ cancel_reason: 'customer', financial_status: 'refunded', current_total_price: '0.00' });
    expect(cancelled.cancelled_at).toMatch(SHOP_TIME);
    expect(cancelled.line_items[0].current_quantity).toBe(0);
  });
});

describe('payloadForChange', () => {
  it('turns every change of a seeded store into its topic with documented keys', () => {
    const store = newTestStore();
    const sent: TopicPayload[] = [];
    store.onChange((change) => sent.push(...payloadForChange(change, store.shop, store)));
    const seed = seedDemoStore(store, { now: NOW });
    store.updateEmailMarketingConsent(seed.personas.NO_ORDERS, { marketingState: 'SUBSCRIBED', marketingOptInLevel: 'CONFIRMED_OPT_IN' });
    store.updateProduct(seed.productsByHandle['knit-mittens']!.id, { tags: ['winter', 'sale'] });
    store.deleteProduct(seed.productsByHandle['travel-pouch']!.id);

    const topics = new Set(sent.map(({ topic }) => topic));
    expect(topics).toEqual(
      new Set([
        'collections/create',
        'products/create',
        'orders/create',
        'orders/fulfilled',
        'orders/updated',
        'orders/cancelled',
        'refunds/create',
        'customers_email_marketing_consent/update',
        'products/update',
        'products/delete',
      ]),
    );
    for (const { topic, payload } of sent) {
      const json = asJson(payload);
      if (topic.startsWith('orders/')) expect(keysOf(json), topic).toEqual(documented('order'));
      if (topic.startsWith('products/') && topic !== 'products/delete') expect(keysOf(json)).toEqual(documented('product'));
      if (topic === 'collections/create') expect(keysOf(json)).toEqual(documented('collection'));
    }
    const refund = asJson(sent.find(({ topic }) => topic === 'refunds/create')!.payload);
    expect(keysOf(refund)).toEqual(documented('refund'));
    expect(refund.order_id).toBe(seed.partlyRefundedOrderIds[0]);

    const consent = asJson(sent.find(({ topic }) => topic === 'customers_email_marketing_consent/update')!.payload);
    expect(keysOf(consent)).toEqual(documented('customers_email_marketing_consent/update'));
    expect(keysOf(consent.email_marketing_consent)).toEqual(documented('customers_email_marketing_consent/update.email_marketing_consent'));
    expect(consent).toMatchObject({
      customer_id: seed.personas.NO_ORDERS,
      email_address: 'tom.walsh@example.com',
      email_marketing_consent: { state: 'subscribed', opt_in_level: 'confirmed_opt_in' },
    });
    expect(consent.email_marketing_consent.consent_updated_at).toMatch(SHOP_TIME);

    expect(sent.at(-1)).toEqual({ topic: 'products/delete', payload: { id: seed.productsByHandle['travel-pouch']!.id } });
  });

  it('refuses a refund change whose refund is not on the order', () => {
    const { store, seed } = seeded();
    const change: StoreChange = { topic: 'refunds/create', order: seed.orders[0]!, refundId: 42 };
    expect(() => payloadForChange(change, store.shop, store)).toThrow(/Refund 42/);
  });
});

describe('collection payloads', () => {
  it('announce every collection change with the documented keys; membership travels in no payload', () => {
    const { store, seed } = seeded();
    const sent: TopicPayload[] = [];
    store.onChange((change) => sent.push(...payloadForChange(change, store.shop, store)));
    const mittens = seed.productsByHandle['knit-mittens']!;
    const scarf = seed.productsByHandle['merino-scarf']!;

    const gifts = store.addCollection({ title: 'Winter Gifts', handle: 'winter-gifts', productIds: [mittens.id] });
    store.addProductsToCollection(gifts.id, [scarf.id]);
    store.removeProductsFromCollection(gifts.id, [mittens.id]);
    store.updateCollection(gifts.id, { title: 'Gifts' });
    store.deleteCollection(gifts.id);

    expect(sent.map(({ topic }) => topic)).toEqual([
      'collections/create',
      'collections/update',
      'collections/update',
      'collections/update',
      'collections/delete',
    ]);
    const [created, , , renamed, deleted] = sent.map(({ payload }) => asJson(payload));
    for (const payload of [created, renamed]) {
      expect(keysOf(payload)).toEqual(documented('collection'));
      expect(payload.updated_at).toMatch(SHOP_TIME);
      expect(payload.published_at).toMatch(SHOP_TIME);
    }
    expect(created).toMatchObject({
      id: gifts.id,
      admin_graphql_api_id: `gid://shopify/Collection/${gifts.id}`,
      handle: 'winter-gifts',
      title: 'Winter Gifts',
      published_scope: 'web',
    });
    expect(renamed.title).toBe('Gifts');
    expect(keysOf(deleted)).toEqual(documented('collections/delete'));
    expect(deleted).toEqual({ id: gifts.id, published_scope: 'web', admin_graphql_api_id: `gid://shopify/Collection/${gifts.id}` });
    expect(JSON.stringify(sent)).not.toContain(String(mittens.id));
    // Left in no collection that no longer exists.
    expect([mittens, scarf].flatMap((p) => p.collectionIds)).not.toContain(gifts.id);
  });

  it('a tag that puts a product in a smart collection is announced as products/update only, as Shopify does', () => {
    const { store, seed } = seeded();
    const smart = store.addCollection({
      title: 'On sale',
      handle: 'on-sale',
      ruleSet: { appliedDisjunctively: false, rules: [{ column: 'TAG', relation: 'EQUALS', condition: 'Sale' }] },
    });
    const sent: TopicPayload[] = [];
    store.onChange((change) => sent.push(...payloadForChange(change, store.shop, store)));
    const mittens = seed.productsByHandle['knit-mittens']!;
    expect(mittens.collectionIds).not.toContain(smart.id);

    store.updateProduct(mittens.id, { tags: [...mittens.tags, 'sale'] });
    expect(mittens.collectionIds).toContain(smart.id);
    store.updateProduct(mittens.id, { tags: mittens.tags.filter((t) => t !== 'sale') });
    expect(mittens.collectionIds).not.toContain(smart.id);
    expect(sent.map(({ topic }) => topic)).toEqual(['products/update', 'products/update']);
    // A smart collection chooses its products: none can be added by hand.
    expect(() => store.addProductsToCollection(smart.id, [mittens.id])).toThrow(/smart collection/);
  });
});

describe('product payloads', () => {
  it('send tags as one string, the category as id/name/full_name, and the documented variant keys', () => {
    const { store, seed } = seeded();
    const product = seed.productsByHandle['wool-overcoat']!;
    const payload = asJson(productPayload(product, store.shop));
    expect(payload).toMatchObject({
      id: product.id,
      admin_graphql_api_id: `gid://shopify/Product/${product.id}`,
      title: 'Charcoal Wool Overcoat',
      handle: 'wool-overcoat',
      product_type: 'Coat',
      vendor: 'Northwind Outfitters',
      status: 'active',
      tags: 'winter, outerwear, coat',
      category: {
        admin_graphql_api_id: 'gid://shopify/TaxonomyCategory/aa-1-10-2-5',
        name: 'Overcoats',
        full_name: 'Apparel & Accessories > Clothing > Outerwear > Coats & Jackets > Overcoats',
      },
      image: { src: '/images/wool-overcoat.svg', alt: 'Charcoal Wool Overcoat' },
    });
    expect(keysOf(payload.category)).toEqual(documented('product.category'));
    expect(keysOf(payload.variants[0])).toEqual(documented('product.variant'));
    expect(payload.variants.map((v: { title: string; price: string }) => [v.title, v.price])).toEqual([
      ['M', '239.00'],
      ['L', '239.00'],
    ]);
    expect(productDeletePayload(product.id)).toEqual({ id: product.id });
  });
});

describe('payloads without a store change', () => {
  const shop = {
    name: 'Tacto Demo',
    myshopifyDomain: 'tacto-demo.sandbox.test',
    email: 'owner@example.com',
    currencyCode: 'EUR',
    ianaTimezone: 'Europe/Madrid',
    primaryLocale: 'es',
    grantsReadAllOrders: false,
  };

  it('app/uninstalled sends the shop resource', () => {
    const payload = asJson(appUninstalledPayload(shop));
    expect(keysOf(payload)).toEqual(documented('app/uninstalled'));
    expect(payload).toMatchObject({ myshopify_domain: 'tacto-demo.sandbox.test', currency: 'EUR', iana_timezone: 'Europe/Madrid' });
  });

  it('bulk_operations/finish lowercases status, type and error code', () => {
    const payload = bulkOperationsFinishPayload(
      { id: 7, status: 'FAILED', type: 'QUERY', errorCode: 'ACCESS_DENIED', createdAt: '2025-06-15T10:00:00Z', completedAt: null },
      shop,
    );
    expect(keysOf(payload)).toEqual(documented('bulk_operations/finish'));
    expect(payload).toEqual({
      admin_graphql_api_id: 'gid://shopify/BulkOperation/7',
      completed_at: null,
      created_at: '2025-06-15T12:00:00+02:00',
      error_code: 'access_denied',
      status: 'failed',
      type: 'query',
    });
  });

  it('the privacy topics name the shop, the customer and the orders', () => {
    const customer = { id: 1000050, email: 'ana.souza@example.com', phone: '+5511900100103' };
    const request = customersDataRequestPayload(shop, customer, [11, 12], 9);
    const redact = customersRedactPayload(shop, customer, [11, 12]);
    const shopRedact = shopRedactPayload(shop);
    expect(keysOf(request)).toEqual(documented('customers/data_request'));
    expect(keysOf(redact)).toEqual(documented('customers/redact'));
    expect(keysOf(shopRedact)).toEqual(documented('shop/redact'));
    expect(keysOf(request.customer)).toEqual(documented('compliance.customer'));
    expect(request).toMatchObject({ shop_domain: 'tacto-demo.sandbox.test', orders_requested: [11, 12], data_request: { id: 9 } });
    expect(redact.orders_to_redact).toEqual([11, 12]);
    // One shop, one id, in every payload that carries it.
    expect(new Set([request.shop_id, redact.shop_id, shopRedact.shop_id, appUninstalledPayload(shop).id]).size).toBe(1);
  });
});
