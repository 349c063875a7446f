import type Database from 'better-sqlite3';
import type { ShopSettingsRepository } from '../storage.ts';

export function sqliteShopSettingsRepository(client: Database.Database): ShopSettingsRepository {
  const select = client.prepare<[string, string], { value: string }>('select value from shop_settings where shop = ? and name = ?');
  const selectAll = client.prepare<[string], { name: string; value: string }>('select name, value from shop_settings where shop = ? order by name');
  const upsert = client.prepare<[string, string, string, string]>(
    `insert into shop_settings (shop, name, value, updated_at) values (?, ?, ?, ?)
     on conflict (shop, name) do update set value = excluded.value, updated_at = excluded.updated_at`,
  );
  return {
    async get(shop, name) {
      const row = select.get(shop, name);
      return row === undefined ? null : (JSON.parse(row.value) as unknown);
    },
    async save(shop, name, value, at) {
      upsert.run(shop, name, JSON.stringify(value), at.toISOString());
    },
    async all(shop) {
      return Object.fromEntries(selectAll.all(shop).map((row) => [row.name, JSON.parse(row.value) as unknown]));
    },
  };
}
