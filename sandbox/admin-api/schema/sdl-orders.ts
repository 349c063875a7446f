/**
 * Customers, orders, line items, refunds and fulfillments: Shopify's Admin GraphQL shapes (2026-07), subset.
 * `Order.shippingAddress`, `Customer.phone` and addresses are served because Shopify has them; Tacto must not
 * ask for them, and the sandbox's request observer lets tests prove it does not.
 */
export const SDL_ORDERS = /* GraphQL */ `
enum CustomerEmailMarketingState {
  NOT_SUBSCRIBED
  PENDING
  SUBSCRIBED
  UNSUBSCRIBED
  REDACTED
  INVALID
}

enum CustomerMarketingOptInLevel {
  SINGLE_OPT_IN
  CONFIRMED_OPT_IN
  UNKNOWN
}

type CustomerEmailMarketingConsentState {
  consentUpdatedAt: DateTime
  marketingOptInLevel: CustomerMarketingOptInLevel
  marketingState: CustomerEmailMarketingState!
}

type MailingAddress implements Node {
  address1: String
  city: String
  country: String
  countryCodeV2: CountryCode
  id: ID!
  zip: String
}

enum CustomerSortKeys {
  CREATED_AT
  ID
  LOCATION
  NAME
  RELEVANCE
  UPDATED_AT
}

type Customer implements Node {
  addresses(first: Int): [MailingAddress!]!
  createdAt: DateTime!
  defaultAddress: MailingAddress
  displayName: String!
  email: String @deprecated(reason: "Use \`defaultEmailAddress.emailAddress\` instead.")
  emailMarketingConsent: CustomerEmailMarketingConsentState
  firstName: String
  id: ID!
  lastName: String
  legacyResourceId: UnsignedInt64!
  locale: String!
  note: String
  phone: String @deprecated(reason: "Use \`defaultPhoneNumber.phoneNumber\` instead.")
  updatedAt: DateTime!
}

type CustomerEdge {
  cursor: String!
  node: Customer!
}

type CustomerConnection {
  edges: [CustomerEdge!]!
  nodes: [Customer!]!
  pageInfo: PageInfo!
}

enum OrderCancelReason {
  CUSTOMER
  DECLINED
  FRAUD
  INVENTORY
  STAFF
  OTHER
}

enum OrderDisplayFinancialStatus {
  PENDING
  AUTHORIZED
  PARTIALLY_PAID
  PARTIALLY_REFUNDED
  VOIDED
  PAID
  REFUNDED
  EXPIRED
}

enum OrderDisplayFulfillmentStatus {
  UNFULFILLED
  PARTIALLY_FULFILLED
  FULFILLED
  RESTOCKED
  PENDING_FULFILLMENT
  OPEN
  IN_PROGRESS
  ON_HOLD
  SCHEDULED
  REQUEST_DECLINED
}

enum FulfillmentStatus {
  PENDING @deprecated(reason: "This is a legacy status and is due to be deprecated.")
  OPEN @deprecated(reason: "This is a legacy status and is due to be deprecated.")
  SUCCESS
  CANCELLED
  ERROR
  FAILURE
}

enum OrderSortKeys {
  CREATED_AT
  CURRENT_TOTAL_PRICE
  CUSTOMER_NAME
  DESTINATION
  FINANCIAL_STATUS
  FULFILLMENT_STATUS
  ID
  ORDER_NUMBER
  PO_NUMBER
  PROCESSED_AT
  RELEVANCE
  TOTAL_ITEMS_QUANTITY
  TOTAL_PRICE
  UPDATED_AT
}

"""A custom key-value pair: a cart's attribute on its order, a line item property on its line."""
type Attribute {
  key: String!
  value: String
}

type LineItem implements Node {
  currentQuantity: Int!
  customAttributes: [Attribute!]!
  id: ID!
  originalUnitPriceSet: MoneyBag!
  product: Product
  quantity: Int!
  sku: String
  title: String!
  totalDiscountSet: MoneyBag!
  variant: ProductVariant
}

type LineItemEdge {
  cursor: String!
  node: LineItem!
}

type LineItemConnection {
  edges: [LineItemEdge!]!
  nodes: [LineItem!]!
  pageInfo: PageInfo!
}

type RefundLineItem {
  id: ID
  lineItem: LineItem!
  quantity: Int!
}

type RefundLineItemEdge {
  cursor: String!
  node: RefundLineItem!
}

type RefundLineItemConnection {
  edges: [RefundLineItemEdge!]!
  nodes: [RefundLineItem!]!
  pageInfo: PageInfo!
}

type Refund implements Node {
  createdAt: DateTime
  id: ID!
  legacyResourceId: UnsignedInt64!
  note: String
  refundLineItems(first: Int, after: String, last: Int, before: String, reverse: Boolean = false): RefundLineItemConnection!
}

type Fulfillment implements Node {
  createdAt: DateTime!
  id: ID!
  legacyResourceId: UnsignedInt64!
  status: FulfillmentStatus!
}

type Order implements Node {
  cancelReason: OrderCancelReason
  cancelledAt: DateTime
  createdAt: DateTime!
  currentSubtotalPriceSet: MoneyBag!
  customAttributes: [Attribute!]!
  customer: Customer
  customerLocale: String
  displayFinancialStatus: OrderDisplayFinancialStatus
  displayFulfillmentStatus: OrderDisplayFulfillmentStatus!
  email: String
  fulfillments(first: Int, query: String): [Fulfillment!]!
  id: ID!
  legacyResourceId: UnsignedInt64!
  lineItems(first: Int, after: String, last: Int, before: String, reverse: Boolean = false): LineItemConnection!
  name: String!
  note: String
  phone: String
  processedAt: DateTime!
  refunds(first: Int): [Refund!]!
  shippingAddress: MailingAddress
  subtotalPriceSet: MoneyBag
  updatedAt: DateTime!
}

type OrderEdge {
  cursor: String!
  node: Order!
}

type OrderConnection {
  edges: [OrderEdge!]!
  nodes: [Order!]!
  pageInfo: PageInfo!
}
`;
