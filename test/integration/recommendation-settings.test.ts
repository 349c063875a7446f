/**
 * The merchant's recommendation settings on the installed demo store: GET and PUT /api/recommendations/settings
 * (session token, zod, 400s naming the field), and each saved value reaching what shoppers get at once — the
 * notice's numbers, a share of 0 % serving everyone as a visitor, Strict asking for an explicit yes, the frequency
 * cap, and reorder reminders in a follow-up only.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SANDBOX_API_KEY, SANDBOX_API_SECRET } from '../../sandbox/credentials.ts';
import { signSessionToken } from '../../sandbox/oauth/signing.ts';
import { PERSONAS } from '../../sandbox/seed/demo-customers.ts';
import { DEFAULT_SETTINGS, presetValues, type RecommendationSettings } from '../../server/recommend/settings/schema.ts';
import { signedProxyUrl } from '../support/app-proxy.ts';
import { queryDb } from '../support/db.ts';
import { startInstalledApp, type AppAndSandbox } from '../support/sandbox.ts';

let env: AppAndSandbox;
const shop = () => env.sandbox.shop.myshopifyDomain;
const customerOf = (email: string) => [...env.sandbox.store.customers.values()].find((c) => c.email === email)!.id;
const productOf = (handle: string) => [...env.sandbox.store.products.values()].find((p) => p.handle === handle)!.id;

beforeAll(async () => {
  env = await startInstalledApp();
});
afterAll(() => env?.close());
beforeEach(async () => {
  await put(DEFAULT_SETTINGS);
});

async function api(method: 'GET' | 'PUT', body?: unknown, token = true) {
  const jwt = await signSessionToken({ shop: shop(), apiKey: SANDBOX_API_KEY, apiSecret: SANDBOX_API_SECRET, userId: '1001' });
  const response = await fetch(new URL('/api/recommendations/settings', env.app.url), {
    method,
    headers: { ...(token ? { Authorization: `Bearer ${jwt}` } : {}), ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  // The body's shape is what is under test.
  return { status: response.status, body: (await response.json()) as any };
}
const put = (settings: unknown) => api('PUT', settings);

const preferences = async () => (await fetch(signedProxyUrl(env, '/proxy/preferences', null))).json();
const picks = async (customerId: number | null, params: Record<string, string> = {}) =>
  (await fetch(signedProxyUrl(env, '/proxy/picks', customerId, { template: 'index', limit: '8', ...params }))).text();

describe('GET and PUT /api/recommendations/settings', () => {
  it('needs the session token', async () => {
    expect((await api('GET', undefined, false)).status).toBe(401);
    expect((await api('PUT', DEFAULT_SETTINGS, false)).status).toBe(401);
  });

  it('answers the defaults, their consequences and both presets; saves a valid document and reads it back', async () => {
    const { status, body } = await api('GET');
    expect(status).toBe(200);
    expect(body.settings).toEqual(DEFAULT_SETTINGS);
    expect(body.consequences.share).toEqual({ ratio: 2, sameForEveryone: false, productsPerPick: 2 });
    expect(body.presets.strict).toEqual(presetValues('strict'));
    const changed: RecommendationSettings = { ...DEFAULT_SETTINGS, frequencyCapDays: 9, historyWindowDays: 120, personalShare: 75 };
    const saved = await put(changed);
    expect(saved.status).toBe(200);
    expect(saved.body.settings).toEqual(changed);
    expect(saved.body.consequences.share.ratio).toBe(1.75);
    expect((await api('GET')).body.settings).toEqual(changed);
    expect(await env.app.storage.shopSettings.get(shop(), 'recommendations')).toEqual(changed);
  });

  it('refuses a bad document with a 400 naming the field, and saves nothing', async () => {
    const cases: [unknown, { error: string; field: string | null }][] = [
      [{ ...DEFAULT_SETTINGS, frequencyCapViews: 0 }, { error: 'setting_invalid', field: 'frequencyCapViews' }],
      [{ ...DEFAULT_SETTINGS, personalShare: 33 }, { error: 'setting_invalid', field: 'personalShare' }],
      [{ ...DEFAULT_SETTINGS, historyWindowDays: '180' }, { error: 'setting_invalid', field: 'historyWindowDays' }],
      [{ ...DEFAULT_SETTINGS, spy: 1 }, { error: 'settings_invalid', field: null }],
      [{ ...presetValues('strict'), historyWindowDays: 180 }, { error: 'strict_cap', field: 'historyWindowDays' }],
      [{ ...presetValues('strict'), personalShare: 100 }, { error: 'strict_cap', field: 'personalShare' }],
      [[1, 2], { error: 'settings_invalid', field: null }],
    ];
    for (const [body, expected] of cases) {
      const { status, body: answer } = await put(body);
      expect(status, JSON.stringify(body)).toBe(400);
      expect(answer).toMatchObject(expected);
      expect(typeof answer.message).toBe('string');
    }
    expect((await api('GET')).body.settings).toEqual(DEFAULT_SETTINGS);
  });
});

describe('a save reaches shoppers at once', () => {
  it('the notice reads the saved retention, bound and lines', async () => {
    expect(await preferences()).toMatchObject({ historyDays: 180, impressionDays: 14, deniabilityRatio: 2, ordersUsed: true });
    await put({ ...DEFAULT_SETTINGS, frequencyCapDays: 7, historyWindowDays: 60, personalShare: 50, reorderReminders: true });
    expect(await preferences()).toMatchObject({ historyDays: 60, impressionDays: 7, deniabilityRatio: 1.5, reorderReminders: true, explicitConsentOnly: false });
    await put(presetValues('strict'));
    expect(await preferences()).toMatchObject({ historyDays: 90, deniabilityRatio: 1.5, explicitConsentOnly: true });
  });

  it('share 0 %: a logged-in shopper gets exactly a visitor\'s picks, and nothing they see is kept', async () => {
    const olivia = customerOf(PERSONAS.COAT_BUYER);
    const visitorBefore = await picks(null);
    expect(await picks(olivia)).not.toBe(visitorBefore);
    await put({ ...DEFAULT_SETTINGS, personalShare: 0 });
    // The shop's version moved: no visitor answer from before the save is served again.
    const visitor = await picks(null);
    expect(await picks(olivia)).toBe(visitor);
    expect(await preferences()).toMatchObject({ ordersUsed: false, sameForEveryone: true, deniabilityRatio: 1 });
    const before = queryDb<{ n: number }>(env.app.databasePath, 'select count(*) as n from recommendation_impressions where shop = ?', shop())[0]!.n;
    const seen = await fetch(signedProxyUrl(env, '/proxy/seen', olivia), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ view: 'a'.repeat(32), handles: ['merino-wool-scarf'] }),
    });
    expect(seen.status).toBe(204);
    expect(queryDb<{ n: number }>(env.app.databasePath, 'select count(*) as n from recommendation_impressions where shop = ?', shop())[0]!.n).toBe(before);
    const explained = await env.app.recommendations.explain({ shop: shop(), surface: { kind: 'home' }, customerId: olivia, limit: 8, consentAllowsPersonalization: true });
    expect(explained.anonymized).toBe(true);
  });

  it('Strict: personal picks only with an explicit yes to preference cookies', async () => {
    const olivia = customerOf(PERSONAS.COAT_BUYER);
    const personal = await picks(olivia, { consent: 'explicit' });
    const visitor = await picks(null);
    expect(personal).not.toBe(visitor);
    await put(presetValues('strict'));
    const strictVisitor = await picks(null);
    expect(await picks(olivia)).toBe(strictVisitor);
    expect(await picks(olivia, { consent: 'explicit' })).not.toBe(strictVisitor);
    expect(await picks(olivia, { consent: 'explicit', personalization: '0' })).toBe(strictVisitor);
  });

  it('the frequency cap follows the saved number of views', async () => {
    const olivia = customerOf(PERSONAS.COAT_BUYER);
    const inclusion = () => env.app.recommendations.inclusion({ shop: shop(), surface: { kind: 'home' }, customerId: olivia, limit: 8, consentAllowsPersonalization: true });
    const [top] = [...(await inclusion()).shopper!].sort((a, b) => b[1] - a[1]);
    const [productId] = top!;
    for (let view = 0; view < 2; view++) {
      await env.app.recommendations.impressions.record({ shop: shop(), customerId: olivia, view: `page:cap${view}`, productIds: [productId], surface: 'storefront' });
    }
    expect((await inclusion()).shopper!.get(productId)).toBeGreaterThan(0);
    await put({ ...DEFAULT_SETTINGS, frequencyCapViews: 2 });
    expect((await inclusion()).shopper!.get(productId)).toBe(0);
  });

  it('reorder reminders: a due consumable may come back in a follow-up, never in a storefront block', async () => {
    const mariana = customerOf(PERSONAS.PET_OWNER);
    const treats = productOf('cat-treats');
    const followup = () =>
      env.app.recommendations.inclusion({ shop: shop(), surface: { kind: 'email', orderProductIds: [productOf('cat-food-salmon')] }, customerId: mariana, limit: 3, consentAllowsPersonalization: true });
    const home = () => env.app.recommendations.inclusion({ shop: shop(), surface: { kind: 'home' }, customerId: mariana, limit: 8, consentAllowsPersonalization: true });
    expect((await followup()).shopper!.get(treats) ?? 0).toBe(0);
    await put({ ...DEFAULT_SETTINGS, reorderReminders: true });
    expect((await followup()).shopper!.get(treats)).toBeGreaterThan(0);
    expect((await home()).shopper!.get(treats) ?? 0).toBe(0);
  });
});
