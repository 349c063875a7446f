/**
 * Online store themes and their files, in Shopify's Admin GraphQL shapes (2026-07), behind `read_themes`.
 * The sandbox serves one MAIN theme (store.theme): the files an app reads to see its embeds and blocks.
 * OnlineStoreTheme is a Node on Shopify; the sandbox leaves that out, as nothing looks a theme up by id.
 */
export const SDL_THEMES = /* GraphQL */ `
enum ThemeRole {
  ARCHIVED
  DEMO
  DEVELOPMENT
  LOCKED
  MAIN
  UNPUBLISHED
}

enum OnlineStoreThemeFileResultType {
  BAD_REQUEST
  CONFLICT
  ERROR
  NOT_FOUND
  SUCCESS
  TIMEOUT
  UNPROCESSABLE_ENTITY
}

type OnlineStoreThemeFileBodyText {
  content: String!
}

type OnlineStoreThemeFileBodyBase64 {
  contentBase64: String!
}

type OnlineStoreThemeFileBodyUrl {
  url: URL!
}

union OnlineStoreThemeFileBody = OnlineStoreThemeFileBodyBase64 | OnlineStoreThemeFileBodyText | OnlineStoreThemeFileBodyUrl

type OnlineStoreThemeFile {
  body: OnlineStoreThemeFileBody!
  checksumMd5: String
  contentType: String!
  createdAt: DateTime!
  filename: String!
  size: UnsignedInt64!
  updatedAt: DateTime!
}

type OnlineStoreThemeFileReadResult {
  code: OnlineStoreThemeFileResultType!
  filename: String!
}

type OnlineStoreThemeFileEdge {
  cursor: String!
  node: OnlineStoreThemeFile!
}

type OnlineStoreThemeFileConnection {
  edges: [OnlineStoreThemeFileEdge!]!
  nodes: [OnlineStoreThemeFile!]!
  pageInfo: PageInfo!
  userErrors: [OnlineStoreThemeFileReadResult!]!
}

type OnlineStoreTheme {
  createdAt: DateTime!
  files(filenames: [String!], first: Int = 50, after: String): OnlineStoreThemeFileConnection
  id: ID!
  name: String!
  prefix: String!
  processing: Boolean!
  processingFailed: Boolean!
  role: ThemeRole!
  themeStoreId: Int
  updatedAt: DateTime!
}

type OnlineStoreThemeEdge {
  cursor: String!
  node: OnlineStoreTheme!
}

type OnlineStoreThemeConnection {
  edges: [OnlineStoreThemeEdge!]!
  nodes: [OnlineStoreTheme!]!
  pageInfo: PageInfo!
}

extend type QueryRoot {
  theme(id: ID!): OnlineStoreTheme
  themes(first: Int, after: String, last: Int, before: String, reverse: Boolean = false, roles: [ThemeRole!], names: [String!]): OnlineStoreThemeConnection
}
`;
