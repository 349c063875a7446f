/**
 * The shop's languages: Shopify's Admin GraphQL `shopLocales` (2026-07), which needs `read_locales`. The sandbox
 * shop publishes the languages its storefront speaks (storefront/locale.ts), its `primaryLocale` first among them.
 */
export const SDL_LOCALES = /* GraphQL */ `
type ShopLocale {
  locale: String!
  name: String!
  primary: Boolean!
  published: Boolean!
}

extend type QueryRoot {
  shopLocales(published: Boolean = false): [ShopLocale!]!
}
`;
