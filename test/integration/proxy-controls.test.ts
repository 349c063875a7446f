/**
 * The shopper's controls through the app proxy: turning personalization off and on, declaring topics, and
 * "not for me" — stored for a logged-in shopper, left to the browser for a visitor, refused unsigned.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PERSONAS } from '../../sandbox/seed/demo-customers.ts';
import { signedProxyUrl } from '../support/app-proxy.ts';
import { startInstalledApp, type AppAndSandbox } from '../support/sandbox.ts';

let env: AppAndSandbox;
const shop = () => env.sandbox.shop.myshopifyDomain;
const customerOf = (email: string) => [...env.sandbox.store.customers.values()].find((c) => c.email === email)!.id;

const signed = (path: string, customerId: number | null, params: Record<string, string> = {}) => signedProxyUrl(env, path, customerId, params);

const post = (path: string, customerId: number | null, body: unknown, method = 'POST') =>
  fetch(signed(path, customerId), { method, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
const picks = async (customerId: number | null) => (await fetch(signed('/proxy/picks', customerId, { template: 'index', limit: '8' }))).text();

beforeAll(async () => {
  env = await startInstalledApp();
});
afterAll(() => env.close());

describe('shopper controls', () => {
  it('turning personalization off gives exactly the visitor picks from the next request on; on again restores them', async () => {
    const olivia = customerOf(PERSONAS.COAT_BUYER);
    const visitor = await picks(null);
    const personal = await picks(olivia);
    expect(personal).not.toBe(visitor);
    const off = await post('/proxy/preferences', olivia, { personalization: 'off' });
    expect(off.status).toBe(200);
    expect(await off.json()).toMatchObject({ loggedIn: true, personalization: 'off', historyDays: 180, stored: 'store' });
    expect(await picks(olivia)).toBe(visitor);
    await post('/proxy/preferences', olivia, { personalization: 'on' });
    expect(await picks(olivia)).toBe(personal);
  });

  it('tells the notice the real retention, the deniability bound r and the shopper\'s state', async () => {
    const response = await fetch(signed('/proxy/preferences', null));
    expect(response.headers.get('cache-control')).toBe('private, no-store');
    expect(await response.json()).toEqual({
      loggedIn: false,
      personalization: 'on',
      declaredTopics: [],
      historyDays: 180,
      impressionDays: 14,
      deniabilityRatio: 2,
      ordersUsed: true,
      sameForEveryone: false,
      reorderReminders: false,
      explicitConsentOnly: false,
      stored: 'browser',
    });
  });

  it('declared topics open a sensitive topic to that shopper, and deleting them closes it', async () => {
    const ana = customerOf(PERSONAS.PREGNANCY_TEST_BUYER);
    const sensitive = ['ovulation-tests', 'prenatal-vitamins', 'maternity-support-band'];
    const before = await picks(ana);
    for (const handle of sensitive) expect(before).not.toContain(handle);
    const declared = await post('/proxy/preferences', ana, { declaredTopics: ['pregnancy-fertility'] });
    expect((await declared.json()).declaredTopics).toEqual(['pregnancy-fertility']);
    const after = await picks(ana);
    expect(sensitive.some((handle) => after.includes(handle))).toBe(true);
    const deleted = await fetch(signed('/proxy/preferences', ana), { method: 'DELETE' });
    expect((await deleted.json()).declaredTopics).toEqual([]);
    expect(await picks(ana)).toBe(before);
  });

  it('"not for me" removes the item for that shopper', async () => {
    const daniel = customerOf(PERSONAS.CAMERA_BUYER);
    const first = JSON.parse(await picks(daniel)).items[0] as { url: string };
    const handle = first.url.replace('/products/', '');
    const response = await post('/proxy/feedback', daniel, { handle, reason: 'not-my-style' });
    expect(response.status).toBe(200);
    expect(await picks(daniel)).not.toContain(`/products/${handle}"`);
  });

  it('refuses bad input with a clear 4xx and stores nothing', async () => {
    const olivia = customerOf(PERSONAS.COAT_BUYER);
    expect((await post('/proxy/preferences', olivia, { personalization: 'maybe' })).status).toBe(400);
    expect((await post('/proxy/preferences', olivia, { declaredTopics: ['astrology'] })).status).toBe(400);
    expect((await post('/proxy/feedback', olivia, { handle: 'no-such-product', reason: 'not-relevant' })).status).toBe(404);
    expect((await post('/proxy/feedback', olivia, { handle: 'merino-scarf', reason: 'meh' })).status).toBe(400);
    const form = await fetch(signed('/proxy/preferences', olivia), { method: 'POST', body: 'personalization=off', headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
    expect(form.status).toBe(415);
    const unsigned = await fetch(new URL('/proxy/preferences', env.app.url), { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"personalization":"off"}' });
    expect(unsigned.status).toBe(401);
    const record = await env.app.storage.recommendations.shopper(shop(), olivia, new Date().toISOString(), new Date().toISOString());
    expect(record.settings.personalization).toBe('on');
    expect(record.feedback).toEqual([]);
  });
});
