import type Database from 'better-sqlite3';
import { isSealedToken, openToken, sealToken, TokenDecryptionError, type TokenField } from '../../security/token-cipher.ts';

/** Boot stops with this when stored tokens do not open under the configured key (see sealStoredTokens). */
export class TokenKeyMismatchError extends Error {
  constructor(readonly sessionIds: string[]) {
    const listed = sessionIds.slice(0, 5).join(', ') + (sessionIds.length > 5 ? `, and ${sessionIds.length - 5} more` : '');
    super(
      `Stored Shopify access tokens do not decrypt with the configured TOKEN_ENCRYPTION_KEY (sessions: ${listed}). ` +
        'Start Tacto with the TOKEN_ENCRYPTION_KEY they were written with. If that key is lost, delete those rows of ' +
        'shopify_sessions: each of those shops must then open Tacto from its Shopify admin to install it again.',
    );
    this.name = 'TokenKeyMismatchError';
  }
}

interface SessionSecrets {
  id: string;
  accessToken: string | null;
  refreshToken: string | null;
}

const FIELDS: TokenField[] = ['accessToken', 'refreshToken'];

/** What opening storage must do to the stored tokens: seal the plaintext ones, and which rows do not open. */
export function planSealing(rows: SessionSecrets[], key: Buffer): { updates: { id: string; field: TokenField; value: string }[]; unreadable: string[] } {
  const unreadable = new Set<string>();
  const updates: { id: string; field: TokenField; value: string }[] = [];
  for (const row of rows) {
    for (const field of FIELDS) {
      const value = row[field];
      if (!value) continue;
      if (!isSealedToken(value)) {
        updates.push({ id: row.id, field, value: sealToken(key, value, { sessionId: row.id, field }) });
        continue;
      }
      try {
        openToken(key, value, { sessionId: row.id, field });
      } catch (error) {
        if (!(error instanceof TokenDecryptionError)) throw error;
        unreadable.add(row.id);
      }
    }
  }
  return { updates, unreadable: [...unreadable] };
}

/**
 * Run when storage opens, before anything reads a session, in one write transaction:
 *  - every sealed token must open under `key`, or nothing is written and TokenKeyMismatchError stops the boot
 *    (a wrong key would otherwise read as "every shop uninstalled", and plaintext rows would be sealed under it);
 *  - tokens still in plaintext (written before tokens were encrypted) are sealed. Sealed rows are left as they
 *    are, so running it again changes nothing.
 * Freed space is zeroed meanwhile (secure_delete) and, when anything was sealed, the WAL is checkpointed and
 * truncated, so the plaintext does not linger in free space or old WAL frames of the file.
 */
export function sealStoredTokens(client: Database.Database, key: Buffer): { sealed: number } {
  const secureDelete = client.pragma('secure_delete', { simple: true });
  client.pragma('secure_delete = ON');
  try {
    const statements = {
      accessToken: client.prepare('update shopify_sessions set accessToken = ? where id = ?'),
      refreshToken: client.prepare('update shopify_sessions set refreshToken = ? where id = ?'),
    };
    const sealed = client
      .transaction(() => {
        const rows = client.prepare('select id, accessToken, refreshToken from shopify_sessions').all() as SessionSecrets[];
        const { updates, unreadable } = planSealing(rows, key);
        if (unreadable.length > 0) throw new TokenKeyMismatchError(unreadable);
        for (const { id, field, value } of updates) statements[field].run(value, id);
        return updates.length;
      })
      .immediate();
    if (sealed > 0) client.pragma('wal_checkpoint(TRUNCATE)');
    return { sealed };
  } finally {
    client.pragma(`secure_delete = ${Number(secureDelete)}`);
  }
}
