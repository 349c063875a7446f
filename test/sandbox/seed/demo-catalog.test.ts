import { describe, expect, it } from 'vitest';
import { newTestStore } from '../../support/sandbox-store.ts';
import { PERSONAS, seedDemoStore } from '../../../sandbox/seed/demo-catalog.ts';
import { DEMO_CUSTOMERS } from '../../../sandbox/seed/demo-customers.ts';
import { DEMO_ORDERS } from '../../../sandbox/seed/demo-orders.ts';
import { DEMO_PRODUCTS } from '../../../sandbox/seed/demo-products.ts';
import { TAXONOMY } from '../../../sandbox/seed/taxonomy.ts';
import type { StoreChange } from '../../../sandbox/store/store.ts';

const NOW = new Date('2025-06-15T12:00:00.000Z');
const DAY = 86_400_000;

function newStore() {
  return newTestStore();
}

const ageDays = (iso: string) => (NOW.getTime() - Date.parse(iso)) / DAY;

describe('seedDemoStore', () => {
  it('fills the collections, every demo product (over 60) and every demo customer', () => {
    const store = newStore();
    const seed = seedDemoStore(store, { now: NOW });
    expect(store.collections.size).toBe(7);
    expect(store.products.size).toBe(DEMO_PRODUCTS.length);
    expect(store.products.size).toBeGreaterThan(60);
    expect(store.customers.size).toBe(DEMO_CUSTOMERS.length);
    expect(Object.keys(seed.collectionIdsByHandle)).toEqual(
      expect.arrayContaining(['winter', 'photography', 'baby-stroller', 'pets', 'weddings', 'travel', 'health-wellness']),
    );
  });

  it('gives every product a Spanish and a Portuguese handle, each naming one product in its language and no default handle', () => {
    const store = newStore();
    seedDemoStore(store, { now: NOW });
    const products = [...store.products.values()];
    const defaults = new Set(products.map((product) => product.handle));
    for (const locale of ['es', 'pt-BR']) {
      const handles = products.map((product) => product.translations[locale]?.handle ?? '');
      for (const handle of handles) expect(handle).toMatch(/^[a-z0-9][a-z0-9-]*$/);
      expect(new Set(handles).size).toBe(products.length);
      expect(handles.filter((handle) => defaults.has(handle))).toEqual([]);
    }
  });

  it('gives every product a real taxonomy category (the guided trip, which has none, aside), translations, an image and in-stock or not variants', () => {
    const store = newStore();
    seedDemoStore(store, { now: NOW });
    const known = new Set(Object.values(TAXONOMY).map((category) => category.id));
    const uncategorised = [...store.products.values()].filter((product) => product.category === null);
    expect(uncategorised.map((product) => product.handle)).toEqual(['patagonia-trekking-week']);
    for (const product of store.products.values()) {
      if (product.category === null) continue;
      expect(product.category.id, product.handle).toMatch(/^[a-z]{2}(-\d+)+$/);
      expect(known.has(product.category.id)).toBe(true);
      expect(product.category.fullName.endsWith(` > ${product.category.name}`)).toBe(true);
      expect(product.translations['es']?.title, product.handle).toBeTruthy();
      expect(product.translations['pt-BR']?.title, product.handle).toBeTruthy();
      expect(product.translations['es']!.title).not.toBe(product.title);
      expect(product.imageUrl).toBe(`/images/${product.handle}.svg`);
      expect(product.variants.length).toBeGreaterThanOrEqual(1);
      expect(product.variants.length).toBeLessThanOrEqual(2);
    }
    const soldOut = [...store.products.values()].filter((product) => product.variants.every((v) => !v.availableForSale));
    expect(soldOut.map((product) => product.handle)).toEqual(expect.arrayContaining(['expedition-parka']));
  });

  it('includes the sensitive health products, categorised under Health Care', () => {
    const store = newStore();
    const seed = seedDemoStore(store, { now: NOW });
    for (const handle of ['pregnancy-test', 'ovulation-tests', 'prenatal-vitamins', 'incontinence-pads']) {
      expect(seed.productsByHandle[handle]?.category?.id, handle).toMatch(/^hb-1-/);
    }
    expect(seed.productsByHandle['cat-food-salmon']?.tags).toEqual(expect.arrayContaining(['consumable', 'reorder-days:30']));
    expect(seed.productsByHandle['stroller-cleaning-kit']?.tags).toContain('care-kit');
  });

  it('mixes locales and every kind of marketing consent, and keeps protected data on every customer', () => {
    const store = newStore();
    seedDemoStore(store, { now: NOW });
    const customers = [...store.customers.values()];
    expect(new Set(customers.map((c) => c.locale))).toEqual(new Set(['en', 'es', 'pt-BR']));
    const consents = new Set(customers.map((c) => `${c.emailMarketingConsent.marketingState}/${c.emailMarketingConsent.marketingOptInLevel}`));
    expect(consents).toEqual(
      new Set(['SUBSCRIBED/SINGLE_OPT_IN', 'SUBSCRIBED/CONFIRMED_OPT_IN', 'NOT_SUBSCRIBED/null', 'UNSUBSCRIBED/SINGLE_OPT_IN']),
    );
    for (const customer of customers) {
      expect(customer.email).toMatch(/@example\.com$/);
      expect(customer.phone).toBeTruthy();
      expect(customer.note).toBeTruthy();
      expect(customer.addresses).toHaveLength(1);
    }
  });

  it('names the personas, and the shopper with no orders has none', () => {
    const store = newStore();
    const seed = seedDemoStore(store, { now: NOW });
    for (const [name, email] of Object.entries(PERSONAS)) {
      expect(store.customers.get(seed.personas[name as keyof typeof PERSONAS])?.email, name).toBe(email);
    }
    const ordersOf = (id: number) => seed.orders.filter((order) => order.customerId === id);
    expect(ordersOf(seed.personas.NO_ORDERS)).toHaveLength(0);
    const coat = seed.productsByHandle['wool-overcoat']!.id;
    expect(ordersOf(seed.personas.COAT_BUYER).some((o) => o.lineItems.some((l) => l.productId === coat))).toBe(true);
    const test = seed.productsByHandle['pregnancy-test']!.id;
    expect(ordersOf(seed.personas.PREGNANCY_TEST_BUYER).some((o) => o.lineItems.some((l) => l.productId === test))).toBe(true);
    expect(ordersOf(seed.personas.PET_OWNER).length).toBeGreaterThanOrEqual(3);
    // The trip buyer: a one-off trip about 200 days ago, and other purchases since.
    const trip = seed.productsByHandle['patagonia-trekking-week']!;
    expect(trip.tags).toContain('one-time');
    const tripOrder = ordersOf(seed.personas.TRIP_BUYER).find((o) => o.lineItems.some((l) => l.productId === trip.id))!;
    expect(ageDays(tripOrder.createdAt)).toBeGreaterThan(190);
    expect(ordersOf(seed.personas.TRIP_BUYER).length).toBeGreaterThanOrEqual(3);
  });

  it('spreads orders over ~200 days, some older than 60, with fulfilments, a cancellation, a refund and guests', () => {
    const store = newStore();
    const seed = seedDemoStore(store, { now: NOW });
    const ages = seed.orders.map((order) => ageDays(order.createdAt));
    expect(Math.max(...ages)).toBeGreaterThan(180);
    expect(Math.max(...ages)).toBeLessThanOrEqual(200);
    expect(ages.filter((age) => age > 60).length).toBeGreaterThanOrEqual(5);
    expect(ages.every((age) => age > 0)).toBe(true);
    expect(seed.orders.filter((order) => order.fulfillments.length > 0).length).toBeGreaterThan(15);
    expect(seed.orders.some((order) => order.fulfillments.length === 0 && order.cancelledAt === null)).toBe(true);

    expect(seed.cancelledOrderIds).toHaveLength(1);
    const cancelled = store.orders.get(seed.cancelledOrderIds[0]!)!;
    expect(ageDays(cancelled.cancelledAt!)).toBeCloseTo(ageDays(cancelled.createdAt) - 1, 5);

    expect(seed.partlyRefundedOrderIds).toHaveLength(1);
    const refunded = store.orders.get(seed.partlyRefundedOrderIds[0]!)!;
    const battery = refunded.lineItems.find((line) => line.productId === seed.productsByHandle['camera-battery']!.id)!;
    expect(battery.quantity).toBe(2);
    expect(refunded.refunds[0]!.refundLineItems).toEqual([{ lineItemId: battery.id, quantity: 1 }]);

    expect(seed.guestOrderIds).toHaveLength(DEMO_ORDERS.filter((spec) => spec.customer === null).length);
    expect(seed.guestOrderIds.length).toBeGreaterThanOrEqual(2);
    for (const id of seed.guestOrderIds) expect(store.orders.get(id)!.customerId).toBeNull();
  });

  it('back-dates every change and restores the store clock', () => {
    const store = newStore();
    const clock = store.now;
    const changes: StoreChange[] = [];
    store.onChange((change) => changes.push(change));
    const seed = seedDemoStore(store, { now: NOW });
    expect(store.now).toBe(clock);
    expect(changes.filter((c) => c.topic === 'products/create')).toHaveLength(store.products.size);
    expect(changes.filter((c) => c.topic === 'orders/create')).toHaveLength(seed.orders.length);
    expect(changes.filter((c) => c.topic === 'refunds/create')).toHaveLength(1);
    const coatOrder = seed.orders.find((order) => order.customerId === seed.personas.COAT_BUYER && order.lineItems.some((l) => l.sku.startsWith('TC-WOOL-OVERCOAT')))!;
    expect(ageDays(coatOrder.createdAt)).toBeCloseTo(8.125, 1);
    expect(ageDays(coatOrder.fulfillments[0]!.createdAt)).toBeCloseTo(6.125, 1);
    for (const order of seed.orders) expect(Date.parse(order.updatedAt)).toBeLessThanOrEqual(NOW.getTime());
  });

  it('is deterministic and refuses a store that is not empty', () => {
    const a = newStore();
    const b = newStore();
    seedDemoStore(a, { now: NOW });
    seedDemoStore(b, { now: NOW });
    expect(JSON.stringify([...a.orders.values()])).toBe(JSON.stringify([...b.orders.values()]));
    expect(JSON.stringify([...a.products.values()])).toBe(JSON.stringify([...b.products.values()]));
    expect(() => seedDemoStore(a, { now: NOW })).toThrow(/empty store/);
  });
});
