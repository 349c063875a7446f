/**
 * What the preference block offers, through the app proxy: the sensitive topics the demo catalog sells and its
 * telling collections, the same answer for everyone; a declared collection interest is stored only when the shop
 * offers it, and it tilts that shopper's picks towards the collection.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PERSONAS } from '../../sandbox/seed/demo-customers.ts';
import { signedProxyUrl } from '../support/app-proxy.ts';
import { startInstalledApp, type AppAndSandbox } from '../support/sandbox.ts';

let env: AppAndSandbox;
const shop = () => env.sandbox.shop.myshopifyDomain;
const customerOf = (email: string) => [...env.sandbox.store.customers.values()].find((c) => c.email === email)!.id;
const collectionOf = (handle: string) => [...env.sandbox.store.collections.values()].find((c) => c.handle === handle)!.id;
const signed = (path: string, customerId: number | null) => signedProxyUrl(env, path, customerId);
const post = (customerId: number | null, body: unknown) =>
  fetch(signed('/proxy/preferences', customerId), { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
const topics = async (customerId: number | null) => (await (await fetch(signed('/proxy/topics', customerId))).json()) as { topics: string[] };

beforeAll(async () => {
  env = await startInstalledApp();
});
afterAll(() => env.close());

describe('GET /apps/tacto/topics', () => {
  it('offers the sensitive topics the catalog sells and its telling collections, never a broad or sensitive one', async () => {
    const response = await fetch(signed('/proxy/topics', null));
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('public, max-age=300');
    const { topics: offered } = (await response.json()) as { topics: string[] };
    // The demo store sells pregnancy tests, strollers and health aids — and nothing for funerals or worship.
    expect(offered).toEqual(expect.arrayContaining(['pregnancy-fertility', 'baby']));
    expect(offered).not.toContain('funeral-grief');
    expect(offered).not.toContain('religion');
    expect(offered).not.toContain('merchant-flagged');
    expect(offered).toEqual(expect.arrayContaining([`collection:${collectionOf('winter')}`, `collection:${collectionOf('photography')}`]));
    // Its strollers are baby products, its health collection holds pregnancy tests: neither is an interest.
    expect(offered).not.toContain(`collection:${collectionOf('baby-stroller')}`);
    expect(offered).not.toContain(`collection:${collectionOf('health-wellness')}`);
  });

  it('is the same answer for a logged-in customer as for a visitor', async () => {
    expect(await topics(customerOf(PERSONAS.PREGNANCY_TEST_BUYER))).toEqual(await topics(null));
  });

  it('follows the catalog: a collection that takes in a baby product stops being offered', async () => {
    const travel = collectionOf('travel');
    expect((await topics(null)).topics).toContain(`collection:${travel}`);
    const bib = [...env.sandbox.store.products.values()].find((p) => p.category?.id.startsWith('bt-') || /stroller/i.test(p.title))!;
    env.sandbox.store.addProductsToCollection(travel, [bib.id]);
    await expect.poll(async () => (await topics(null)).topics, { timeout: 10_000 }).not.toContain(`collection:${travel}`);
  });

  it('refuses unsigned requests', async () => {
    expect((await fetch(new URL('/proxy/topics', env.app.url))).status).toBe(401);
  });
});

describe('a declared collection interest', () => {
  it('is stored for a logged-in shopper and tilts their picks towards the collection, within the bound', async () => {
    const daniel = customerOf(PERSONAS.CAMERA_BUYER);
    const winter = collectionOf('winter');
    const members = [...env.sandbox.store.products.values()].filter((p) => p.collectionIds.includes(winter)).map((p) => p.id);
    const home = () =>
      env.app.recommendations.inclusion({ shop: shop(), surface: { kind: 'home' }, customerId: daniel, limit: 8, consentAllowsPersonalization: true });
    const chance = (probabilities: ReadonlyMap<number, number>) => members.reduce((sum, id) => sum + (probabilities.get(id) ?? 0), 0);
    const before = await home();
    const saved = await post(daniel, { declaredTopics: ['baby', `collection:${winter}`, `collection:${winter}`] });
    expect(saved.status).toBe(200);
    expect((await saved.json()).declaredTopics).toEqual(['baby', `collection:${winter}`]);
    const after = await home();
    expect(chance(after.shopper!)).toBeGreaterThan(chance(before.shopper!) + 0.05);
    expect(after.withinBound).toBe(true);
    for (const [id, p] of after.shopper!) if (members.includes(id)) expect(p).toBeLessThanOrEqual(2 * (after.visitor.get(id) ?? 0) + 1e-9);
    // Erased with the rest of the shopper's declared topics.
    await fetch(signed('/proxy/preferences', daniel), { method: 'DELETE' });
    expect((await env.app.storage.recommendations.settings(shop(), daniel)).declaredTopics).toEqual([]);
  });

  it('is refused (400, nothing stored) for a collection the store does not offer as an interest', async () => {
    const olivia = customerOf(PERSONAS.COAT_BUYER);
    for (const topic of [`collection:${collectionOf('baby-stroller')}`, 'collection:987654321', 'collection:abc', 'astrology']) {
      const response = await post(olivia, { declaredTopics: [topic] });
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ error: expect.any(String), message: expect.any(String) });
    }
    expect((await post(olivia, { declaredTopics: Array.from({ length: 101 }, () => 'baby') })).status).toBe(400);
    expect((await env.app.storage.recommendations.settings(shop(), olivia)).declaredTopics).toEqual([]);
  });
});
