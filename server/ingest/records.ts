/**
 * The records Tacto keeps, and nothing more (README, "What Tacto stores"). Every path into storage —
 * backfill and webhooks — builds these, so the minimal-data rules live in one place.
 */

export type MarketingState = 'SUBSCRIBED' | 'NOT_SUBSCRIBED' | 'UNSUBSCRIBED' | 'PENDING' | 'REDACTED' | 'INVALID';

export interface ProductRecord {
  id: number;
  title: string;
  handle: string;
  productType: string;
  categoryId: string | null;
  categoryName: string | null;
  tags: string[];
  imageUrl: string | null;
  price: string | null;
  available: boolean;
  status: string;
  updatedAt: string;
}

export interface CustomerRecord {
  id: number;
  marketingState: MarketingState;
  consentUpdatedAt: string | null;
  email: string | null;
  firstName: string | null;
  locale: string | null;
  timeZoneHint: string | null;
  /**
   * ISO 3166-1 alpha-2 of the default address, only while subscribed: some duties follow the buyer's country
   * (server/followups/regional-duties.ts). Optional so records built before it (tests, old callers) stay valid.
   */
  country?: string | null;
  updatedAt: string;
}

export interface OrderRecord {
  id: number;
  customerId: number | null;
  createdAt: string;
  cancelledAt: string | null;
  fulfilledAt: string | null;
  updatedAt: string;
  /** The cart's experiment mark (`3.h.20261203`), when the buyer was in a holdout experiment. */
  experiment?: string | null;
  /** The current subtotal (after refunds and edits, shop currency): kept only when `experiment` is set. */
  subtotal?: number | null;
  /**
   * The language the buyer shopped in (Shopify's Order.customerLocale, `customer_locale` in webhooks) as one of
   * Tacto's locales (matchLocale), null when Tacto does not speak it: a follow-up's language when the customer has none.
   */
  customerLocale?: string | null;
}

export interface OrderLineRecord {
  id: number;
  orderId: number;
  productId: number | null;
  variantId: number | null;
  quantity: number;
  refundedQuantity: number;
  /** The surface whose pick added this line (its `_tacto` property). */
  surface?: string | null;
  /** The whole line's price after its discounts (shop currency): kept only when `surface` is set. */
  netAmount?: number | null;
}

/** What one write applies, atomically. */
export interface IngestBatch {
  products: ProductRecord[];
  productCollections: { productId: number; collectionId: number }[];
  /**
   * Products whose complete list of collections was read (a products/* webhook): their stored memberships become
   * exactly these, so a product that left a collection leaves it in Tacto too.
   */
  productCollectionSets: { productId: number; collectionIds: number[] }[];
  /**
   * Collections whose complete list of products was read (collections/create|update), or that are gone
   * (collections/delete, an empty list): their stored memberships become exactly these.
   */
  collectionMemberSets: { collectionId: number; productIds: number[] }[];
  /** Products with at least one variant for sale (bulk results list variants after their product). */
  availableProductIds: number[];
  deletedProductIds: number[];
  customers: CustomerRecord[];
  orders: OrderRecord[];
  /** Lines replace the stored lines of their order only when that order's record was applied. */
  orderLines: OrderLineRecord[];
}

export function emptyBatch(): IngestBatch {
  return {
    products: [],
    productCollections: [],
    productCollectionSets: [],
    collectionMemberSets: [],
    availableProductIds: [],
    deletedProductIds: [],
    customers: [],
    orders: [],
    orderLines: [],
  };
}

export function batchSize(batch: IngestBatch): number {
  return (
    batch.products.length +
    batch.productCollections.length +
    batch.productCollectionSets.length +
    batch.collectionMemberSets.length +
    batch.availableProductIds.length +
    batch.deletedProductIds.length +
    batch.customers.length +
    batch.orders.length +
    batch.orderLines.length
  );
}

/**
 * Minimal data: contact details are kept only while the customer is subscribed to email marketing.
 * Anyone else is a bare id with a consent state.
 */
export function minimizeCustomer(customer: CustomerRecord): CustomerRecord {
  if (customer.marketingState === 'SUBSCRIBED') return customer;
  return { ...customer, email: null, firstName: null, locale: null, timeZoneHint: null, country: null };
}

/** `gid://shopify/Order/123` → 123; plain numbers pass through. */
export function legacyId(id: string | number): number {
  if (typeof id === 'number') return id;
  const match = /(\d+)$/.exec(id);
  if (!match) throw new Error(`Not a Shopify id: ${id}`);
  return Number(match[1]);
}

/**
 * Every stored timestamp is UTC ISO with milliseconds, whatever shape Shopify sent (GraphQL `…Z`, REST
 * `…-05:00`): the out-of-order guards compare them as text.
 */
export function isoTime(value: string): string;
export function isoTime(value: string | null | undefined): string | null;
export function isoTime(value: string | null | undefined): string | null {
  return value ? new Date(value).toISOString() : null;
}
