import type Database from 'better-sqlite3';
import { tombstoneSubject, type TombstoneKind } from '../../privacy/tombstone.ts';

/** Whether a customer or an order of one shop was redacted; each answer computed once per view. */
export interface RedactedIn {
  customer(id: number): boolean;
  order(id: number): boolean;
}

/**
 * Redaction tombstones (customers/redact) on one SQLite connection, for every repository that writes something
 * keyed by a customer or an order. Callers check inside their own transaction, so a redaction committed a moment
 * earlier is always seen. Statements are prepared once: the backfill checks every record it imports.
 */
export interface SqliteTombstones {
  /**
   * The shop's tombstones, or null when it has none: one probe of the primary key, all that a shop without
   * redactions pays per batch. Answers are remembered: use a view inside one transaction only.
   */
  of(shop: string): RedactedIn | null;
  /** Leaves a tombstone; leaving it again changes nothing. */
  add(shop: string, kind: TombstoneKind, id: number, at: string): void;
}

export function sqliteTombstones(client: Database.Database, key: Buffer): SqliteTombstones {
  const anyOf = client.prepare<[string], 1>('select 1 from redaction_tombstones where shop = ? limit 1').pluck();
  const exists = client.prepare<[string, string], 1>('select 1 from redaction_tombstones where shop = ? and subject = ?').pluck();
  const insert = client.prepare('insert or ignore into redaction_tombstones (shop, subject, redacted_at) values (?, ?, ?)');
  return {
    of(shop) {
      if (anyOf.get(shop) === undefined) return null;
      const memo = (kind: TombstoneKind) => {
        const known = new Map<number, boolean>();
        return (id: number) => {
          // No tombstone can name what is not a Shopify id (tombstoneText refuses those).
          if (!Number.isSafeInteger(id) || id < 0) return false;
          let redacted = known.get(id);
          if (redacted === undefined) {
            redacted = exists.get(shop, tombstoneSubject(key, shop, kind, id)) !== undefined;
            known.set(id, redacted);
          }
          return redacted;
        };
      };
      return { customer: memo('customer'), order: memo('order') };
    },
    add(shop, kind, id, at) {
      insert.run(shop, tombstoneSubject(key, shop, kind, id), at);
    },
  };
}
