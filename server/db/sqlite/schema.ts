import { blob, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * Shopify sessions (one offline session per installed shop). Column names follow
 * @shopify/shopify-app-session-storage-drizzle's SQLite schema, whose adapter reads and writes this table.
 */
// `as string`: the session-storage adapter's type expects a table whose name is not a literal type.
export const sessionTable = sqliteTable('shopify_sessions' as string, {
  id: text('id').primaryKey(),
  shop: text('shop').notNull(),
  state: text('state').notNull(),
  isOnline: integer('isOnline', { mode: 'boolean' }).notNull().default(false),
  scope: text('scope'),
  expires: text('expires'),
  accessToken: text('accessToken').notNull(),
  userId: blob('userId', { mode: 'bigint' }),
  firstName: text('firstName'),
  lastName: text('lastName'),
  email: text('email'),
  accountOwner: integer('accountOwner', { mode: 'boolean' }),
  locale: text('locale'),
  collaborator: integer('collaborator', { mode: 'boolean' }),
  emailVerified: integer('emailVerified', { mode: 'boolean' }),
  refreshToken: text('refreshToken'),
  refreshTokenExpires: text('refreshTokenExpires'),
}, (table) => [index('shopify_sessions_shop_idx').on(table.shop)]);

/** One row per shop that ever installed Tacto; kept after uninstall only until shop/redact arrives. */
export const shopsTable = sqliteTable('shops', {
  shop: text('shop').primaryKey(),
  scopes: text('scopes').notNull(),
  installedAt: text('installed_at').notNull(),
  uninstalledAt: text('uninstalled_at'),
});
