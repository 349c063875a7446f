/**
 * Blocks that never shrink, on the demo store through the running app: the number of picks on a page is decided
 * by the page alone. A visitor, every logged-in persona, a shopper who turned personalization off and one whose
 * storefront consent forbids it get the same count on every product page, every collection and the home page —
 * in the app's service and through the signed app proxy. The showcase pages, whose pools the demo catalog fills,
 * show a full block of four.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PERSONAS } from '../../sandbox/seed/demo-customers.ts';
import type { Surface } from '../../server/recommend/types.ts';
import { signedProxyUrl } from '../support/app-proxy.ts';
import { startInstalledApp, type AppAndSandbox } from '../support/sandbox.ts';
import { demoStore } from './demo-store.ts';

let env: AppAndSandbox;
const demo = demoStore(() => env);
const LIMIT = 4;
/** The pages the demo exists to show: each must fill a block of four from its complements alone. */
const SHOWCASE = ['wool-overcoat', 'expedition-parka', 'puffer-jacket', 'mirrorless-camera', 'city-stroller', 'cat-food-salmon', 'weekender-duffel', 'carry-on-suitcase'];
const OPTED_OUT = 'hannah.fischer@example.com';

beforeAll(async () => {
  env = await startInstalledApp();
  await env.app.storage.recommendations.saveSettings(demo.shop(), demo.customerOf(OPTED_OUT), { personalization: 'off', declaredTopics: [] }, new Date().toISOString());
});
afterAll(() => env?.close());

function everyPage(): { name: string; surface: Surface; query: Record<string, string> }[] {
  return [
    { name: 'home', surface: { kind: 'home' }, query: { template: 'index' } },
    ...[...env.sandbox.store.collections.values()].map((c) => ({
      name: `collection ${c.handle}`,
      surface: { kind: 'collection', collectionId: c.id } as Surface,
      query: { template: 'collection', collection_id: String(c.id) },
    })),
    ...demo.products().map((p) => ({
      name: p.handle,
      surface: { kind: 'product', productId: p.id } as Surface,
      query: { template: 'product', product_id: String(p.id) },
    })),
  ];
}

/** Every logged-in persona with a history (the shopper with no orders too), and the two served as visitors. */
function shoppers(): { name: string; customerId: number; consent: boolean }[] {
  return [
    ...Object.entries(PERSONAS).map(([name, email]) => ({ name, customerId: demo.customerOf(email), consent: true })),
    { name: 'personalization off', customerId: demo.customerOf(OPTED_OUT), consent: true },
    { name: 'storefront consent forbids', customerId: demo.customerOf(PERSONAS.PET_OWNER), consent: false },
  ];
}

describe('the number of picks on a demo page', () => {
  it('is the same for a visitor and for every shopper, on every product page, collection and the home page', async () => {
    const shop = demo.shop();
    const differences: string[] = [];
    for (const page of everyPage()) {
      const input = { shop, surface: page.surface, limit: LIMIT };
      const visitor = (await env.app.recommendations.recommend({ ...input, customerId: null, consentAllowsPersonalization: true })).length;
      for (const shopper of shoppers()) {
        const count = (await env.app.recommendations.recommend({ ...input, customerId: shopper.customerId, consentAllowsPersonalization: shopper.consent })).length;
        if (count !== visitor) differences.push(`${page.name}: visitor ${visitor}, ${shopper.name} ${count}`);
      }
    }
    expect(differences).toEqual([]);
  });

  it('is a full block of four on the showcase pages and the home page', async () => {
    const shop = demo.shop();
    for (const handle of SHOWCASE) {
      const picks = await env.app.recommendations.recommend({ shop, surface: { kind: 'product', productId: demo.idOf(handle) }, customerId: null, limit: LIMIT, consentAllowsPersonalization: true });
      expect(picks.length, handle).toBe(LIMIT);
    }
    const home = await env.app.recommendations.recommend({ shop, surface: { kind: 'home' }, customerId: null, limit: LIMIT, consentAllowsPersonalization: true });
    expect(home.length).toBe(LIMIT);
  });

  it('is the same through the storefront’s app proxy for a visitor, a logged-in shopper and an opted-out one', async () => {
    const pages = everyPage().filter((page) => page.name === 'home' || SHOWCASE.includes(page.name));
    expect(pages).toHaveLength(SHOWCASE.length + 1);
    const who = [null, demo.customerOf(PERSONAS.COAT_BUYER), demo.customerOf(PERSONAS.TRIP_BUYER), demo.customerOf(OPTED_OUT)];
    for (const page of pages) {
      const counts: number[] = [];
      for (const customerId of who) {
        const response = await fetch(signedProxyUrl(env, '/proxy/picks', customerId, { ...page.query, limit: String(LIMIT) }));
        expect(response.status, page.name).toBe(200);
        counts.push(((await response.json()) as { items: unknown[] }).items.length);
      }
      expect(counts, page.name).toEqual(who.map(() => LIMIT));
    }
  });
});
