/**
 * The engine on live data: the sandbox's demo store installed and imported, then every surface asked through
 * the app's own service — the personas' stories (README, "Sandbox") must come out right.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { SANDBOX_API_KEY, SANDBOX_API_SECRET } from '../../sandbox/credentials.ts';
import { signSessionToken } from '../../sandbox/oauth/signing.ts';
import { PERSONAS } from '../../sandbox/seed/demo-customers.ts';
import { DEFAULT_POLICY } from '../../server/recommend/policy.ts';
import type { Surface } from '../../server/recommend/types.ts';
import { ImpressionLog } from '../../server/recommendations/impressions.ts';
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
    // Winter accessories and their care (gloves, scarves, hats, earmuffs, a coat hanger…): the coat's complements.
    const winter = [...env.sandbox.store.collections.values()].find((c) => c.handle === 'winter')!.id;
    for (const handle of email) {
      expect(productOf(idOf(handle)).productType).not.toBe('Coat');
      expect(productOf(idOf(handle)).collectionIds, handle).toContain(winter);
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
  it('deciding records nothing; an item shown in enough page views rests, and one page view counts once', async () => {
    const olivia = customerOf(PERSONAS.COAT_BUYER);
    // The home page's pool is wide: once the first block's picks rest, others take every place.
    const page: Surface = { kind: 'home' };
    const input = { shop: shop(), surface: page, customerId: olivia, limit: 4, consentAllowsPersonalization: true };
    const first = await env.app.recommendations.recommend(input);
    for (let k = 0; k < 10; k++) await env.app.recommendations.recommend(input);
    const since = new Date(Date.now() - 86_400_000).toISOString();
    expect((await env.app.storage.recommendations.shopper(shop(), olivia, since, since)).impressions.size).toBe(0);
    const show = (view: string, productIds: number[]) =>
      env.app.recommendations.impressions.record({ shop: shop(), customerId: olivia, view, productIds, surface: 'storefront' });
    // One page view reporting its cards again and again is still one showing.
    for (let k = 0; k < 10; k++) await show('page:one', first);
    expect([...(await env.app.storage.recommendations.shopper(shop(), olivia, since, since)).impressions].sort()).toEqual(first.map((id) => [id, 1]).sort());
    for (let k = 2; k <= DEFAULT_POLICY.frequencyCapViews; k++) await show(`page:${k}`, first);
    const rested = await env.app.recommendations.recommend(input);
    expect(rested.filter((id) => first.includes(id))).toEqual([]);
    expect(rested).toHaveLength(first.length);
  });

  it('forgets showings the cap no longer looks at, on the next record (at most hourly)', async () => {
    const carlos = customerOf('carlos.ruiz@example.com');
    const { recommendations } = env.app.storage;
    let now = Date.now();
    const log = new ImpressionLog({ storage: env.app.storage, models: env.app.models, clock: () => now });
    const tooOld = () => new Date(now - (DEFAULT_POLICY.frequencyCapDays + 1) * 86_400_000).toISOString();
    const kept = async () =>
      [...(await recommendations.shopper(shop(), carlos, new Date(now).toISOString(), new Date(0).toISOString())).impressions.keys()].sort();
    await recommendations.recordImpressions(shop(), carlos, [idOf('dog-leash')], 'storefront', tooOld(), 'page:old');
    await log.record({ shop: shop(), customerId: carlos, view: 'page:a', productIds: [idOf('merino-scarf')], surface: 'storefront' });
    expect(await kept()).toEqual([idOf('merino-scarf')]);
    // Within the hour: no second sweep.
    now += 30 * 60_000;
    await recommendations.recordImpressions(shop(), carlos, [idOf('dog-leash')], 'storefront', tooOld(), 'page:old');
    await log.record({ shop: shop(), customerId: carlos, view: 'page:b', productIds: [idOf('merino-scarf')], surface: 'storefront' });
    expect(await kept()).toEqual([idOf('merino-scarf'), idOf('dog-leash')].sort());
    now += 31 * 60_000;
    await log.record({ shop: shop(), customerId: carlos, view: 'page:c', productIds: [idOf('merino-scarf')], surface: 'storefront' });
    expect(await kept()).toEqual([idOf('merino-scarf')]);
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
    // A code the admin words (recommendations.json, explain.pickReasons), never a sentence.
    for (const pick of body.picks) expect(['context', 'catalog', 'popular', 'history', 'reorder', 'declared', 'pinned']).toContain(pick.source);
    expect(body.excluded.map((e: { rule: string }) => e.rule)).toContain('never-owned');
    const anonymous = await fetch(new URL(`/api/recommendations/explain?surface=home`, env.app.url));
    expect(anonymous.status).toBe(401);
  });

  it('names the rule that held a product back, as a code the admin words, for a product chosen by its GID', async () => {
    const olivia = customerOf(PERSONAS.COAT_BUYER);
    const scarf = `gid://shopify/Product/${idOf('merino-scarf')}`;
    const body = await adminGet(`/api/recommendations/explain?surface=product&productId=${encodeURIComponent(scarf)}&customerId=gid://shopify/Customer/${olivia}`);
    const overcoat = body.excluded.find((e: { title: string }) => e.title === 'Charcoal Wool Overcoat');
    expect(overcoat).toMatchObject({ rule: 'never-owned', reason: { code: 'never-owned', params: {} } });
  });

  it('answers an incomplete or malformed question with a 400 in words, never a validator\'s text', async () => {
    const cases: [string, string, unknown][] = [
      ['surface=product', 'product_required', 'Choose the product on the page first.'],
      ['surface=product&productId=', 'product_required', 'Choose the product on the page first.'],
      ['surface=product&productId=gid://shopify/Product/abc', 'product_required', 'Choose the product on the page first.'],
      ['surface=cart&productIds=', 'products_required', 'Choose at least one product (up to 100) first.'],
      ['surface=collection', 'collection_required', 'Choose the collection first.'],
      ['surface=home&customerId=-4', 'customer_invalid', 'That customer could not be read. Choose them again.'],
      ['surface=attic', 'surface_required', expect.stringContaining('Choose where the picks would show')],
    ];
    for (const [query, error, message] of cases) {
      const response = await fetch(new URL(`/api/recommendations/explain?${query}`, env.app.url), { headers: await authHeader() });
      expect(response.status, query).toBe(400);
      expect(await response.json(), query).toEqual({ error, message });
    }
  });

  it('finds customers by a few letters of name or email, at most 8, and nothing for one letter or a long text', async () => {
    const olivia = customerOf(PERSONAS.COAT_BUYER);
    const found = await adminGet('/api/recommendations/customers?query=olivia');
    expect(found.customers).toContainEqual({ id: `gid://shopify/Customer/${olivia}`, name: 'Olivia Bennett', email: PERSONAS.COAT_BUYER });
    // Every demo customer's email is at example.com: far more than a picker lists.
    expect([...env.sandbox.store.customers.values()].filter((c) => c.email?.endsWith('example.com')).length).toBeGreaterThan(8);
    expect((await adminGet('/api/recommendations/customers?query=example.com')).customers).toHaveLength(8);
    // Search syntax is matched as text, not run as a filter that would list everyone.
    expect((await adminGet('/api/recommendations/customers?query=' + encodeURIComponent('email:*'))).customers).toEqual([]);
    for (const query of ['o', ' ', 'x'.repeat(61), '']) {
      const response = await fetch(new URL(`/api/recommendations/customers?query=${encodeURIComponent(query)}`, env.app.url), { headers: await authHeader() });
      expect(response.status, query).toBe(400);
      expect(await response.json()).toEqual({ error: 'query_invalid', message: 'Type 2 to 60 letters of the customer\'s name or email.' });
    }
    expect((await fetch(new URL('/api/recommendations/customers?query=olivia', env.app.url))).status).toBe(401);
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
