import { hkdfSync, randomBytes } from 'node:crypto';

/** Keys derived from TOKEN_ENCRYPTION_KEY, one per purpose, so no two uses ever share a key. */
export interface StorageKeys {
  /** AES-256-GCM key for offline access tokens at rest. */
  tokens: Buffer;
  /** HMAC key for redaction tombstones (shop + id → an opaque subject). */
  tombstones: Buffer;
}

/**
 * Reads TOKEN_ENCRYPTION_KEY: 32 random bytes written as 64 hexadecimal characters or as base64. Returns null
 * for anything else, so configuration can name the variable in its message.
 */
export function parseMasterKey(text: string): Buffer | null {
  const trimmed = text.trim();
  if (/^[0-9a-f]{64}$/i.test(trimmed)) return Buffer.from(trimmed, 'hex');
  if (/^[A-Za-z0-9+/_-]{43}=?$/.test(trimmed)) {
    const bytes = Buffer.from(trimmed, trimmed.includes('-') || trimmed.includes('_') ? 'base64url' : 'base64');
    return bytes.length === 32 ? bytes : null;
  }
  return null;
}

/** A fresh master key in the hexadecimal form parseMasterKey reads (the sandbox makes its own this way). */
export function newMasterKey(): string {
  return randomBytes(32).toString('hex');
}

export function deriveStorageKeys(master: Buffer): StorageKeys {
  const derive = (purpose: string) => Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), `tacto/${purpose}`, 32));
  return { tokens: derive('access-tokens/v1'), tombstones: derive('redaction-tombstones/v1') };
}

/**
 * HMAC key for the recommendation draws' seeds. A shopper's block is a random draw; whoever knew its seed could
 * replay it and read the shopper's data out of it, so the seed comes from a key only the server holds.
 */
export function deriveDrawKey(master: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), 'tacto/recommendation-draws/v1', 32));
}
