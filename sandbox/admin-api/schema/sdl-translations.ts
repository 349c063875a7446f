/**
 * The shop's languages and its resources' translations, in Shopify's Admin GraphQL shapes (2026-07): `shopLocales`
 * (read_locales) and `translatableResource(s)` / `translatableResourcesByIds` (read_translations). Products and
 * collections are translatable here; Shopify has many more resource types (listed, served empty).
 */
export const SDL_TRANSLATIONS = /* GraphQL */ `
type ShopLocale {
  locale: String!
  name: String!
  primary: Boolean!
  published: Boolean!
}

enum TranslatableResourceType {
  COLLECTION
  FILTER
  LINK
  MENU
  ONLINE_STORE_ARTICLE
  ONLINE_STORE_BLOG
  ONLINE_STORE_PAGE
  PRODUCT
  PRODUCT_OPTION
  PRODUCT_OPTION_VALUE
  SHOP
  SHOP_POLICY
}

enum LocalizableContentType {
  HTML
  MULTI_LINE_TEXT_FIELD
  SINGLE_LINE_TEXT_FIELD
  STRING
  URI
}

type TranslatableContent {
  digest: String
  key: String!
  locale: String!
  type: LocalizableContentType!
  value: String
}

type TranslatableResource {
  resourceId: ID!
  translatableContent: [TranslatableContent!]!
  translations(locale: String!, outdated: Boolean, marketId: ID): [Translation!]!
}

type TranslatableResourceEdge {
  cursor: String!
  node: TranslatableResource!
}

type TranslatableResourceConnection {
  edges: [TranslatableResourceEdge!]!
  nodes: [TranslatableResource!]!
  pageInfo: PageInfo!
}

extend type QueryRoot {
  shopLocales(published: Boolean = false): [ShopLocale!]!
  translatableResource(resourceId: ID!): TranslatableResource
  translatableResources(first: Int, after: String, last: Int, before: String, reverse: Boolean = false, resourceType: TranslatableResourceType!): TranslatableResourceConnection!
  translatableResourcesByIds(first: Int, after: String, last: Int, before: String, reverse: Boolean = false, resourceIds: [ID!]!): TranslatableResourceConnection!
}
`;
