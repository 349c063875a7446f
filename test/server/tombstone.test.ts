/**
 * A redaction tombstone's subject: the same for the same shop, kind and id under the same key (so an import can
 * recognise a redacted record), different when any of them differs, and naming nobody to whoever lacks the key.
 */
import { createHash, randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tombstoneSubject, tombstoneText, type TombstoneKind } from '../../server/privacy/tombstone.ts';
import { TEST_STORAGE_KEYS } from '../support/db.ts';

const KEY = TEST_STORAGE_KEYS.tombstones;
const kinds: TombstoneKind[] = ['customer', 'order'];
const shopArb = fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,30}\.myshopify\.com$/);
const kindArb = fc.constantFrom(...kinds);
// Shopify's ids have 10 to 16 digits; with 10 or more, the chance that the decimal id appears by accident among the
// subject's 64 hex digits is below 55 × 16⁻¹⁰ ≈ 5·10⁻¹¹ per run.
const idArb = fc.integer({ min: 1_000_000_000, max: Number.MAX_SAFE_INTEGER });

describe('tombstoneSubject', () => {
  it('is the same for the same shop, kind, id and key', () => {
    fc.assert(
      fc.property(shopArb, kindArb, idArb, (shop, kind, id) => {
        expect(tombstoneSubject(KEY, shop, kind, id)).toBe(tombstoneSubject(Buffer.from(KEY), shop, kind, id));
      }),
      { seed: 20261203, numRuns: 200 },
    );
  });

  it('differs when the shop, the kind, the id or the key differs', () => {
    fc.assert(
      fc.property(shopArb, shopArb, kindArb, idArb, idArb, (shop, otherShop, kind, id, otherId) => {
        const subject = tombstoneSubject(KEY, shop, kind, id);
        if (otherShop !== shop) expect(tombstoneSubject(KEY, otherShop, kind, id)).not.toBe(subject);
        expect(tombstoneSubject(KEY, shop, kind === 'customer' ? 'order' : 'customer', id)).not.toBe(subject);
        if (otherId !== id) expect(tombstoneSubject(KEY, shop, kind, otherId)).not.toBe(subject);
        expect(tombstoneSubject(randomBytes(32), shop, kind, id)).not.toBe(subject);
      }),
      { seed: 20261204, numRuns: 200 },
    );
  });

  it('names nobody: hex only, no shop, no id, and not a plain hash that could be reversed by hashing every id', () => {
    fc.assert(
      fc.property(shopArb, kindArb, idArb, (shop, kind, id) => {
        const subject = tombstoneSubject(KEY, shop, kind, id);
        expect(subject).toMatch(/^[0-9a-f]{64}$/);
        expect(subject).not.toContain(String(id));
        expect(subject).not.toContain(shop);
        expect(subject).not.toBe(createHash('sha256').update(tombstoneText(shop, kind, id)).digest('hex'));
      }),
      { seed: 20261205, numRuns: 200 },
    );
  });

  it('reads one unambiguous text per shop, kind and id', () => {
    // `a.myshopify.com` with customer 12 and `a.myshopify.com` with order 12 or customer 1 must not meet.
    fc.assert(
      fc.property(shopArb, kindArb, fc.nat(), shopArb, kindArb, fc.nat(), (s1, k1, i1, s2, k2, i2) => {
        fc.pre(s1 !== s2 || k1 !== k2 || i1 !== i2);
        expect(tombstoneText(s1, k1, i1)).not.toBe(tombstoneText(s2, k2, i2));
      }),
      { seed: 20261206, numRuns: 500 },
    );
  });

  it('refuses what is not a shop and a Shopify id, and a short key', () => {
    for (const id of [-1, 1.5, Number.NaN, Number.MAX_SAFE_INTEGER + 2]) expect(() => tombstoneSubject(KEY, 'a.myshopify.com', 'customer', id)).toThrow(RangeError);
    for (const shop of ['', 'a.myshopify.com\norder:1']) expect(() => tombstoneSubject(KEY, shop, 'customer', 1)).toThrow(RangeError);
    expect(() => tombstoneSubject(Buffer.alloc(16), 'a.myshopify.com', 'customer', 1)).toThrow(RangeError);
  });
});
