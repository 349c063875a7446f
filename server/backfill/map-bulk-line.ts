import { z } from 'zod';
import { amountOf, experimentOf, surfaceOf } from '../analytics/cart-marks.ts';
import { isoTime, legacyId, minimizeCustomer, type IngestBatch, type MarketingState } from '../ingest/records.ts';
import { matchLocale } from '../i18n/locales.ts';
import { countryCodeOf, timeZoneHintFor } from '../ingest/time-zone-hint.ts';

const gid = z.string().regex(/^gid:\/\/shopify\/\w+\/\d+$/);
const ref = z.object({ id: gid }).nullable().optional();

const shopMoney = z.object({ shopMoney: z.object({ amount: z.string() }) }).nullable().optional();

const productLine = z.object({
  id: gid,
  title: z.string(),
  handle: z.string(),
  productType: z.string(),
  tags: z.array(z.string()),
  status: z.string(),
  updatedAt: z.string(),
  category: z.object({ id: z.string(), fullName: z.string() }).nullable().optional(),
  featuredImage: z.object({ url: z.string() }).nullable().optional(),
  priceRangeV2: z.object({ minVariantPrice: z.object({ amount: z.string() }) }).optional(),
});
const customerLine = z.object({
  id: gid,
  firstName: z.string().nullable().optional(),
  email: z.string().nullable().optional(),
  locale: z.string().nullable().optional(),
  updatedAt: z.string(),
  emailMarketingConsent: z
    .object({ marketingState: z.string(), consentUpdatedAt: z.string().nullable().optional() })
    .nullable()
    .optional(),
  defaultAddress: z.object({ countryCodeV2: z.string().nullable().optional() }).nullable().optional(),
});
const orderLine = z.object({
  id: gid,
  createdAt: z.string(),
  updatedAt: z.string(),
  cancelledAt: z.string().nullable().optional(),
  customer: ref,
  customerLocale: z.string().max(64).nullable().optional(),
  fulfillments: z.array(z.object({ createdAt: z.string(), status: z.string() })).optional(),
  customAttributes: z.array(z.object({ key: z.string(), value: z.unknown() })).nullable().optional(),
  currentSubtotalPriceSet: shopMoney,
});
const lineItemLine = z.object({
  id: gid,
  quantity: z.number().int(),
  currentQuantity: z.number().int(),
  product: ref,
  variant: ref,
  customAttributes: z.array(z.object({ key: z.string(), value: z.unknown() })).nullable().optional(),
  originalUnitPriceSet: shopMoney,
  totalDiscountSet: shopMoney,
  __parentId: gid,
});
const childLine = z.object({ id: gid, __parentId: gid, availableForSale: z.boolean().optional() });

/** The resource type named by a gid: `gid://shopify/LineItem/1` → `LineItem`. */
function typeOf(line: unknown): string | undefined {
  const id = (line as { id?: unknown } | null)?.id;
  return typeof id === 'string' ? /^gid:\/\/shopify\/(\w+)\//.exec(id)?.[1] : undefined;
}

/**
 * Pure: adds one line of a bulk operation's JSONL to a batch. Children (collections, variants, line items)
 * carry `__parentId`; each becomes its own row keyed by the parent, so no parent needs to stay in memory.
 * Throws a ZodError naming the field when a line does not have Shopify's shape.
 */
export function addBulkLine(batch: IngestBatch, line: unknown): void {
  switch (typeOf(line)) {
    case 'Product': {
      const p = productLine.parse(line);
      // Its collections are the Collection lines that follow it: a re-import drops the ones it has left since.
      batch.productCollectionSets.push({ productId: legacyId(p.id), collectionIds: [] });
      batch.products.push({
        id: legacyId(p.id),
        title: p.title,
        handle: p.handle,
        productType: p.productType,
        categoryId: p.category ? p.category.id.replace(/^gid:\/\/shopify\/TaxonomyCategory\//, '') : null,
        categoryName: p.category?.fullName ?? null,
        tags: p.tags,
        imageUrl: p.featuredImage?.url ?? null,
        price: p.priceRangeV2?.minVariantPrice.amount ?? null,
        // Set from the variants that follow this line.
        available: false,
        status: p.status,
        updatedAt: isoTime(p.updatedAt),
      });
      return;
    }
    case 'Collection': {
      const c = childLine.parse(line);
      batch.productCollections.push({ productId: legacyId(c.__parentId), collectionId: legacyId(c.id) });
      return;
    }
    case 'ProductVariant': {
      const v = childLine.parse(line);
      if (v.availableForSale) batch.availableProductIds.push(legacyId(v.__parentId));
      return;
    }
    case 'Customer': {
      const c = customerLine.parse(line);
      batch.customers.push(
        minimizeCustomer({
          id: legacyId(c.id),
          marketingState: (c.emailMarketingConsent?.marketingState ?? 'NOT_SUBSCRIBED') as MarketingState,
          consentUpdatedAt: isoTime(c.emailMarketingConsent?.consentUpdatedAt),
          email: c.email ?? null,
          firstName: c.firstName ?? null,
          locale: c.locale ?? null,
          timeZoneHint: timeZoneHintFor(c.defaultAddress?.countryCodeV2),
          country: countryCodeOf(c.defaultAddress?.countryCodeV2),
          updatedAt: isoTime(c.updatedAt),
        }),
      );
      return;
    }
    case 'Order': {
      const o = orderLine.parse(line);
      const fulfilled = (o.fulfillments ?? []).filter((f) => f.status === 'SUCCESS').map((f) => isoTime(f.createdAt)).sort();
      const experiment = experimentOf(o.customAttributes);
      batch.orders.push({
        id: legacyId(o.id),
        customerId: o.customer ? legacyId(o.customer.id) : null,
        createdAt: isoTime(o.createdAt),
        cancelledAt: isoTime(o.cancelledAt),
        fulfilledAt: fulfilled[0] ?? null,
        updatedAt: isoTime(o.updatedAt),
        experiment,
        subtotal: experiment ? amountOf(o.currentSubtotalPriceSet?.shopMoney.amount) : null,
        customerLocale: matchLocale(o.customerLocale),
      });
      return;
    }
    case 'LineItem': {
      const l = lineItemLine.parse(line);
      const surface = surfaceOf(l.customAttributes);
      const unitPrice = amountOf(l.originalUnitPriceSet?.shopMoney.amount);
      const discount = amountOf(l.totalDiscountSet?.shopMoney.amount) ?? 0;
      batch.orderLines.push({
        id: legacyId(l.id),
        orderId: legacyId(l.__parentId),
        productId: l.product ? legacyId(l.product.id) : null,
        variantId: l.variant ? legacyId(l.variant.id) : null,
        quantity: l.quantity,
        // currentQuantity excludes refunded and removed units.
        refundedQuantity: Math.max(0, l.quantity - l.currentQuantity),
        surface,
        netAmount: surface && unitPrice !== null ? Math.max(0, unitPrice * l.quantity - discount) : null,
      });
      return;
    }
    default:
      throw new Error(`Unexpected line in bulk results: ${JSON.stringify(line).slice(0, 120)}`);
  }
}
