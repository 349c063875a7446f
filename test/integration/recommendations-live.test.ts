/**
 * The engine on live data: the sandbox's demo store installed and imported, then every surface asked through
 * the app's own service — the personas' stories (README, "Sandbox") must come out right.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { SANDBOX_API_KEY, SANDBOX_API_SECRET } from '../../sandbox/credentials.ts';
import { signSessionToken } from '../../sandbox/oauth/signing.ts';
import { PERSONAS } from '../../sandbox/seed/demo-customers.ts';
import type { Surface } from '../../server/recommend/types.ts';
import { startInstalledApp, type AppAndSandbox } from '../support/sandbox.ts';

let env: AppAndSandbox;
const shop = () => env.sandbox.shop.myshopifyDomain;
const idOf = (handle: string) => [...env.sandbox.store.products.values()].find((p) => p.handle === handle)!.id;
const handleOf = (id: number) => [...env.sandbox.store.products.values()].find((p) => p.id === id)?.handle;
const customerOf = (email: string) => [...env.sandbox.store.customers.values()].find((c) => c.email === email)!.id;
const productOf = (id: number) => [...env.sandbox.store.products.values()].find((p) => p.id === id)!;

async function picks(surface: Surface, customerId: number | null, limit = 8): Promise<string[]> {
  const ids = await env.app.recommendations.recommend({ shop: shop(), surface, customerId, limit, consentAllowsPersonalization: true });
  return ids.map((id) => handleOf(id)!);
}

/** Everything one view could show (probability above 0): a block is a draw, so this is what "could they see it" means. */
async function eligible(surface: Surface, customerId: number | null, limit = 8): Promise<string[]> {
  const { visitor, shopper } = await env.app.recommendations.inclusion({ shop: shop(), surface, customerId, limit, consentAllowsPersonalization: true });
  return [...(shopper ?? visitor)].filter(([, p]) => p > 0).map(([id]) => handleOf(id)!);
}

async function blockSize(surface: Surface, limit = 8): Promise<number> {
  return (await env.app.recommendations.inclusion({ shop: shop(), surface, customerId: null, limit, consentAllowsPersonalization: true })).blockSize;
}

const SENSITIVE_CATEGORY = /^(hb-1-15|hb-1-4-8|hb-1-11|aa-2-21|bt-)/;
const isSensitive = (handle: string) => SENSITIVE_CATEGORY.test(productOf(idOf(handle)).category?.id ?? '');

beforeAll(async () => {
  env = await startInstalledApp();
});
afterAll(() => env.close());

describe('the demo personas', () => {
  it('coat buyer: the follow-up offers gloves, scarves, a hat — never another coat, never cat food', async () => {
    const olivia = customerOf(PERSONAS.COAT_BUYER);
    const order: Surface = { kind: 'email', orderProductIds: [idOf('wool-overcoat')] };
    expect(await picks(order, olivia, 3)).toHaveLength(await blockSize(order, 3));
    const email = await eligible(order, olivia, 3);
    expect(email.length).toBeGreaterThan(0);
    for (const handle of email) {
      expect(productOf(idOf(handle)).productType).not.toBe('Coat');
      expect(['merino-scarf', 'cashmere-scarf', 'winter-beanie', 'knit-mittens', 'leather-gloves']).toContain(handle);
    }
    // She bought leather gloves 170 days ago: neither they nor mittens (same job) come back.
    expect(email).not.toContain('leather-gloves');
    expect(email).not.toContain('knit-mittens');
    const home = await eligible({ kind: 'home' }, olivia);
    expect(home.filter((h) => productOf(idOf(h)).productType === 'Coat')).toEqual([]);
  });

  it('stroller buyer: stroller accessories after the stroller, no more strollers, and no baby items inferred at home', async () => {
    const lucia = customerOf(PERSONAS.STROLLER_BUYER);
    const email = await eligible({ kind: 'email', orderProductIds: [idOf('city-stroller')] }, lucia, 3);
    expect(email).toContain('stroller-cleaning-kit');
    expect(email).not.toContain('jogging-stroller');
    const home = await eligible({ kind: 'home' }, lucia);
    expect(home.filter(isSensitive)).toEqual([]);
  });

  it('pregnancy-test buyer: nothing sensitive anywhere her history could have led', async () => {
    const ana = customerOf(PERSONAS.PREGNANCY_TEST_BUYER);
    for (const surface of [{ kind: 'home' }, { kind: 'cart', productIds: [idOf('travel-pouch')] }] satisfies Surface[]) {
      expect((await eligible(surface, ana)).filter(isSensitive)).toEqual([]);
    }
  });

  it('wedding-dress buyer, 70 days on: past the event window, nothing bridal comes to her any more', async () => {
    const sofia = customerOf(PERSONAS.WEDDING_DRESS_BUYER);
    const bridal = ['cathedral-veil', 'bridesmaid-dress', 'satin-wedding-dress', 'lace-wedding-dress'];
    const home = await eligible({ kind: 'home' }, sofia);
    expect(home.filter((h) => bridal.includes(h))).toEqual([]);
    // A visitor may be shown them: it is her purchase, not the products, that stops them.
    expect((await eligible({ kind: 'home' }, null)).filter((h) => bridal.includes(h)).length).toBeGreaterThan(0);
  });

  it('a shopper who said "too personal" no longer sees that category, and the merchant sees the signal', async () => {
    const ana = customerOf(PERSONAS.PREGNANCY_TEST_BUYER);
    const page: Surface = { kind: 'product', productId: idOf('pregnancy-test') };
    expect(await eligible(page, null)).toContain('ovulation-tests');
    await env.app.storage.recommendations.saveFeedback(shop(), ana, idOf('ovulation-tests'), 'too-personal', new Date().toISOString());
    const after = await eligible(page, ana);
    expect(after).not.toContain('ovulation-tests');
    expect(after.filter(isSensitive)).toEqual([]);
    const response = await adminGet('/api/recommendations/signals');
    expect(response.tooPersonal).toEqual([{ productId: idOf('ovulation-tests'), reports: 1, title: 'Ovulation Test Strips, 20 Pack' }]);
  });

  it('personalization off: exactly the visitor view, on every surface', async () => {
    const olivia = customerOf(PERSONAS.COAT_BUYER);
    await env.app.storage.recommendations.saveSettings(shop(), olivia, { personalization: 'off', declaredTopics: [] }, new Date().toISOString());
    const surfaces: Surface[] = [{ kind: 'home' }, { kind: 'product', productId: idOf('merino-scarf') }, { kind: 'cart', productIds: [idOf('travel-pouch')] }];
    // Off means off at the edge: her orders, feedback and impressions are not even read.
    const reads = vi.spyOn(env.app.storage.recommendations, 'shopper');
    for (const surface of surfaces) expect(await picks(surface, olivia)).toEqual(await picks(surface, null));
    expect(reads).not.toHaveBeenCalled();
    await env.app.storage.recommendations.saveSettings(shop(), olivia, { personalization: 'on', declaredTopics: [] }, new Date().toISOString());
    expect(await picks({ kind: 'home' }, olivia)).not.toEqual(await picks({ kind: 'home' }, null));
    expect(reads).toHaveBeenCalledWith(shop(), olivia, expect.any(String), expect.any(String));
    reads.mockRestore();
  });
});

describe('frequency cap', () => {
  it('records what an identified shopper was shown, rests an item after enough showings, and forgets old showings', async () => {
    const olivia = customerOf(PERSONAS.COAT_BUYER);
    const { recommendations } = env.app.storage;
    const old = new Date(Date.now() - 20 * 86_400_000).toISOString();
    await recommendations.recordImpressions(shop(), olivia, [idOf('dog-leash')], 'home', old);
    // The home page's pool is wide: once the first block's picks rest, others take every place.
    const page: Surface = { kind: 'home' };
    const input = { shop: shop(), surface: page, customerId: olivia, limit: 4, consentAllowsPersonalization: true };
    // One draw per page and day for a shopper: the same block until its picks rest.
    const first = await env.app.recommendations.recommend(input, 'home');
    for (let k = 1; k < 6; k++) expect(await env.app.recommendations.recommend(input, 'home')).toEqual(first);
    const rested = await env.app.recommendations.recommend(input, 'home');
    expect(rested.filter((id) => first.includes(id))).toEqual([]);
    expect(rested).toHaveLength(first.length);
    const record = await recommendations.shopper(shop(), olivia, old, new Date(0).toISOString());
    expect(record.impressions.has(idOf('dog-leash'))).toBe(false);
  });
});

describe('live updates and the admin view', () => {
  it('orders arriving by webhook are learned at once', async () => {
    const [a, b] = [idOf('travel-tripod'), idOf('dog-leash')];
    expect(await eligible({ kind: 'product', productId: a }, null, 3)).not.toContain('dog-leash');
    const { store } = env.sandbox;
    const customer = [...store.customers.values()][0]!;
    for (let k = 0; k < 4; k++) {
      store.addOrder({
        customerId: customer.id,
        email: customer.email,
        phone: null,
        note: null,
        shippingAddress: null,
        currencyCode: 'EUR',
        createdAt: new Date(Date.now() + k * 1000).toISOString(),
        lineItems: [a, b].map((id) => ({ productId: id, variantId: productOf(id).variants[0]!.id, title: productOf(id).title, sku: '', quantity: 1, price: '10.00' })),
      });
    }
    await env.sandbox.webhooks.idle();
    await env.app.webhookWorker.idle();
    expect(await eligible({ kind: 'product', productId: a }, null, 3)).toContain('dog-leash');
  });

  it('explains to the merchant, behind session auth, why a shopper sees each pick', async () => {
    const olivia = customerOf(PERSONAS.COAT_BUYER);
    const body = await adminGet(`/api/recommendations/explain?surface=home&customerId=${olivia}&limit=6`);
    expect(body.picks).toHaveLength(6);
    for (const pick of body.picks) expect(pick.reason).toEqual(expect.any(String));
    expect(body.excluded.map((e: { rule: string }) => e.rule)).toContain('never-owned');
    const anonymous = await fetch(new URL(`/api/recommendations/explain?surface=home`, env.app.url));
    expect(anonymous.status).toBe(401);
    const bad = await fetch(new URL('/api/recommendations/explain?surface=product', env.app.url), { headers: await authHeader() });
    expect(bad.status).toBe(400);
    expect((await bad.json()).message).toContain('productId');
  });
});

async function authHeader() {
  return { Authorization: `Bearer ${await signSessionToken({ shop: shop(), apiKey: SANDBOX_API_KEY, apiSecret: SANDBOX_API_SECRET, userId: '1' })}` };
}

async function adminGet(path: string) {
  const response = await fetch(new URL(path, env.app.url), { headers: await authHeader() });
  expect(response.status).toBe(200);
  return response.json();
}
