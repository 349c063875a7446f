import { eq } from 'drizzle-orm';
import type { ShopRecord, ShopRepository } from '../storage.ts';
import type { SqliteDb } from './open.ts';
import { sessionTable, shopsTable } from './schema.ts';

export function sqliteShopRepository(db: SqliteDb): ShopRepository {
  return {
    async recordInstall(shop, scopes, at) {
      const row = { shop, scopes: scopes.join(','), installedAt: at.toISOString(), uninstalledAt: null };
      db.insert(shopsTable).values(row).onConflictDoUpdate({ target: shopsTable.shop, set: row }).run();
    },
    async recordUninstall(shop, at) {
      db.transaction((tx) => {
        tx.delete(sessionTable).where(eq(sessionTable.shop, shop)).run();
        tx.update(shopsTable).set({ uninstalledAt: at.toISOString() }).where(eq(shopsTable.shop, shop)).run();
      });
    },
    async find(shop): Promise<ShopRecord | null> {
      const row = db.select().from(shopsTable).where(eq(shopsTable.shop, shop)).get();
      if (!row) return null;
      return {
        shop: row.shop,
        scopes: row.scopes ? row.scopes.split(',') : [],
        installedAt: new Date(row.installedAt),
        uninstalledAt: row.uninstalledAt ? new Date(row.uninstalledAt) : null,
      };
    },
  };
}
