import { ApiVersion } from '@shopify/shopify-api';

/** The Admin API version Tacto is written against; shopify.app.toml's [webhooks] api_version matches it. */
export const SHOPIFY_API_VERSION = ApiVersion.July26;
