import { describe, expect, it } from 'vitest';
import { addBulkLine } from '../../server/backfill/map-bulk-line.ts';
import { emptyBatch, minimizeCustomer, type CustomerRecord } from '../../server/ingest/records.ts';
import { orderFromPayload, productFromPayload } from '../../server/webhooks/payloads.ts';
import { progressLine } from '../../scripts/progress-bar.ts';

const customer: CustomerRecord = {
  id: 1,
  marketingState: 'SUBSCRIBED',
  consentUpdatedAt: null,
  email: 'a@example.com',
  firstName: 'Ana',
  locale: 'es',
  timeZoneHint: 'Europe/Madrid',
  country: 'ES',
  updatedAt: '2026-01-01T00:00:00.000Z',
};

describe('minimal data', () => {
  it('keeps contact details only while subscribed', () => {
    expect(minimizeCustomer(customer)).toEqual(customer);
    for (const state of ['NOT_SUBSCRIBED', 'UNSUBSCRIBED', 'PENDING', 'REDACTED', 'INVALID'] as const) {
      expect(minimizeCustomer({ ...customer, marketingState: state })).toMatchObject({ email: null, firstName: null, locale: null, timeZoneHint: null, country: null });
    }
  });

  it('drops a bulk customer line\'s email when the customer is not subscribed', () => {
    const batch = emptyBatch();
    addBulkLine(batch, {
      id: 'gid://shopify/Customer/9',
      email: 'b@example.com',
      firstName: 'Bo',
      locale: 'en',
      updatedAt: '2026-01-01T00:00:00Z',
      emailMarketingConsent: { marketingState: 'UNSUBSCRIBED', consentUpdatedAt: '2026-01-01T00:00:00Z' },
      defaultAddress: { countryCodeV2: 'ES' },
    });
    expect(batch.customers).toEqual([
      expect.objectContaining({ id: 9, email: null, firstName: null, country: null, marketingState: 'UNSUBSCRIBED', updatedAt: '2026-01-01T00:00:00.000Z' }),
    ]);
  });

  it('keeps a subscribed bulk customer\'s country, from the default address, as the zone hint is', () => {
    const batch = emptyBatch();
    addBulkLine(batch, {
      id: 'gid://shopify/Customer/10',
      email: 'c@example.com',
      firstName: 'Cleo',
      locale: 'es',
      updatedAt: '2026-01-01T00:00:00Z',
      emailMarketingConsent: { marketingState: 'SUBSCRIBED', consentUpdatedAt: '2026-01-01T00:00:00Z' },
      defaultAddress: { countryCodeV2: 'AR' },
    });
    expect(batch.customers).toEqual([expect.objectContaining({ id: 10, country: 'AR', timeZoneHint: 'America/Argentina/Buenos_Aires' })]);
  });
});

describe('bulk lines', () => {
  it('turns line items into rows keyed by their parent order, refunded = quantity - currentQuantity', () => {
    const batch = emptyBatch();
    addBulkLine(batch, { id: 'gid://shopify/LineItem/5', quantity: 3, currentQuantity: 1, product: { id: 'gid://shopify/Product/7' }, variant: null, __parentId: 'gid://shopify/Order/2' });
    expect(batch.orderLines).toEqual([{ id: 5, orderId: 2, productId: 7, variantId: null, quantity: 3, refundedQuantity: 2, surface: null, netAmount: null }]);
  });

  it('keeps the surface and the amount after discounts only for a line a pick added, and no other property', () => {
    const batch = emptyBatch();
    const money = (amount: string) => ({ shopMoney: { amount, currencyCode: 'USD' } });
    const line = { quantity: 2, currentQuantity: 2, product: { id: 'gid://shopify/Product/7' }, variant: null, originalUnitPriceSet: money('30.00'), totalDiscountSet: money('6.00'), __parentId: 'gid://shopify/Order/2' };
    addBulkLine(batch, { ...line, id: 'gid://shopify/LineItem/5', customAttributes: [{ key: 'gift-note', value: 'for Ana' }, { key: '_tacto', value: 'cart' }] });
    addBulkLine(batch, { ...line, id: 'gid://shopify/LineItem/6', customAttributes: [{ key: '_tacto', value: 'olivia@example.com' }] });
    addBulkLine(batch, { ...line, id: 'gid://shopify/LineItem/7', customAttributes: null });
    expect(batch.orderLines.map(({ id, surface, netAmount }) => ({ id, surface, netAmount }))).toEqual([
      { id: 5, surface: 'cart', netAmount: 54 },
      { id: 6, surface: null, netAmount: null },
      { id: 7, surface: null, netAmount: null },
    ]);
    expect(JSON.stringify(batch)).not.toMatch(/gift|Ana|olivia/);
  });

  it('refuses a line that is not Shopify\'s shape', () => {
    expect(() => addBulkLine(emptyBatch(), { id: 'gid://shopify/Order/1' })).toThrow(/createdAt/);
    expect(() => addBulkLine(emptyBatch(), { nonsense: true })).toThrow(/Unexpected line/);
  });
});

describe('webhook payloads', () => {
  it('normalizes REST times to UTC and sums refunds per line', () => {
    const { order, lines } = orderFromPayload({
      id: 1,
      created_at: '2026-01-01T10:00:00-05:00',
      updated_at: '2026-01-02T10:00:00-05:00',
      line_items: [{ id: 11, product_id: 3, variant_id: 4, quantity: 2 }],
      refunds: [{ refund_line_items: [{ line_item_id: 11, quantity: 1 }] }, { refund_line_items: [{ line_item_id: 11, quantity: 1 }] }],
      fulfillments: [{ created_at: '2026-01-03T00:00:00Z', status: 'success' }],
    });
    expect(order).toMatchObject({ createdAt: '2026-01-01T15:00:00.000Z', fulfilledAt: '2026-01-03T00:00:00.000Z' });
    expect(lines[0]!.refundedQuantity).toBe(2);
  });

  it('reads a product\'s tags, price and availability from the REST shape', () => {
    const product = productFromPayload({
      id: 5,
      title: 'Coat',
      handle: 'coat',
      product_type: 'Coat',
      status: 'active',
      tags: 'winter, wool',
      updated_at: '2026-01-01T00:00:00Z',
      variants: [{ price: '90.00', inventory_quantity: 0 }, { price: '80.00', inventory_policy: 'continue' }],
    });
    expect(product).toMatchObject({ tags: ['winter', 'wool'], price: '80.00', available: true, status: 'ACTIVE' });
  });
});

describe('the CLI progress bar', () => {
  it('draws orders imported of the estimate', () => {
    const record = { shop: 's', status: 'running', stage: 'orders', bulkOperationId: null, linesDone: 0, ordersEstimated: 200, allOrdersVisible: true, startedAt: '', finishedAt: null, error: null } as const;
    const summary = { orders: 50, orderLines: 0, products: 0, customers: 0, firstOrderAt: null, lastOrderAt: null };
    expect(progressLine(record, summary, false)).toBe(`Orders [${'#'.repeat(8)}${'.'.repeat(22)}] 50/200 25%\n`);
  });
});
