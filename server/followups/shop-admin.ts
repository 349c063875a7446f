import type { Session } from '@shopify/shopify-api';
import { z } from 'zod';
import type { Storage } from '../db/storage.ts';
import { adminGraphql } from '../shopify/admin-graphql.ts';
import type { ShopifyApp } from '../shopify/shopify-app.ts';

const SHOP_PROFILE = `#graphql
  query TactoFollowupShop {
    shop { name ianaTimezone currencyCode primaryDomain { url } }
  }`;

/** Asked apart from the profile: it needs read_locales, which an install from before it was asked for lacks. */
const SHOP_LOCALES = `#graphql
  query TactoFollowupShopLocales {
    shopLocales(published: true) { locale primary }
  }`;

const shopLocales = z.object({ shopLocales: z.array(z.object({ locale: z.string().max(64), primary: z.boolean() })) });

const UNSUBSCRIBE = `#graphql
  mutation TactoUnsubscribe($input: CustomerEmailMarketingConsentUpdateInput!) {
    customerEmailMarketingConsentUpdate(input: $input) {
      customer { id }
      userErrors { field message }
    }
  }`;

const ORDER_NAMES = `#graphql
  query TactoFollowupOrderNames($ids: [ID!]!) {
    nodes(ids: $ids) { ... on Order { legacyResourceId name } }
  }`;

const orderNames = z.object({
  nodes: z.array(z.object({ legacyResourceId: z.union([z.string(), z.number()]).optional(), name: z.string().max(255).optional() }).nullable()),
});

const shopProfile = z.object({
  shop: z.object({ name: z.string(), ianaTimezone: z.string(), currencyCode: z.string().optional(), primaryDomain: z.object({ url: z.url() }) }),
});

const unsubscribed = z.object({
  customerEmailMarketingConsentUpdate: z.object({ userErrors: z.array(z.object({ message: z.string() })) }).nullable(),
});

export interface ShopProfile {
  name: string;
  timeZone: string;
  /** The storefront's origin, e.g. https://shop.example: complements link there. */
  storefrontUrl: string;
  /** The shop's currency (ISO 4217): the Analytics page's revenue is in it. */
  currency?: string;
  /** The shop's primary language as Shopify writes it (`es`, `pt-BR`); null when it could not be read (no read_locales). */
  primaryLocale?: string | null;
}

const PROFILE_TTL_MS = 3_600_000;

/**
 * What follow-ups need from the Admin API: the shop's name, time zone and storefront address (kept an hour),
 * and writing an unsubscribe back to Shopify, so the store's other mail stops too.
 */
export class ShopAdmin {
  private readonly profiles = new Map<string, { profile: ShopProfile; until: number }>();
  private readonly names = new Map<string, Map<number, string>>();

  constructor(private readonly deps: { shopify: ShopifyApp; storage: Storage }) {}

  private async session(shop: string): Promise<Session> {
    const session = await this.deps.storage.sessions.loadSession(this.deps.shopify.api.session.getOfflineId(shop));
    if (!session?.accessToken) throw new Error(`${shop} is not installed`);
    return session;
  }

  async profile(shop: string): Promise<ShopProfile> {
    const cached = this.profiles.get(shop);
    if (cached && cached.until > Date.now()) return cached.profile;
    const data = shopProfile.parse(await adminGraphql(this.deps.shopify, await this.session(shop), SHOP_PROFILE));
    const profile = {
      name: data.shop.name,
      timeZone: data.shop.ianaTimezone,
      storefrontUrl: new URL(data.shop.primaryDomain.url).origin,
      ...(data.shop.currencyCode ? { currency: data.shop.currencyCode } : {}),
      primaryLocale: await this.primaryLocale(shop),
    };
    this.profiles.set(shop, { profile, until: Date.now() + PROFILE_TTL_MS });
    return profile;
  }

  /**
   * The shop's primary language, or null when Shopify does not say: without read_locales (ACCESS_DENIED) a
   * follow-up's last fallback is English, which is what it was before Tacto asked.
   */
  private async primaryLocale(shop: string): Promise<string | null> {
    try {
      const data = shopLocales.parse(await adminGraphql(this.deps.shopify, await this.session(shop), SHOP_LOCALES));
      return data.shopLocales.find((l) => l.primary)?.locale ?? null;
    } catch {
      return null;
    }
  }

  /**
   * Orders' names as the merchant knows them ("#1003"), by id, read from the Admin API: Tacto stores no order
   * name. A name never changes, so each is asked once per process; an order the API does not return is left out.
   */
  async orderNames(shop: string, orderIds: readonly number[]): Promise<Map<number, string>> {
    const known = this.names.get(shop) ?? new Map<number, string>();
    this.names.set(shop, known);
    const missing = [...new Set(orderIds)].filter((id) => !known.has(id)).slice(0, 250);
    if (missing.length > 0) {
      const data = orderNames.parse(
        await adminGraphql(this.deps.shopify, await this.session(shop), ORDER_NAMES, { variables: { ids: missing.map((id) => `gid://shopify/Order/${id}`) } }),
      );
      for (const node of data.nodes) if (node?.legacyResourceId !== undefined && node.name) known.set(Number(node.legacyResourceId), node.name);
    }
    return new Map(orderIds.flatMap((id) => (known.has(id) ? [[id, known.get(id)!] as const] : [])));
  }

  /** The shop is gone (shop/redact): its profile and order names leave memory too. */
  forget(shop: string): void {
    this.profiles.delete(shop);
    this.names.delete(shop);
  }

  async unsubscribe(shop: string, customerId: number, at: Date): Promise<void> {
    const data = unsubscribed.parse(
      await adminGraphql(this.deps.shopify, await this.session(shop), UNSUBSCRIBE, {
        variables: {
          input: {
            customerId: `gid://shopify/Customer/${customerId}`,
            emailMarketingConsent: { marketingState: 'UNSUBSCRIBED', consentUpdatedAt: at.toISOString() },
          },
        },
      }),
    );
    const errors = data.customerEmailMarketingConsentUpdate?.userErrors ?? [];
    if (errors.length > 0) throw new Error(`Shopify refused the unsubscribe: ${errors.map((e) => e.message).join('; ')}`);
  }
}
