import { readFileSync } from 'node:fs';
import { parse } from 'smol-toml';
import { z } from 'zod';

/** What Shopify knows about an app once it is deployed: the sandbox builds it from shopify.app.toml. */
export interface AppRegistration {
  apiKey: string;
  apiSecret: string;
  /** Where the app runs (the sandbox replaces the toml's public URL with the local one). */
  appUrl: URL;
  scopes: string[];
  apiVersion: string;
  /** Topic → absolute URL that receives it. */
  webhookSubscriptions: Map<string, URL>;
  appProxy: { prefix: string; subpath: string; url: URL };
}

const tomlSchema = z.object({
  application_url: z.url(),
  access_scopes: z.object({ scopes: z.string() }),
  webhooks: z.object({
    api_version: z.string(),
    subscriptions: z
      .array(
        z.object({
          topics: z.array(z.string()).optional(),
          compliance_topics: z.array(z.string()).optional(),
          uri: z.string(),
        }),
      )
      .default([]),
  }),
  app_proxy: z.object({ url: z.url(), prefix: z.string(), subpath: z.string() }),
});

/**
 * Reads shopify.app.toml as Shopify reads it on deploy. Relative webhook URIs resolve against the app URL;
 * absolute URLs on the toml's application_url are moved onto the local app URL.
 */
export function registrationFromToml(input: { tomlPath: string; apiKey: string; apiSecret: string; appUrl: URL }): AppRegistration {
  const toml = tomlSchema.parse(parse(readFileSync(input.tomlPath, 'utf8')));
  const publicOrigin = new URL(toml.application_url).origin;
  const localize = (uri: string): URL => {
    const url = new URL(uri, input.appUrl);
    return url.origin === publicOrigin ? new URL(url.pathname + url.search, input.appUrl) : url;
  };
  const webhookSubscriptions = new Map<string, URL>();
  for (const subscription of toml.webhooks.subscriptions) {
    for (const topic of [...(subscription.topics ?? []), ...(subscription.compliance_topics ?? [])]) {
      webhookSubscriptions.set(topic, localize(subscription.uri));
    }
  }
  return {
    apiKey: input.apiKey,
    apiSecret: input.apiSecret,
    appUrl: input.appUrl,
    scopes: toml.access_scopes.scopes.split(',').map((s) => s.trim()).filter(Boolean),
    apiVersion: toml.webhooks.api_version,
    webhookSubscriptions,
    appProxy: { prefix: toml.app_proxy.prefix, subpath: toml.app_proxy.subpath, url: localize(toml.app_proxy.url) },
  };
}
