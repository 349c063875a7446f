/**
 * The access scopes Tacto asks for. shopify.app.toml lists the same (a test keeps them equal);
 * the README says why each one is needed.
 */
export const REQUIRED_SCOPES = [
  'read_products',
  'read_orders',
  'read_all_orders',
  'read_customers',
  'write_customers',
  'write_app_proxy',
  'read_themes',
  'read_locales',
  'read_translations',
] as const;

/** Scopes Tacto works without, less well (README, "Access scopes"): an install from before they were asked for keeps running. */
export const OPTIONAL_SCOPES: readonly string[] = ['read_all_orders', 'read_locales', 'read_translations'];
