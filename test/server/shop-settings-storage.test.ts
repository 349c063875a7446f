/**
 * The merchant's settings documents on a real SQLite file: saved per shop and name, replaced on save, listed for the
 * privacy report, never seen by another shop, and gone with shop/redact.
 */
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createSqliteStorage } from '../../server/db/sqlite/storage.ts';
import type { Storage } from '../../server/db/storage.ts';
import { TEST_STORAGE_KEYS } from '../support/db.ts';
import { tempDir } from '../support/temp.ts';

const SHOP = 'settings.myshopify.com';
const OTHER = 'neighbour.myshopify.com';
let storage: Storage;

beforeEach(() => {
  storage = createSqliteStorage(join(tempDir(), 'tacto.sqlite'), TEST_STORAGE_KEYS);
});
afterEach(() => storage.close());

it('keeps the last saved document per shop and name, apart from other shops', async () => {
  expect(await storage.shopSettings.get(SHOP, 'recommendations')).toBeNull();
  await storage.shopSettings.save(SHOP, 'recommendations', { frequencyCapViews: 6 }, new Date('2026-12-01T00:00:00Z'));
  await storage.shopSettings.save(SHOP, 'recommendations', { frequencyCapViews: 3 }, new Date('2026-12-02T00:00:00Z'));
  await storage.shopSettings.save(SHOP, 'market', { preset: 'strict' }, new Date('2026-12-02T00:00:00Z'));
  await storage.shopSettings.save(OTHER, 'market', { preset: 'standard' }, new Date('2026-12-02T00:00:00Z'));

  expect(await storage.shopSettings.get(SHOP, 'recommendations')).toEqual({ frequencyCapViews: 3 });
  expect(await storage.shopSettings.all(SHOP)).toEqual({ market: { preset: 'strict' }, recommendations: { frequencyCapViews: 3 } });
  expect(await storage.shopSettings.get(OTHER, 'recommendations')).toBeNull();
});

it('forgets a shop\'s settings with shop/redact, and only that shop\'s', async () => {
  await storage.shopSettings.save(SHOP, 'market', { preset: 'strict' }, new Date());
  await storage.shopSettings.save(OTHER, 'market', { preset: 'standard' }, new Date());
  await storage.privacy.eraseShop(SHOP);
  expect(await storage.shopSettings.all(SHOP)).toEqual({});
  expect(await storage.shopSettings.get(OTHER, 'market')).toEqual({ preset: 'standard' });
});
