/**
 * Shopify does not resend an event Tacto answered 200. refunds/create and consent updates re-read Shopify; with
 * the sandbox's Admin API down, they must be answered at once, wait in `retrying` (shown on Home apart from
 * failures), survive a restart, and be applied exactly once when Shopify answers again.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SANDBOX_API_KEY, SANDBOX_API_SECRET } from '../../sandbox/credentials.ts';
import { signSessionToken } from '../../sandbox/oauth/signing.ts';
import type { SandboxOrder } from '../../sandbox/store/types.ts';
import type { AdminApiOutage } from '../../sandbox/admin-api/index.ts';
import { refundPayload } from '../../sandbox/webhooks/payloads.ts';
import type { RetrySchedule } from '../../server/webhooks/retry-schedule.ts';
import type { WebhookStatusResponse } from '../../server/webhooks/webhook-status.ts';
import { queryDb } from '../support/db.ts';
import { startInstalledApp, type AppAndSandbox } from '../support/sandbox.ts';

/**
 * Milliseconds instead of minutes, no jitter: 20, 40, 80, 160, then 200 ms between runs; 40 runs span ≈ 7.5 s,
 * far longer than any outage below (each is lifted as soon as the test has seen what it checks).
 */
const TEST_RETRY: RetrySchedule = { maxAttempts: 40, baseDelayMs: 20, factor: 2, maxDelayMs: 200, jitter: 0 };
const POLL = { timeout: 10_000, interval: 20 };

let env: AppAndSandbox;
const shop = () => env.sandbox.shop.myshopifyDomain;
const db = <T>(sql: string, ...params: unknown[]) => queryDb<T>(env.app.databasePath, sql, ...params);

beforeAll(async () => {
  env = await startInstalledApp({}, undefined, { webhooks: { retry: TEST_RETRY } });
});
afterAll(() => env.close());

interface EventRow {
  state: string;
  attempts: number;
  payload: string;
  error: string | null;
}
const eventOf = (eventId: string) => db<EventRow>('select state, attempts, payload, error from webhook_events where event_id = ?', eventId);
const stateOf = (eventId: string) => eventOf(eventId)[0]?.state ?? 'absent';

async function homeStatus(): Promise<WebhookStatusResponse> {
  const token = await signSessionToken({ shop: shop(), apiKey: SANDBOX_API_KEY, apiSecret: SANDBOX_API_SECRET, userId: '1' });
  const response = await fetch(new URL('/api/webhooks/dead-letters', env.app.url), { headers: { Authorization: `Bearer ${token}` } });
  expect(response.status).toBe(200);
  return (await response.json()) as WebhookStatusResponse;
}

/** Places an order of two units in the sandbox (orders/create needs no re-read) and waits until Tacto has it. */
async function placeOrder(quantity = 2): Promise<SandboxOrder> {
  const { store } = env.sandbox;
  const product = [...store.products.values()][0]!;
  const order = store.addOrder({
    customerId: null,
    email: null,
    phone: null,
    note: null,
    shippingAddress: null,
    currencyCode: 'EUR',
    createdAt: new Date().toISOString(),
    lineItems: [{ productId: product.id, variantId: product.variants[0]!.id, title: product.title, sku: '', quantity, price: '10.00' }],
  });
  await expect.poll(() => db('select id from orders where shop = ? and id = ?', shop(), order.id).length, POLL).toBe(1);
  return order;
}

let nextRefundId = 990_000_001;
/**
 * Refunds one unit of a new order in the sandbox and has the sandbox deliver refunds/create (signed, with its
 * own retries) — and only that topic, so nothing but the re-read can bring the refund into Tacto.
 */
async function refundOneUnit(): Promise<{ order: SandboxOrder; lineId: number; eventId: string }> {
  const order = await placeOrder();
  const line = order.lineItems[0]!;
  const at = new Date().toISOString();
  const refund = { id: nextRefundId++, createdAt: at, note: null, refundLineItems: [{ lineItemId: line.id, quantity: 1 }] };
  order.refunds.push(refund);
  order.updatedAt = at;
  const delivery = env.sandbox.webhooks.send('refunds/create', refundPayload(order, refund, env.sandbox.shop, env.sandbox.store))!;
  return { order, lineId: line.id, eventId: delivery.eventId };
}

const refundedQuantity = (lineId: number) => db<{ q: number }>('select refunded_quantity as q from order_lines where shop = ? and id = ?', shop(), lineId)[0]?.q;

/** Every sandbox delivery since `from` was answered 200 on its first attempt: nothing waited on Shopify. */
function answeredAtOnce(from: number) {
  const deliveries = env.sandbox.webhooks.log.slice(from);
  expect(deliveries.length).toBeGreaterThan(0);
  for (const d of deliveries) expect(d.attempts.map((attempt) => attempt.status), d.topic).toEqual([200]);
}

function outage(mode: AdminApiOutage | null) {
  env.sandbox.adminApi.outage(mode);
}

describe.each<AdminApiOutage>(['unreachable', 503, 'throttled'])('the Admin API down (%s)', (mode) => {
  it('a refund and a consent change are answered at once, wait in retrying, then are applied exactly once', async () => {
    const { store } = env.sandbox;
    const logStart = env.sandbox.webhooks.log.length;
    outage(mode);
    try {
      const refund = await refundOneUnit();
      const customer = [...store.customers.values()].find(
        (c) => c.emailMarketingConsent.marketingState !== 'SUBSCRIBED' && c.email && db('select id from customers where shop = ? and id = ?', shop(), c.id).length === 1,
      )!;
      store.updateEmailMarketingConsent(customer.id, { marketingState: 'SUBSCRIBED', marketingOptInLevel: 'SINGLE_OPT_IN' });
      const consentEvent = env.sandbox.webhooks.log.at(-1)!.eventId;
      await env.sandbox.webhooks.idle();
      answeredAtOnce(logStart);

      await expect.poll(() => [stateOf(refund.eventId), stateOf(consentEvent)], POLL).toEqual(['retrying', 'retrying']);
      const home = await homeStatus();
      expect(home.retrying.map((r) => r.topic).sort()).toEqual(['customers_email_marketing_consent/update', 'refunds/create']);
      for (const r of home.retrying) {
        expect(r.attempts).toBeGreaterThanOrEqual(1);
        expect(Date.parse(r.nextAttemptAt)).not.toBeNaN();
        expect(r.error).toMatch(/Shopify/);
      }
      expect(home.deadLetters.filter((d) => [refund.eventId, consentEvent].includes(d.eventId))).toEqual([]);
      // Nothing could be read yet: the refund and the subscription are not in Tacto.
      expect(refundedQuantity(refund.lineId)).toBe(0);
      expect(db('select marketing_state as s from customers where shop = ? and id = ?', shop(), customer.id)).not.toEqual([{ s: 'SUBSCRIBED' }]);

      // A retrying event holds up nothing: a new order, which needs no re-read, is applied meanwhile.
      await placeOrder(1);
      expect(stateOf(refund.eventId)).toBe('retrying');

      outage(null);
      await expect.poll(() => [stateOf(refund.eventId), stateOf(consentEvent)], POLL).toEqual(['done', 'done']);
      expect(refundedQuantity(refund.lineId)).toBe(1);
      expect(db('select marketing_state as s, email from customers where shop = ? and id = ?', shop(), customer.id)).toEqual([{ s: 'SUBSCRIBED', email: customer.email }]);
      // Exactly once: one row per event, applied, its payload gone; the refund counted once.
      for (const eventId of [refund.eventId, consentEvent]) {
        const rows = eventOf(eventId);
        expect(rows).toHaveLength(1);
        expect(rows[0]).toMatchObject({ state: 'done', payload: '', error: null });
        expect(rows[0]!.attempts).toBeGreaterThanOrEqual(2);
      }
      expect(db<{ n: number }>('select count(*) as n from order_lines where shop = ? and id = ?', shop(), refund.lineId)[0]!.n).toBe(1);
      const after = await homeStatus();
      expect(after.retrying).toEqual([]);
      expect(after.deadLetters).toEqual([]);
    } finally {
      outage(null);
    }
  });
});

describe('a restart while an event is retrying', () => {
  it('resumes it from the database, and applies it once Shopify answers', async () => {
    outage('unreachable');
    try {
      const refund = await refundOneUnit();
      await env.sandbox.webhooks.idle();
      await expect.poll(() => stateOf(refund.eventId), POLL).toBe('retrying');

      await env.restartApp();
      const attemptsAtRestart = eventOf(refund.eventId)[0]!.attempts;
      // The new process keeps trying on its own while Shopify is still down…
      await expect.poll(() => eventOf(refund.eventId)[0]!.attempts, POLL).toBeGreaterThan(attemptsAtRestart);
      expect(stateOf(refund.eventId)).toBe('retrying');
      expect((await homeStatus()).retrying.map((r) => r.topic)).toEqual(['refunds/create']);

      // … and applies the event when it answers again.
      outage(null);
      await expect.poll(() => stateOf(refund.eventId), POLL).toBe('done');
      expect(refundedQuantity(refund.lineId)).toBe(1);
    } finally {
      outage(null);
    }
  });
});

describe('a failure that cannot pass', () => {
  it('goes straight to the dead letters (a 404 from the Admin API): one attempt, the ids kept, the payload dropped', async () => {
    outage(404);
    try {
      const refund = await refundOneUnit();
      await env.sandbox.webhooks.idle();
      await expect.poll(() => stateOf(refund.eventId), POLL).toBe('dead');
      expect(eventOf(refund.eventId)[0]).toMatchObject({ attempts: 1, payload: '', error: 'Shopify refused the request (404)' });
      const { deadLetters, retrying } = await homeStatus();
      expect(retrying).toEqual([]);
      expect(deadLetters.find((d) => d.eventId === refund.eventId)).toMatchObject({
        topic: 'refunds/create',
        attempts: 1,
        error: 'Shopify refused the request (404)',
        subjectIds: { order: [refund.order.id], refund: [refund.order.refunds.at(-1)!.id] },
      });
    } finally {
      outage(null);
    }
  });
});
