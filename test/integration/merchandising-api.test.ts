/**
 * /api/recommendations/merchandising on the installed demo store: the merchant's rules read back with titles,
 * refused with the field at fault when malformed or beyond their bounds, and in force at once — the storefront's
 * cached visitor answer included.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SANDBOX_API_KEY, SANDBOX_API_SECRET } from '../../sandbox/credentials.ts';
import { signSessionToken } from '../../sandbox/oauth/signing.ts';
import { signedProxyUrl } from '../support/app-proxy.ts';
import { startInstalledApp, type AppAndSandbox } from '../support/sandbox.ts';

let env: AppAndSandbox;
const products = () => [...env.sandbox.store.products.values()];
const idOf = (handle: string) => products().find((p) => p.handle === handle)!.id;
const titleOf = (handle: string) => products().find((p) => p.handle === handle)!.title;
const collectionOf = (handle: string) => [...env.sandbox.store.collections.values()].find((c) => c.handle === handle)!;

beforeAll(async () => {
  env = await startInstalledApp();
});
afterAll(() => env?.close());
// Each test starts from no rules, whatever the one before it left.
afterEach(() => api('PUT', 'merchandising', EMPTY));

async function api(method: string, path: string, body?: unknown, withToken = true) {
  const token = await signSessionToken({ shop: env.sandbox.shop.myshopifyDomain, apiKey: SANDBOX_API_KEY, apiSecret: SANDBOX_API_SECRET, userId: '1001' });
  const response = await fetch(new URL(`/api/recommendations/${path}`, env.app.url), {
    method,
    headers: { ...(withToken ? { Authorization: `Bearer ${token}` } : {}), 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  // The body's shape is what is under test.
  return { status: response.status, body: (await response.json()) as any };
}

const EMPTY = { excludedProducts: [], excludedCollections: [], excludedTags: [], pins: [], neverTogether: [] };

async function visitorPicks(params: Record<string, string>): Promise<string[]> {
  const response = await fetch(signedProxyUrl(env, '/proxy/picks', null, params));
  const body = (await response.json()) as { items: { url: string }[] };
  return body.items.map((item) => item.url.replace('/products/', ''));
}

describe('merchandising rules', () => {
  it('start empty, and say what share of views a pin can reach', async () => {
    const { status, body } = await api('GET', 'merchandising');
    expect(status).toBe(200);
    expect(body.merchandising).toEqual(EMPTY);
    expect(body.pinShare).toBe(0.5);
  });

  it('are saved whole and read back with titles, never bare ids', async () => {
    const winter = collectionOf('winter');
    const saved = {
      excludedProducts: [idOf('knit-mittens')],
      excludedCollections: [{ id: winter.id, title: winter.title }],
      excludedTags: [' clearance '],
      pins: [{ productId: idOf('wool-overcoat'), complements: [idOf('merino-scarf')] }],
      neverTogether: [[idOf('wool-overcoat'), idOf('leather-gloves')]],
    };
    const put = await api('PUT', 'merchandising', saved);
    expect(put.status).toBe(200);
    const { body } = await api('GET', 'merchandising');
    expect(body.merchandising).toEqual(put.body.merchandising);
    expect(body.merchandising.excludedProducts).toEqual([{ id: idOf('knit-mittens'), title: titleOf('knit-mittens') }]);
    expect(body.merchandising.excludedCollections).toEqual([{ id: winter.id, title: winter.title }]);
    expect(body.merchandising.excludedTags).toEqual(['clearance']);
    expect(body.merchandising.pins[0].product.title).toBe(titleOf('wool-overcoat'));
    expect(body.merchandising.pins[0].complements[0].title).toBe('Merino Wool Scarf');
    expect(body.merchandising.neverTogether[0].map((p: { title: string }) => p.title)).toEqual([titleOf('wool-overcoat'), titleOf('leather-gloves')]);
  });

  it('take effect at once: a cached visitor answer is not served after a save', async () => {
    const winter = collectionOf('winter');
    const winterHandles = new Set(products().filter((p) => p.collectionIds.includes(winter.id)).map((p) => p.handle));
    const page = { template: 'collection', collection_id: String(winter.id), limit: '6' };
    expect((await visitorPicks(page)).some((h) => winterHandles.has(h))).toBe(true);
    expect((await api('PUT', 'merchandising', { ...EMPTY, excludedCollections: [{ id: winter.id, title: winter.title }] })).status).toBe(200);
    for (let view = 0; view < 5; view++) expect((await visitorPicks(page)).filter((h) => winterHandles.has(h))).toEqual([]);
    expect((await api('PUT', 'merchandising', EMPTY)).status).toBe(200);
    expect((await visitorPicks(page)).some((h) => winterHandles.has(h))).toBe(true);
  });

  it('take a collection the merchant excluded out of the preference block\'s interests, and back when lifted', async () => {
    const winter = collectionOf('winter');
    const offered = async () => ((await (await fetch(signedProxyUrl(env, '/proxy/topics', null))).json()) as { topics: string[] }).topics;
    expect(await offered()).toContain(`collection:${winter.id}`);
    expect((await api('PUT', 'merchandising', { ...EMPTY, excludedCollections: [{ id: winter.id, title: winter.title }] })).status).toBe(200);
    expect(await offered()).not.toContain(`collection:${winter.id}`);
    expect((await api('PUT', 'merchandising', EMPTY)).status).toBe(200);
    expect(await offered()).toContain(`collection:${winter.id}`);
  });

  it('list the catalog\'s distinct tags to choose from', async () => {
    const { status, body } = await api('GET', 'catalog-tags');
    expect(status).toBe(200);
    const expected = new Set(products().flatMap((p) => p.tags.map((t) => t.trim().toLowerCase())).filter(Boolean));
    expect(new Set(body.tags.map((t: string) => t.toLowerCase()))).toEqual(expected);
    expect(body.tags).toEqual([...body.tags].sort((a: string, b: string) => a.localeCompare(b)));
  });

  it.each([
    ['an id that is not a positive integer', { ...EMPTY, excludedProducts: [0] }, 'excludedProducts.0'],
    ['a gid instead of a number', { ...EMPTY, excludedProducts: ['gid://shopify/Product/1'] }, 'excludedProducts.0'],
    ['too many products', { ...EMPTY, excludedProducts: Array.from({ length: 501 }, (_, k) => k + 1) }, 'excludedProducts'],
    ['a product twice', { ...EMPTY, excludedProducts: [5, 5] }, 'excludedProducts'],
    ['a tag too long', { ...EMPTY, excludedTags: ['x'.repeat(256)] }, 'excludedTags.0'],
    ['an empty tag', { ...EMPTY, excludedTags: ['   '] }, 'excludedTags.0'],
    ['a collection without its title', { ...EMPTY, excludedCollections: [{ id: 3 }] }, 'excludedCollections.0.title'],
    ['five complements on one pin', { ...EMPTY, pins: [{ productId: 1, complements: [2, 3, 4, 5, 6] }] }, 'pins.0.complements'],
    ['a product pinned to itself', { ...EMPTY, pins: [{ productId: 1, complements: [1] }] }, 'pins.0.complements'],
    ['a pair of one product', { ...EMPTY, neverTogether: [[4, 4]] }, 'neverTogether.0'],
    ['a pair twice, either way round', { ...EMPTY, neverTogether: [[4, 5], [5, 4]] }, 'neverTogether'],
    ['not an object', [1, 2], 'body'],
  ])('refuse %s with the field at fault', async (_what, body, field) => {
    const answer = await api('PUT', 'merchandising', body);
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ error: 'merchandising_invalid', field });
    expect(answer.body.message).toMatch(/\w/);
    // Nothing was saved.
    expect((await api('GET', 'merchandising')).body.merchandising).toEqual(EMPTY);
  });

  it('answer only the shop\'s admin', async () => {
    expect((await api('GET', 'merchandising', undefined, false)).status).toBe(401);
    expect((await api('PUT', 'merchandising', EMPTY, false)).status).toBe(401);
  });
});
