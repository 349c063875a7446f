import { Session } from '@shopify/shopify-api';
import type { SessionStorage } from '@shopify/shopify-app-session-storage';
import { openToken, sealToken, type TokenField } from '../../security/token-cipher.ts';

const SECRET_FIELDS: TokenField[] = ['accessToken', 'refreshToken'];

/**
 * Shopify's session storage with its secrets sealed (security/token-cipher.ts): what reaches SQLite is ciphertext,
 * what the app reads back is the token. A value that does not open throws TokenDecryptionError instead of reading
 * as "no session": a missing session would send the merchant through OAuth again, hiding a wrong key or an
 * altered row behind a reinstall.
 */
export function encryptedSessionStorage(inner: SessionStorage, key: Buffer): SessionStorage {
  const sealed = (session: Session): Session => {
    const params = session.toObject();
    for (const field of SECRET_FIELDS) {
      const value = params[field];
      if (value) params[field] = sealToken(key, value, { sessionId: session.id, field });
    }
    return new Session(params);
  };
  // The adapter builds a new Session for every read, so opening it in place touches nothing shared.
  const opened = (session: Session): Session => {
    for (const field of SECRET_FIELDS) {
      const value = session[field];
      if (value) session[field] = openToken(key, value, { sessionId: session.id, field });
    }
    return session;
  };
  return {
    storeSession: (session) => inner.storeSession(sealed(session)),
    loadSession: async (id) => {
      const session = await inner.loadSession(id);
      return session && opened(session);
    },
    deleteSession: (id) => inner.deleteSession(id),
    deleteSessions: (ids) => inner.deleteSessions(ids),
    findSessionsByShop: async (shop) => (await inner.findSessionsByShop(shop)).map(opened),
  };
}
