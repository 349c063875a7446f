import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readUnsubscribeToken, unsubscribeToken } from '../../server/followups/mail/unsubscribe-token.ts';

/** fast-check's seed: every run checks the same cases, so CI never turns red by chance (change it to explore others). */
const SEED = 914423;

const SECRET = 'tacto-test-secret';
const SHOP = 'tacto-demo.myshopify.com';
const CUSTOMER = 7_234_567_890_123;

describe('unsubscribe tokens', () => {
  it('round-trip the shop and customer, and are URL-safe without escaping', () => {
    const token = unsubscribeToken(SECRET, SHOP, CUSTOMER);
    expect(token).toMatch(/^v1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    expect(encodeURIComponent(token)).toBe(token);
    expect(readUnsubscribeToken(SECRET, token)).toEqual({ shop: SHOP, customerId: CUSTOMER });
  });

  it('are deterministic (the same mail gets the same link) and differ per shop and customer', () => {
    const token = unsubscribeToken(SECRET, SHOP, CUSTOMER);
    expect(unsubscribeToken(SECRET, SHOP, CUSTOMER)).toBe(token);
    expect(unsubscribeToken(SECRET, SHOP, CUSTOMER + 1)).not.toBe(token);
    expect(unsubscribeToken(SECRET, 'other-shop.myshopify.com', CUSTOMER)).not.toBe(token);
  });

  it('reject a forged signature', () => {
    const [version, payload, signature] = unsubscribeToken(SECRET, SHOP, CUSTOMER).split('.') as [string, string, string];
    const flipped = (signature[0] === 'A' ? 'B' : 'A') + signature.slice(1);
    expect(readUnsubscribeToken(SECRET, `${version}.${payload}.${flipped}`)).toBeNull();
    // A signature computed over nothing, or copied from an empty HMAC, is no better.
    expect(readUnsubscribeToken(SECRET, `${version}.${payload}.${'A'.repeat(43)}`)).toBeNull();
  });

  it('reject a token signed with another secret', () => {
    expect(readUnsubscribeToken(SECRET, unsubscribeToken('another-secret', SHOP, CUSTOMER))).toBeNull();
    expect(readUnsubscribeToken('', unsubscribeToken(SECRET, SHOP, CUSTOMER))).toBeNull();
  });

  it('reject another shop or customer under a valid signature (payloads cannot be swapped)', () => {
    const mine = unsubscribeToken(SECRET, SHOP, CUSTOMER).split('.');
    for (const other of [unsubscribeToken(SECRET, 'other-shop.myshopify.com', CUSTOMER), unsubscribeToken(SECRET, SHOP, 42)]) {
      const theirs = other.split('.');
      expect(readUnsubscribeToken(SECRET, `${mine[0]}.${theirs[1]}.${mine[2]}`)).toBeNull();
      expect(readUnsubscribeToken(SECRET, `${mine[0]}.${mine[1]}.${theirs[2]}`)).toBeNull();
    }
    // A hand-made payload naming someone else, with the real token's signature.
    const forgedPayload = Buffer.from(`1:${SHOP}`).toString('base64url');
    expect(readUnsubscribeToken(SECRET, `v1.${forgedPayload}.${mine[2]}`)).toBeNull();
  });

  it('reject every truncation', () => {
    const token = unsubscribeToken(SECRET, SHOP, CUSTOMER);
    for (let length = 0; length < token.length; length++) {
      expect(readUnsubscribeToken(SECRET, token.slice(0, length))).toBeNull();
      expect(readUnsubscribeToken(SECRET, token.slice(token.length - length))).toBeNull();
    }
  });

  it('reject garbage, other versions, extra parts, padding and oversized input without throwing', () => {
    const token = unsubscribeToken(SECRET, SHOP, CUSTOMER);
    const [, payload, signature] = token.split('.') as [string, string, string];
    const garbage = [
      '', '.', '..', '...', 'v1..', 'v1.a.b', 'not a token', 'v1.%%%.%%%', '🙂.🙂.🙂',
      `v2.${payload}.${signature}`, `V1.${payload}.${signature}`, `${token}.extra`, `${token}=`, ` ${token}`, `${token}\n`,
      `v1.${payload}.${signature}${'A'.repeat(600)}`, 'v1.'.repeat(10_000),
      `v1.${Buffer.from(payload, 'base64url').toString('base64')}.${Buffer.from(signature, 'base64url').toString('base64')}=`,
    ];
    for (const input of garbage) expect(readUnsubscribeToken(SECRET, input)).toBeNull();
    // Runtime callers may hand over whatever a query string held.
    for (const input of [undefined, null, 42, {}, ['v1']]) {
      expect(readUnsubscribeToken(SECRET, input as unknown as string)).toBeNull();
    }
  });

  it('never throw on arbitrary input, and reject every one-character change of a real token', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 700 }), (input) => {
        expect(readUnsubscribeToken(SECRET, input)).toBeNull();
      }),
      { seed: SEED, numRuns: 100 },
    );
    const token = unsubscribeToken(SECRET, SHOP, CUSTOMER);
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.';
    fc.assert(
      fc.property(fc.nat(token.length - 1), fc.constantFrom(...alphabet), (index, char) => {
        fc.pre(token[index] !== char);
        const mutated = token.slice(0, index) + char + token.slice(index + 1);
        expect(readUnsubscribeToken(SECRET, mutated)).toBeNull();
      }),
      { seed: SEED, numRuns: 2_000 },
    );
  });

  it('refuse to mint a token without a secret or for an invalid shop or customer', () => {
    expect(() => unsubscribeToken('', SHOP, CUSTOMER)).toThrow(/secret/);
    for (const shop of ['', 'no spaces.example', 'shop:1.example', 'localhost', `${'a'.repeat(260)}.example`]) {
      expect(() => unsubscribeToken(SECRET, shop, CUSTOMER)).toThrow(/shop/);
    }
    for (const id of [0, -1, 1.5, Number.NaN, Number.MAX_SAFE_INTEGER + 1]) {
      expect(() => unsubscribeToken(SECRET, SHOP, id)).toThrow(/customer/);
    }
  });
});
