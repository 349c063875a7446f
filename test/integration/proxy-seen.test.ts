/**
 * The storefront's /apps/tacto/seen beacon, called as Shopify's app proxy calls it (signed query), on the installed
 * demo store: what a logged-in shopper had in view counts once per page view, for the frequency cap; nothing else
 * counts — not serving picks, not a visitor, not an opted-out shopper, not a malformed or unsigned beacon.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PERSONAS } from '../../sandbox/seed/demo-customers.ts';
import { DEFAULT_POLICY } from '../../server/recommend/policy.ts';
import { signedProxyUrl } from '../support/app-proxy.ts';
import { queryDb } from '../support/db.ts';
import { startInstalledApp, type AppAndSandbox } from '../support/sandbox.ts';

let env: AppAndSandbox;
const shop = () => env.sandbox.shop.myshopifyDomain;
const products = () => [...env.sandbox.store.products.values()];
const idOf = (handle: string) => products().find((p) => p.handle === handle)!.id;
const customerOf = (email: string) => [...env.sandbox.store.customers.values()].find((c) => c.email === email)!.id;

/** A page view's id as tacto.js makes it: 16 random bytes in hex. Counter-based here, so every run is the same. */
let views = 0;
const newView = () => (++views).toString(16).padStart(32, '0');

async function seen(customerId: number | null, body: unknown, init: { params?: Record<string, string>; type?: string; raw?: string } = {}) {
  const response = await fetch(signedProxyUrl(env, '/proxy/seen', customerId, init.params), {
    method: 'POST',
    headers: { 'Content-Type': init.type ?? 'application/json' },
    body: init.raw ?? JSON.stringify(body),
  });
  return { status: response.status, cache: response.headers.get('cache-control'), text: await response.text() };
}

/** Product handles of a page's picks, as the shopper's block shows them. */
async function pickHandles(customerId: number | null, params: Record<string, string>): Promise<string[]> {
  const response = await fetch(signedProxyUrl(env, '/proxy/picks', customerId, params));
  const body = (await response.json()) as { items: { url: string }[] };
  return body.items.map((item) => item.url.replace('/products/', ''));
}

interface ImpressionRow {
  customer_id: number;
  product_id: number;
  view_id: string | null;
  surface: string;
}
const impressionRows = (customerId?: number): ImpressionRow[] =>
  customerId === undefined
    ? queryDb<ImpressionRow>(env.app.databasePath, 'select customer_id, product_id, view_id, surface from recommendation_impressions where shop = ? order by rowid', shop())
    : queryDb<ImpressionRow>(
        env.app.databasePath,
        'select customer_id, product_id, view_id, surface from recommendation_impressions where shop = ? and customer_id = ? order by rowid',
        shop(),
        customerId,
      );
const shownCounts = async (customerId: number) =>
  (await env.app.storage.recommendations.shopper(shop(), customerId, new Date().toISOString(), new Date(Date.now() - 86_400_000).toISOString())).impressions;

beforeAll(async () => {
  env = await startInstalledApp();
});
afterAll(() => env?.close());

describe('/apps/tacto/seen', () => {
  it('records each product in view once per page view, however often the beacon repeats it, and again for a new page view', async () => {
    const daniel = customerOf(PERSONAS.CAMERA_BUYER);
    const handles = await pickHandles(daniel, { template: 'index', limit: '4' });
    expect(handles).toHaveLength(4);
    const first = newView();
    const answer = await seen(daniel, { view: first, handles });
    expect(answer).toEqual({ status: 204, cache: 'no-store', text: '' });
    // The same page view again (a second batch, a retried beacon, the block reloaded), in any order: nothing more.
    expect((await seen(daniel, { view: first, handles: [...handles].reverse() })).status).toBe(204);
    expect((await seen(daniel, { view: first, handles: [handles[0]!, handles[0]!] })).status).toBe(204);
    const ids = handles.map(idOf);
    expect(impressionRows(daniel)).toEqual(ids.map((id) => ({ customer_id: daniel, product_id: id, view_id: `page:${first}`, surface: 'storefront' })));
    expect([...(await shownCounts(daniel))].sort()).toEqual(ids.map((id) => [id, 1]).sort());
    // The next page view counts again.
    await seen(daniel, { view: newView(), handles });
    expect([...(await shownCounts(daniel))].sort()).toEqual(ids.map((id) => [id, 2]).sort());
  });

  it('keeps only products the shop has: an unknown handle is dropped, the rest recorded', async () => {
    const carlos = customerOf('carlos.ruiz@example.com');
    const answer = await seen(carlos, { view: newView(), handles: ['no-such-product', 'merino-scarf', 'gone-2019'] });
    expect(answer.status).toBe(204);
    expect(impressionRows(carlos).map((row) => row.product_id)).toEqual([idOf('merino-scarf')]);
  });

  it('records nothing for a visitor, a shopper who turned personalization off, or one whose consent forbids it — and says the same 204 to all', async () => {
    const olivia = customerOf(PERSONAS.COAT_BUYER);
    const before = impressionRows();
    const beacon = () => ({ view: newView(), handles: ['merino-scarf', 'winter-beanie'] });
    expect(await seen(null, beacon())).toEqual({ status: 204, cache: 'no-store', text: '' });
    expect(await seen(olivia, beacon(), { params: { personalization: '0' } })).toEqual({ status: 204, cache: 'no-store', text: '' });
    await env.app.storage.recommendations.saveSettings(shop(), olivia, { personalization: 'off', declaredTopics: [] }, new Date().toISOString());
    expect(await seen(olivia, beacon())).toEqual({ status: 204, cache: 'no-store', text: '' });
    expect(impressionRows()).toEqual(before);
    // On again: the same beacon counts (so the three above were refused for who sent them, not for what).
    await env.app.storage.recommendations.saveSettings(shop(), olivia, { personalization: 'on', declaredTopics: [] }, new Date().toISOString());
    await seen(olivia, beacon());
    expect(impressionRows(olivia).map((row) => row.product_id).sort()).toEqual([idOf('merino-scarf'), idOf('winter-beanie')].sort());
  });

  it('refuses malformed beacons with a clear 4xx and writes nothing', async () => {
    const isabel = customerOf('isabel.romero@example.com');
    const view = newView();
    const bad: [what: string, body: unknown, status: number][] = [
      ['no view', { handles: ['merino-scarf'] }, 400],
      ['a short view id', { view: 'abc123', handles: ['merino-scarf'] }, 400],
      ['an uppercase view id', { view: view.toUpperCase().replace(/^0/, 'A'), handles: ['merino-scarf'] }, 400],
      ['a view id with a path in it', { view: `../${view.slice(3)}`, handles: ['merino-scarf'] }, 400],
      ['no handles', { view, handles: [] }, 400],
      ['13 handles', { view, handles: Array.from({ length: 13 }, (_, k) => `product-${k}`) }, 400],
      ['a handle with a slash', { view, handles: ['merino-scarf/../x'] }, 400],
      ['an uppercase handle', { view, handles: ['Merino-Scarf'] }, 400],
      ['a 256-character handle', { view, handles: ['a'.repeat(256)] }, 400],
      ['a product id instead of a handle', { view, handles: [idOf('merino-scarf')] }, 400],
      ['an extra field', { view, handles: ['merino-scarf'], customerId: 1 }, 400],
      ['handles as a string', { view, handles: 'merino-scarf' }, 400],
      ['a body that is not an object', ['merino-scarf'], 400],
    ];
    for (const [what, body, status] of bad) {
      const answer = await seen(isabel, body);
      expect(answer.status, what).toBe(status);
      expect(JSON.parse(answer.text), what).toEqual({ error: 'invalid_request', message: expect.any(String) });
    }
    expect((await seen(isabel, null, { raw: '{"view": "' })).status).toBe(400);
    // Bounded before it is parsed: 4 KB.
    const huge = await seen(isabel, null, { raw: JSON.stringify({ view, handles: ['merino-scarf'], pad: 'x'.repeat(5000) }) });
    expect(huge.status).toBe(413);
    expect(JSON.parse(huge.text)).toMatchObject({ error: 'invalid_request' });
    // Only JSON: another site's form (or a "simple" cross-site request) cannot post it for the shopper.
    for (const type of ['application/x-www-form-urlencoded', 'text/plain', 'multipart/form-data; boundary=x']) {
      const form = await seen(isabel, null, { type, raw: JSON.stringify({ view, handles: ['merino-scarf'] }) });
      expect(form.status, type).toBe(415);
      expect(JSON.parse(form.text).error, type).toBe('unsupported_media_type');
    }
    expect(impressionRows(isabel)).toEqual([]);
  });

  it('rejects missing, wrong, stale and tampered signatures before writing anything', async () => {
    const isabel = customerOf('isabel.romero@example.com');
    const before = impressionRows();
    const body = JSON.stringify({ view: newView(), handles: ['merino-scarf'] });
    const good = signedProxyUrl(env, '/proxy/seen', isabel);
    const missing = new URL(good);
    missing.searchParams.delete('signature');
    const wrong = new URL(good);
    wrong.searchParams.set('signature', '0'.repeat(64));
    const stale = signedProxyUrl(env, '/proxy/seen', isabel, {}, new Date(Date.now() - 10 * 60_000));
    // Someone else's customer id on a URL signed for Isabel.
    const tampered = new URL(good);
    tampered.searchParams.set('logged_in_customer_id', String(customerOf(PERSONAS.COAT_BUYER)));
    const unsigned = new URL('/proxy/seen', env.app.url);
    for (const url of [missing, wrong, stale, tampered, unsigned]) {
      const response = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body });
      expect(response.status, url.search).toBe(401);
      expect((await response.json()).error).toBe('invalid_signature');
    }
    expect(impressionRows()).toEqual(before);
  });
});

describe('the frequency cap, end to end through the storefront', () => {
  it('serving picks, however often, rests nothing; page views with a pick in view rest it after the cap', async () => {
    const lucia = customerOf(PERSONAS.STROLLER_BUYER);
    // The home page: its pool is wide enough that a resting pick is replaced by another, never by a shorter block.
    const page = { template: 'index', limit: '4' };
    // Loaded and never scrolled to (or asked by a crawler, or a prefetch): nothing counts.
    for (let k = 0; k < 10; k++) expect((await pickHandles(lucia, page)).length).toBeGreaterThan(0);
    expect(impressionRows(lucia)).toEqual([]);

    // Page views whose block was in view, each reporting what it showed, until one pick has been seen as often
    // as the cap allows (the first block's picks, with today's engine, after exactly frequencyCapViews views).
    const seenTimes = new Map<string, number>();
    let rested: string | undefined;
    for (let pageView = 0; pageView < 4 * DEFAULT_POLICY.frequencyCapViews && rested === undefined; pageView++) {
      const handles = await pickHandles(lucia, page);
      expect((await seen(lucia, { view: newView(), handles })).status).toBe(204);
      for (const handle of handles) seenTimes.set(handle, (seenTimes.get(handle) ?? 0) + 1);
      rested = [...seenTimes].find(([, times]) => times >= DEFAULT_POLICY.frequencyCapViews)?.[0];
    }
    expect(rested).toBeDefined();
    expect((await shownCounts(lucia)).get(idOf(rested!))).toBe(DEFAULT_POLICY.frequencyCapViews);
    // It rests now, on every load; the block does not shrink for it.
    for (let k = 0; k < 3; k++) {
      const handles = await pickHandles(lucia, page);
      expect(handles).not.toContain(rested);
      expect(handles).toHaveLength(4);
    }
  });
});
