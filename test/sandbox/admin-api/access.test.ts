import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureStore, startServer, type Fixture, type TestServer } from './helpers.ts';

let fixture: Fixture;
let server: TestServer;

beforeAll(async () => {
  fixture = fixtureStore();
  server = await startServer(fixture);
});
afterAll(() => server.close());

async function post(path: string, init: { token?: string; body?: string; contentType?: string }) {
  const headers: Record<string, string> = { 'Content-Type': init.contentType ?? 'application/json' };
  if (init.token) headers['X-Shopify-Access-Token'] = init.token;
  const response = await fetch(`${server.url}${path}`, { method: 'POST', headers, body: init.body ?? JSON.stringify({ query: '{ shop { name } }' }) });
  return { status: response.status, body: await response.json() };
}

describe('authentication and request shape', () => {
  it('answers 401 with Shopify’s text for a missing or unknown token', async () => {
    const expected = { status: 401, body: { errors: '[API] Invalid API key or access token (unrecognized login or wrong password)' } };
    expect(await post('/admin/api/2025-10/graphql.json', {})).toEqual(expected);
    expect(await post('/admin/api/2025-10/graphql.json', { token: 'shpat_forged' })).toEqual(expected);
  });

  it('serves stable and unstable versions and 404s anything else', async () => {
    for (const version of ['2025-01', '2026-07', 'unstable']) {
      const { status, body } = await post(`/admin/api/${version}/graphql.json`, { token: 'full' });
      expect(status).toBe(200);
      expect(body.data.shop.name).toBe('Tacto Demo Store');
    }
    for (const version of ['2025-02', 'latest', '2025-1']) {
      expect(await post(`/admin/api/${version}/graphql.json`, { token: 'full' })).toEqual({ status: 404, body: { errors: 'Not Found' } });
    }
  });

  it('answers 400 for a body without a query or one that is not JSON', async () => {
    const expected = { status: 400, body: { errors: { query: 'Required parameter missing or invalid' } } };
    expect(await post('/admin/api/2025-10/graphql.json', { token: 'full', body: JSON.stringify({ variables: {} }) })).toEqual(expected);
    expect(await post('/admin/api/2025-10/graphql.json', { token: 'full', body: '{"query": ' })).toEqual(expected);
  });

  it('accepts a raw application/graphql body', async () => {
    const { status, body } = await post('/admin/api/2025-10/graphql.json', { token: 'full', body: '{ shop { name } }', contentType: 'application/graphql' });
    expect(status).toBe(200);
    expect(body.data.shop.name).toBe('Tacto Demo Store');
  });
});

describe('access scopes', () => {
  it('denies orders without read_orders, in Shopify’s exact shape', async () => {
    const { status, body } = await server.graphql('{ orders(first: 5) { nodes { id } } }', undefined, 'productsOnly');
    expect(status).toBe(200);
    expect(body.data).toBeNull();
    expect(body.errors).toEqual([
      {
        message: 'Access denied for orders field. Required access: `read_orders` access scope.',
        locations: [{ line: 1, column: 3 }],
        path: ['orders'],
        extensions: {
          code: 'ACCESS_DENIED',
          documentation: 'https://shopify.dev/api/usage/access-scopes',
          requiredAccess: '`read_orders` access scope.',
        },
      },
    ]);
  });

  it('denies customers and single records, and keeps the fields it may serve', async () => {
    const { body } = await server.graphql(
      `{ shop { name } order(id: "gid://shopify/Order/${fixture.orders[2]!.id}") { id } customers(first: 1) { nodes { id } } }`,
      undefined,
      'productsOnly',
    );
    expect(body.data).toBeNull(); // customers is non-null in Shopify's schema, so its error nulls the whole data.
    expect(body.errors.map((e: { message: string }) => e.message)).toEqual([
      'Access denied for order field. Required access: `read_orders` access scope.',
      'Access denied for customers field. Required access: `read_customers` access scope.',
    ]);
    const nullable = await server.graphql(`{ shop { name } order(id: "gid://shopify/Order/${fixture.orders[2]!.id}") { id } }`, undefined, 'productsOnly');
    expect(nullable.body.data).toEqual({ shop: { name: 'Tacto Demo Store' }, order: null });
  });

  it('denies products without read_products', async () => {
    const scopes = ['read_orders'];
    const local = await startServer(fixture, { authenticate: () => ({ scopes }) });
    try {
      const { body } = await local.graphql('{ products(first: 1) { nodes { id } } }', undefined, 'any');
      expect(body.errors[0].message).toBe('Access denied for products field. Required access: `read_products` access scope.');
    } finally {
      await local.close();
    }
  });
});

describe('order visibility', () => {
  const names = (body: { data: { orders: { nodes: { name: string }[] } } }) => body.data.orders.nodes.map((n) => n.name);

  it('shows only the last 60 days of orders without read_all_orders', async () => {
    const [old, recent, newest] = fixture.orders;
    const { body } = await server.graphql('{ orders(first: 10) { nodes { name } } }', undefined, 'recentOrders');
    expect(names(body)).toEqual([recent!.name, newest!.name]);
    const direct = await server.graphql(`{ order(id: "gid://shopify/Order/${old!.id}") { id } node(id: "gid://shopify/Order/${old!.id}") { id } }`, undefined, 'recentOrders');
    expect(direct.body.data).toEqual({ order: null, node: null });
  });

  it('shows every order with read_all_orders', async () => {
    const { body } = await server.graphql('{ orders(first: 10) { nodes { name } } }', undefined, 'readOnly');
    expect(names(body)).toEqual(fixture.orders.map((o) => o.name));
    const direct = await server.graphql(`{ order(id: "gid://shopify/Order/${fixture.orders[0]!.id}") { name } }`, undefined, 'readOnly');
    expect(direct.body.data.order).toEqual({ name: fixture.orders[0]!.name });
  });
});
