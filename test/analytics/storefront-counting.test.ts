/**
 * Counting and the holdout as the storefront reaches them (Shopify's signed app proxy), on the installed demo store:
 * picks answers state the running experiment, a customer in the holdout gets no block (or a visitor's), beacons add
 * to daily counters — and no counter row holds anything that names a shopper.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SANDBOX_API_KEY, SANDBOX_API_SECRET } from '../../sandbox/credentials.ts';
import { signSessionToken } from '../../sandbox/oauth/signing.ts';
import { customerArm } from '../../server/analytics/holdout.ts';
import { signedProxyUrl } from '../support/app-proxy.ts';
import { TEST_ANALYTICS } from '../support/app.ts';
import { queryDb } from '../support/db.ts';
import { waitFor } from '../support/eventually.ts';
import { startInstalledApp, type AppAndSandbox } from '../support/sandbox.ts';

let env: AppAndSandbox;
const shop = () => env.sandbox.shop.myshopifyDomain;
const customers = () => [...env.sandbox.store.customers.values()];
const coat = () => [...env.sandbox.store.products.values()].find((p) => p.handle.includes('coat'))!;

beforeAll(async () => {
  env = await startInstalledApp({}, undefined, { analytics: { ...TEST_ANALYTICS, initialExperiment: { question: 'block', holdoutPercent: 50 } } });
});
afterAll(() => env?.close());

interface Answer {
  items: { url: string }[];
  experiment: { id: string; question: string; holdout: number; arm: string | null } | null;
}

async function picks(customerId: number | null, params: Record<string, string> = {}): Promise<{ cache: string | null; body: Answer }> {
  const response = await fetch(signedProxyUrl(env, '/proxy/picks', customerId, { template: 'product', product_id: String(coat().id), limit: '4', ...params }));
  expect(response.status).toBe(200);
  return { cache: response.headers.get('cache-control'), body: (await response.json()) as Answer };
}

async function beacon(path: string, customerId: number | null, body: unknown) {
  const response = await fetch(signedProxyUrl(env, path, customerId), { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  return response.status;
}

async function admin(path: string, init: RequestInit = {}) {
  const token = await signSessionToken({ shop: shop(), apiKey: SANDBOX_API_KEY, apiSecret: SANDBOX_API_SECRET, userId: '1' });
  return fetch(new URL(path, env.app.url), { ...init, headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', ...init.headers } });
}

const counters = (table: string) => queryDb<Record<string, unknown>>(env.app.databasePath, `select * from ${table} where shop = ?`, shop());

describe('the holdout on the storefront', () => {
  it('states the experiment to a visitor, who draws their own arm', async () => {
    const { body, cache } = await picks(null);
    expect(cache).toContain('public');
    expect(body.experiment).toEqual({ id: '1', question: 'block', holdout: 50, arm: null });
    expect(body.items.length).toBeGreaterThan(0);
  });

  it('gives a customer the arm of their hash, and no block in the holdout', async () => {
    const arms = { treatment: 0, holdout: 0 };
    for (const customer of customers().slice(0, 12)) {
      const { body } = await picks(customer.id);
      const arm = customerArm(shop(), customer.id, 50);
      arms[arm]++;
      expect(body.experiment?.arm).toBe(arm);
      if (arm === 'holdout') expect(body.items).toEqual([]);
      else expect(body.items.length).toBeGreaterThan(0);
      // Stable: asked again, the same arm.
      expect((await picks(customer.id)).body.experiment?.arm).toBe(arm);
    }
    // Both arms occur among 12 customers at 50 % (a fixed set of ids: deterministic).
    expect(arms.treatment).toBeGreaterThan(0);
    expect(arms.holdout).toBeGreaterThan(0);
  });

  it('shows a held-out customer a visitor’s block when the question is personalization, and starts a new experiment', async () => {
    const saved = await admin('/api/analytics/settings', { method: 'POST', body: JSON.stringify({ question: 'personalization', holdoutPercent: 50 }) });
    expect(saved.status).toBe(200);
    expect(await saved.json()).toMatchObject({ question: 'personalization', holdoutPercent: 50, experimentId: '2' });
    const visitor = await picks(null);
    expect(visitor.body.experiment).toEqual({ id: '2', question: 'personalization', holdout: 50, arm: null });
    const held = customers().find((c) => customerArm(shop(), c.id, 50) === 'holdout')!;
    const answer = await picks(held.id);
    expect(answer.body.experiment?.arm).toBe('holdout');
    expect(answer.body.items).toEqual(visitor.body.items);
    // Back to the block question for the rest of the file.
    await admin('/api/analytics/settings', { method: 'POST', body: JSON.stringify({ question: 'block', holdoutPercent: 50 }) });
  });

  it('refuses settings outside 0–50 % with a 400 that says why, and changes nothing', async () => {
    for (const body of [{ question: 'block', holdoutPercent: 60 }, { question: 'everything', holdoutPercent: 10 }, { question: 'block', holdoutPercent: 2.5 }, {}]) {
      const response = await admin('/api/analytics/settings', { method: 'POST', body: JSON.stringify(body) });
      expect(response.status).toBe(400);
      // A code and the limit the admin words it with, never only an English sentence.
      expect(await response.json()).toMatchObject({ error: 'invalid_settings', message: expect.any(String), params: { max: 50 } });
    }
    expect(await (await admin('/api/analytics/settings')).json()).toMatchObject({ question: 'block', holdoutPercent: 50, experimentId: '3' });
  });

  it('refuses a report range it cannot serve with a code the admin words', async () => {
    const refused = async (query: string) => (await admin(`/api/analytics/report?${query}`)).json();
    expect(await refused('from=2026-02-30')).toMatchObject({ error: 'invalid_range', field: 'from' });
    expect(await refused('from=2026-03-02&to=2026-03-01')).toMatchObject({ error: 'range_reversed', field: 'from' });
    expect(await refused('from=2025-01-01&to=2026-03-01')).toMatchObject({ error: 'range_too_long', params: { maxDays: 400 } });
  });
});

describe('counters', () => {
  it('adds beacons to daily counters by surface and block setting', async () => {
    const customer = customers()[0]!.id;
    const view = 'ab'.repeat(16);
    expect(await beacon('/proxy/seen', null, { view, handles: ['a', 'b', 'c'], surface: 'product-page', block: '4-grid-g-q' })).toBe(204);
    expect(await beacon('/proxy/seen', customer, { view, handles: ['d'], surface: 'product-page', block: '4-grid-g-q' })).toBe(204);
    expect(await beacon('/proxy/count', null, { event: 'click', surface: 'product-page', block: '4-grid-g-q' })).toBe(204);
    expect(await beacon('/proxy/count', customer, { event: 'add', surface: 'product-page', block: '4-grid-g-q' })).toBe(204);
    expect(await beacon('/proxy/count', null, { event: 'click', surface: 'email', block: 'email' })).toBe(204);
    const row = await waitFor(() => counters('block_counters').find((r) => r.surface === 'product-page' && r.block === '4-grid-g-q' && r.added === 1), {
      message: () => 'the counters to be written',
    });
    expect(row).toMatchObject({ shown: 4, clicked: 1, added: 1 });
  });

  it('refuses malformed beacons with a 4xx and counts nothing from them', async () => {
    // Whatever earlier beacons left in memory (or in a write under way) is written first.
    await env.app.analytics.flush();
    const before = JSON.stringify(counters('block_counters'));
    expect(await beacon('/proxy/count', null, { event: 'purchase', surface: 'product-page', block: '4-grid-g-q' })).toBe(400);
    expect(await beacon('/proxy/count', null, { event: 'click', surface: 'checkout', block: '4-grid-g-q' })).toBe(400);
    expect(await beacon('/proxy/count', null, { event: 'click', surface: 'home', block: '99-grid-g-q' })).toBe(400);
    expect(await beacon('/proxy/count', null, { event: 'click', surface: 'home', block: '4-grid-g-q', customer: 5 })).toBe(400);
    expect(await beacon('/proxy/enroll', null, { experiment: 'x', arm: 'treatment' })).toBe(400);
    const unsigned = await fetch(new URL('/proxy/count', env.app.url), { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"event":"click","surface":"home","block":"4-grid-g-q"}' });
    expect(unsigned.status).toBe(401);
    await env.app.analytics.flush();
    expect(JSON.stringify(counters('block_counters'))).toBe(before);
  });

  it('counts enrolments by arm, the app choosing a customer’s arm, and ignores a stale experiment', async () => {
    const { id } = await env.app.analytics.experiment(shop());
    const held = customers().find((c) => customerArm(shop(), c.id, 50) === 'holdout')!;
    expect(await beacon('/proxy/enroll', null, { experiment: String(id), arm: 'treatment' })).toBe(204);
    // The customer claims treatment; their hash says holdout.
    expect(await beacon('/proxy/enroll', held.id, { experiment: String(id), arm: 'treatment' })).toBe(204);
    expect(await beacon('/proxy/enroll', null, { experiment: String(id - 1), arm: 'holdout' })).toBe(204);
    await env.app.analytics.flush();
    const rows = counters('experiment_enrolments').filter((r) => r.experiment_id === id);
    expect(Object.fromEntries(rows.map((r) => [r.arm, r.shoppers]))).toEqual({ treatment: 1, holdout: 1 });
    expect(counters('experiment_enrolments').filter((r) => r.experiment_id === id - 1)).toEqual([]);
  });

  it('counts "not for me" by reason and product type, a visitor’s too', async () => {
    const product = coat();
    expect(await beacon('/proxy/feedback', null, { handle: product.handle, reason: 'not-my-style' })).toBe(200);
    expect(await beacon('/proxy/feedback', customers()[1]!.id, { handle: product.handle, reason: 'too-personal' })).toBe(200);
    const rows = counters('feedback_counters');
    expect(rows).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ reason: 'not-my-style', product_type: product.productType, count: 1 }),
        expect.objectContaining({ reason: 'too-personal', product_type: product.productType, count: 1 }),
      ]),
    );
  });

  it('holds no shopper id in any counter row', async () => {
    await env.app.analytics.flush();
    const tables = ['block_counters', 'experiment_enrolments', 'feedback_counters', 'followup_counters', 'experiments'];
    // By schema: no column that could name a shopper, a page view or a product.
    for (const table of tables) {
      const columns = queryDb<{ name: string }>(env.app.databasePath, `select name from pragma_table_info('${table}')`).map((c) => c.name);
      expect(columns.filter((c) => /customer|view|handle|email|product_id|order|ip|session|visitor/i.test(c))).toEqual([]);
    }
    // By value: no customer id, email, page view id or product handle appears in any row.
    const identifying = [
      ...customers().flatMap((c) => [String(c.id), c.email ?? '']).filter(Boolean),
      'ab'.repeat(16),
      ...[...env.sandbox.store.products.values()].map((p) => p.handle),
    ];
    for (const table of tables) {
      for (const row of counters(table)) {
        for (const value of Object.values(row)) expect(identifying).not.toContain(String(value));
      }
    }
  });
});

describe('the report API', () => {
  it('answers the report and its CSV behind the session token, and refuses bad ranges', async () => {
    const response = await admin('/api/analytics/report');
    expect(response.status).toBe(200);
    const report = await response.json();
    expect(report.blocks.totals.shown).toBeGreaterThanOrEqual(4);
    expect(report.experiment).toMatchObject({ question: 'block', holdoutPercent: 50 });
    const csv = await admin('/api/analytics/report.csv?from=2026-01-01&to=2026-01-31');
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(csv.headers.get('content-disposition')).toContain('tacto-analytics-2026-01-01-to-2026-01-31.csv');
    expect((await csv.text()).split('\r\n')[0]).toBe('section,day,surface,block,group,reason,product_type,metric,value');
    for (const query of ['from=2026-02-30', 'from=2026-03-01&to=2026-02-01', 'from=2020-01-01&to=2026-01-01', 'to=tomorrow']) {
      const bad = await admin(`/api/analytics/report?${query}`);
      expect(bad.status).toBe(400);
      expect((await bad.json()).message).toEqual(expect.any(String));
    }
    expect((await fetch(new URL('/api/analytics/report', env.app.url))).status).toBe(401);
  });
});
