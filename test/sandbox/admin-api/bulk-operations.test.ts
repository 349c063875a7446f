import { afterEach, describe, expect, it } from 'vitest';
import type { FinishedBulkOperation, ObservedQuery } from '../../../sandbox/admin-api/index.ts';
import { waitFor } from '../../support/eventually.ts';
import { fixtureStore, startServer, type Fixture, type TestServer, type TokenName } from './helpers.ts';

const RUN = `mutation($query: String!) { bulkOperationRunQuery(query: $query) {
  bulkOperation { id status type errorCode createdAt completedAt objectCount rootObjectCount fileSize url partialDataUrl query }
  userErrors { field message code } } }`;
const CURRENT = '{ currentBulkOperation(type: QUERY) { id status errorCode objectCount rootObjectCount fileSize url partialDataUrl } }';
const ORDERS_QUERY = `{ orders { edges { node { id name createdAt customer { id } lineItems { edges { node { id title quantity variant { id } } } } } } } }`;

let fixture: Fixture;
let server: TestServer;
let finished: FinishedBulkOperation[];
let observed: ObservedQuery[];

/**
 * Paced so that an operation stays CREATED, then RUNNING, for a window a client's next request lands in even on a
 * loaded machine (the fixture's 3 orders, one per chunk: CREATED for one pause, RUNNING for two).
 */
const PACED = { chunkSize: 1, pauseMs: 150 };

async function start(bulk: { chunkSize: number; pauseMs: number; maxConcurrentQueries?: number } = { chunkSize: 1, pauseMs: 25 }) {
  fixture = fixtureStore();
  finished = [];
  observed = [];
  server = await startServer(fixture, {
    bulk,
    onBulkOperationFinish: (operation) => finished.push(operation),
    onQuery: (query) => observed.push(query),
  });
}
afterEach(() => server.close());

async function runBulk(query: string, token: TokenName = 'full') {
  return (await server.graphql(RUN, { query }, token)).body.data.bulkOperationRunQuery;
}

/** Polls currentBulkOperation as a client would, recording every status seen, until it is final. */
async function pollUntilFinished(token: TokenName = 'full') {
  const seen: string[] = [];
  return waitFor(
    async () => {
      const current = (await server.graphql(CURRENT, undefined, token)).body.data.currentBulkOperation;
      if (seen.at(-1) !== current.status) seen.push(current.status);
      return ['COMPLETED', 'FAILED', 'CANCELED'].includes(current.status) ? { current, seen } : undefined;
    },
    { message: () => `the bulk operation to finish (seen ${seen.join(' → ')})` },
  );
}

function parseJsonl(text: string): Record<string, unknown>[] {
  return text
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe('bulk operation lifecycle', () => {
  it('goes CREATED → RUNNING → COMPLETED and writes Shopify’s JSONL, nested lines carrying __parentId', async () => {
    await start(PACED);
    const created = await runBulk(ORDERS_QUERY);
    expect(created.userErrors).toEqual([]);
    expect(created.bulkOperation).toMatchObject({
      id: expect.stringMatching(/^gid:\/\/shopify\/BulkOperation\/\d+$/),
      status: 'CREATED',
      type: 'QUERY',
      errorCode: null,
      completedAt: null,
      objectCount: '0',
      rootObjectCount: '0',
      fileSize: null,
      url: null,
      partialDataUrl: null,
      query: ORDERS_QUERY,
    });

    const { current, seen } = await pollUntilFinished();
    expect(seen).toContain('RUNNING');
    expect(seen.at(-1)).toBe('COMPLETED');
    const lineItemCount = fixture.orders.reduce((sum, order) => sum + order.lineItems.length, 0);
    expect(current).toMatchObject({
      id: created.bulkOperation.id,
      errorCode: null,
      objectCount: String(fixture.orders.length + lineItemCount),
      rootObjectCount: String(fixture.orders.length),
      url: expect.stringMatching(new RegExp(`^${server.url}/bulk-results/`)),
    });

    const response = await fetch(current.url);
    expect(response.headers.get('content-type')).toBe('application/jsonl');
    const text = await response.text();
    expect(String(Buffer.byteLength(text))).toBe(current.fileSize);

    const expected = fixture.orders.flatMap((order) => [
      {
        id: `gid://shopify/Order/${order.id}`,
        name: order.name,
        createdAt: order.createdAt.replace('.000Z', 'Z'),
        customer: { id: `gid://shopify/Customer/${order.customerId}` },
      },
      ...order.lineItems.map((line) => ({
        id: `gid://shopify/LineItem/${line.id}`,
        title: line.title,
        quantity: line.quantity,
        variant: { id: `gid://shopify/ProductVariant/${line.variantId}` },
        __parentId: `gid://shopify/Order/${order.id}`,
      })),
    ]);
    expect(parseJsonl(text)).toEqual(expected);

    expect(finished).toHaveLength(1);
    expect(finished[0]).toMatchObject({ id: created.bulkOperation.id, status: 'COMPLETED', type: 'QUERY', errorCode: null });
    expect(finished[0]!.completedAt).not.toBeNull();
  });

  it('refuses a second query operation while one is running, with Shopify’s message', async () => {
    await start(PACED);
    const first = await runBulk(ORDERS_QUERY);
    const second = await runBulk('{ products { edges { node { id } } } }');
    expect(second).toEqual({
      bulkOperation: null,
      userErrors: [
        {
          field: null,
          message: `A bulk query operation for this app and shop is already in progress: ${first.bulkOperation.id}.`,
          code: 'OPERATION_IN_PROGRESS',
        },
      ],
    });
    await server.router.bulkOperations.settled(first.bulkOperation.id);
    const third = await runBulk('{ products { edges { node { id } } } }');
    expect(third.userErrors).toEqual([]);
    await server.router.bulkOperations.settled(third.bulkOperation.id);
  });

  it('can allow several at once, as API 2026-01 and later do, listing every one in progress', async () => {
    await start({ ...PACED, maxConcurrentQueries: 2 });
    const first = await runBulk(ORDERS_QUERY);
    const second = await runBulk('{ products { edges { node { id } } } }');
    expect(second.userErrors).toEqual([]);
    const third = await runBulk('{ customers { edges { node { id } } } }');
    expect(third.userErrors[0].message).toBe(
      `A bulk query operation for this app and shop is already in progress: ${first.bulkOperation.id}, ${second.bulkOperation.id}.`,
    );
    await Promise.all([first, second].map((run) => server.router.bulkOperations.settled(run.bulkOperation.id)));
  });

  it('rejects invalid bulk queries as userErrors', async () => {
    await start();
    expect((await runBulk('')).userErrors).toEqual([
      { field: ['query'], message: 'Invalid bulk query: syntax error, unexpected end of file', code: 'INVALID' },
    ]);
    expect((await runBulk('{ products { edges { node { id colour } } } }')).userErrors).toEqual([
      { field: ['query'], message: "Invalid bulk query: Field 'colour' doesn't exist on type 'Product'", code: 'INVALID' },
    ]);
    expect((await runBulk('{ shop { name } }')).userErrors).toEqual([
      { field: ['query'], message: 'Bulk queries must contain at least one connection.', code: 'INVALID' },
    ]);
    expect(server.router.bulkOperations.list()).toHaveLength(0);
  });

  it('can be canceled while it runs, keeping no file', async () => {
    await start(PACED);
    const created = await runBulk(ORDERS_QUERY);
    const cancel = await server.graphql(
      'mutation($id: ID!) { bulkOperationCancel(id: $id) { bulkOperation { status } userErrors { message } } }',
      { id: created.bulkOperation.id },
    );
    expect(cancel.body.data.bulkOperationCancel).toEqual({ bulkOperation: { status: 'CANCELING' }, userErrors: [] });
    const done = await server.router.bulkOperations.settled(created.bulkOperation.id);
    expect(done).toMatchObject({ status: 'CANCELED', url: null });
    expect(finished.map((operation) => operation.status)).toEqual(['CANCELED']);
  });

  it('tells the query observer what a bulk query reads', async () => {
    await start();
    const created = await runBulk(ORDERS_QUERY);
    await server.router.bulkOperations.settled(created.bulkOperation.id);
    const bulk = observed.filter((query) => query.bulk);
    expect(bulk).toHaveLength(1);
    expect(bulk[0]!.fields).toEqual(expect.arrayContaining(['QueryRoot.orders', 'Order.lineItems', 'LineItem.variant']));
    expect(bulk[0]!.fields).not.toContain('Order.shippingAddress');
  });

  it('completes with no file when nothing matches', async () => {
    await start();
    const created = await runBulk('{ products(query: "tag:nothing-has-this") { edges { node { id } } } }');
    const done = await server.router.bulkOperations.settled(created.bulkOperation.id);
    expect(done).toMatchObject({ status: 'COMPLETED', objectCount: 0, rootObjectCount: 0, url: null, fileSize: null });
  });
});

describe('bulk operations and access', () => {
  it('sees only the last 60 days of orders without read_all_orders', async () => {
    await start();
    const created = await runBulk('{ orders { edges { node { id } } } }', 'recentOrders');
    const done = await server.router.bulkOperations.settled(created.bulkOperation.id);
    const lines = parseJsonl(await (await fetch(done.url!)).text());
    expect(lines.map((line) => line.id)).toEqual(fixture.orders.slice(1).map((order) => `gid://shopify/Order/${order.id}`));
  });

  it('fails with ACCESS_DENIED when the token lacks a scope the query needs', async () => {
    await start();
    const created = await runBulk('{ orders { edges { node { id } } } }', 'productsOnly');
    expect(created.bulkOperation.status).toBe('CREATED');
    const { current } = await pollUntilFinished('productsOnly');
    expect(current).toMatchObject({ status: 'FAILED', errorCode: 'ACCESS_DENIED', url: null });
    expect(finished[0]).toMatchObject({ status: 'FAILED', errorCode: 'ACCESS_DENIED' });
  });

  it('finds operations by id and serves no file it did not write', async () => {
    await start();
    const created = await runBulk('{ products { edges { node { __typename id title } } } }');
    const done = await server.router.bulkOperations.settled(created.bulkOperation.id);
    const lines = parseJsonl(await (await fetch(done.url!)).text());
    expect(lines[0]).toEqual({ __typename: 'Product', id: `gid://shopify/Product/${fixture.products[0]!.id}`, title: 'Rain Coat' });
    const { body } = await server.graphql(
      `query($id: ID!) { bulkOperation(id: $id) { status rootObjectCount } node(id: $id) { ... on BulkOperation { status } } }`,
      { id: created.bulkOperation.id },
    );
    expect(body.data).toEqual({ bulkOperation: { status: 'COMPLETED', rootObjectCount: '3' }, node: { status: 'COMPLETED' } });
    const missing = await fetch(`${server.url}/bulk-results/bulk-1-00000000-0000-0000-0000-000000000000.jsonl`);
    expect(missing.status).toBe(404);
    expect((await fetch(`${server.url}/bulk-results/..%2F..%2Fetc%2Fpasswd`)).status).toBe(404);
  });
});
