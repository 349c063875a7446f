import { afterEach, describe, expect, it } from 'vitest';
import { fixtureStore, startServer, type Fixture, type TestServer } from './helpers.ts';

/** A query whose requested and actual cost are both `n`: n aliases of `shop`, one point each. */
const costing = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `s${i}: shop { name }`).join(' ')} }`;
const CREATE = 'mutation { productCreate(product: { title: "Throttled?" }) { product { id } userErrors { message } } }';

let server: TestServer;
let fixture: Fixture;
let clock = 0;

async function start(throttle = { maximumAvailable: 100, restoreRate: 10 }) {
  clock = 1_000_000;
  fixture = fixtureStore();
  server = await startServer(fixture, { throttle, now: () => clock });
}
afterEach(() => server.close());

describe('cost-based throttling', () => {
  it('charges requested cost up front and refunds what the query did not use', async () => {
    await start();
    const { body } = await server.graphql('{ products(first: 40) { nodes { id } } }');
    // Requested 2 + 40 × 1; three products came back, so actual is 2 + 3.
    expect(body.extensions.cost).toEqual({
      requestedQueryCost: 42,
      actualQueryCost: 5,
      throttleStatus: { maximumAvailable: 100, currentlyAvailable: 95, restoreRate: 10 },
    });
  });

  it('throttles once the bucket is empty, runs nothing, and restores with time', async () => {
    await start();
    expect((await server.graphql(costing(50))).body.extensions.cost.throttleStatus.currentlyAvailable).toBe(50);
    expect((await server.graphql(costing(50))).body.extensions.cost.throttleStatus.currentlyAvailable).toBe(0);

    const productsBefore = fixture.store.products.size;
    const throttled = await server.graphql(CREATE);
    expect(throttled.status).toBe(200);
    expect(throttled.body).toEqual({
      errors: [{ message: 'Throttled', extensions: { code: 'THROTTLED', documentation: 'https://shopify.dev/api/usage/rate-limits' } }],
      extensions: {
        cost: { requestedQueryCost: 10, actualQueryCost: null, throttleStatus: { maximumAvailable: 100, currentlyAvailable: 0, restoreRate: 10 } },
      },
    });
    expect(fixture.store.products.size).toBe(productsBefore);

    clock += 1_000; // 10 points leak back per second
    const created = await server.graphql(CREATE);
    expect(created.body.data.productCreate.product.id).toMatch(/^gid:\/\/shopify\/Product\/\d+$/);
    expect(created.body.extensions.cost.throttleStatus.currentlyAvailable).toBe(0);
    expect(fixture.store.products.size).toBe(productsBefore + 1);

    clock += 60_000; // never beyond the maximum
    expect((await server.graphql(costing(1))).body.extensions.cost.throttleStatus.currentlyAvailable).toBe(99);
  });

  it('refuses a single query above 1000 points with MAX_COST_EXCEEDED, charging nothing', async () => {
    await start({ maximumAvailable: 2000, restoreRate: 100 });
    const { status, body } = await server.graphql('{ products(first: 250) { nodes { variants(first: 250) { nodes { id } } } } }');
    expect(status).toBe(200);
    expect(body.data).toBeUndefined();
    expect(body.errors).toHaveLength(1);
    expect(body.errors[0].message).toMatch(/^Query cost is 63252, which exceeds the single query max cost limit \(1000\)\.\n/);
    expect(body.errors[0].extensions).toEqual({ code: 'MAX_COST_EXCEEDED', cost: 63252, maxCost: 1000 });
    expect(body.extensions.cost).toMatchObject({ requestedQueryCost: 63252, actualQueryCost: null });
    expect(body.extensions.cost.throttleStatus.currentlyAvailable).toBe(2000);
  });

  it('uses Shopify’s standard bucket by default: 1000 points restoring 50 per second', async () => {
    clock = 0;
    fixture = fixtureStore();
    server = await startServer(fixture, { now: () => clock });
    const { body } = await server.graphql('{ shop { name } }');
    expect(body.extensions.cost.throttleStatus).toEqual({ maximumAvailable: 1000, currentlyAvailable: 999, restoreRate: 50 });
  });
});
