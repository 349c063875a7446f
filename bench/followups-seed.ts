/**
 * The follow-up benchmark's store, written through the app's own ingest path (`storage.ingest.applyBatch` with
 * the records of server/ingest/records.ts): the demo catalog in six colourways, 10,000 subscribed customers,
 * each with one order fulfilled a week before NOW (so every follow-up is due, inside the send window) and a few
 * earlier orders (so the engine has baskets to learn complements from); then the persona (verified, with a
 * photo made by the admin's own resize) and the flow, on, with the default settings. Deterministic: a seeded
 * generator, fixed ids, a fixed NOW.
 */
import sharp from 'sharp';
import { DEFAULT_TEMPLATES } from '../server/followups/compose/words.ts';
import { resizePersonaPhoto } from '../server/followups/personas/photo.ts';
import { DAY_MS, DEFAULT_FLOW_SETTINGS, HOUR_MS, MINUTE_MS } from '../server/followups/scheduler/index.ts';
import type { ShopProfile } from '../server/followups/shop-admin.ts';
import { emptyBatch, type CustomerRecord, type IngestBatch, type OrderLineRecord, type OrderRecord, type ProductRecord } from '../server/ingest/records.ts';
import type { Storage } from '../server/db/storage.ts';
import { DEMO_COLLECTIONS } from '../sandbox/seed/demo-collections.ts';
import { DEMO_PRODUCTS } from '../sandbox/seed/demo-products.ts';

export const SHOP = 'northwind-bench.myshopify.com';
export const CUSTOMERS = 10_000;
/**
 * A Wednesday, 12:00 in Madrid (the shop's zone), 11:00 in London, 13:00 in Athens: inside the default 09:00–19:00
 * window for every customer's zone, on no avoided day.
 */
export const NOW = Date.parse('2026-11-18T11:00:00Z');
/** What the stubbed Admin API answers (the Admin API is not what is measured). */
export const PROFILE: ShopProfile = { name: 'Northwind Outfitters', timeZone: 'Europe/Madrid', storefrontUrl: 'https://northwind.example' };
export const PERSONA = {
  fullName: 'Marta Ruiz',
  role: 'Head of customer care',
  signature: 'Marta — here on weekdays, 9 to 5',
  fromAddress: 'marta@northwind.example',
  replyTo: 'marta.ruiz@northwind.example',
};
export const DKIM_DOMAIN = 'northwind.example';
export const DKIM_SELECTOR = 'tacto2026';

const COLOURWAYS = ['', 'Navy', 'Olive', 'Sand', 'Rust', 'Ivory'];
/** Hints as ingest derives them (single-zone countries only); null falls back to the shop's zone. */
const ZONES = ['Europe/London', 'Europe/Paris', 'Europe/Berlin', 'Europe/Rome', 'Europe/Amsterdam', 'Europe/Dublin', 'Europe/Athens', 'Europe/Helsinki', null];
const FIRST_NAMES = ['Olivia', 'Liam', 'Emma', 'Noah', 'Ava', 'Lucas', 'Mia', 'Hugo', 'Sofia', 'Leo', 'Chloe', 'Mateo', 'Lea', 'Jonas', 'Ines', 'Elias', 'Anna', 'Milan', 'Clara', 'Theo'];

/** mulberry32: small, fast, and the same sequence on every run. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

interface Catalog {
  products: ProductRecord[];
  collections: { productId: number; collectionId: number }[];
  /** Product ids per collection handle: baskets mostly stay within one, which gives the engine co-purchases. */
  byCollection: Map<string, number[]>;
}

function catalog(at: string): Catalog {
  const products: ProductRecord[] = [];
  const collections: Catalog['collections'] = [];
  const byCollection = new Map<string, number[]>();
  let id = 1_000;
  for (const colour of COLOURWAYS) {
    for (const spec of DEMO_PRODUCTS) {
      id += 1;
      products.push({
        id,
        title: colour ? `${spec.title}, ${colour}` : spec.title,
        handle: colour ? `${spec.handle}-${colour.toLowerCase()}` : spec.handle,
        productType: spec.productType,
        categoryId: spec.category?.id ?? null,
        categoryName: spec.category?.name ?? null,
        tags: spec.tags,
        imageUrl: `https://cdn.northwind.example/${spec.handle}.jpg`,
        price: spec.variants[0]!.price,
        available: spec.variants.some((v) => v.inventory > 0),
        status: 'ACTIVE',
        updatedAt: at,
      });
      for (const handle of spec.collections) {
        collections.push({ productId: id, collectionId: 1 + DEMO_COLLECTIONS.findIndex((c) => c.handle === handle) });
        byCollection.set(handle, [...(byCollection.get(handle) ?? []), id]);
      }
    }
  }
  return { products, collections, byCollection };
}

/** What `seed` wrote, for the checks. */
export interface Seeded {
  products: number;
  orders: number;
  lines: number;
  /** Orders fulfilled a week before NOW: one follow-up each. */
  due: number;
}

/** Fills a fresh, migrated storage. Not timed. */
export async function seed(storage: Storage): Promise<Seeded> {
  const at = new Date(NOW - 200 * DAY_MS).toISOString();
  const shopCatalog = catalog(at);
  await storage.ingest.applyBatch(SHOP, { ...emptyBatch(), products: shopCatalog.products, productCollections: shopCatalog.collections });

  const next = random(20_261_118);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  // The fulfilled order's first item is never a health product: an order of only such items gets no mail.
  const mailable = [...shopCatalog.byCollection].filter(([handle]) => handle !== 'health-wellness').map(([, ids]) => ids);
  const everyGroup = [...shopCatalog.byCollection.values()];
  let orderId = 7_000_000;
  let lineId = 9_000_000;
  const basket = (order: OrderRecord, first: number[], batch: IngestBatch) => {
    const items = new Set([pick(first)]);
    const size = 1 + Math.floor(next() * 3);
    // Mostly the same collection (coat, scarf, gloves), now and then something from elsewhere.
    while (items.size < size) items.add(pick(next() < 0.8 ? first : pick(everyGroup)));
    for (const productId of items) {
      const line: OrderLineRecord = { id: ++lineId, orderId: order.id, productId, variantId: productId * 10, quantity: 1 + Math.floor(next() * 2), refundedQuantity: 0 };
      batch.orderLines.push(line);
    }
  };

  let batch = emptyBatch();
  let due = 0;
  let orders = 0;
  for (let i = 0; i < CUSTOMERS; i++) {
    const customerId = 5_000_000 + i;
    const firstName = pick(FIRST_NAMES);
    const customer: CustomerRecord = {
      id: customerId,
      marketingState: 'SUBSCRIBED',
      consentUpdatedAt: at,
      email: `${firstName.toLowerCase()}.${customerId}@example.com`,
      firstName,
      locale: 'en',
      timeZoneHint: pick(ZONES),
      updatedAt: at,
    };
    batch.customers.push(customer);
    // Earlier orders, 12 to 170 days back, fulfilled long before the flow's look-back: they train the engine.
    for (let k = Math.floor(next() * 4); k > 0; k--) {
      const created = NOW - (12 + next() * 158) * DAY_MS;
      const order = orderRecord(++orderId, customerId, created, created + (1 + next()) * DAY_MS);
      batch.orders.push(order);
      basket(order, pick(everyGroup), batch);
      orders++;
    }
    // The order the follow-up is about: fulfilled 7 days and up to 6 hours before NOW, so it is due by NOW.
    const fulfilled = NOW - 7 * DAY_MS - (1 * MINUTE_MS + next() * 6 * HOUR_MS);
    const order = orderRecord(++orderId, customerId, fulfilled - (1 + next() * 2) * DAY_MS, fulfilled);
    batch.orders.push(order);
    basket(order, pick(mailable), batch);
    orders++;
    due++;
    if (batch.orders.length >= 2_000) {
      await storage.ingest.applyBatch(SHOP, batch);
      batch = emptyBatch();
    }
  }
  await storage.ingest.applyBatch(SHOP, batch);

  await storage.followups.savePersona(SHOP, PERSONA, new Date(NOW - 30 * DAY_MS).toISOString());
  await storage.followups.savePersonaPhoto(SHOP, await personaPhoto(), new Date(NOW - 30 * DAY_MS).toISOString());
  await storage.followups.markVerified(SHOP, new Date(NOW - 30 * DAY_MS).toISOString());
  await storage.followups.saveFlow(
    SHOP,
    { settings: { ...DEFAULT_FLOW_SETTINGS, enabled: true }, templates: { en: DEFAULT_TEMPLATES.en } },
    new Date(NOW - 30 * DAY_MS).toISOString(),
  );
  return { products: shopCatalog.products.length, orders, lines: lineId - 9_000_000, due };
}

function orderRecord(id: number, customerId: number, created: number, fulfilled: number): OrderRecord {
  // Shopify's timestamps have whole seconds.
  const iso = (ms: number) => new Date(Math.floor(ms / 1000) * 1000).toISOString();
  return { id, customerId, createdAt: iso(created), cancelledAt: null, fulfilledAt: iso(fulfilled), updatedAt: iso(fulfilled) };
}

/**
 * A portrait-sized picture with smooth shading (as a face photo has), through the admin's own resize: the
 * 128 px JPEG of a few kilobytes that every follow-up carries inline.
 */
async function personaPhoto(): Promise<Buffer> {
  const size = 600;
  const pixels = Buffer.alloc(size * size * 3);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const d = Math.hypot(x - size / 2, y - size * 0.4) / size;
      const o = (y * size + x) * 3;
      pixels[o] = 200 - 120 * d + ((x * 7 + y * 13) % 9);
      pixels[o + 1] = 160 - 90 * d + ((x * 5 + y * 3) % 7);
      pixels[o + 2] = 130 - 60 * d + (y % 5);
    }
  }
  return resizePersonaPhoto(await sharp(pixels, { raw: { width: size, height: size, channels: 3 } }).png().toBuffer());
}
