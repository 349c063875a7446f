import { readFileSync } from 'node:fs';
import { parse } from 'smol-toml';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../server/logger.ts';
import { SHOPIFY_API_VERSION } from '../../server/shopify/api-version.ts';
import { REQUIRED_SCOPES } from '../../server/shopify/scopes.ts';
import { AUTH_CALLBACK_PATH, WEBHOOKS_PATH } from '../../server/shopify/shopify-app.ts';
import { webhookHandlers } from '../../server/webhooks/handlers.ts';
import type { Storage } from '../../server/db/storage.ts';
import type { ShopifyApp } from '../../server/shopify/shopify-app.ts';

interface AppToml {
  client_id: string;
  embedded: boolean;
  application_url: string;
  access_scopes: { scopes: string };
  auth: { redirect_urls: string[] };
  webhooks: { api_version: string; subscriptions: { topics?: string[]; compliance_topics?: string[]; uri: string }[] };
  app_proxy: { url: string; prefix: string; subpath: string };
}

const toml = parse(readFileSync('shopify.app.toml', 'utf8')) as unknown as AppToml;
// Only the handler map's keys are read here.
const handlers = webhookHandlers({ storage: {} as Storage, logger: createLogger({ level: 'silent' }), shopify: {} as ShopifyApp });

describe('shopify.app.toml agrees with the code', () => {
  it('asks for exactly the scopes the server requires', () => {
    expect(toml.access_scopes.scopes.split(',')).toEqual([...REQUIRED_SCOPES]);
  });

  it('subscribes to exactly the topics that have a handler, all at the webhook route', () => {
    const topics = toml.webhooks.subscriptions.flatMap((s) => s.topics ?? []);
    const compliance = toml.webhooks.subscriptions.flatMap((s) => s.compliance_topics ?? []);
    expect(compliance.sort()).toEqual(['customers/data_request', 'customers/redact', 'shop/redact']);
    expect([...topics, ...compliance].sort()).toEqual(Object.keys(handlers).sort());
    expect(new Set(toml.webhooks.subscriptions.map((s) => s.uri))).toEqual(new Set([WEBHOOKS_PATH]));
  });

  it('uses the server\'s API version, OAuth callback and app proxy path', () => {
    expect(toml.webhooks.api_version).toBe(SHOPIFY_API_VERSION);
    expect(toml.embedded).toBe(true);
    expect(toml.auth.redirect_urls.map((url) => new URL(url).pathname)).toContain(AUTH_CALLBACK_PATH);
    expect(toml.app_proxy).toMatchObject({ prefix: 'apps', subpath: 'tacto' });
    expect(new URL(toml.app_proxy.url).pathname).toBe('/proxy');
  });
});
