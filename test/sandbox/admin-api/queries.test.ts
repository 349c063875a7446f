import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureStore, SHOP_DOMAIN, startServer, type Fixture, type TestServer } from './helpers.ts';

let fixture: Fixture;
let server: TestServer;

beforeAll(async () => {
  fixture = fixtureStore();
  server = await startServer(fixture);
});
afterAll(() => server.close());

const gid = (type: string, id: number) => `gid://shopify/${type}/${id}`;

describe('shop', () => {
  it('answers in Shopify’s shape, with cost extensions', async () => {
    const { status, body } = await server.graphql('{ shop { id name email myshopifyDomain currencyCode ianaTimezone primaryDomain { host url } } }');
    expect(status).toBe(200);
    expect(body.data.shop).toEqual({
      id: expect.stringMatching(/^gid:\/\/shopify\/Shop\/\d+$/),
      name: 'Tacto Demo Store',
      email: 'owner@tacto-demo.example',
      myshopifyDomain: SHOP_DOMAIN,
      currencyCode: 'EUR',
      ianaTimezone: 'Europe/Madrid',
      primaryDomain: { host: SHOP_DOMAIN, url: `https://${SHOP_DOMAIN}` },
    });
    expect(body.extensions.cost).toEqual({
      requestedQueryCost: 2,
      actualQueryCost: 2,
      throttleStatus: { maximumAvailable: 1000, currentlyAvailable: expect.any(Number), restoreRate: 50 },
    });
  });
});

describe('products', () => {
  it('returns every field in Shopify’s formats', async () => {
    const [coat] = fixture.products;
    const { body } = await server.graphql(
      `query($id: ID!) { product(id: $id) {
        id legacyResourceId title handle description vendor productType status tags createdAt updatedAt onlineStoreUrl
        category { id name fullName }
        featuredImage { url altText }
        images(first: 5) { nodes { url } }
        priceRangeV2 { minVariantPrice { amount currencyCode } maxVariantPrice { amount currencyCode } }
        totalInventory
        variants(first: 5) { nodes { id title sku price availableForSale inventoryQuantity product { id } } }
        collections(first: 5) { nodes { id title handle } }
        translations(locale: "es") { key value locale }
      } }`,
      { id: gid('Product', coat!.id) },
    );
    expect(body.errors).toBeUndefined();
    expect(body.data.product).toEqual({
      id: gid('Product', coat!.id),
      legacyResourceId: String(coat!.id),
      title: 'Rain Coat',
      handle: 'rain-coat',
      description: 'Rain Coat, described.',
      vendor: 'Tacto Goods',
      productType: 'Outerwear',
      status: 'ACTIVE',
      tags: ['rain', 'coat'],
      createdAt: '2024-08-19T12:00:00Z',
      updatedAt: '2024-08-19T12:00:00Z',
      onlineStoreUrl: `https://${SHOP_DOMAIN}/products/rain-coat`,
      category: {
        id: 'gid://shopify/TaxonomyCategory/aa-1-10-2-10',
        name: 'Rain Coats',
        fullName: 'Apparel & Accessories > Clothing > Outerwear > Coats & Jackets > Rain Coats',
      },
      featuredImage: { url: `${server.url}/images/rain-coat.svg`, altText: 'Rain Coat' },
      images: { nodes: [{ url: `${server.url}/images/rain-coat.svg` }] },
      priceRangeV2: { minVariantPrice: { amount: '89.9', currencyCode: 'EUR' }, maxVariantPrice: { amount: '95.0', currencyCode: 'EUR' } },
      totalInventory: 3,
      variants: {
        nodes: coat!.variants.map((v) => ({
          id: gid('ProductVariant', v.id),
          title: v.title,
          sku: v.sku,
          price: v.price === '95.00' ? '95.00' : '89.90',
          availableForSale: v.availableForSale,
          inventoryQuantity: v.inventoryQuantity,
          product: { id: gid('Product', coat!.id) },
        })),
      },
      collections: { nodes: [{ id: gid('Collection', fixture.collection.id), title: 'Rainwear', handle: 'rainwear' }] },
      translations: [
        { key: 'title', value: 'Chubasquero', locale: 'es' },
        { key: 'body_html', value: 'Impermeable.', locale: 'es' },
      ],
    });
  });

  it('pages forwards and backwards with opaque cursors', async () => {
    const page = (args: string) =>
      server.graphql(`{ products(${args}) { edges { cursor node { title } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }`);
    const first = (await page('first: 2')).body.data.products;
    expect(first.edges.map((e: { node: { title: string } }) => e.node.title)).toEqual(['Rain Coat', 'Wool Scarf']);
    expect(first.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false, endCursor: first.edges[1].cursor });
    expect(JSON.parse(Buffer.from(first.pageInfo.endCursor, 'base64').toString())).toEqual({
      last_id: fixture.products[1]!.id,
      last_value: String(fixture.products[1]!.id),
    });
    const second = (await page(`first: 2, after: "${first.pageInfo.endCursor}"`)).body.data.products;
    expect(second.edges.map((e: { node: { title: string } }) => e.node.title)).toEqual(['Travel Mug']);
    expect(second.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    const back = (await page(`last: 1, before: "${second.pageInfo.startCursor}"`)).body.data.products;
    expect(back.edges.map((e: { node: { title: string } }) => e.node.title)).toEqual(['Wool Scarf']);
  });

  it('filters with search syntax and sorts by sortKey', async () => {
    const titles = async (args: string) =>
      (await server.graphql(`{ products(first: 10, ${args}) { nodes { title } } }`)).body.data.products.nodes.map((n: { title: string }) => n.title);
    expect(await titles('query: "tag:wool OR product_type:Kitchen"')).toEqual(['Wool Scarf', 'Travel Mug']);
    expect(await titles('query: "status:active created_at:<2025-01-01"')).toEqual(['Rain Coat', 'Wool Scarf']);
    expect(await titles(`query: "id:>${fixture.products[0]!.id}"`)).toEqual(['Wool Scarf', 'Travel Mug']);
    expect(await titles('sortKey: TITLE, reverse: true')).toEqual(['Wool Scarf', 'Travel Mug', 'Rain Coat']);
  });

  it('reports search fields it ignored in extensions.search', async () => {
    const { body } = await server.graphql('{ products(first: 10, query: "mood:happy tag:rain") { nodes { title } } }');
    expect(body.data.products.nodes).toEqual([{ title: 'Rain Coat' }]);
    expect(body.extensions.search).toEqual([
      {
        path: ['products'],
        query: 'mood:happy tag:rain',
        parsed: { and: [{ field: 'mood', match_all: 'happy' }, { field: 'tag', match_all: 'rain' }] },
        warnings: [{ field: 'mood', message: 'Invalid search field for this query.', code: 'invalid_field' }],
      },
    ]);
  });

  it('requires a page size and caps it at 250, in Shopify’s words', async () => {
    const missing = (await server.graphql('{ products { nodes { id } } }')).body;
    expect(missing.errors[0]).toMatchObject({ message: 'you must provide one of first or last', path: ['products'] });
    expect(missing.data).toBeNull();
    const tooMany = (await server.graphql('{ products(first: 251) { nodes { id } } }')).body;
    expect(tooMany.errors[0].message).toBe(
      'first cannot exceed 250. To query larger amounts of data with fewer limits, bulk operations should be used instead.',
    );
  });
});

describe('collections, customers and orders', () => {
  it('serves a collection with its products', async () => {
    const { body } = await server.graphql(`{ collections(first: 5) { nodes { id title handle products(first: 5) { nodes { title } } } } }`);
    expect(body.data.collections.nodes).toEqual([
      { id: gid('Collection', fixture.collection.id), title: 'Rainwear', handle: 'rainwear', products: { nodes: [{ title: 'Rain Coat' }] } },
    ]);
  });

  it('serves customers with consent and addresses', async () => {
    const [ana, luis] = fixture.customers;
    const { body } = await server.graphql(
      `{ customers(first: 5, query: "email:ana@example.com") { nodes { id legacyResourceId firstName lastName displayName email phone locale note
        createdAt emailMarketingConsent { marketingState marketingOptInLevel consentUpdatedAt }
        defaultAddress { address1 city zip countryCodeV2 country } addresses(first: 5) { city } } } }`,
    );
    expect(body.data.customers.nodes).toEqual([
      {
        id: gid('Customer', ana!.id),
        legacyResourceId: String(ana!.id),
        firstName: 'Ana',
        lastName: 'García',
        displayName: 'Ana García',
        email: 'ana@example.com',
        phone: '+34600000000',
        locale: 'es',
        note: null,
        createdAt: '2024-05-11T12:00:00Z',
        emailMarketingConsent: { marketingState: 'SUBSCRIBED', marketingOptInLevel: 'SINGLE_OPT_IN', consentUpdatedAt: '2024-01-02T03:04:05Z' },
        defaultAddress: { address1: 'Calle Mayor 1', city: 'Madrid', zip: '28013', countryCodeV2: 'ES', country: 'Spain' },
        addresses: [{ city: 'Madrid' }],
      },
    ]);
    // Shopify reports no email consent for a customer without an email address.
    const noEmail = await server.graphql(`{ customer(id: "${gid('Customer', luis!.id)}") { email emailMarketingConsent { marketingState } } }`);
    expect(noEmail.body.data.customer).toEqual({ email: null, emailMarketingConsent: null });
  });

  it('serves an order with line items, refunds, fulfillments and statuses', async () => {
    const order = fixture.orders[2]!;
    const { body } = await server.graphql(
      `query($id: ID!) { order(id: $id) {
        id legacyResourceId name email createdAt processedAt cancelledAt cancelReason displayFinancialStatus displayFulfillmentStatus
        customer { id }
        lineItems(first: 10) { nodes { id title sku quantity currentQuantity product { id } variant { id } originalUnitPriceSet { shopMoney { amount currencyCode } } } }
        refunds { id note createdAt refundLineItems(first: 5) { nodes { quantity lineItem { id } } } }
        fulfillments { id status createdAt }
      } }`,
      { id: gid('Order', order.id) },
    );
    expect(body.errors).toBeUndefined();
    const [coatLine, scarfLine] = order.lineItems;
    expect(body.data.order).toEqual({
      id: gid('Order', order.id),
      legacyResourceId: String(order.id),
      name: order.name,
      email: null,
      createdAt: '2025-06-13T12:00:00Z',
      processedAt: '2025-06-13T12:00:00Z',
      cancelledAt: null,
      cancelReason: null,
      displayFinancialStatus: 'PARTIALLY_REFUNDED',
      displayFulfillmentStatus: 'FULFILLED',
      customer: { id: gid('Customer', fixture.customers[1]!.id) },
      lineItems: {
        nodes: [
          {
            id: gid('LineItem', coatLine!.id),
            title: 'Rain Coat',
            sku: 'RC-S',
            quantity: 1,
            currentQuantity: 1,
            product: { id: gid('Product', coatLine!.productId!) },
            variant: { id: gid('ProductVariant', coatLine!.variantId!) },
            originalUnitPriceSet: { shopMoney: { amount: '89.9', currencyCode: 'EUR' } },
          },
          {
            id: gid('LineItem', scarfLine!.id),
            title: 'Wool Scarf',
            sku: scarfLine!.sku,
            quantity: 3,
            currentQuantity: 2,
            product: { id: gid('Product', scarfLine!.productId!) },
            variant: { id: gid('ProductVariant', scarfLine!.variantId!) },
            originalUnitPriceSet: { shopMoney: { amount: '10.0', currencyCode: 'EUR' } },
          },
        ],
      },
      refunds: [
        {
          id: gid('Refund', order.refunds[0]!.id),
          note: 'Too many',
          createdAt: '2025-06-15T12:00:00Z',
          refundLineItems: { nodes: [{ quantity: 1, lineItem: { id: gid('LineItem', scarfLine!.id) } }] },
        },
      ],
      fulfillments: [{ id: gid('Fulfillment', order.fulfillments[0]!.id), status: 'SUCCESS', createdAt: '2025-06-15T12:00:00Z' }],
    });
  });

  it('sorts orders by processedAt by default and filters them by date', async () => {
    const names = async (args: string) =>
      (await server.graphql(`{ orders(first: 10${args}) { nodes { name } } }`)).body.data.orders.nodes.map((n: { name: string }) => n.name);
    const [oldest, middle, newest] = fixture.orders.map((o) => o.name);
    expect(await names('')).toEqual([oldest, middle, newest]);
    expect(await names(', reverse: true')).toEqual([newest, middle, oldest]);
    expect(await names(', query: "created_at:>=2025-06-01"')).toEqual([middle, newest]);
    expect(await names(', query: "updated_at:>2025-06-14"')).toEqual([newest]);
  });
});

describe('node and nodes', () => {
  it('resolves gids of every served type and null for unknown ones', async () => {
    const ids = [
      gid('Product', fixture.products[0]!.id),
      gid('Order', fixture.orders[1]!.id),
      gid('Customer', fixture.customers[0]!.id),
      gid('Collection', fixture.collection.id),
      gid('Product', 1),
    ];
    const { body } = await server.graphql(
      `query($ids: [ID!]!) { nodes(ids: $ids) { __typename id ... on Product { title } ... on Order { name } ... on Customer { displayName } ... on Collection { handle } } }`,
      { ids },
    );
    expect(body.data.nodes).toEqual([
      { __typename: 'Product', id: ids[0], title: 'Rain Coat' },
      { __typename: 'Order', id: ids[1], name: fixture.orders[1]!.name },
      { __typename: 'Customer', id: ids[2], displayName: 'Ana García' },
      { __typename: 'Collection', id: ids[3], handle: 'rainwear' },
      null,
    ]);
    const single = await server.graphql(`{ node(id: "${ids[0]}") { id } }`);
    expect(single.body.data.node).toEqual({ id: ids[0] });
  });

  it('rejects text that is not a global id', async () => {
    const { body } = await server.graphql('{ product(id: "42") { id } }');
    expect(body.errors[0]).toMatchObject({ message: "Invalid global id '42'", extensions: { code: 'argumentLiteralsIncompatible' } });
  });
});

describe('malformed documents', () => {
  it('answers unknown fields as Shopify does, with no data and no cost', async () => {
    const { status, body } = await server.graphql('query Probe { products(first: 1) { nodes { id definitelyNotAProductField } } }');
    expect(status).toBe(200);
    expect(body).toEqual({
      errors: [
        {
          message: "Field 'definitelyNotAProductField' doesn't exist on type 'Product'",
          locations: [{ line: 1, column: 47 }],
          path: ['query Probe', 'products', 'nodes', 'definitelyNotAProductField'],
          extensions: { code: 'undefinedField', typeName: 'Product', fieldName: 'definitelyNotAProductField' },
        },
      ],
    });
  });

  it('reports missing required variables as INVALID_VARIABLE', async () => {
    const { body } = await server.graphql('query($id: ID!) { product(id: $id) { id } }', {});
    expect(body.errors[0]).toMatchObject({
      message: 'Variable $id of type ID! was provided invalid value',
      extensions: { code: 'INVALID_VARIABLE', value: null, problems: [{ path: [], explanation: 'Expected value to not be null' }] },
    });
  });
});
