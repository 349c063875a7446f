/**
 * The catalog follows the shop in real time: products created after install, collections created, filled,
 * emptied and deleted — from either side, custom or smart — reach Tacto through the sandbox's signed webhooks and
 * the app's Admin API re-reads, and a new product is a storefront pick within seconds, past the visitor answer the
 * app remembers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SANDBOX_API_SECRET } from '../../sandbox/credentials.ts';
import { productPayload } from '../../sandbox/webhooks/payloads.ts';
import { refetchCollectionProducts, refetchProductCollections } from '../../server/ingest/refetch-collections.ts';
import type { RetrySchedule } from '../../server/webhooks/retry-schedule.ts';
import { signedProxyUrl } from '../support/app-proxy.ts';
import { queryDb } from '../support/db.ts';
import { waitFor } from '../support/eventually.ts';
import { startInstalledApp, type AppAndSandbox } from '../support/sandbox.ts';
import { postWebhook } from '../support/signed-requests.ts';

/** Milliseconds instead of minutes (20, 40, 80, 160, then 200 ms; 40 runs ≈ 7.5 s), for the outage below. */
const TEST_RETRY: RetrySchedule = { maxAttempts: 40, baseDelayMs: 20, factor: 2, maxDelayMs: 200, jitter: 0 };

let env: AppAndSandbox;
const shop = () => env.sandbox.shop.myshopifyDomain;
const store = () => env.sandbox.store;
const db = <T>(sql: string, ...params: unknown[]) => queryDb<T>(env.app.databasePath, sql, ...params);
const collectionsOf = (productId: number) =>
  db<{ id: number }>('select collection_id as id from product_collections where shop = ? and product_id = ? order by collection_id', shop(), productId).map(
    (row) => row.id,
  );
const membersOf = (collectionId: number) =>
  db<{ id: number }>('select product_id as id from product_collections where shop = ? and collection_id = ? order by product_id', shop(), collectionId).map(
    (row) => row.id,
  );
const storedProduct = (id: number) => db<{ title: string }>('select title from products where shop = ? and id = ?', shop(), id);
const collectionId = (handle: string) => [...store().collections.values()].find((c) => c.handle === handle)!.id;
const productByHandle = (handle: string) => [...store().products.values()].find((p) => p.handle === handle)!;

/** Waits until the sandbox delivered everything and the app applied it. */
async function settled() {
  await env.sandbox.webhooks.idle();
  await env.app.webhookWorker.idle();
}

/** Topics the sandbox sent since `from` (an index into its delivery log). */
const topicsSince = (from: number) => env.sandbox.webhooks.log.slice(from).map((d) => d.topic);

function newProduct(title: string, productType: string, collectionIds: number[], tags: string[]) {
  return {
    title,
    translations: {},
    description: `${title}.`,
    handle: title.toLowerCase().replace(/\s+/g, '-'),
    vendor: 'Alpine Works',
    productType,
    // No taxonomy category: the product's only ties to the catalog are the ones each test gives it.
    category: null,
    tags,
    collectionIds,
    imageUrl: null,
    imageAlt: '',
    status: 'ACTIVE' as const,
    variants: [{ title: 'Default Title', sku: '', price: '49.00', availableForSale: true, inventoryQuantity: 5 }],
  };
}

async function visitorPickUrls(params: Record<string, string>): Promise<string[]> {
  const response = await fetch(signedProxyUrl(env, '/proxy/picks', null, params));
  expect(response.status).toBe(200);
  return ((await response.json()) as { items: { url: string }[] }).items.map((item) => item.url);
}

beforeAll(async () => {
  env = await startInstalledApp({}, undefined, { webhooks: { retry: TEST_RETRY } });
});
afterAll(() => env.close());

describe('a product created in the sandbox after install', () => {
  it('is stored with its collection and becomes a visitor pick within seconds, past the answer the app remembers', async () => {
    const alpine = store().addCollection({ title: 'Alpine', handle: 'alpine' });
    const jacket = store().addProduct(newProduct('Alpine Trail Jacket', 'Jacket', [alpine.id], ['alpine-trail']));
    // Two companions already there: a page shows at most one pick per two related products (the deniability bound).
    store().addProduct(newProduct('Alpine Trail Socks', 'Socks', [alpine.id], ['alpine-trail']));
    store().addProduct(newProduct('Alpine Trail Beanie', 'Hat', [alpine.id], ['alpine-trail']));
    await settled();
    expect(storedProduct(jacket.id)).toEqual([{ title: 'Alpine Trail Jacket' }]);
    expect(collectionsOf(jacket.id)).toEqual([alpine.id]);

    // The jacket's page, asked by a visitor: the answer is remembered (and served from memory) until the catalog changes.
    const page = { template: 'product', product_id: String(jacket.id), limit: '4' };
    const before = await visitorPickUrls(page);
    expect(before).toHaveLength(1);
    expect(await visitorPickUrls(page)).toEqual(before);
    const chance = async (productId: number) =>
      (await env.app.recommendations.inclusion({ shop: shop(), surface: { kind: 'product', productId: jacket.id }, customerId: null, limit: 4, consentAllowsPersonalization: true })).visitor.get(productId) ?? 0;

    // Gloves that go with it: same collection, same tag, another job. Created, announced, and in the page's draw — no import.
    const gloves = store().addProduct(newProduct('Alpine Trail Gloves', 'Gloves', [alpine.id], ['alpine-trail']));
    await waitFor(async () => (await chance(gloves.id)) > 0, { timeoutMs: 10_000, message: 'the new gloves to be in the jacket page\'s draw' });
    // The visitor answer was drawn again from the new pool: a draw with the gloves in it shows them.
    const urls = await visitorPickUrls(page);
    expect(urls).toHaveLength(1);
    expect(['/products/alpine-trail-gloves', '/products/alpine-trail-socks', '/products/alpine-trail-beanie']).toContain(urls[0]);
    expect(storedProduct(gloves.id)).toEqual([{ title: 'Alpine Trail Gloves' }]);
    expect(collectionsOf(gloves.id)).toEqual([alpine.id]);
  });

  it('a late products/update for a product deleted since does not bring it back', async () => {
    const flask = store().addProduct(newProduct('Summit Flask', 'Flask', [], []));
    await settled();
    const captured = productPayload(flask, env.sandbox.shop);
    store().deleteProduct(flask.id);
    await settled();
    expect(storedProduct(flask.id)).toEqual([]);

    // The same signed update, delivered after the deletion (a retry, a slow queue): Shopify no longer has the product.
    const response = await postWebhook(env.app.url, { topic: 'products/update', shop: shop(), body: captured, secret: SANDBOX_API_SECRET });
    expect(response.status).toBe(200);
    await settled();
    expect(storedProduct(flask.id)).toEqual([]);
    expect(collectionsOf(flask.id)).toEqual([]);
  });
});

describe('collection membership', () => {
  it('products added to a collection from its own page get its id, and lose it when removed (collections/update only)', async () => {
    const winter = collectionId('winter');
    const pouch = productByHandle('travel-pouch');
    expect(collectionsOf(pouch.id)).not.toContain(winter);

    const from = env.sandbox.webhooks.log.length;
    store().addProductsToCollection(winter, [pouch.id]);
    await settled();
    expect(topicsSince(from)).toEqual(['collections/update']);
    expect(collectionsOf(pouch.id)).toContain(winter);
    // The collection's other members are untouched.
    expect(membersOf(winter).sort()).toEqual([...store().products.values()].filter((p) => p.collectionIds.includes(winter)).map((p) => p.id).sort());

    store().removeProductsFromCollection(winter, [pouch.id]);
    await settled();
    expect(collectionsOf(pouch.id)).not.toContain(winter);
  });

  it("a product moved from its own page, or into a smart collection by a new tag, follows (products/update only)", async () => {
    const clearance = store().addCollection({
      title: 'Clearance',
      handle: 'clearance',
      ruleSet: { appliedDisjunctively: false, rules: [{ column: 'TAG', relation: 'EQUALS', condition: 'clearance' }] },
    });
    const pets = collectionId('pets');
    const pouch = productByHandle('travel-pouch');
    await settled();

    const from = env.sandbox.webhooks.log.length;
    store().updateProduct(pouch.id, { collectionIds: [...pouch.collectionIds, pets] });
    await settled();
    expect(collectionsOf(pouch.id)).toContain(pets);

    store().updateProduct(pouch.id, { tags: [...pouch.tags, 'clearance'] });
    await settled();
    expect(collectionsOf(pouch.id)).toEqual(expect.arrayContaining([pets, clearance.id]));

    store().updateProduct(pouch.id, { tags: pouch.tags.filter((t) => t !== 'clearance'), collectionIds: pouch.collectionIds.filter((id) => id !== pets) });
    await settled();
    expect(collectionsOf(pouch.id)).not.toContain(pets);
    expect(collectionsOf(pouch.id)).not.toContain(clearance.id);
    expect(new Set(topicsSince(from))).toEqual(new Set(['products/update']));
    expect(collectionsOf(pouch.id)).toEqual([...pouch.collectionIds].sort((a, b) => a - b));
  });

  it('a smart collection created with rules is stored with every product they match', async () => {
    const coats = store().addCollection({
      title: 'All coats',
      handle: 'all-coats',
      ruleSet: { appliedDisjunctively: false, rules: [{ column: 'TYPE', relation: 'EQUALS', condition: 'Coat' }] },
    });
    await settled();
    const expected = [...store().products.values()].filter((p) => p.productType === 'Coat').map((p) => p.id).sort((a, b) => a - b);
    expect(expected.length).toBeGreaterThan(1);
    expect(membersOf(coats.id)).toEqual(expected);
  });

  it('lists longer than a page are read whole, page by page (a page of 2 here, of 250 in the app)', async () => {
    const session = (await env.app.storage.sessions.loadSession(env.app.shopify.api.session.getOfflineId(shop())))!;
    const winter = collectionId('winter');
    const members = [...store().products.values()].filter((p) => p.collectionIds.includes(winter)).map((p) => p.id);
    expect(members.length).toBeGreaterThan(4);
    const read = await refetchCollectionProducts(env.app.shopify, session, winter, { pageSize: 2 });
    expect(read!.sort((a, b) => a - b)).toEqual(members.sort((a, b) => a - b));

    const coat = productByHandle('wool-overcoat');
    expect(coat.collectionIds.length).toBeGreaterThan(0);
    expect((await refetchProductCollections(env.app.shopify, session, coat.id, { pageSize: 1 }))!.sort()).toEqual([...coat.collectionIds].sort());
    // Gone is not empty: the caller tells a deleted product or collection from one without members.
    expect(await refetchProductCollections(env.app.shopify, session, 999_999_999)).toBeNull();
    expect(await refetchCollectionProducts(env.app.shopify, session, 999_999_999)).toBeNull();
  });

  it('a deleted collection leaves every product it had', async () => {
    const weddings = collectionId('weddings');
    const members = membersOf(weddings);
    expect(members.length).toBeGreaterThan(1);
    store().deleteCollection(weddings);
    await settled();
    expect(membersOf(weddings)).toEqual([]);
    for (const id of members) expect(storedProduct(id)).toHaveLength(1);
  });
});

describe('catalog webhooks that cannot be applied', () => {
  it('for a shop that never installed: acknowledged and dropped, like every other topic', async () => {
    const before = env.app.snapshot();
    const other = 'never-installed.myshopify.com';
    const product = productPayload(productByHandle('knit-mittens'), env.sandbox.shop);
    for (const [topic, body] of [
      ['products/create', product],
      ['collections/create', { id: 5_550_001, handle: 'x', title: 'X' }],
      ['collections/update', { id: 5_550_001, handle: 'x', title: 'X' }],
      ['collections/delete', { id: 5_550_001 }],
    ] as const) {
      const response = await postWebhook(env.app.url, { topic, shop: other, body, secret: SANDBOX_API_SECRET });
      expect(response.status, topic).toBe(200);
      expect(await response.json()).toEqual({ ok: true, dropped: true });
    }
    await settled();
    expect(env.app.snapshot()).toEqual(before);
  });

  it('a payload that does not parse is a dead letter with its ids, and changes nothing', async () => {
    const before = db('select * from product_collections where shop = ? order by product_id, collection_id', shop());
    const products = db('select * from products where shop = ? order by id', shop());
    const cases = [
      ['products/create', { id: 4_440_001, title: 7, handle: 'broken' }, 'evt-broken-product', { product: [4_440_001] }, /title/],
      ['collections/update', { id: 'not-an-id' }, 'evt-broken-collection', {}, /id/],
      ['collections/delete', { title: 'no id' }, 'evt-broken-delete', {}, /id/],
    ] as const;
    for (const [topic, body, eventId] of cases) {
      expect((await postWebhook(env.app.url, { topic, shop: shop(), body, secret: SANDBOX_API_SECRET, eventId })).status).toBe(200);
    }
    await settled();
    const dead = await env.app.storage.webhookQueue.deadLetters(shop());
    for (const [topic, , eventId, subjectIds, error] of cases) {
      expect(dead.find((d) => d.eventId === eventId), topic).toMatchObject({ topic, attempts: 1, subjectIds, payload: '' });
      expect(dead.find((d) => d.eventId === eventId)!.error).toMatch(error);
    }
    expect(db('select * from product_collections where shop = ? order by product_id, collection_id', shop())).toEqual(before);
    expect(db('select * from products where shop = ? order by id', shop())).toEqual(products);
  });

  it('with Shopify down, a collection change waits in retrying and is applied once Shopify answers; a refusal is a dead letter naming the collection', async () => {
    const photography = collectionId('photography');
    const pouch = productByHandle('travel-pouch');
    const eventOf = (eventId: string) => db<{ state: string }>('select state from webhook_events where event_id = ?', eventId)[0]?.state;
    env.sandbox.adminApi.outage(503);
    try {
      store().addProductsToCollection(photography, [pouch.id]);
      const waiting = env.sandbox.webhooks.log.at(-1)!.eventId;
      await env.sandbox.webhooks.idle();
      await waitFor(() => eventOf(waiting) === 'retrying', { message: 'the collection change to wait for Shopify' });
      expect(collectionsOf(pouch.id)).not.toContain(photography);
      env.sandbox.adminApi.outage(null);
      await waitFor(() => eventOf(waiting) === 'done', { message: 'the collection change to be applied' });
      expect(collectionsOf(pouch.id)).toContain(photography);

      env.sandbox.adminApi.outage(404);
      store().removeProductsFromCollection(photography, [pouch.id]);
      const refused = env.sandbox.webhooks.log.at(-1)!.eventId;
      await env.sandbox.webhooks.idle();
      await waitFor(() => eventOf(refused) === 'dead', { message: 'the refused re-read to be given up' });
      const dead = (await env.app.storage.webhookQueue.deadLetters(shop())).find((d) => d.eventId === refused);
      expect(dead).toMatchObject({ topic: 'collections/update', error: 'Shopify refused the request (404)', subjectIds: { collection: [photography] } });
    } finally {
      env.sandbox.adminApi.outage(null);
    }
  });
});
