import { emptyBatch, type IngestBatch, type ProductRecord } from './records.ts';

/*
 * Pure: what a catalog webhook writes, once the membership it cannot carry has been read from Shopify.
 */

/**
 * products/create|update: the product with the collections it is in now. A product Shopify no longer has
 * (`collectionIds` null: deleted after the event was sent) is deleted instead, so a late or retried event
 * never brings a deleted product back.
 */
export function productChange(product: ProductRecord, collectionIds: readonly number[] | null): IngestBatch {
  const batch = emptyBatch();
  if (collectionIds === null) {
    batch.deletedProductIds.push(product.id);
    return batch;
  }
  batch.products.push(product);
  batch.productCollectionSets.push({ productId: product.id, collectionIds: [...collectionIds] });
  return batch;
}

/** collections/*: the collection's products now; none once it is gone (deleted, or not found on the re-read). */
export function collectionChange(collectionId: number, productIds: readonly number[] | null): IngestBatch {
  const batch = emptyBatch();
  batch.collectionMemberSets.push({ collectionId, productIds: [...(productIds ?? [])] });
  return batch;
}
