/**
 * Shop, products, variants, collections and images: the subset of Shopify's Admin GraphQL schema (2026-07)
 * the sandbox serves. Every name, argument, default and nullability is copied from Shopify's introspection;
 * fields Shopify has but the sandbox does not serve are left out rather than faked.
 */
export const SDL_CATALOG = /* GraphQL */ `
interface Node {
  id: ID!
}

type PageInfo {
  endCursor: String
  hasNextPage: Boolean!
  hasPreviousPage: Boolean!
  startCursor: String
}

type Shop implements Node {
  currencyCode: CurrencyCode!
  email: String!
  ianaTimezone: String!
  id: ID!
  myshopifyDomain: String!
  name: String!
  primaryDomain: Domain!
}

type Domain implements Node {
  host: String!
  id: ID!
  url: URL!
}

enum ProductStatus {
  ACTIVE
  ARCHIVED
  DRAFT
  UNLISTED
}

type TaxonomyCategory implements Node {
  fullName: String!
  id: ID!
  name: String!
}

type MoneyV2 {
  amount: Decimal!
  currencyCode: CurrencyCode!
}

type MoneyBag {
  presentmentMoney: MoneyV2!
  shopMoney: MoneyV2!
}

type ProductPriceRangeV2 {
  maxVariantPrice: MoneyV2!
  minVariantPrice: MoneyV2!
}

enum CropRegion {
  CENTER
  TOP
  BOTTOM
  LEFT
  RIGHT
}

enum ImageContentType {
  PNG
  JPG
  WEBP
}

input ImageTransformInput {
  crop: CropRegion
  maxWidth: Int
  maxHeight: Int
  scale: Int = 1
  preferredContentType: ImageContentType
}

type Image {
  altText: String
  id: ID
  url(transform: ImageTransformInput): URL!
}

type ImageEdge {
  cursor: String!
  node: Image!
}

type ImageConnection {
  edges: [ImageEdge!]!
  nodes: [Image!]!
  pageInfo: PageInfo!
}

enum ProductImageSortKeys {
  CREATED_AT
  ID
  POSITION
}

type Translation {
  key: String!
  locale: String!
  outdated: Boolean!
  updatedAt: DateTime
  value: String
}

enum ProductSortKeys {
  CREATED_AT
  ID
  INVENTORY_TOTAL
  PRODUCT_TYPE
  PUBLISHED_AT
  RELEVANCE
  TITLE
  UPDATED_AT
  VENDOR
}

enum ProductVariantSortKeys {
  FULL_TITLE
  ID
  INVENTORY_LEVELS_AVAILABLE
  INVENTORY_MANAGEMENT
  INVENTORY_POLICY
  INVENTORY_QUANTITY
  NAME
  POPULAR
  POSITION
  RELEVANCE
  SKU
  TITLE
}

enum CollectionSortKeys {
  ID
  RELEVANCE
  TITLE
  UPDATED_AT
}

enum ProductCollectionSortKeys {
  BEST_SELLING
  COLLECTION_DEFAULT
  CREATED
  ID
  MANUAL
  PRICE
  RELEVANCE
  TITLE
}

type Product implements Node {
  category: TaxonomyCategory
  collections(first: Int, after: String, last: Int, before: String, reverse: Boolean = false, sortKey: CollectionSortKeys = ID, query: String): CollectionConnection!
  createdAt: DateTime!
  description(truncateAt: Int): String!
  featuredImage: Image @deprecated(reason: "Use \`featuredMedia\` instead.")
  handle: String!
  id: ID!
  images(first: Int, after: String, last: Int, before: String, reverse: Boolean = false, sortKey: ProductImageSortKeys = POSITION): ImageConnection! @deprecated(reason: "Use \`media\` instead.")
  legacyResourceId: UnsignedInt64!
  onlineStoreUrl: URL
  priceRangeV2: ProductPriceRangeV2!
  productType: String!
  status: ProductStatus!
  tags: [String!]!
  title: String!
  totalInventory: Int!
  translations(locale: String!, marketId: ID): [Translation!]!
  updatedAt: DateTime!
  variants(first: Int, after: String, last: Int, before: String, reverse: Boolean = false, sortKey: ProductVariantSortKeys = POSITION): ProductVariantConnection!
  vendor: String!
}

type ProductEdge {
  cursor: String!
  node: Product!
}

type ProductConnection {
  edges: [ProductEdge!]!
  nodes: [Product!]!
  pageInfo: PageInfo!
}

type ProductVariant implements Node {
  availableForSale: Boolean!
  id: ID!
  inventoryQuantity: Int
  legacyResourceId: UnsignedInt64!
  price: Money!
  product: Product!
  sku: String
  title: String!
}

type ProductVariantEdge {
  cursor: String!
  node: ProductVariant!
}

type ProductVariantConnection {
  edges: [ProductVariantEdge!]!
  nodes: [ProductVariant!]!
  pageInfo: PageInfo!
}

enum CollectionRuleColumn {
  TAG
  TITLE
  TYPE
  VENDOR
}

enum CollectionRuleRelation {
  CONTAINS
  ENDS_WITH
  EQUALS
  NOT_CONTAINS
  NOT_EQUALS
  STARTS_WITH
}

type CollectionRule {
  column: CollectionRuleColumn!
  condition: String!
  relation: CollectionRuleRelation!
}

type CollectionRuleSet {
  appliedDisjunctively: Boolean!
  rules: [CollectionRule!]!
}

type Collection implements Node {
  handle: String!
  id: ID!
  legacyResourceId: UnsignedInt64!
  products(first: Int, after: String, last: Int, before: String, reverse: Boolean = false, sortKey: ProductCollectionSortKeys = COLLECTION_DEFAULT): ProductConnection!
  ruleSet: CollectionRuleSet
  title: String!
  updatedAt: DateTime!
}

type CollectionEdge {
  cursor: String!
  node: Collection!
}

type CollectionConnection {
  edges: [CollectionEdge!]!
  nodes: [Collection!]!
  pageInfo: PageInfo!
}
`;
