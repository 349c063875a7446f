import type Database from 'better-sqlite3';
import type { ProductTranslation, TranslationRepository } from '../storage.ts';

/**
 * Product translations (migration 0010) and when they were last read in full (0011, on the shop's row). Rows are
 * only kept for products the shop's catalog holds: a translation of a product Tacto never imported (or deleted
 * since) names nothing a pick can show.
 */
export function sqliteTranslationRepository(client: Database.Database): TranslationRepository {
  const insert = client.prepare(`
    insert into product_translations (shop, product_id, locale, title, handle)
    select @shop, @productId, @locale, @title, @handle where exists (select 1 from products where shop = @shop and id = @productId)
    on conflict (shop, product_id, locale) do update set title = excluded.title, handle = excluded.handle`);
  const insertAll = (shop: string, rows: readonly ProductTranslation[]) => {
    for (const row of rows) {
      if (row.title === null && row.handle === null) continue;
      insert.run({ shop, productId: row.productId, locale: row.locale, title: row.title, handle: row.handle });
    }
  };
  const replaceAll = client.transaction((shop: string, rows: readonly ProductTranslation[]) => {
    client.prepare('delete from product_translations where shop = ?').run(shop);
    insertAll(shop, rows);
  });
  const replaceProduct = client.transaction((shop: string, productId: number, rows: readonly ProductTranslation[]) => {
    client.prepare('delete from product_translations where shop = ? and product_id = ?').run(shop, productId);
    insertAll(shop, rows.filter((row) => row.productId === productId));
  });
  const selectReadAt = client.prepare<[string], { readAt: string | null }>('select translations_read_at as readAt from shops where shop = ?');
  const updateReadAt = client.prepare<[string, string]>('update shops set translations_read_at = ? where shop = ?');
  return {
    async lastFullRead(shop) {
      const readAt = selectReadAt.get(shop)?.readAt;
      return readAt ? new Date(readAt) : null;
    },
    async markFullRead(shop, at) {
      updateReadAt.run(at.toISOString(), shop);
    },
    async replaceAll(shop, rows) {
      replaceAll(shop, rows);
    },
    async replaceProduct(shop, productId, rows) {
      replaceProduct(shop, productId, rows);
    },
  };
}
