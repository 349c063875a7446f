import { createHmac } from 'node:crypto';

/** What a redaction tombstone stands for: an erased customer, or one of their erased orders. */
export type TombstoneKind = 'customer' | 'order';

/**
 * The text a tombstone's subject is computed from: `<shop>\n<kind>:<id>`. A shop domain holds no line break
 * and an id no colon, so two different (shop, kind, id) never give the same text.
 */
export function tombstoneText(shop: string, kind: TombstoneKind, id: number): string {
  if (!Number.isSafeInteger(id) || id < 0) throw new RangeError(`A tombstone needs a Shopify id, not ${id}`);
  if (shop.length === 0 || /[\n\r]/.test(shop)) throw new RangeError('A tombstone needs a shop domain');
  return `${shop}\n${kind}:${id}`;
}

/**
 * The subject of a redaction tombstone: HMAC-SHA256 of tombstoneText under the tombstone key, as hex. Ids are
 * small numbers, so a plain hash could be reversed by hashing every id; without the key (derived from
 * TOKEN_ENCRYPTION_KEY, never stored) a tombstone names nobody. With it, an import recognises a redacted record
 * by computing the same subject.
 */
export function tombstoneSubject(key: Buffer, shop: string, kind: TombstoneKind, id: number): string {
  // A short key would make subjects guessable; StorageKeys always gives 32 bytes.
  if (key.length < 32) throw new RangeError('The tombstone key must have at least 32 bytes');
  return createHmac('sha256', key).update(tombstoneText(shop, kind, id)).digest('hex');
}
