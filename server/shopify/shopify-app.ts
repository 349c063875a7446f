import { LogSeverity } from '@shopify/shopify-api';
import { shopifyApp } from '@shopify/shopify-app-express/dist/esm/index.mjs';
import type { AppConfig } from '../config.ts';
import type { Storage } from '../db/storage.ts';
import type { Logger } from '../logger.ts';
import { SHOPIFY_API_VERSION } from './api-version.ts';
import { domainTransformationsFor, routeShopsToOrigins } from './shop-routing.ts';

export const AUTH_PATH = '/api/auth';
export const AUTH_CALLBACK_PATH = '/api/auth/callback';
export const WEBHOOKS_PATH = '/webhooks';

/** Configures Shopify's libraries once; every module that talks to Shopify receives this object. */
export function createShopifyApp(config: AppConfig, storage: Storage, logger: Logger) {
  routeShopsToOrigins(config.shopOrigins);
  const shopifyLog = logger.child({ component: 'shopify-api' });
  return shopifyApp({
    api: {
      apiKey: config.apiKey,
      apiSecretKey: config.apiSecret,
      scopes: config.scopes,
      hostName: config.appUrl.host,
      hostScheme: config.appUrl.protocol === 'http:' ? 'http' : 'https',
      apiVersion: SHOPIFY_API_VERSION,
      isEmbeddedApp: true,
      domainTransformations: domainTransformationsFor(config.shopOrigins),
      logger: {
        level: LogSeverity.Info,
        log: async (severity, message) => {
          const method = severity === LogSeverity.Error ? 'error' : severity === LogSeverity.Warning ? 'warn' : 'debug';
          shopifyLog[method](message);
        },
      },
    },
    auth: { path: AUTH_PATH, callbackPath: AUTH_CALLBACK_PATH },
    webhooks: { path: WEBHOOKS_PATH },
    sessionStorage: storage.sessions,
  });
}

export type ShopifyApp = ReturnType<typeof createShopifyApp>;
