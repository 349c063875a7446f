/**
 * Dead letters keep what a merchant needs — the topic, the event id, the ids of the order/customer/product and
 * the error — and not the payload: an address, a phone number, a note or a browser IP that arrived in a
 * webhook Tacto could not apply is found nowhere in the database file. They expire 30 days after they failed.
 */
import { readFileSync, existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signSessionToken } from '../../sandbox/oauth/signing.ts';
import type { RetrySchedule } from '../../server/webhooks/retry-schedule.ts';
import type { WebhookStatusResponse } from '../../server/webhooks/webhook-status.ts';
import { startTestApp, TEST_API_KEY, TEST_API_SECRET, type TestApp } from '../support/app.ts';
import { queryDb } from '../support/db.ts';
import { offlineSession, postWebhook } from '../support/signed-requests.ts';
import { freePort } from '../support/temp.ts';

const shop = 'dead-letters.myshopify.com';
/** Three runs, 10 then 20 ms apart: an event Shopify never answers for dies within a test. */
const SHORT_RETRY: RetrySchedule = { maxAttempts: 3, baseDelayMs: 10, factor: 2, maxDelayMs: 50, jitter: 0 };
const POLL = { timeout: 10_000, interval: 20 };
const DAY_MS = 86_400_000;

let app: TestApp;
/** The worker's clock runs this far ahead of the wall clock (moved to expire dead letters). */
let clockOffsetMs = 0;

/** Every personal value of the payloads below: none may be stored once their event is dead. */
const PERSONAL = ['lena.pii@example.org', '+34 600 111 222', '12 Calle Secreta', '08001', 'ring twice, the dog bites', '203.0.113.77', 'Lena', 'Moreno', 'Mozilla/5.0 (PII)'];
const address = { first_name: 'Lena', last_name: 'Moreno', address1: '12 Calle Secreta', city: 'Barcelona', zip: '08001', phone: '+34 600 111 222', country_code: 'ES' };

/** An orders/create as Shopify sends it, full of personal data, with a line Tacto cannot read (quantity as text). */
const brokenOrder = {
  id: 7_000_001,
  email: 'lena.pii@example.org',
  phone: '+34 600 111 222',
  note: 'ring twice, the dog bites',
  browser_ip: '203.0.113.77',
  client_details: { browser_ip: '203.0.113.77', user_agent: 'Mozilla/5.0 (PII)' },
  created_at: '2026-03-01T10:00:00Z',
  updated_at: '2026-03-01T10:00:00Z',
  total_price: '129.90',
  customer: { id: 7_000_777, email: 'lena.pii@example.org', first_name: 'Lena', last_name: 'Moreno', phone: '+34 600 111 222', default_address: address },
  shipping_address: address,
  billing_address: address,
  line_items: [{ id: 7_000_002, product_id: 7_000_003, variant_id: 7_000_004, quantity: 'two', price: '129.90' }],
};
/** A refunds/create whose order must be read from Shopify — which never answers here. */
const refund = { id: 7_000_010, order_id: 7_000_001, note: 'ring twice, the dog bites', refund_line_items: [], transactions: [{ amount: '129.90' }], user_id: 1, email: 'lena.pii@example.org', shipping_address: address };

beforeAll(async () => {
  // The shop's Admin API lives on a port nobody listens on: every re-read is refused, as in a network outage.
  const nowhere = await freePort();
  app = await startTestApp({ SHOP_ORIGINS: `${shop}=http://127.0.0.1:${nowhere}` }, undefined, {
    webhooks: { retry: SHORT_RETRY, now: () => new Date(Date.now() + clockOffsetMs) },
  });
  await app.storage.sessions.storeSession(offlineSession(shop));
  await app.storage.shops.recordInstall(shop, ['read_orders', 'read_customers'], new Date());
});
afterAll(() => app.close());

const send = (topic: string, body: unknown, eventId: string) => postWebhook(app.url, { topic, shop, body, secret: TEST_API_SECRET, eventId });
const stateOf = (eventId: string) => queryDb<{ state: string }>(app.databasePath, 'select state from webhook_events where event_id = ?', eventId)[0]?.state;

async function status(): Promise<WebhookStatusResponse> {
  const token = await signSessionToken({ shop, apiKey: TEST_API_KEY, apiSecret: TEST_API_SECRET, userId: '1' });
  const response = await fetch(new URL('/api/webhooks/dead-letters', app.url), { headers: { Authorization: `Bearer ${token}` } });
  expect(response.status).toBe(200);
  return (await response.json()) as WebhookStatusResponse;
}

/** The database as bytes on disk: the main file after a full checkpoint, and the WAL if any is left. */
function databaseBytes(): string {
  const db = new Database(app.databasePath);
  try {
    const [result] = db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
    expect(result?.busy).toBe(0);
  } finally {
    db.close();
  }
  const files = [app.databasePath, `${app.databasePath}-wal`].filter((file) => existsSync(file));
  return files.map((file) => readFileSync(file).toString('latin1')).join('');
}

describe('dead letters', () => {
  it('keep topic, event id, ids and error — no address, phone, note, email or browser IP anywhere in the database file', async () => {
    expect((await send('orders/create', brokenOrder, 'evt-broken-order')).status).toBe(200);
    expect((await send('refunds/create', refund, 'evt-unreachable-refund')).status).toBe(200);
    await expect.poll(() => [stateOf('evt-broken-order'), stateOf('evt-unreachable-refund')], POLL).toEqual(['dead', 'dead']);
    await app.webhookWorker.idle();

    const { deadLetters, retrying } = await status();
    expect(retrying).toEqual([]);
    const byEvent = Object.fromEntries(deadLetters.map((d) => [d.eventId, d]));
    // A payload Tacto cannot read dies at once; Shopify unreachable is retried, then given up after the last run.
    expect(byEvent['evt-broken-order']).toMatchObject({
      topic: 'orders/create',
      attempts: 1,
      error: 'Invalid payload: line_items.0.quantity: invalid_type (number)',
      // What the admin words, in the merchant's language: a code and the schema path at fault.
      reason: { code: 'invalid_payload', params: { detail: 'line_items.0.quantity: invalid_type (number)' } },
      subjectIds: { order: [7_000_001], customer: [7_000_777] },
    });
    expect(byEvent['evt-unreachable-refund']).toMatchObject({
      topic: 'refunds/create',
      attempts: 3,
      error: 'Shopify could not be reached; gave up after 3 attempts',
      reason: { code: 'unreachable', params: { detail: '' } },
      subjectIds: { order: [7_000_001], refund: [7_000_010] },
    });
    for (const d of deadLetters) expect(Date.parse(d.failedAt ?? '')).not.toBeNaN();

    const everyRow = JSON.stringify(app.snapshot());
    const bytes = databaseBytes();
    for (const value of PERSONAL) {
      expect(everyRow, `a table still holds ${value}`).not.toContain(value);
      expect(bytes, `the database file still holds ${value}`).not.toContain(value);
    }
    // The check can fail: the ids the merchant needs are there, in the same file.
    expect(bytes).toContain('7000777');
  });

  it('expire 30 days after they failed, at the worker’s next drain', async () => {
    expect((await status()).deadLetters.length).toBe(2);
    clockOffsetMs = 29 * DAY_MS;
    app.webhookWorker.kick();
    await app.webhookWorker.idle();
    expect((await status()).deadLetters.length).toBe(2);

    clockOffsetMs = 30 * DAY_MS + 60_000;
    app.webhookWorker.kick();
    await app.webhookWorker.idle();
    expect((await status()).deadLetters).toEqual([]);
    expect(queryDb(app.databasePath, "select * from webhook_events where state = 'dead'")).toEqual([]);
  });
});
