/**
 * Root types, bulk operations, mutation inputs and payloads, in Shopify's Admin GraphQL shapes (2026-07).
 * Shopify names its roots `QueryRoot` and `Mutation`; error messages quote those names, so they matter.
 */
export const SDL_ROOTS = /* GraphQL */ `
schema {
  query: QueryRoot
  mutation: Mutation
}

scalar DateTime
scalar Decimal
scalar Money
scalar URL
scalar UnsignedInt64

enum BulkOperationStatus {
  CANCELED
  CANCELING
  COMPLETED
  CREATED
  EXPIRED
  FAILED
  RUNNING
}

enum BulkOperationType {
  QUERY
  MUTATION
}

enum BulkOperationErrorCode {
  ACCESS_DENIED
  INTERNAL_SERVER_ERROR
  TIMEOUT
}

enum BulkOperationUserErrorCode {
  OPERATION_IN_PROGRESS
  INVALID
  LIMIT_REACHED
}

enum BulkOperationsSortKeys {
  COMPLETED_AT
  CREATED_AT
}

type BulkOperation implements Node {
  completedAt: DateTime
  createdAt: DateTime!
  errorCode: BulkOperationErrorCode
  fileSize: UnsignedInt64
  id: ID!
  objectCount: UnsignedInt64!
  partialDataUrl: URL
  query: String!
  rootObjectCount: UnsignedInt64!
  status: BulkOperationStatus!
  type: BulkOperationType!
  url: URL
}

type BulkOperationEdge {
  cursor: String!
  node: BulkOperation!
}

type BulkOperationConnection {
  edges: [BulkOperationEdge!]!
  nodes: [BulkOperation!]!
  pageInfo: PageInfo!
}

interface DisplayableError {
  field: [String!]
  message: String!
}

type UserError implements DisplayableError {
  field: [String!]
  message: String!
}

type BulkOperationUserError implements DisplayableError {
  code: BulkOperationUserErrorCode
  field: [String!]
  message: String!
}

type BulkOperationRunQueryPayload {
  bulkOperation: BulkOperation
  userErrors: [BulkOperationUserError!]!
}

type BulkOperationCancelPayload {
  bulkOperation: BulkOperation
  userErrors: [UserError!]!
}

input ProductCreateInput {
  descriptionHtml: String
  handle: String
  productType: String
  tags: [String!]
  title: String
  vendor: String
  category: ID
  collectionsToJoin: [ID!]
  status: ProductStatus
}

input ProductInput {
  descriptionHtml: String
  handle: String
  productType: String
  tags: [String!]
  title: String
  vendor: String
  category: ID
  collectionsToJoin: [ID!]
  id: ID
  status: ProductStatus
}

type ProductCreatePayload {
  product: Product
  shop: Shop!
  userErrors: [UserError!]!
}

input CollectionRuleInput {
  column: CollectionRuleColumn!
  condition: String!
  relation: CollectionRuleRelation!
}

input CollectionRuleSetInput {
  appliedDisjunctively: Boolean!
  rules: [CollectionRuleInput!]
}

input CollectionInput {
  descriptionHtml: String
  handle: String
  id: ID
  products: [ID!]
  ruleSet: CollectionRuleSetInput
  title: String
}

input CollectionDeleteInput {
  id: ID!
}

type Job {
  done: Boolean!
  id: ID!
}

type CollectionCreatePayload {
  collection: Collection
  userErrors: [UserError!]!
}

type CollectionUpdatePayload {
  collection: Collection
  job: Job
  userErrors: [UserError!]!
}

type CollectionDeletePayload {
  deletedCollectionId: ID
  shop: Shop!
  userErrors: [UserError!]!
}

type CollectionAddProductsPayload {
  collection: Collection
  userErrors: [UserError!]!
}

type CollectionRemoveProductsPayload {
  job: Job
  userErrors: [UserError!]!
}

input MoneyInput {
  amount: Decimal!
  currencyCode: CurrencyCode!
}

input MoneyBagInput {
  shopMoney: MoneyInput!
  presentmentMoney: MoneyInput
}

input AttributeInput {
  key: String!
  value: String!
}

input OrderCreateLineItemPropertyInput {
  name: String!
  value: String!
}

input OrderCreateLineItemInput {
  priceSet: MoneyBagInput
  productId: ID
  properties: [OrderCreateLineItemPropertyInput!]
  quantity: Int!
  requiresShipping: Boolean = false
  sku: String
  taxable: Boolean = true
  title: String
  variantId: ID
  variantTitle: String
  vendor: String
}

input OrderCreateAssociateCustomerAttributesInput {
  id: ID
  email: String
}

input OrderCreateCustomerInput {
  toAssociate: OrderCreateAssociateCustomerAttributesInput
}

input MailingAddressInput {
  address1: String
  city: String
  countryCode: CountryCode
  zip: String
}

input OrderCreateOrderInput {
  currency: CurrencyCode
  customAttributes: [AttributeInput!]
  customerId: ID @deprecated(reason: "This is replaced by the \`customer\` field in a future version.")
  customer: OrderCreateCustomerInput
  email: String
  lineItems: [OrderCreateLineItemInput!]
  note: String
  phone: String
  processedAt: DateTime
  shippingAddress: MailingAddressInput
  test: Boolean = false
}

enum OrderCreateInputsInventoryBehavior {
  BYPASS
  DECREMENT_IGNORING_POLICY
  DECREMENT_OBEYING_POLICY
}

input OrderCreateOptionsInput {
  inventoryBehaviour: OrderCreateInputsInventoryBehavior = BYPASS
  sendReceipt: Boolean = false
  sendFulfillmentReceipt: Boolean = false
}

enum OrderCreateUserErrorCode {
  INVALID
  FULFILLMENT_SERVICE_INVALID
  INVENTORY_CLAIM_FAILED
  PROCESSED_AT_INVALID
  TAX_LINE_RATE_MISSING
  REDUNDANT_CUSTOMER_FIELDS
  SHOP_DORMANT
}

type OrderCreateUserError implements DisplayableError {
  code: OrderCreateUserErrorCode
  field: [String!]
  message: String!
}

type OrderCreatePayload {
  order: Order
  userErrors: [OrderCreateUserError!]!
}

input CustomerEmailMarketingConsentInput {
  marketingOptInLevel: CustomerMarketingOptInLevel
  marketingState: CustomerEmailMarketingState!
  consentUpdatedAt: DateTime
  sourceLocationId: ID
}

input CustomerEmailMarketingConsentUpdateInput {
  customerId: ID!
  emailMarketingConsent: CustomerEmailMarketingConsentInput!
}

enum CustomerEmailMarketingConsentUpdateUserErrorCode {
  INVALID
  INCLUSION
  INTERNAL_ERROR
  MISSING_ARGUMENT
}

type CustomerEmailMarketingConsentUpdateUserError implements DisplayableError {
  code: CustomerEmailMarketingConsentUpdateUserErrorCode
  field: [String!]
  message: String!
}

type CustomerEmailMarketingConsentUpdatePayload {
  customer: Customer
  userErrors: [CustomerEmailMarketingConsentUpdateUserError!]!
}

type Count {
  count: Int!
  precision: CountPrecision!
}

enum CountPrecision {
  AT_LEAST
  EXACT
}

type QueryRoot {
  bulkOperation(id: ID!): BulkOperation
  bulkOperations(first: Int, after: String, last: Int, before: String, reverse: Boolean = false, sortKey: BulkOperationsSortKeys = CREATED_AT, query: String): BulkOperationConnection!
  collection(id: ID!): Collection
  collections(first: Int, after: String, last: Int, before: String, reverse: Boolean = false, sortKey: CollectionSortKeys = ID, query: String, savedSearchId: ID): CollectionConnection!
  currentBulkOperation(type: BulkOperationType = QUERY): BulkOperation @deprecated(reason: "Use \`bulkOperations\` with status filter instead.")
  customer(id: ID!): Customer
  customers(first: Int, after: String, last: Int, before: String, reverse: Boolean = false, sortKey: CustomerSortKeys = ID, query: String): CustomerConnection!
  node(id: ID!): Node
  nodes(ids: [ID!]!): [Node]!
  order(id: ID!): Order
  orders(first: Int, after: String, last: Int, before: String, reverse: Boolean = false, sortKey: OrderSortKeys = PROCESSED_AT, query: String, savedSearchId: ID): OrderConnection!
  ordersCount(query: String, limit: Int = 10000): Count
  product(id: ID!): Product
  products(first: Int, after: String, last: Int, before: String, reverse: Boolean = false, sortKey: ProductSortKeys = ID, query: String, savedSearchId: ID): ProductConnection!
  shop: Shop!
}

type Mutation {
  bulkOperationCancel(id: ID!): BulkOperationCancelPayload
  bulkOperationRunQuery(query: String!, groupObjects: Boolean! = false): BulkOperationRunQueryPayload
  collectionAddProducts(id: ID!, productIds: [ID!]!): CollectionAddProductsPayload
  collectionCreate(input: CollectionInput!): CollectionCreatePayload
  collectionDelete(input: CollectionDeleteInput!): CollectionDeletePayload
  collectionRemoveProducts(id: ID!, productIds: [ID!]!): CollectionRemoveProductsPayload
  collectionUpdate(input: CollectionInput!): CollectionUpdatePayload
  customerEmailMarketingConsentUpdate(input: CustomerEmailMarketingConsentUpdateInput!): CustomerEmailMarketingConsentUpdatePayload
  orderCreate(order: OrderCreateOrderInput!, options: OrderCreateOptionsInput): OrderCreatePayload
  productCreate(input: ProductInput @deprecated(reason: "Use \`product\` instead."), product: ProductCreateInput): ProductCreatePayload
}
`;
