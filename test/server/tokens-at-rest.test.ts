/**
 * Shopify access tokens at rest: what an attacker holding a copy of the SQLite file (and its WAL) finds is
 * AES-256-GCM ciphertext bound to its row; the app, holding TOKEN_ENCRYPTION_KEY, still works, across restarts
 * and from databases written before tokens were encrypted. A wrong key stops the boot with a message naming it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Session } from '@shopify/shopify-api';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SANDBOX_API_KEY, SANDBOX_API_SECRET } from '../../sandbox/credentials.ts';
import { signSessionToken } from '../../sandbox/oauth/signing.ts';
import { TokenKeyMismatchError } from '../../server/db/sqlite/seal-stored-tokens.ts';
import { createSqliteStorage } from '../../server/db/sqlite/storage.ts';
import { deriveStorageKeys } from '../../server/security/keys.ts';
import { openToken, sealToken, TokenDecryptionError } from '../../server/security/token-cipher.ts';
import { snapshotDatabase, startTestApp } from '../support/app.ts';
import { queryDb, TEST_STORAGE_KEYS } from '../support/db.ts';
import { startInstalledApp, type AppAndSandbox } from '../support/sandbox.ts';
import { tempDir } from '../support/temp.ts';

const OTHER_MASTER_KEY = 'a7'.repeat(32);

/** The database as a thief would copy it: the main file and, when present, its write-ahead log. */
function databaseBytes(file: string): Buffer {
  return Buffer.concat([file, `${file}-wal`, `${file}-journal`].filter(existsSync).map((path) => readFileSync(path)));
}

const storedTokens = (file: string) => queryDb<{ id: string; accessToken: string; refreshToken: string | null }>(file, 'select id, accessToken, refreshToken from shopify_sessions order by id');

const offline = (shop: string, accessToken: string) => new Session({ id: `offline_${shop}`, shop, state: 'state', isOnline: false, scope: 'read_orders', accessToken });

describe('after a real install into the sandbox store', () => {
  let env: AppAndSandbox;
  beforeAll(async () => {
    env = await startInstalledApp();
  });
  afterAll(() => env?.close());

  const shopName = async () => {
    const token = await signSessionToken({ shop: env.sandbox.shop.myshopifyDomain, apiKey: SANDBOX_API_KEY, apiSecret: SANDBOX_API_SECRET, userId: '1' });
    const response = await fetch(new URL('/api/shop', env.app.url), { headers: { Authorization: `Bearer ${token}` } });
    return { status: response.status, name: ((await response.json()) as { shop?: { name: string } }).shop?.name };
  };

  it('keeps no access token in the SQLite file or its WAL, and still reads the shop through the Admin API', async () => {
    const token = env.sandbox.installations.installation!.accessToken;
    expect(token).toMatch(/^shpat_/);
    expect(await shopName()).toEqual({ status: 200, name: 'Tacto Demo Store' });
    expect(databaseBytes(env.app.databasePath).includes(token)).toBe(false);
    const [row] = storedTokens(env.app.databasePath);
    expect(row?.accessToken).toMatch(/^v1:[A-Za-z0-9_-]{40,}$/);
  });

  it('still works after a restart on the same file and key', async () => {
    await env.restartApp();
    expect(await shopName()).toEqual({ status: 200, name: 'Tacto Demo Store' });
    expect(databaseBytes(env.app.databasePath).includes(env.sandbox.installations.installation!.accessToken)).toBe(false);
  });
});

describe('a database written before tokens were encrypted', () => {
  it('has its plaintext tokens sealed when storage opens, once, and leaves no trace of them in the file', async () => {
    const file = join(tempDir(), 'tacto.sqlite');
    await createSqliteStorage(file, TEST_STORAGE_KEYS).close();
    // The old format: the session adapter's rows with the tokens in clear, several shops sharing a page (a
    // longer ciphertext moves a row within its page; the bytes it leaves must not keep the token).
    const shops = ['a', 'b', 'c', 'd', 'e'].map((letter) => ({
      id: `offline_${letter}.myshopify.com`,
      shop: `${letter}.myshopify.com`,
      access: `shpat_${letter.repeat(32)}`,
      refresh: `shprt_${letter.repeat(32)}`,
    }));
    const secrets = shops.flatMap(({ access, refresh }) => [access, refresh]);
    const old = new Database(file);
    // Left open with checkpoints off: its frames stay in the WAL, as after a crash of the old version.
    old.pragma('wal_autocheckpoint = 0');
    const insert = old.prepare("insert into shopify_sessions (id, shop, state, isOnline, scope, accessToken, refreshToken) values (?, ?, 'state', 0, 'read_orders', ?, ?)");
    for (const { id, shop, access, refresh } of shops) insert.run(id, shop, access, refresh);
    // The simulation really left the tokens readable in the files.
    expect(secrets.filter((secret) => databaseBytes(file).includes(secret))).toEqual(secrets);

    const storage = createSqliteStorage(file, TEST_STORAGE_KEYS);
    for (const { id, access, refresh } of shops) {
      const session = await storage.sessions.loadSession(id);
      expect([session?.accessToken, session?.refreshToken]).toEqual([access, refresh]);
    }
    const sealed = storedTokens(file);
    expect(sealed.flatMap(({ accessToken, refreshToken }) => [accessToken, refreshToken]).every((value) => value?.startsWith('v1:'))).toBe(true);
    // A copy taken while the upgraded app runs, and one taken after it stopped.
    expect(secrets.filter((secret) => databaseBytes(file).includes(secret))).toEqual([]);
    old.close();
    await storage.close();
    expect(secrets.filter((secret) => databaseBytes(file).includes(secret))).toEqual([]);

    // Opening again changes nothing and reads the same tokens.
    const again = createSqliteStorage(file, TEST_STORAGE_KEYS);
    expect((await again.sessions.loadSession(shops[0]!.id))?.accessToken).toBe(shops[0]!.access);
    await again.close();
    expect(storedTokens(file)).toEqual(sealed);
  });
});

describe('a key that does not match', () => {
  it('stops the boot with a message naming TOKEN_ENCRYPTION_KEY, and writes nothing', async () => {
    const file = join(tempDir(), 'tacto.sqlite');
    const storage = createSqliteStorage(file, TEST_STORAGE_KEYS);
    await storage.sessions.storeSession(offline('a.myshopify.com', 'shpat_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa'));
    await storage.close();
    // A plaintext row beside it must not be sealed under the wrong key either.
    const db = new Database(file);
    db.prepare("insert into shopify_sessions (id, shop, state, isOnline, accessToken) values ('offline_b.myshopify.com', 'b.myshopify.com', 's', 0, 'shpat_b')").run();
    db.close();
    const before = snapshotDatabase(file);

    await expect(startTestApp({ DATABASE_PATH: file, TOKEN_ENCRYPTION_KEY: OTHER_MASTER_KEY })).rejects.toThrow(
      /do not decrypt with the configured TOKEN_ENCRYPTION_KEY \(sessions: offline_a\.myshopify\.com\)/,
    );
    expect(snapshotDatabase(file)).toEqual(before);

    // The key the tokens were written with still opens them.
    const right = createSqliteStorage(file, TEST_STORAGE_KEYS);
    expect((await right.sessions.loadSession('offline_a.myshopify.com'))?.accessToken).toBe('shpat_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa');
    await right.close();
  });
});

describe('a ciphertext moved to another shop\'s row', () => {
  it('does not decrypt there: reading it fails loudly, and the next boot names the row', async () => {
    const file = join(tempDir(), 'tacto.sqlite');
    const storage = createSqliteStorage(file, TEST_STORAGE_KEYS);
    await storage.sessions.storeSession(offline('a.myshopify.com', 'shpat_of_shop_a'));
    await storage.sessions.storeSession(offline('b.myshopify.com', 'shpat_of_shop_b'));
    const db = new Database(file);
    db.prepare("update shopify_sessions set accessToken = (select accessToken from shopify_sessions where id = 'offline_a.myshopify.com') where id = 'offline_b.myshopify.com'").run();
    db.close();

    await expect(storage.sessions.loadSession('offline_b.myshopify.com')).rejects.toThrow(TokenDecryptionError);
    await expect(storage.sessions.findSessionsByShop('b.myshopify.com')).rejects.toThrow(TokenDecryptionError);
    expect((await storage.sessions.loadSession('offline_a.myshopify.com'))?.accessToken).toBe('shpat_of_shop_a');
    await storage.close();

    let failure: unknown;
    try {
      createSqliteStorage(file, TEST_STORAGE_KEYS);
    } catch (error) {
      failure = error;
    }
    expect(failure).toBeInstanceOf(TokenKeyMismatchError);
    expect((failure as TokenKeyMismatchError).sessionIds).toEqual(['offline_b.myshopify.com']);
  });
});

describe('the token cipher', () => {
  const key = TEST_STORAGE_KEYS.tokens;
  const context = { sessionId: 'offline_a.myshopify.com', field: 'accessToken' } as const;

  it('opens what it sealed, with a fresh IV each time', () => {
    const first = sealToken(key, 'shpat_x', context);
    const second = sealToken(key, 'shpat_x', context);
    expect(first).not.toBe(second);
    expect(openToken(key, first, context)).toBe('shpat_x');
    expect(openToken(key, second, context)).toBe('shpat_x');
  });

  it('refuses another key, another column, an altered byte, and plaintext', () => {
    const sealed = sealToken(key, 'shpat_x', context);
    const otherKey = deriveStorageKeys(Buffer.from(OTHER_MASTER_KEY, 'hex')).tokens;
    expect(() => openToken(otherKey, sealed, context)).toThrow(TokenDecryptionError);
    expect(() => openToken(key, sealed, { ...context, field: 'refreshToken' })).toThrow(TokenDecryptionError);
    const bytes = Buffer.from(sealed.slice(3), 'base64url');
    bytes[bytes.length - 1]! ^= 1;
    expect(() => openToken(key, `v1:${bytes.toString('base64url')}`, context)).toThrow(TokenDecryptionError);
    expect(() => openToken(key, 'shpat_x', context)).toThrow(TokenDecryptionError);
    expect(() => openToken(key, 'v1:', context)).toThrow(TokenDecryptionError);
  });
});
