/**
 * Each shop's recommendation settings on a real SQLite file (server/recommendations/settings-store.ts): checked on
 * read as on write, one policy per saved document, a move of the shop's version on save, and impressions pruned
 * after each shop's own frequency-cap period.
 */
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSqliteStorage } from '../../server/db/sqlite/storage.ts';
import type { Storage } from '../../server/db/storage.ts';
import { createLogger } from '../../server/logger.ts';
import { DAY_MS, DEFAULT_POLICY } from '../../server/recommend/policy.ts';
import { DEFAULT_SETTINGS } from '../../server/recommend/settings/schema.ts';
import { ImpressionLog } from '../../server/recommendations/impressions.ts';
import { ShopModels } from '../../server/recommendations/model-cache.ts';
import { queryDb, TEST_STORAGE_KEYS } from '../support/db.ts';
import { tempDir } from '../support/temp.ts';

const SHOP = 'settings.myshopify.com';
const OTHER = 'neighbour.myshopify.com';
let storage: Storage;
let path: string;

beforeEach(() => {
  path = join(tempDir(), 'tacto.sqlite');
  storage = createSqliteStorage(path, TEST_STORAGE_KEYS);
});
afterEach(() => storage.close());

const modelsOf = (clock?: () => number) => new ShopModels({ storage, logger: createLogger({ level: 'silent' }), ...(clock ? { clock } : {}) });

describe('the settings store', () => {
  it('runs a shop that saved nothing on the engine\'s own policy, and a saved document on its own', async () => {
    const models = modelsOf();
    expect(await models.settings.settings(SHOP)).toEqual(DEFAULT_SETTINGS);
    expect(await models.settings.policy(SHOP)).toBe(DEFAULT_POLICY);
    const version = models.version(SHOP);
    await models.settings.save(SHOP, { ...DEFAULT_SETTINGS, personalShare: 25, historyWindowDays: 60 });
    expect(models.version(SHOP)).toBe(version + 1);
    expect(await models.settings.policy(SHOP)).toMatchObject({ deniabilityRatio: 1.25, historyWindowDays: 60 });
    expect(await models.settings.policy(OTHER)).toBe(DEFAULT_POLICY);
    // Another process (a restart) reads the same document back.
    expect(await modelsOf().settings.settings(SHOP)).toMatchObject({ personalShare: 25, historyWindowDays: 60 });
  });

  it('uses the defaults when the stored document no longer passes, and never stores one that does not', async () => {
    await storage.shopSettings.save(SHOP, 'recommendations', { ...DEFAULT_SETTINGS, frequencyCapViews: 500 }, new Date());
    const models = modelsOf();
    expect(await models.settings.settings(SHOP)).toEqual(DEFAULT_SETTINGS);
    await expect(models.settings.save(SHOP, { ...DEFAULT_SETTINGS, frequencyCapDays: 0 })).rejects.toThrow();
    expect(await storage.shopSettings.get(SHOP, 'recommendations')).toMatchObject({ frequencyCapViews: 500 });
  });
});

describe('impressions', () => {
  it('are pruned after each shop\'s own frequency-cap period, and kept by none at a share of 0 %', async () => {
    let now = Date.parse('2026-12-01T12:00:00Z');
    const models = modelsOf(() => now);
    await models.settings.save(SHOP, { ...DEFAULT_SETTINGS, frequencyCapDays: 3 });
    const log = new ImpressionLog({ storage, models, clock: () => now });
    const count = (shop: string) => queryDb<{ n: number }>(path, 'select count(*) as n from recommendation_impressions where shop = ?', shop)[0]!.n;
    await log.record({ shop: SHOP, customerId: 1, view: 'page:a', productIds: [10], surface: 'storefront' });
    await log.record({ shop: OTHER, customerId: 1, view: 'page:a', productIds: [10], surface: 'storefront' });
    // Five days on: past this shop's 3 days, within the other's 14.
    now += 5 * DAY_MS;
    await log.record({ shop: SHOP, customerId: 2, view: 'page:b', productIds: [11], surface: 'storefront' });
    expect(count(SHOP)).toBe(1);
    expect(count(OTHER)).toBe(1);
    await models.settings.save(SHOP, { ...DEFAULT_SETTINGS, personalShare: 0 });
    await log.record({ shop: SHOP, customerId: 3, view: 'page:c', productIds: [12], surface: 'storefront' });
    expect(count(SHOP)).toBe(1);
  });
});
