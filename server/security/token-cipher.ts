import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * Access tokens at rest: AES-256-GCM, a fresh 12-byte IV per write, the 16-byte tag kept beside the ciphertext.
 * The stored text is `v1:` + base64url(IV ‖ tag ‖ ciphertext); the version names the format and key derivation
 * (keys.ts's `access-tokens/v1`), so a later scheme can be told apart and migrated.
 *
 * The session id and the column are authenticated with the ciphertext (additional data): a value copied to
 * another shop's row, or from refreshToken to accessToken, no longer opens.
 */
const VERSION = 'v1:';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** The columns of shopify_sessions that hold secrets. */
export type TokenField = 'accessToken' | 'refreshToken';

export interface TokenContext {
  sessionId: string;
  field: TokenField;
}

/** A stored token that does not open under the key: another key, or a value altered or moved to another row. */
export class TokenDecryptionError extends Error {
  constructor(readonly context: TokenContext) {
    super(`The ${context.field} stored for session ${context.sessionId} does not decrypt with the configured TOKEN_ENCRYPTION_KEY`);
    this.name = 'TokenDecryptionError';
  }
}

/** True for a value sealToken wrote; Shopify's tokens (shpat_…, shpca_…) never start this way. */
export function isSealedToken(stored: string): boolean {
  return stored.startsWith(VERSION);
}

export function sealToken(key: Buffer, plaintext: string, context: TokenContext): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(additionalData(context));
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return VERSION + Buffer.concat([iv, cipher.getAuthTag(), ciphertext]).toString('base64url');
}

/** The plaintext of a sealed token; throws TokenDecryptionError when the key, row or column does not match. */
export function openToken(key: Buffer, sealed: string, context: TokenContext): string {
  if (!isSealedToken(sealed)) throw new TokenDecryptionError(context);
  const bytes = Buffer.from(sealed.slice(VERSION.length), 'base64url');
  if (bytes.length < IV_BYTES + TAG_BYTES) throw new TokenDecryptionError(context);
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, IV_BYTES), { authTagLength: TAG_BYTES });
    decipher.setAAD(additionalData(context));
    decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    return Buffer.concat([decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
  } catch {
    throw new TokenDecryptionError(context);
  }
}

function additionalData({ sessionId, field }: TokenContext): Buffer {
  // NUL cannot occur in a session id (a shop host, "offline_", a user id), so the pair reads one way only.
  return Buffer.from(`tacto/${field}\0${sessionId}`, 'utf8');
}
