/**
 * The sandbox store's records. They hold what a Shopify store holds (including data Tacto must never
 * read, such as addresses and phone numbers), so tests can prove the app does not ask for it.
 * Ids are Shopify's numeric legacy ids; the GraphQL layer turns them into `gid://shopify/<Type>/<id>`.
 */

export type MarketingState = 'SUBSCRIBED' | 'NOT_SUBSCRIBED' | 'UNSUBSCRIBED' | 'PENDING' | 'REDACTED' | 'INVALID';
export type MarketingOptInLevel = 'SINGLE_OPT_IN' | 'CONFIRMED_OPT_IN' | 'UNKNOWN';

export interface SandboxShop {
  name: string;
  /** e.g. `tacto-demo.sandbox.test`: the host the app uses as the shop's domain. */
  myshopifyDomain: string;
  email: string;
  currencyCode: string;
  ianaTimezone: string;
  primaryLocale: string;
  /** Shopify only shows orders older than 60 days to apps holding read_all_orders. */
  grantsReadAllOrders: boolean;
  /**
   * Where the shop's storefront answers, as `primaryDomain.url`: the sandbox's own storefront preview once it
   * listens, so links the app builds (a follow-up's complements) open in a browser. Absent: `https://<domain>`.
   */
  storefrontUrl?: string;
}

export interface TaxonomyCategory {
  /** Shopify Standard Product Taxonomy id, e.g. `aa-1-10-2-10` (the gid is `gid://shopify/TaxonomyCategory/<id>`). */
  id: string;
  name: string;
  /** Full path as Shopify prints it: `Apparel & Accessories > Clothing > Outerwear > Coats & Jackets`. */
  fullName: string;
}

/** A smart collection's condition, as Admin GraphQL's `CollectionRule` (the columns and relations served here). */
export interface CollectionRule {
  column: 'TAG' | 'TITLE' | 'TYPE' | 'VENDOR';
  relation: 'EQUALS' | 'NOT_EQUALS' | 'CONTAINS' | 'NOT_CONTAINS' | 'STARTS_WITH' | 'ENDS_WITH';
  condition: string;
}

export interface CollectionRuleSet {
  /** True: a product matching any rule is in; false: it must match every rule. */
  appliedDisjunctively: boolean;
  rules: CollectionRule[];
}

export interface SandboxCollection {
  id: number;
  title: string;
  /** Titles in other languages, keyed by locale (`es`, `pt-BR`), as the Translate & Adapt app would hold them. */
  translations: Record<string, { title: string }>;
  handle: string;
  /**
   * Smart collections choose their products by rules (the store keeps each product's membership current);
   * custom collections (null) hold the products added to them. Either way membership lives on the product.
   */
  ruleSet: CollectionRuleSet | null;
  /** Published to the online store when created (the sandbox has one sales channel). */
  publishedAt: string;
  updatedAt: string;
}

export interface SandboxVariant {
  id: number;
  title: string;
  sku: string;
  price: string;
  availableForSale: boolean;
  inventoryQuantity: number;
}

export interface SandboxProduct {
  id: number;
  title: string;
  /**
   * Titles (and handles: the product's URL in that language, `/es/products/<handle>`) in other languages, keyed by
   * locale (`es`, `pt-BR`), as the Translate & Adapt app would hold them.
   */
  translations: Record<string, { title: string; description?: string; handle?: string }>;
  description: string;
  handle: string;
  vendor: string;
  productType: string;
  category: TaxonomyCategory | null;
  tags: string[];
  collectionIds: number[];
  imageUrl: string | null;
  imageAlt: string;
  status: 'ACTIVE' | 'ARCHIVED' | 'DRAFT';
  variants: SandboxVariant[];
  createdAt: string;
  updatedAt: string;
}

export interface EmailMarketingConsent {
  marketingState: MarketingState;
  marketingOptInLevel: MarketingOptInLevel | null;
  consentUpdatedAt: string | null;
}

export interface SandboxAddress {
  address1: string;
  city: string;
  zip: string;
  countryCode: string;
}

export interface SandboxCustomer {
  id: number;
  firstName: string;
  lastName: string;
  email: string | null;
  phone: string | null;
  locale: string;
  /** Shopify stores no per-customer time zone; the sandbox keeps a hint only for building realistic data. */
  addresses: SandboxAddress[];
  note: string | null;
  emailMarketingConsent: EmailMarketingConsent;
  createdAt: string;
  updatedAt: string;
}

/** A name and value a shopper's cart attached: a line item property or a cart (note) attribute. */
export interface SandboxAttribute {
  name: string;
  value: string;
}

export interface SandboxLineItem {
  id: number;
  productId: number | null;
  variantId: number | null;
  title: string;
  sku: string;
  quantity: number;
  price: string;
  /** Line item properties from the cart (`properties[_tacto]`), in the order the shopper's cart held them. */
  properties?: SandboxAttribute[];
}

export interface SandboxRefund {
  id: number;
  createdAt: string;
  note: string | null;
  refundLineItems: { lineItemId: number; quantity: number }[];
}

export interface SandboxFulfillment {
  id: number;
  createdAt: string;
  status: 'SUCCESS' | 'CANCELLED';
}

export interface SandboxOrder {
  id: number;
  name: string;
  customerId: number | null;
  email: string | null;
  phone: string | null;
  note: string | null;
  /** The cart's attributes, which Shopify carries onto the order as note attributes (custom attributes). */
  noteAttributes?: SandboxAttribute[];
  shippingAddress: SandboxAddress | null;
  currencyCode: string;
  lineItems: SandboxLineItem[];
  refunds: SandboxRefund[];
  fulfillments: SandboxFulfillment[];
  createdAt: string;
  processedAt: string;
  updatedAt: string;
  cancelledAt: string | null;
  cancelReason: string | null;
  /**
   * The language the buyer checked out in (Shopify's `Order.customerLocale`, `customer_locale` in webhooks): set
   * when the order is placed, from the checkout's language or else the customer's.
   */
  customerLocale?: string | null;
}
