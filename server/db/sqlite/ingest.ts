import type Database from 'better-sqlite3';
import { minimizeCustomer, type IngestBatch } from '../../ingest/records.ts';
import type { IngestProgress, IngestRepository } from '../storage.ts';
import type { SqliteTombstones } from './tombstones.ts';

/**
 * Applies ingest batches in one transaction each, with prepared statements (this is the backfill's hot
 * path). Every upsert is guarded by `updated_at`: a record older than the stored one changes nothing, so
 * late or replayed deliveries never overwrite a newer state. Redacted customers and orders (tombstones) are
 * never written again, whichever path brings them.
 */
export function sqliteIngestRepository(client: Database.Database, tombstones: SqliteTombstones): IngestRepository {
  const upsertProduct = client.prepare(`
    insert into products (shop, id, title, handle, product_type, category_id, category_name, tags, image_url, price, available, status, updated_at)
    values (@shop, @id, @title, @handle, @productType, @categoryId, @categoryName, @tags, @imageUrl, @price, @available, @status, @updatedAt)
    on conflict (shop, id) do update set title = excluded.title, handle = excluded.handle, product_type = excluded.product_type,
      category_id = excluded.category_id, category_name = excluded.category_name, tags = excluded.tags, image_url = excluded.image_url,
      price = excluded.price, available = excluded.available, status = excluded.status, updated_at = excluded.updated_at
    where excluded.updated_at >= products.updated_at`);
  const addCollection = client.prepare(
    'insert or ignore into product_collections (shop, product_id, collection_id) values (?, ?, ?)',
  );
  // Memberships read whole from Shopify name products Tacto may not hold (a collection's member it never imported):
  // only products it stores get a row, so nothing is kept about the rest.
  const addStoredMember = client.prepare(`
    insert or ignore into product_collections (shop, product_id, collection_id)
    select @shop, @productId, @collectionId where exists (select 1 from products where shop = @shop and id = @productId)`);
  const deleteCollectionMembers = client.prepare('delete from product_collections where shop = ? and collection_id = ?');
  const markAvailable = client.prepare('update products set available = 1 where shop = ? and id = ?');
  const deleteProduct = client.prepare('delete from products where shop = ? and id = ?');
  const deleteProductTranslations = client.prepare('delete from product_translations where shop = ? and product_id = ?');
  const deleteProductCollections = client.prepare('delete from product_collections where shop = ? and product_id = ?');
  const upsertCustomer = client.prepare(`
    insert into customers (shop, id, marketing_state, consent_updated_at, email, first_name, locale, time_zone_hint, country, updated_at)
    values (@shop, @id, @marketingState, @consentUpdatedAt, @email, @firstName, @locale, @timeZoneHint, @country, @updatedAt)
    on conflict (shop, id) do update set marketing_state = excluded.marketing_state, consent_updated_at = excluded.consent_updated_at,
      email = excluded.email, first_name = excluded.first_name, locale = excluded.locale, time_zone_hint = excluded.time_zone_hint,
      country = excluded.country, updated_at = excluded.updated_at
    where excluded.updated_at >= customers.updated_at`);
  const upsertOrder = client.prepare(`
    insert into orders (shop, id, customer_id, created_at, cancelled_at, fulfilled_at, updated_at, experiment, subtotal, customer_locale)
    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
    on conflict (shop, id) do update set customer_id = excluded.customer_id, created_at = excluded.created_at,
      experiment = excluded.experiment, subtotal = excluded.subtotal,
      -- A record that does not say (an older caller) leaves the language already known.
      customer_locale = coalesce(excluded.customer_locale, orders.customer_locale),
      -- Shopify's times have whole seconds: orders/create can arrive after an orders/updated of the same second
      -- (fulfilled at checkout). On a tie, what one event knows (fulfilled, cancelled) is not undone by the other.
      cancelled_at = case when excluded.updated_at = orders.updated_at then coalesce(excluded.cancelled_at, orders.cancelled_at) else excluded.cancelled_at end,
      fulfilled_at = case when excluded.updated_at = orders.updated_at then coalesce(excluded.fulfilled_at, orders.fulfilled_at) else excluded.fulfilled_at end,
      updated_at = excluded.updated_at
    where excluded.updated_at >= orders.updated_at`);
  const deleteLinesOf = client.prepare('delete from order_lines where shop = ? and order_id = ?');
  const upsertLine = client.prepare(`
    insert into order_lines (shop, id, order_id, product_id, variant_id, quantity, refunded_quantity, surface, net_amount)
    values (?, ?, ?, ?, ?, ?, ?, ?, ?)
    on conflict (shop, id) do update set order_id = excluded.order_id, product_id = excluded.product_id,
      variant_id = excluded.variant_id, quantity = excluded.quantity, refunded_quantity = excluded.refunded_quantity,
      surface = excluded.surface, net_amount = excluded.net_amount`);
  const saveProgress = client.prepare('update backfills set lines_done = ? where shop = ? and stage = ?');
  const orderStored = client.prepare<[string, number], 1>('select 1 from orders where shop = ? and id = ?').pluck();

  const apply = client.transaction((shop: string, batch: IngestBatch, progress: IngestProgress | undefined) => {
    for (const p of batch.products) upsertProduct.run({ ...p, shop, tags: JSON.stringify(p.tags), available: p.available ? 1 : 0 });
    // Sets before single rows: a bulk product line clears its product's collections, and the collection lines
    // that follow it (in this batch or the next) add them back.
    for (const { productId, collectionIds } of batch.productCollectionSets) {
      deleteProductCollections.run(shop, productId);
      for (const collectionId of new Set(collectionIds)) addStoredMember.run({ shop, productId, collectionId });
    }
    for (const { collectionId, productIds } of batch.collectionMemberSets) {
      deleteCollectionMembers.run(shop, collectionId);
      for (const productId of new Set(productIds)) addStoredMember.run({ shop, productId, collectionId });
    }
    for (const c of batch.productCollections) addCollection.run(shop, c.productId, c.collectionId);
    for (const id of batch.availableProductIds) markAvailable.run(shop, id);
    for (const id of batch.deletedProductIds) {
      deleteProduct.run(shop, id);
      deleteProductCollections.run(shop, id);
      deleteProductTranslations.run(shop, id);
    }
    // Read inside this transaction: a customers/redact committed between two batches of a running backfill is
    // seen by the next one. Null (the usual case) when the shop never had a redaction.
    const redacted = tombstones.of(shop);
    for (const c of batch.customers) {
      if (redacted?.customer(c.id)) continue;
      const kept = minimizeCustomer(c);
      upsertCustomer.run({ ...kept, country: kept.country ?? null, shop });
    }
    const ordersInBatch = new Set<number>();
    /** Orders whose record was not written (older than the stored one, or redacted): their lines are not either. */
    const notApplied = new Set<number>();
    for (const o of batch.orders) {
      ordersInBatch.add(o.id);
      if (redacted && (redacted.order(o.id) || (o.customerId !== null && redacted.customer(o.customerId)))) {
        notApplied.add(o.id);
        continue;
      }
      // Positional parameters: this loop and the next run once per row of a backfill.
      if (upsertOrder.run(shop, o.id, o.customerId, o.createdAt, o.cancelledAt, o.fulfilledAt, o.updatedAt, o.experiment ?? null, o.subtotal ?? null, o.customerLocale ?? null).changes === 0) notApplied.add(o.id);
    }
    // An order record that was applied brings its complete set of lines: they replace the stored ones.
    for (const orderId of ordersInBatch) if (!notApplied.has(orderId)) deleteLinesOf.run(shop, orderId);
    // Bulk results may split an order's lines across two batches. Once the shop has redactions, a line whose order
    // is not in this batch is kept only if that order is stored: the lines of an order skipped as redacted (or
    // erased since the last batch) never arrive alone.
    const orderKept = new Map<number, boolean>();
    const keptElsewhere = (orderId: number) => {
      let kept = orderKept.get(orderId);
      if (kept === undefined) orderKept.set(orderId, (kept = orderStored.get(shop, orderId) !== undefined));
      return kept;
    };
    for (const l of batch.orderLines) {
      if (notApplied.has(l.orderId)) continue;
      if (redacted && !ordersInBatch.has(l.orderId) && !keptElsewhere(l.orderId)) continue;
      upsertLine.run(shop, l.id, l.orderId, l.productId, l.variantId, l.quantity, l.refundedQuantity, l.surface ?? null, l.netAmount ?? null);
    }
    if (progress) saveProgress.run(progress.linesDone, shop, progress.stage);
  });

  const withdraw = client.prepare(
    'update customers set marketing_state = ?, email = null, first_name = null, locale = null, time_zone_hint = null, country = null where shop = ? and id = ?',
  );
  const wasSubscribed = client.prepare<[string, number], 1>("select 1 from customers where shop = ? and id = ? and marketing_state = 'SUBSCRIBED'").pluck();
  const withdrawOnce = client.transaction((shop: string, customerId: number, state: string) => {
    const subscribed = wasSubscribed.get(shop, customerId) === 1;
    withdraw.run(state, shop, customerId);
    return subscribed;
  });

  return {
    async applyBatch(shop, batch, progress) {
      apply(shop, batch, progress);
    },
    async withdrawConsent(shop, customerId, state) {
      return withdrawOnce(shop, customerId, state);
    },
  };
}
