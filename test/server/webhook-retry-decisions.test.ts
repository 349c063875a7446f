/**
 * The pure decisions of the webhook queue: which failures are retried, on which schedule, what a dead letter
 * keeps of its payload, and which shop a signed webhook may act on.
 */
import {
  GraphqlQueryError,
  HttpInternalError,
  HttpMaxRetriesError,
  HttpRequestError,
  HttpResponseError,
  HttpThrottlingError,
} from '@shopify/shopify-api';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { consentChange, orderFromPayload } from '../../server/webhooks/payloads.ts';
import { classifyFailure, MAX_REASON_LENGTH, ShopNotInstalledError, UnknownTopicError } from '../../server/webhooks/failure.ts';
import { DEFAULT_RETRY_SCHEDULE, retryDelayMs, type RetrySchedule } from '../../server/webhooks/retry-schedule.ts';
import { admitWebhook, shopNamedByBody, type Installation } from '../../server/webhooks/shop-binding.ts';
import { subjectIdsOf } from '../../server/webhooks/subject-ids.ts';

const response = (code: number) => ({ message: `status ${code}`, code, statusText: '', body: {}, headers: {} });
const graphqlError = (...codes: string[]) =>
  new GraphqlQueryError({
    message: 'GraphQL failed',
    response: {},
    body: { errors: { graphQLErrors: codes.map((code) => ({ message: 'x', extensions: { code } })) } },
  });
/** What fetch throws when the connection is refused: a TypeError whose cause carries the socket's code. */
const refused = () => Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }) });
function thrownBy(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('did not throw');
}

describe('classifying a handler failure', () => {
  it.each([
    ['Shopify unreachable (the Admin API client)', new HttpRequestError('Http request error, no response available: GraphQL Client: fetch failed')],
    ['503', new HttpInternalError(response(503))],
    ['502', new HttpInternalError(response(502))],
    ['429', new HttpThrottlingError({ ...response(429), retryAfter: undefined })],
    ['THROTTLED (GraphQL, status 200)', graphqlError('THROTTLED')],
    ['INTERNAL_SERVER_ERROR (GraphQL, status 200)', graphqlError('INTERNAL_SERVER_ERROR')],
    ['an answer cut short (status 200, no JSON)', new HttpResponseError(response(200))],
    ['the client’s own retries exhausted', new HttpMaxRetriesError('Attempted the maximum number of retries for HTTP request.')],
    ['a refused connection from fetch', refused()],
    ['a timeout', Object.assign(new Error('The operation was aborted due to timeout'), { name: 'TimeoutError' })],
    ['a busy database', Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' })],
  ])('retries %s', (_name, error) => {
    expect(classifyFailure(error).kind).toBe('retry');
  });

  it.each([
    ['404', new HttpResponseError(response(404))],
    ['401 (token revoked)', new HttpResponseError(response(401))],
    ['403', new HttpResponseError(response(403))],
    ['ACCESS_DENIED', graphqlError('ACCESS_DENIED')],
    ['an unknown topic', new UnknownTopicError()],
    ['a payload that is not JSON', thrownBy(() => JSON.parse('{not json'))],
    ['a payload that fails validation', thrownBy(() => orderFromPayload({ id: 'x' }))],
    ['a defect in Tacto', new RangeError('boom')],
  ])('gives up at once on %s', (_name, error) => {
    expect(classifyFailure(error).kind).toBe('dead');
  });

  it('skips an event of a shop that uninstalled after it was queued', () => {
    expect(classifyFailure(new ShopNotInstalledError()).kind).toBe('skip');
  });

  it('honours Retry-After on a 429', () => {
    expect(classifyFailure(new HttpThrottlingError({ ...response(429), retryAfter: 2.5 }))).toMatchObject({ kind: 'retry', retryAfterMs: 2_500 });
  });

  it('names field paths and codes of a bad payload, never its values, within a bounded length', () => {
    const secrets = ['lena.pii@example.org', '+34 600 111 222', '203.0.113.77'];
    const error = thrownBy(() =>
      orderFromPayload({ id: secrets[0], created_at: secrets[1], updated_at: secrets[2], line_items: Array.from({ length: 50 }, () => ({ id: secrets[0] })) }),
    );
    const { reason } = classifyFailure(error);
    expect(reason).toMatch(/^Invalid payload: id: invalid_type \(number\)/);
    for (const secret of secrets) expect(reason).not.toContain(secret);
    expect(reason.length).toBeLessThanOrEqual(MAX_REASON_LENGTH);
    const consent = classifyFailure(thrownBy(() => consentChange({ customer_id: 'lena.pii@example.org' })));
    expect(consent.reason).not.toContain('lena');
  });

  it('does not echo Shopify’s answer (it may quote the variables) nor a defect’s message', () => {
    const answer = new HttpResponseError({ ...response(422), message: 'Received an error response: {"email":"lena.pii@example.org"}' });
    expect(classifyFailure(answer).reason).toBe('Shopify refused the request (422)');
    expect(classifyFailure(new Error('customer lena.pii@example.org not found')).reason).toBe('Internal error (Error)');
  });
});

describe('the retry schedule', () => {
  const exact: RetrySchedule = { ...DEFAULT_RETRY_SCHEDULE, jitter: 0 };
  const waits = (schedule: RetrySchedule) => {
    const result: number[] = [];
    for (let attempt = 1; ; attempt += 1) {
      const delay = retryDelayMs(attempt, schedule, () => 0.5);
      if (delay === null) return result;
      result.push(delay);
    }
  };

  it('by default: 8 runs over about a day (2 min × 3ⁿ, capped at 12 h)', () => {
    const minutes = waits(exact).map((ms) => ms / 60_000);
    expect(minutes).toEqual([2, 6, 18, 54, 162, 486, 720]);
    expect(minutes.length + 1).toBe(8);
    const hours = minutes.reduce((a, b) => a + b, 0) / 60;
    expect(hours).toBeGreaterThan(23);
    expect(hours).toBeLessThan(25);
  });

  it('gives up after the last run', () => {
    expect(retryDelayMs(8, DEFAULT_RETRY_SCHEDULE, () => 0.5)).toBeNull();
    expect(retryDelayMs(7, DEFAULT_RETRY_SCHEDULE, () => 0.5)).not.toBeNull();
  });

  it('jitters each wait within ±20 % of the nominal one and never past the cap', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 7 }), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), (attempt, r) => {
        const nominal = retryDelayMs(attempt, exact, () => 0.5)!;
        const delay = retryDelayMs(attempt, DEFAULT_RETRY_SCHEDULE, () => r)!;
        expect(delay).toBeGreaterThanOrEqual(Math.floor(nominal * 0.8));
        expect(delay).toBeLessThanOrEqual(Math.min(Math.ceil(nominal * 1.2), DEFAULT_RETRY_SCHEDULE.maxDelayMs));
      }),
      { seed: 20_260_712, numRuns: 200 },
    );
  });

  it('waits at least as long as Shopify asked, within the cap', () => {
    expect(retryDelayMs(1, exact, () => 0.5, 10 * 60_000)).toBe(10 * 60_000);
    expect(retryDelayMs(1, exact, () => 0.5, 48 * 3_600_000)).toBe(exact.maxDelayMs);
  });
});

describe('what a dead letter keeps of its payload', () => {
  const order = {
    id: 4501,
    email: 'lena.pii@example.org',
    phone: '+34 600 111 222',
    note: 'ring twice',
    browser_ip: '203.0.113.77',
    customer: { id: 77, email: 'lena.pii@example.org', default_address: { address1: '12 Calle Secreta' } },
    shipping_address: { address1: '12 Calle Secreta', phone: '+34 600 111 222' },
    line_items: [{ id: 1, product_id: 9, price: '10.00' }],
  };

  it('the ids of its subject, nothing else', () => {
    const ids = subjectIdsOf('orders/create', order);
    expect(ids).toEqual({ order: [4501], customer: [77] });
    expect(JSON.stringify(ids)).not.toMatch(/lena|600|Secreta|203\.0|ring/);
  });

  it.each([
    ['refunds/create', { id: 31, order_id: 4501, note: 'damaged' }, { order: [4501], refund: [31] }],
    ['products/update', { id: 9, title: 'Coat' }, { product: [9] }],
    ['products/create', { id: 9, title: 'Coat' }, { product: [9] }],
    ['collections/update', { id: 12, title: 'Winter', handle: 'winter' }, { collection: [12] }],
    ['collections/delete', { id: 12, published_scope: 'web' }, { collection: [12] }],
    ['customers_email_marketing_consent/update', { customer_id: 77, email_address: 'x@y.z' }, { customer: [77] }],
    ['customers/redact', { shop_domain: 's', customer: { id: 77, email: 'x@y.z' }, orders_to_redact: [1, 2] }, { order: [1, 2], customer: [77] }],
    ['shop/redact', { shop_id: 1, shop_domain: 's' }, {}],
    ['orders/create', 'not an object', {}],
    ['orders/create', { id: 'not-a-number', customer: { id: -3 } }, {}],
  ])('%s → %j', (topic, payload, expected) => {
    expect(subjectIdsOf(topic, payload)).toEqual(expected);
  });
});

describe('which shop a signed webhook may act on', () => {
  it('reads the shop a privacy body or the app/uninstalled shop resource names', () => {
    expect(shopNamedByBody('customers/redact', { shop_domain: 'A.myshopify.com' })).toBe('a.myshopify.com');
    expect(shopNamedByBody('shop/redact', { shop_id: 1 })).toBeNull();
    expect(shopNamedByBody('customers/data_request', null)).toBeNull();
    expect(shopNamedByBody('app/uninstalled', { domain: 'shop.example', myshopify_domain: 'a.myshopify.com' })).toBe('a.myshopify.com');
  });

  const cases: [string, string | null | undefined, Installation, 'reject' | 'drop' | 'accept'][] = [
    ['customers/redact', 'a.myshopify.com', 'installed', 'accept'],
    ['customers/redact', 'b.myshopify.com', 'installed', 'reject'],
    ['customers/redact', null, 'installed', 'reject'],
    ['shop/redact', 'b.myshopify.com', 'uninstalled', 'reject'],
    ['shop/redact', 'a.myshopify.com', 'uninstalled', 'accept'],
    ['customers/redact', 'a.myshopify.com', 'uninstalled', 'accept'],
    ['customers/data_request', 'a.myshopify.com', 'uninstalled', 'accept'],
    ['shop/redact', 'a.myshopify.com', 'never', 'drop'],
    ['app/uninstalled', 'a.myshopify.com', 'never', 'drop'],
    ['app/uninstalled', 'a.myshopify.com', 'uninstalled', 'drop'],
    ['app/uninstalled', 'b.myshopify.com', 'installed', 'reject'],
    ['app/uninstalled', 'a.myshopify.com', 'installed', 'accept'],
    ['orders/create', undefined, 'installed', 'accept'],
    ['orders/create', undefined, 'uninstalled', 'drop'],
    ['refunds/create', undefined, 'uninstalled', 'drop'],
    ['customers_email_marketing_consent/update', undefined, 'uninstalled', 'drop'],
    ['orders/create', undefined, 'never', 'drop'],
  ];
  it.each(cases)('%s naming %s, shop %s → %s', (topic, namedShop, installation, expected) => {
    expect(admitWebhook({ topic, headerShop: 'a.myshopify.com', namedShop, installation })).toBe(expected);
  });
});
