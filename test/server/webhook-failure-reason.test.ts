/**
 * A webhook's failure, as Home shows it: the English reason stored by server/webhooks/failure.ts becomes a code and
 * its values, which the admin words in the merchant's language; every reason failure.ts writes has its code.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { failureReason } from '../../server/webhooks/webhook-status.ts';

describe('a webhook failure reason', () => {
  it('is a code with the values it names', () => {
    expect(failureReason('Shopify answered 503')).toEqual({ code: 'shopify_status', params: { status: 503 }, gaveUpAfter: null });
    expect(failureReason('Shopify refused the request (404)')).toMatchObject({ code: 'shopify_refused', params: { status: 404 } });
    expect(failureReason('Shopify could not be reached (ECONNREFUSED); gave up after 3 attempts')).toEqual({
      code: 'unreachable',
      params: { detail: 'ECONNREFUSED' },
      gaveUpAfter: 3,
    });
    expect(failureReason('Invalid payload: created_at: invalid_type (string)')).toMatchObject({ code: 'invalid_payload', params: { detail: 'created_at: invalid_type (string)' } });
    expect(failureReason('Shopify refused the query (ACCESS_DENIED)')).toMatchObject({ code: 'query_refused', params: { detail: 'ACCESS_DENIED' } });
    expect(failureReason('Internal error (TypeError)')).toMatchObject({ code: 'internal', params: { detail: 'TypeError' } });
    expect(failureReason('something new')).toMatchObject({ code: 'other', params: { detail: 'something new' } });
    expect(failureReason(null)).toMatchObject({ code: 'other' });
  });

  it('has a code for every sentence failure.ts writes', () => {
    const source = readFileSync(join(import.meta.dirname, '../../server/webhooks/failure.ts'), 'utf8');
    const reasons = [...source.matchAll(/reason: (?:bounded\()?(?:`([^`]*)`|'([^']*)')/g)].map((m) => (m[1] ?? m[2]!).replace(/\$\{[^}]*\}/g, '42'));
    expect(reasons.length).toBeGreaterThan(8);
    for (const reason of reasons) expect(failureReason(reason).code, reason).not.toBe('other');
  });
});
