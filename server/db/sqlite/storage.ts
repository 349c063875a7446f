import { DrizzleSessionStorageSQLite } from '@shopify/shopify-app-session-storage-drizzle/dist/esm/drizzle.mjs';
import { sql } from 'drizzle-orm';
import type { Storage } from '../storage.ts';
import type { StorageKeys } from '../../security/keys.ts';
import { encryptedSessionStorage } from './encrypted-sessions.ts';
import { openSqlite } from './open.ts';
import { sealStoredTokens } from './seal-stored-tokens.ts';
import { sessionTable } from './schema.ts';
import { sqliteAnalyticsRepository } from './analytics.ts';
import { sqliteBackfillRepository } from './backfills.ts';
import { sqliteFollowupRepository } from './followups.ts';
import { sqliteIngestRepository } from './ingest.ts';
import { sqlitePrivacyRepository } from './privacy.ts';
import { sqliteRecommendationRepository } from './recommendations.ts';
import { sqliteShopRepository } from './shops.ts';
import { sqliteShopSettingsRepository } from './shop-settings.ts';
import { sqliteTombstones } from './tombstones.ts';
import { sqliteTranslationRepository } from './translations.ts';
import { sqliteWebhookQueue } from './webhook-queue.ts';

type SessionAdapterArgs = ConstructorParameters<typeof DrizzleSessionStorageSQLite>;

/**
 * Storage on one SQLite file, migrated on open. `keys` (derived from TOKEN_ENCRYPTION_KEY) encrypt access
 * tokens at rest and key redaction tombstones. Opening seals tokens still stored in plaintext, and throws
 * TokenKeyMismatchError when stored tokens do not decrypt under `keys` (see seal-stored-tokens.ts).
 */
export function createSqliteStorage(file: string, keys: StorageKeys): Storage {
  const db = openSqlite(file);
  try {
    sealStoredTokens(db.$client, keys.tokens);
  } catch (error) {
    db.$client.close();
    throw error;
  }
  // The adapter's .d.ts resolves drizzle-orm's CommonJS typings while we import its ESM ones: the same
  // classes at run time, distinct types to TypeScript, hence the cast.
  const adapterArgs: unknown = [db, sessionTable];
  const tombstones = sqliteTombstones(db.$client, keys.tombstones);
  return {
    sessions: encryptedSessionStorage(new DrizzleSessionStorageSQLite(...(adapterArgs as SessionAdapterArgs)), keys.tokens),
    shops: sqliteShopRepository(db),
    ingest: sqliteIngestRepository(db.$client, tombstones),
    backfills: sqliteBackfillRepository(db.$client),
    webhookQueue: sqliteWebhookQueue(db.$client),
    privacy: sqlitePrivacyRepository(db.$client, tombstones),
    recommendations: sqliteRecommendationRepository(db.$client, tombstones),
    followups: sqliteFollowupRepository(db.$client, tombstones),
    analytics: sqliteAnalyticsRepository(db.$client),
    shopSettings: sqliteShopSettingsRepository(db.$client),
    translations: sqliteTranslationRepository(db.$client),
    async ping() {
      db.get(sql`select 1`);
    },
    async close() {
      db.$client.close();
    },
  };
}
