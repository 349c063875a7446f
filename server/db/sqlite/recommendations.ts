import type Database from 'better-sqlite3';
import type { TrainingOrder } from '../../recommend/model/shop-model.ts';
import type { CatalogProduct, FeedbackReason } from '../../recommend/types.ts';
import type { ProductCard, RecommendationRepository, ShopperSettings } from '../storage.ts';
import type { SqliteTombstones } from './tombstones.ts';

interface ProductRow {
  id: number;
  title: string;
  product_type: string;
  category_id: string | null;
  tags: string;
  available: number;
  status: string;
}

interface OrderLineRow {
  order_id: number;
  customer_id: number | null;
  created_at: string;
  product_id: number;
}

/** Joins order lines into training orders (rows arrive grouped by order). */
function groupOrders(rows: OrderLineRow[]): TrainingOrder[] {
  const orders: TrainingOrder[] = [];
  let currentId: number | null = null;
  let current: number[] = [];
  for (const row of rows) {
    if (row.order_id !== currentId) {
      currentId = row.order_id;
      current = [];
      orders.push({ customerId: row.customer_id, orderedAt: Date.parse(row.created_at), productIds: current });
    }
    if (!current.includes(row.product_id)) current.push(row.product_id);
  }
  return orders;
}

// A line counts while some of it was kept: quantity above what was refunded.
const TRAINING_LINES = `select o.id as order_id, o.customer_id, o.created_at, l.product_id
  from orders o join order_lines l on l.shop = o.shop and l.order_id = o.id
  where o.shop = ? and o.cancelled_at is null and l.product_id is not null and l.quantity > l.refunded_quantity`;

/**
 * `tombstones`: a customer erased by customers/redact gets no new row here (settings, feedback, impressions), from
 * the storefront or from a follow-up mail that was under way when the redaction arrived.
 */
export function sqliteRecommendationRepository(client: Database.Database, tombstones: SqliteTombstones): RecommendationRepository {
  const redacted = (shop: string, customerId: number) => tombstones.of(shop)?.customer(customerId) ?? false;
  const products = client.prepare<[string], ProductRow>(
    'select id, title, product_type, category_id, tags, available, status from products where shop = ?',
  );
  const collections = client.prepare<[string], { product_id: number; collection_id: number }>(
    'select product_id, collection_id from product_collections where shop = ?',
  );
  const allLines = client.prepare<[string], OrderLineRow>(`${TRAINING_LINES} order by o.created_at, o.id`);
  const orderLines = client.prepare<[string, number], OrderLineRow>(`${TRAINING_LINES} and o.id = ?`);
  // Folded per product (last time, number of orders): all the engine needs, a third of the rows for a
  // wholesaler who reorders the same products. CROSS JOIN keeps SQLite on the customer's orders first (by index),
  // then their lines: without statistics it may otherwise walk every line of the shop (15 ms instead of 0.04 ms
  // at 50,000 lines).
  const purchases = client.prepare<[string, number, string], { product_id: number; last: string; orders: number }>(
    `select l.product_id, max(o.created_at) as last, count(distinct o.id) as orders
     from orders o cross join order_lines l on l.shop = o.shop and l.order_id = o.id
     where o.shop = ? and o.customer_id = ? and o.created_at >= ? and o.cancelled_at is null
       and l.product_id is not null and l.quantity > l.refunded_quantity
     group by l.product_id`,
  );
  const settings = client.prepare<[string, number], { personalization: string; declared_topics: string }>(
    'select personalization, declared_topics from shopper_settings where shop = ? and customer_id = ?',
  );
  const feedback = client.prepare<[string, number], { product_id: number; reason: string; created_at: string }>(
    'select product_id, reason, created_at from recommendation_feedback where shop = ? and customer_id = ?',
  );
  const impressions = client.prepare<[string, number, string], { product_id: number; n: number }>(
    `select product_id, count(*) as n from recommendation_impressions
     where shop = ? and customer_id = ? and shown_at >= ? group by product_id`,
  );
  // The title and handle in the page's language where the shop translated them ('' matches no translation).
  const card = client.prepare<[string, string, number], ProductCard>(
    `select p.id, coalesce(t.title, p.title) as title, coalesce(t.handle, p.handle) as handle, p.image_url as imageUrl, p.price
     from products p left join product_translations t on t.shop = p.shop and t.product_id = p.id and t.locale = ?
     where p.shop = ? and p.id = ?`,
  );
  const defaultHandle = client.prepare<[string, string], { id: number }>('select id from products where shop = ? and handle = ?');
  // Only a stored product's translations are kept (translations.ts), so a translated handle always names one; two
  // products sharing one (in two languages) resolve to the lower id. The handle index by name: without it SQLite
  // answers min(product_id) by walking the shop's whole primary key (measured: 10 times slower on 2,000 products).
  const translatedHandle = client.prepare<[string, string], { id: number | null }>(
    'select min(product_id) as id from product_translations indexed by product_translations_handle_idx where shop = ? and handle = ?',
  );
  const productByHandle = (shop: string, handle: string): number | null =>
    defaultHandle.get(shop, handle)?.id ?? translatedHandle.get(shop, handle)?.id ?? null;
  // The view's unique index turns a repeated (customer, view, product) into nothing; rows without a view never clash.
  const insertImpression = client.prepare(
    `insert into recommendation_impressions (shop, customer_id, product_id, surface, shown_at, view_id) values (?, ?, ?, ?, ?, ?)
     on conflict do nothing`,
  );
  const recordImpressions = client.transaction((shop: string, customerId: number, ids: number[], surface: string, at: string, view: string | null) => {
    if (redacted(shop, customerId)) return;
    for (const id of ids) insertImpression.run(shop, customerId, id, surface, at, view);
  });

  const forgetShopperChoices = client.transaction((shop: string, customerId: number, at: string) => {
    client.prepare('delete from recommendation_feedback where shop = ? and customer_id = ?').run(shop, customerId);
    client.prepare('delete from recommendation_impressions where shop = ? and customer_id = ?').run(shop, customerId);
    client
      .prepare(`update shopper_settings set declared_topics = '[]', updated_at = ? where shop = ? and customer_id = ?`)
      .run(at, shop, customerId);
  });

  const settingsOf = (shop: string, customerId: number): ShopperSettings => {
    const saved = settings.get(shop, customerId);
    return {
      personalization: saved?.personalization === 'off' ? 'off' : 'on',
      declaredTopics: saved ? (JSON.parse(saved.declared_topics) as string[]) : [],
    };
  };

  return {
    async catalog(shop) {
      const memberships = new Map<number, number[]>();
      for (const row of collections.all(shop)) {
        const list = memberships.get(row.product_id);
        if (list) list.push(row.collection_id);
        else memberships.set(row.product_id, [row.collection_id]);
      }
      return products.all(shop).map(
        (row): CatalogProduct => ({
          id: row.id,
          title: row.title,
          productType: row.product_type,
          categoryId: row.category_id,
          tags: JSON.parse(row.tags) as string[],
          collectionIds: memberships.get(row.id) ?? [],
          available: row.available === 1 && row.status === 'ACTIVE',
        }),
      );
    },
    async trainingOrders(shop) {
      return groupOrders(allLines.all(shop));
    },
    async trainingOrder(shop, orderId) {
      return groupOrders(orderLines.all(shop, orderId))[0] ?? null;
    },
    async shopper(shop, customerId, purchasesSince, impressionsSince) {
      return {
        settings: settingsOf(shop, customerId),
        purchases: purchases.all(shop, customerId, purchasesSince).map((r) => ({
          productId: r.product_id,
          orderedAt: Date.parse(r.last),
          orders: r.orders,
        })),
        feedback: feedback.all(shop, customerId).map((r) => ({
          productId: r.product_id,
          reason: r.reason as FeedbackReason,
          at: Date.parse(r.created_at),
        })),
        impressions: new Map(impressions.all(shop, customerId, impressionsSince).map((r) => [r.product_id, r.n])),
      };
    },
    async settings(shop, customerId) {
      return settingsOf(shop, customerId);
    },
    async saveSettings(shop, customerId, value: ShopperSettings, at) {
      if (redacted(shop, customerId)) return;
      client
        .prepare(
          `insert into shopper_settings (shop, customer_id, personalization, declared_topics, updated_at) values (?, ?, ?, ?, ?)
           on conflict (shop, customer_id) do update set personalization = excluded.personalization,
             declared_topics = excluded.declared_topics, updated_at = excluded.updated_at`,
        )
        .run(shop, customerId, value.personalization, JSON.stringify(value.declaredTopics), at);
    },
    async saveFeedback(shop, customerId, productId, reason, at) {
      if (redacted(shop, customerId)) return;
      client
        .prepare(
          `insert into recommendation_feedback (shop, customer_id, product_id, reason, created_at) values (?, ?, ?, ?, ?)
           on conflict (shop, customer_id, product_id) do update set reason = excluded.reason, created_at = excluded.created_at`,
        )
        .run(shop, customerId, productId, reason, at);
    },
    async recordImpressions(shop, customerId, productIds, surface, at, view) {
      recordImpressions(shop, customerId, productIds, surface, at, view ?? null);
    },
    async forgetShopperChoices(shop, customerId, at) {
      forgetShopperChoices(shop, customerId, at);
    },
    async pruneImpressions(before, shop) {
      if (shop === undefined) client.prepare('delete from recommendation_impressions where shown_at < ?').run(before);
      else client.prepare('delete from recommendation_impressions where shop = ? and shown_at < ?').run(shop, before);
    },
    async productIdByHandle(shop, handle) {
      return productByHandle(shop, handle);
    },
    async productIdsByHandle(shop, handles) {
      // One prepared lookup per handle (by index), as for productCards.
      return handles.flatMap((handle) => productByHandle(shop, handle) ?? []);
    },
    async productCards(shop, productIds, locale) {
      // One prepared lookup per id: a statement built for each list would be compiled on every request.
      return productIds.flatMap((id) => card.get(locale ?? '', shop, id) ?? []);
    },
    async tooPersonalReports(shop) {
      return client
        .prepare(
          `select product_id as productId, count(*) as reports from recommendation_feedback
           where shop = ? and reason = 'too-personal' group by product_id order by reports desc, product_id`,
        )
        .all(shop) as { productId: number; reports: number }[];
    },
  };
}
