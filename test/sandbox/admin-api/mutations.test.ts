import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixtureStore, NOW, startServer, type Fixture, type TestServer } from './helpers.ts';

let fixture: Fixture;
let server: TestServer;

beforeEach(async () => {
  fixture = fixtureStore();
  server = await startServer(fixture);
});
afterEach(() => server.close());

const PRODUCT_CREATE = `mutation($product: ProductCreateInput!) { productCreate(product: $product) {
  product { id title handle productType vendor tags status category { id name } variants(first: 5) { nodes { title price } } }
  userErrors { field message } } }`;

describe('productCreate', () => {
  it('creates through the store, which announces products/create', async () => {
    const { body } = await server.graphql(PRODUCT_CREATE, {
      product: {
        title: 'Rain Coat',
        productType: 'Outerwear',
        vendor: 'Tacto Goods',
        tags: ['rain', 'new'],
        status: 'DRAFT',
        category: 'gid://shopify/TaxonomyCategory/aa-1-10-2-10',
      },
    });
    const payload = body.data.productCreate;
    expect(payload.userErrors).toEqual([]);
    // The handle "rain-coat" is taken by the fixture's coat, so Shopify's suffix applies.
    expect(payload.product).toMatchObject({
      title: 'Rain Coat',
      handle: 'rain-coat-1',
      productType: 'Outerwear',
      vendor: 'Tacto Goods',
      tags: ['rain', 'new'],
      status: 'DRAFT',
      category: { id: 'gid://shopify/TaxonomyCategory/aa-1-10-2-10', name: 'Rain Coats' },
      variants: { nodes: [{ title: 'Default Title', price: '0.00' }] },
    });
    const id = Number(payload.product.id.split('/').pop());
    expect(fixture.store.products.get(id)?.handle).toBe('rain-coat-1');
    expect(fixture.changes).toEqual([{ topic: 'products/create', product: fixture.store.products.get(id) }]);
  });

  it('still accepts the deprecated input: argument, but not both or neither', async () => {
    const viaInput = await server.graphql('mutation { productCreate(input: { title: "Old Style" }) { product { title } userErrors { message } } }');
    expect(viaInput.body.data.productCreate).toEqual({ product: { title: 'Old Style' }, userErrors: [] });
    const both = await server.graphql('mutation { productCreate(input: { title: "a" }, product: { title: "b" }) { product { id } } }');
    expect(both.body.errors[0]).toMatchObject({
      message: 'productCreate must include exactly one of the following arguments: input, product.',
      extensions: { code: 'INVALID_FIELD_ARGUMENTS' },
      path: ['productCreate'],
    });
    expect(both.body.data).toEqual({ productCreate: null });
  });

  it('answers validation problems as userErrors and changes nothing', async () => {
    const before = fixture.store.products.size;
    const { body } = await server.graphql(PRODUCT_CREATE, { product: { title: '  ' } });
    expect(body.data.productCreate).toEqual({ product: null, userErrors: [{ field: ['title'], message: "Title can't be blank" }] });
    const unknownCategory = await server.graphql(PRODUCT_CREATE, { product: { title: 'x', category: 'gid://shopify/TaxonomyCategory/zz-99' } });
    expect(unknownCategory.body.errors[0].message).toBe('Invalid product_taxonomy_node_id');
    expect(fixture.store.products.size).toBe(before);
    expect(fixture.changes).toEqual([]);
  });

  it('needs write_products', async () => {
    const { body } = await server.graphql(PRODUCT_CREATE, { product: { title: 'x' } }, 'readOnly');
    expect(body.errors[0]).toMatchObject({
      message: 'Access denied for productCreate field. Required access: `write_products` access scope.',
      extensions: { code: 'ACCESS_DENIED' },
    });
    expect(fixture.changes).toEqual([]);
  });
});

const ORDER_CREATE = `mutation($order: OrderCreateOrderInput!) { orderCreate(order: $order) {
  order { id name email processedAt customer { id } lineItems(first: 5) { nodes { title quantity sku variant { id } originalUnitPriceSet { shopMoney { amount currencyCode } } } } }
  userErrors { field message code } } }`;

describe('orderCreate', () => {
  it('creates an order for a customer from variants, and the store announces orders/create', async () => {
    const [coat] = fixture.products;
    const [ana] = fixture.customers;
    const { body } = await server.graphql(ORDER_CREATE, {
      order: {
        customer: { toAssociate: { id: `gid://shopify/Customer/${ana!.id}` } },
        processedAt: '2025-05-01T10:00:00Z',
        lineItems: [
          { variantId: `gid://shopify/ProductVariant/${coat!.variants[1]!.id}`, quantity: 2 },
          { title: 'Gift wrap', quantity: 1, priceSet: { shopMoney: { amount: '3.5', currencyCode: 'EUR' } } },
        ],
      },
    });
    const payload = body.data.orderCreate;
    expect(payload.userErrors).toEqual([]);
    expect(payload.order).toMatchObject({
      name: '#1004',
      email: 'ana@example.com',
      processedAt: '2025-05-01T10:00:00Z',
      customer: { id: `gid://shopify/Customer/${ana!.id}` },
      lineItems: {
        nodes: [
          {
            title: 'Rain Coat',
            quantity: 2,
            sku: 'RC-M',
            variant: { id: `gid://shopify/ProductVariant/${coat!.variants[1]!.id}` },
            originalUnitPriceSet: { shopMoney: { amount: '95.0', currencyCode: 'EUR' } },
          },
          { title: 'Gift wrap', quantity: 1, sku: null, variant: null, originalUnitPriceSet: { shopMoney: { amount: '3.5', currencyCode: 'EUR' } } },
        ],
      },
    });
    const order = fixture.store.orders.get(Number(payload.order.id.split('/').pop()))!;
    expect(order.createdAt).toBe(NOW.toISOString());
    expect(fixture.changes).toEqual([{ topic: 'orders/create', order }]);
  });

  it('keeps the order’s custom attributes and each line’s properties, as a storefront checkout does', async () => {
    const [coat] = fixture.products;
    const { body } = await server.graphql(
      `mutation($order: OrderCreateOrderInput!) { orderCreate(order: $order) {
        order { customAttributes { key value } lineItems(first: 5) { nodes { customAttributes { key value } } } } userErrors { message } } }`,
      {
        order: {
          customAttributes: [{ key: '_tacto_exp', value: '3.t.20261203' }],
          lineItems: [{ variantId: `gid://shopify/ProductVariant/${coat!.variants[0]!.id}`, quantity: 1, properties: [{ name: '_tacto', value: 'email' }] }],
        },
      },
    );
    expect(body.data.orderCreate).toEqual({
      order: { customAttributes: [{ key: '_tacto_exp', value: '3.t.20261203' }], lineItems: { nodes: [{ customAttributes: [{ key: '_tacto', value: 'email' }] }] } },
      userErrors: [],
    });
  });

  it('answers Shopify’s userErrors for an empty or unknown order', async () => {
    const empty = await server.graphql(ORDER_CREATE, { order: { lineItems: [] } });
    expect(empty.body.data.orderCreate).toEqual({
      order: null,
      userErrors: [{ field: ['order', 'lineItems'], message: 'Line items must have at least one line item', code: 'INVALID' }],
    });
    const future = await server.graphql(ORDER_CREATE, { order: { processedAt: '2099-01-01T00:00:00Z', lineItems: [{ title: 'x', quantity: 1 }] } });
    expect(future.body.data.orderCreate.userErrors[0]).toMatchObject({ field: ['order', 'processedAt'], code: 'PROCESSED_AT_INVALID' });
    expect(fixture.changes).toEqual([]);
  });

  it('needs write_orders', async () => {
    const { body } = await server.graphql(ORDER_CREATE, { order: { lineItems: [{ title: 'x', quantity: 1 }] } }, 'readOnly');
    expect(body.errors[0].message).toBe('Access denied for orderCreate field. Required access: `write_orders` access scope.');
  });
});

const CONSENT = `mutation($input: CustomerEmailMarketingConsentUpdateInput!) { customerEmailMarketingConsentUpdate(input: $input) {
  customer { id emailMarketingConsent { marketingState marketingOptInLevel consentUpdatedAt } }
  userErrors { field message code } } }`;

describe('customerEmailMarketingConsentUpdate', () => {
  it('updates consent through the store, which announces the change', async () => {
    const [ana] = fixture.customers;
    const { body } = await server.graphql(CONSENT, {
      input: { customerId: `gid://shopify/Customer/${ana!.id}`, emailMarketingConsent: { marketingState: 'UNSUBSCRIBED' } },
    });
    expect(body.data.customerEmailMarketingConsentUpdate).toEqual({
      customer: {
        id: `gid://shopify/Customer/${ana!.id}`,
        emailMarketingConsent: { marketingState: 'UNSUBSCRIBED', marketingOptInLevel: null, consentUpdatedAt: '2025-06-15T12:00:00Z' },
      },
      userErrors: [],
    });
    expect(fixture.changes).toEqual([{ topic: 'customers_email_marketing_consent/update', customer: ana }]);
  });

  it('answers Shopify’s validation errors', async () => {
    const [ana] = fixture.customers;
    const input = (consent: Record<string, unknown>, customerId = `gid://shopify/Customer/${ana!.id}`) => ({
      input: { customerId, emailMarketingConsent: consent },
    });
    const unknown = await server.graphql(CONSENT, input({ marketingState: 'UNSUBSCRIBED' }, 'gid://shopify/Customer/1'));
    expect(unknown.body.data.customerEmailMarketingConsentUpdate.userErrors).toEqual([
      { field: ['input', 'customerId'], message: 'Customer not found', code: 'INVALID' },
    ]);
    const noLevel = await server.graphql(CONSENT, input({ marketingState: 'SUBSCRIBED' }));
    expect(noLevel.body.data.customerEmailMarketingConsentUpdate.userErrors).toEqual([
      { field: ['input', 'emailMarketingConsent', 'marketingOptInLevel'], message: 'Marketing opt in level must exist', code: 'MISSING_ARGUMENT' },
    ]);
    const notSettable = await server.graphql(CONSENT, input({ marketingState: 'NOT_SUBSCRIBED' }));
    expect(notSettable.body.errors[0]).toMatchObject({ message: 'Cannot specify NOT_SUBSCRIBED as a marketing state input', extensions: { code: 'INVALID' } });
    expect(fixture.changes).toEqual([]);
  });

  it('needs write_customers', async () => {
    const { body } = await server.graphql(
      CONSENT,
      { input: { customerId: `gid://shopify/Customer/${fixture.customers[0]!.id}`, emailMarketingConsent: { marketingState: 'UNSUBSCRIBED' } } },
      'readOnly',
    );
    expect(body.errors[0].message).toBe(
      'Access denied for customerEmailMarketingConsentUpdate field. Required access: `write_customers` access scope.',
    );
    expect(fixture.changes).toEqual([]);
  });
});

describe('collection mutations', () => {
  const gidOf = (type: string, id: number) => `gid://shopify/${type}/${id}`;
  const members = (collectionId: number) => [...fixture.store.products.values()].filter((p) => p.collectionIds.includes(collectionId)).map((p) => p.id);
  const COLLECTION_CREATE = `mutation($input: CollectionInput!) { collectionCreate(input: $input) {
    collection { id title handle updatedAt ruleSet { appliedDisjunctively rules { column relation condition } } products(first: 10) { nodes { id } } }
    userErrors { field message } } }`;

  it('collectionCreate makes a custom collection with its products, or a smart one that takes products by its rules', async () => {
    const [coat, scarf] = fixture.products;
    const custom = await server.graphql(COLLECTION_CREATE, { input: { title: 'Gifts', products: [gidOf('Product', scarf!.id)] } });
    expect(custom.body.data.collectionCreate.userErrors).toEqual([]);
    const created = custom.body.data.collectionCreate.collection;
    expect(created).toMatchObject({ title: 'Gifts', handle: 'gifts', ruleSet: null, products: { nodes: [{ id: gidOf('Product', scarf!.id) }] } });
    const id = Number(created.id.split('/').pop());
    expect(fixture.changes.map((c) => c.topic)).toEqual(['collections/create']);

    const smart = await server.graphql(COLLECTION_CREATE, {
      input: { title: 'Rain', ruleSet: { appliedDisjunctively: false, rules: [{ column: 'TAG', relation: 'EQUALS', condition: 'rain' }] } },
    });
    const rain = smart.body.data.collectionCreate.collection;
    expect(rain.ruleSet).toEqual({ appliedDisjunctively: false, rules: [{ column: 'TAG', relation: 'EQUALS', condition: 'rain' }] });
    expect(rain.products.nodes).toEqual([{ id: gidOf('Product', coat!.id) }]);
    expect(members(id)).toEqual([scarf!.id]);
  });

  it('collectionAddProducts and collectionRemoveProducts change a custom collection and announce collections/update', async () => {
    const { collection } = fixture;
    const [coat, scarf] = fixture.products;
    const added = await server.graphql(
      `mutation($id: ID!, $ids: [ID!]!) { collectionAddProducts(id: $id, productIds: $ids) { collection { id } userErrors { field message } } }`,
      { id: gidOf('Collection', collection.id), ids: [gidOf('Product', scarf!.id)] },
    );
    expect(added.body.data.collectionAddProducts).toEqual({ collection: { id: gidOf('Collection', collection.id) }, userErrors: [] });
    expect(members(collection.id).sort()).toEqual([coat!.id, scarf!.id].sort());
    const removed = await server.graphql(
      `mutation($id: ID!, $ids: [ID!]!) { collectionRemoveProducts(id: $id, productIds: $ids) { job { done } userErrors { message } } }`,
      { id: gidOf('Collection', collection.id), ids: [gidOf('Product', coat!.id)] },
    );
    expect(removed.body.data.collectionRemoveProducts).toEqual({ job: { done: true }, userErrors: [] });
    expect(members(collection.id)).toEqual([scarf!.id]);
    expect(fixture.changes.map((c) => c.topic)).toEqual(['collections/update', 'collections/update']);
  });

  it('collectionUpdate renames, collectionDelete removes the collection from every product', async () => {
    const { collection } = fixture;
    const [coat] = fixture.products;
    const renamed = await server.graphql(
      `mutation($input: CollectionInput!) { collectionUpdate(input: $input) { collection { title handle } userErrors { message } } }`,
      { input: { id: gidOf('Collection', collection.id), title: 'Rain gear' } },
    );
    expect(renamed.body.data.collectionUpdate).toEqual({ collection: { title: 'Rain gear', handle: 'rainwear' }, userErrors: [] });
    const deleted = await server.graphql(
      `mutation($input: CollectionDeleteInput!) { collectionDelete(input: $input) { deletedCollectionId userErrors { message } } }`,
      { input: { id: gidOf('Collection', collection.id) } },
    );
    expect(deleted.body.data.collectionDelete).toEqual({ deletedCollectionId: gidOf('Collection', collection.id), userErrors: [] });
    expect(fixture.store.collections.has(collection.id)).toBe(false);
    expect(coat!.collectionIds).not.toContain(collection.id);
    expect(fixture.changes).toEqual([
      { topic: 'collections/update', collection },
      { topic: 'collections/delete', collectionId: collection.id },
    ]);
  });

  it('answers userErrors for what Shopify refuses, and changes nothing', async () => {
    const smart = fixture.store.addCollection({
      title: 'Wool',
      handle: 'wool',
      ruleSet: { appliedDisjunctively: true, rules: [{ column: 'TAG', relation: 'EQUALS', condition: 'wool' }] },
    });
    fixture.changes.length = 0;
    const [coat] = fixture.products;
    const blank = await server.graphql(COLLECTION_CREATE, { input: { title: ' ' } });
    expect(blank.body.data.collectionCreate).toEqual({ collection: null, userErrors: [{ field: ['title'], message: "Title can't be blank" }] });
    const toSmart = await server.graphql(
      `mutation($id: ID!, $ids: [ID!]!) { collectionAddProducts(id: $id, productIds: $ids) { collection { id } userErrors { field message } } }`,
      { id: gidOf('Collection', smart.id), ids: [gidOf('Product', coat!.id)] },
    );
    expect(toSmart.body.data.collectionAddProducts).toEqual({
      collection: null,
      userErrors: [{ field: ['id'], message: "Can't manually add products to a smart collection" }],
    });
    const unknown = await server.graphql(
      `mutation($input: CollectionDeleteInput!) { collectionDelete(input: $input) { deletedCollectionId userErrors { field message } } }`,
      { input: { id: gidOf('Collection', 4242) } },
    );
    expect(unknown.body.data.collectionDelete).toEqual({ deletedCollectionId: null, userErrors: [{ field: ['id'], message: 'Collection does not exist' }] });
    expect(fixture.changes).toEqual([]);
  });

  it('need write_products', async () => {
    const { body } = await server.graphql(COLLECTION_CREATE, { input: { title: 'x' } }, 'readOnly');
    expect(body.errors[0]).toMatchObject({
      message: 'Access denied for collectionCreate field. Required access: `write_products` access scope.',
      extensions: { code: 'ACCESS_DENIED' },
    });
    expect(fixture.changes).toEqual([]);
  });
});
