import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyBatch, type IngestBatch } from '../../server/ingest/records.ts';
import { signSessionToken } from '../../sandbox/oauth/signing.ts';
import { startTestApp, TEST_API_KEY, TEST_API_SECRET, type TestApp } from '../support/app.ts';
import { offlineSession } from '../support/signed-requests.ts';

const shopA = 'alpha.myshopify.com';
const shopB = 'beta.myshopify.com';
let app: TestApp;

/** The same Shopify ids in both shops: only the shop key may tell them apart. */
function batch(orders: number, email: string): IngestBatch {
  return {
    ...emptyBatch(),
    customers: [
      { id: 7, marketingState: 'SUBSCRIBED', consentUpdatedAt: null, email, firstName: 'Ada', locale: 'en', timeZoneHint: null, updatedAt: '2026-01-01T00:00:00.000Z' },
    ],
    orders: Array.from({ length: orders }, (_, i) => ({
      id: 100 + i,
      customerId: 7,
      createdAt: '2026-01-01T00:00:00.000Z',
      cancelledAt: null,
      fulfilledAt: null,
      updatedAt: '2026-01-01T00:00:00.000Z',
    })),
    orderLines: Array.from({ length: orders }, (_, i) => ({ id: 500 + i, orderId: 100 + i, productId: 1, variantId: 2, quantity: 1, refundedQuantity: 0 })),
  };
}

beforeAll(async () => {
  app = await startTestApp();
  for (const shop of [shopA, shopB]) await app.storage.sessions.storeSession(offlineSession(shop));
  await app.storage.ingest.applyBatch(shopA, batch(3, 'ada@alpha.example'));
  await app.storage.ingest.applyBatch(shopB, batch(5, 'ada@beta.example'));
});
afterAll(() => app.close());

describe('two installed shops', () => {
  it('each sees only its own rows', async () => {
    expect((await app.storage.backfills.summary(shopA)).orders).toBe(3);
    expect((await app.storage.backfills.summary(shopB)).orders).toBe(5);
    expect((await app.storage.privacy.exportCustomer(shopA, 7)).customer).toMatchObject({ email: 'ada@alpha.example' });
    expect((await app.storage.privacy.exportCustomer(shopB, 7)).orders).toHaveLength(5);
  });

  it('a session token of one shop reads that shop\'s figures only', async () => {
    const token = await signSessionToken({ shop: shopA, apiKey: TEST_API_KEY, apiSecret: TEST_API_SECRET, userId: '1' });
    const response = await fetch(new URL('/api/backfill', app.url), { headers: { Authorization: `Bearer ${token}` } });
    expect(((await response.json()) as { imported: { orders: number } }).imported.orders).toBe(3);
  });

  it('erasing a customer in one shop leaves the same id in the other untouched', async () => {
    await app.storage.privacy.eraseCustomer(shopA, 7, [], 'ada@alpha.example');
    expect((await app.storage.privacy.exportCustomer(shopA, 7)).customer).toBeNull();
    expect((await app.storage.privacy.exportCustomer(shopB, 7)).customer).toMatchObject({ email: 'ada@beta.example' });
    expect((await app.storage.backfills.summary(shopB)).orderLines).toBe(5);
  });
});
