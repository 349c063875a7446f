/**
 * The shopper's "Your data and choices" page, linked from the notice: what Tacto keeps about a logged-in
 * customer, their own JSON copy, and deleting it — through the app proxy's signature, in their language.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PERSONAS } from '../../sandbox/seed/demo-customers.ts';
import { placeOrder } from '../../sandbox/store/place-order.ts';
import { DAY_MS } from '../../server/recommend/policy.ts';
import { signedProxyUrl } from '../support/app-proxy.ts';
import { startInstalledApp, type AppAndSandbox } from '../support/sandbox.ts';

let env: AppAndSandbox;
const shop = () => env.sandbox.shop.myshopifyDomain;
const customerOf = (email: string) => [...env.sandbox.store.customers.values()].find((c) => c.email === email)!.id;
const products = () => [...env.sandbox.store.products.values()];

const signed = (path: string, customerId: number | null, params: Record<string, string> = {}) => signedProxyUrl(env, path, customerId, params);
const send = (path: string, customerId: number | null, method: string, body?: unknown) =>
  fetch(signed(path, customerId), { method, headers: { 'Content-Type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });

beforeAll(async () => {
  env = await startInstalledApp();
});
afterAll(() => env.close());

describe('the shopper data page', () => {
  it('shows a logged-in customer, in their language, what is kept; their copy; and deletes all but their on/off choice', async () => {
    const daniel = customerOf(PERSONAS.CAMERA_BUYER);
    const orders = [...env.sandbox.store.orders.values()].filter((o) => o.customerId === daniel);
    const bought = products().find((p) => p.id === orders[0]!.lineItems[0]!.productId)!;
    const other = products().find((p) => p.status === 'ACTIVE' && !orders.some((o) => o.lineItems.some((l) => l.productId === p.id)))!;
    // A title is the merchant's text: shown as text, never as markup.
    const title = bought.title;
    env.sandbox.store.updateProduct(bought.id, { title: `${title} <b>2024</b>` });
    await env.sandbox.webhooks.idle();
    await env.app.webhookWorker.idle();
    // Picks he had in view (the storefront reports them: serving them records nothing).
    const picks = (await (await fetch(signed('/proxy/picks', daniel, { template: 'index', limit: '4' }))).json()) as { items: { url: string }[] };
    const seen = await send('/proxy/seen', daniel, 'POST', { view: 'a'.repeat(32), handles: picks.items.map((item) => item.url.replace('/products/', '')) });
    expect(seen.status).toBe(204);
    await send('/proxy/feedback', daniel, 'POST', { handle: other.handle, reason: 'not-my-style' });
    await send('/proxy/preferences', daniel, 'POST', { personalization: 'off', declaredTopics: ['baby'] });

    const page = await fetch(signed('/proxy/data', daniel, { locale: 'es' }));
    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control')).toBe('private, no-store');
    const html = await page.text();
    expect(html).toContain('<html lang="es">');
    expect(html).toContain('Tus datos y tus opciones');
    expect(html).toContain('Desactivadas: ves lo mismo que cualquier visitante, y eso puede incluir cosas que ya compraste.');
    expect(html).toContain('La personalización está desactivada, así que tus pedidos no se usan para tus sugerencias.');
    expect(html).toContain(`${title} &lt;b&gt;2024&lt;/b&gt;`);
    expect(html).not.toContain('<b>2024</b>');
    // What they hid, and why: both are kept, so both are shown.
    expect(html).toContain(`<li>${other.title} — No es mi estilo</li>`);
    expect(html).toMatch(/value="baby" checked/);
    expect(html).toMatch(/<p>Sugerencias que tuviste en pantalla o que te llegaron por correo en los últimos 14 días: [1-9]\d*\./);

    const copy = await fetch(signed('/proxy/data.json', daniel));
    expect(copy.headers.get('content-disposition')).toContain('attachment');
    const exported = (await copy.json()) as { orders: unknown[]; other: Record<string, unknown[]> };
    expect(exported.orders).toHaveLength(orders.length);
    expect(Object.keys(exported.other).sort()).toEqual(['recommendation_feedback', 'recommendation_impressions', 'shopper_settings']);

    const deleted = await send('/proxy/data', daniel, 'DELETE');
    expect(await deleted.json()).toEqual({ deleted: true, stored: 'store' });
    const left = await env.app.storage.recommendations.shopper(shop(), daniel, '1970-01-01T00:00:00Z', '1970-01-01T00:00:00Z');
    expect(left.feedback).toEqual([]);
    expect(left.impressions.size).toBe(0);
    expect(left.settings).toEqual({ personalization: 'off', declaredTopics: [] });
    expect(left.purchases.length).toBeGreaterThan(0); // the store's records, erased only through the store
    env.sandbox.store.updateProduct(bought.id, { title });
  });

  it('lists every product a customer bought as never suggested again, and only what the engine still reads as shaping picks', async () => {
    const listed = (html: string, which: string) =>
      [...(new RegExp(`<details data-orders="${which}">[\\s\\S]*?</details>`).exec(html)?.[0] ?? '').matchAll(/<li>([^<]*)<\/li>/g)].map((m) => m[1]);
    const title = (handle: string) => products().find((p) => p.handle === handle)!.title;
    // Sofía bought a wedding dress (a one-off purchase) and a veil 70 days ago: both owned; the dress's 60 days are
    // over, the veil still shapes her picks (within 180 days).
    const sofia = await (await fetch(signed('/proxy/data', customerOf(PERSONAS.WEDDING_DRESS_BUYER)))).text();
    expect(sofia).toContain('Products you have bought here: 2. None of them is ever suggested to you again, however long ago you bought it');
    expect(listed(sofia, 'owned').sort()).toEqual([title('lace-wedding-dress'), title('cathedral-veil')].sort());
    expect(sofia).toContain('Of these, those from your orders of the last 180 days also shape your suggestions: 1 (a one-off purchase, such as a trip, only for 60 days).');
    expect(listed(sofia, 'shaping')).toEqual([title('cathedral-veil')]);

    // Tom's only order, a suitcase 200 days ago: still his, no longer shaping anything — said in Portuguese.
    const tom = customerOf(PERSONAS.NO_ORDERS);
    const before = await (await fetch(signed('/proxy/data', tom))).text();
    expect(before).toContain('You have no orders in this store.');
    placeOrder(env.sandbox.store, {
      customerId: tom,
      productIds: [products().find((p) => p.handle === 'carry-on-suitcase')!.id],
      createdAt: new Date(Date.now() - 200 * DAY_MS).toISOString(),
    });
    await env.sandbox.webhooks.idle();
    await env.app.webhookWorker.idle();
    const after = await (await fetch(signed('/proxy/data', tom, { locale: 'pt-BR' }))).text();
    expect(after).toContain('Produtos que você comprou aqui: 1. Nenhum deles é sugerido a você de novo');
    expect(listed(after, 'owned')).toEqual([title('carry-on-suitcase')]);
    expect(after).toContain('Nenhum deles influencia mais suas sugestões: só os pedidos dos últimos 180 dias influenciam');
    expect(after).not.toContain('data-orders="shaping"');
  });

  it('tells a visitor nothing is kept about them, in English by default', async () => {
    const html = await (await fetch(signed('/proxy/data', null))).text();
    expect(html).toContain('this store keeps nothing about you for suggestions');
    expect(html).toContain('data-clear-browser');
    expect(await (await send('/proxy/data', null, 'DELETE')).json()).toEqual({ deleted: false, stored: 'browser' });
    expect(await (await fetch(signed('/proxy/data.json', null))).json()).toEqual({ loggedIn: false, stored: 'browser' });
  });

  it('refuses unsigned or tampered requests before reading or deleting anything', async () => {
    const olivia = customerOf(PERSONAS.COAT_BUYER);
    await send('/proxy/feedback', olivia, 'POST', { handle: products()[3]!.handle, reason: 'not-relevant' });
    const forged = signed('/proxy/data', olivia);
    forged.searchParams.set('logged_in_customer_id', String(customerOf(PERSONAS.CAMERA_BUYER)));
    expect((await fetch(forged)).status).toBe(401);
    const unsigned = new URL(`/proxy/data?shop=${shop()}&logged_in_customer_id=${olivia}`, env.app.url);
    expect((await fetch(unsigned, { method: 'DELETE' })).status).toBe(401);
    const kept = await env.app.storage.recommendations.shopper(shop(), olivia, '1970-01-01T00:00:00Z', '1970-01-01T00:00:00Z');
    expect(kept.feedback.length).toBeGreaterThan(0);
  });
});
