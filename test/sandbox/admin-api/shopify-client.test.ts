import '@shopify/shopify-api/adapters/node';
import { ApiVersion, GraphqlQueryError, LogSeverity, Session, shopifyApi } from '@shopify/shopify-api';
import { abstractFetch, setAbstractFetchFunc } from '@shopify/shopify-api/runtime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ObservedQuery } from '../../../sandbox/admin-api/index.ts';
import { fixtureStore, SHOP_DOMAIN, startServer, type Fixture, type TestServer } from './helpers.ts';

/**
 * Tacto talks to the sandbox through Shopify's own client, which always calls `https://<shop>/admin/api/…`.
 * Its replaceable fetch (the hook the app's shop routing uses too) sends those calls to the test server.
 */
let fixture: Fixture;
let server: TestServer;
const observed: ObservedQuery[] = [];
const requestedUrls: string[] = [];
/** The library's fetch before this file replaced it, put back afterwards. */
const libraryFetch = abstractFetch;

const shopify = shopifyApi({
  apiKey: 'sandbox-key',
  apiSecretKey: 'sandbox-secret',
  scopes: ['read_products', 'read_orders', 'read_customers'],
  hostName: 'tacto.example.com',
  apiVersion: ApiVersion.July26,
  isEmbeddedApp: true,
  logger: { level: LogSeverity.Error, log: async () => {} },
});

function clientFor(accessToken: string) {
  const session = new Session({ id: `offline_${SHOP_DOMAIN}`, shop: SHOP_DOMAIN, state: 'state', isOnline: false, accessToken });
  return new shopify.clients.Graphql({ session });
}

beforeAll(async () => {
  fixture = fixtureStore();
  server = await startServer(fixture, { onQuery: (query) => observed.push(query) });
  const platformFetch = globalThis.fetch;
  setAbstractFetchFunc(async (input, init) => {
    const url = new URL(typeof input === 'string' || input instanceof URL ? input : input.url);
    requestedUrls.push(url.toString());
    if (url.host === SHOP_DOMAIN) {
      const target = new URL(server.url);
      url.protocol = target.protocol;
      url.host = target.host;
    }
    return platformFetch(url, init);
  });
});
afterAll(async () => {
  setAbstractFetchFunc(libraryFetch);
  await server.close();
});

describe('@shopify/shopify-api against the sandbox', () => {
  it('reads the shop and orders through the real GraphQL client', async () => {
    const client = clientFor('full');
    const response = await client.request(
      `#graphql
      query TactoRecentOrders($since: String!) {
        shop { name myshopifyDomain currencyCode ianaTimezone }
        orders(first: 10, query: $since) {
          nodes { id name lineItems(first: 10) { nodes { quantity variant { id } } } }
          pageInfo { hasNextPage endCursor }
        }
      }`,
      { variables: { since: 'created_at:>=2025-06-01' } },
    );
    expect(requestedUrls.at(-1)).toBe(`https://${SHOP_DOMAIN}/admin/api/2026-07/graphql.json`);
    expect(response.data?.shop).toEqual({ name: 'Tacto Demo Store', myshopifyDomain: SHOP_DOMAIN, currencyCode: 'EUR', ianaTimezone: 'Europe/Madrid' });
    expect(response.data?.orders.nodes.map((o: { name: string }) => o.name)).toEqual(fixture.orders.slice(1).map((o) => o.name));
    expect(response.extensions?.cost).toMatchObject({ requestedQueryCost: 1 + 2 + 10 * (1 + 2 + 10 * 2) });
  });

  it('surfaces Shopify’s error shape as the client’s GraphqlQueryError', async () => {
    const client = clientFor('productsOnly');
    const error = await client.request('{ orders(first: 1) { nodes { id } } }').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphqlQueryError);
    expect((error as GraphqlQueryError).body?.errors).toMatchObject({
      graphQLErrors: [{ message: 'Access denied for orders field. Required access: `read_orders` access scope.', extensions: { code: 'ACCESS_DENIED' } }],
    });
  });

  it('lets tests see which fields the app asked for', async () => {
    await clientFor('full').request('{ orders(first: 1) { nodes { id shippingAddress { city } } } }');
    const last = observed.at(-1)!;
    expect(last.fields).toEqual(expect.arrayContaining(['QueryRoot.orders', 'Order.id', 'Order.shippingAddress', 'MailingAddress.city']));
    expect(last.bulk).toBe(false);
  });
});
