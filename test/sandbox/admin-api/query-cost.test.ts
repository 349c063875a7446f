import { Kind, parse, type FragmentDefinitionNode, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { actualQueryCost, requestedQueryCost, type CostInput } from '../../../sandbox/admin-api/cost/query-cost.ts';
import { fullBucket, refill, refund, take, throttleStatus } from '../../../sandbox/admin-api/cost/leaky-bucket.ts';
import { buildAdminSchema } from '../../../sandbox/admin-api/schema/build-schema.ts';

const schema = buildAdminSchema();

function costInput(query: string, variables: Record<string, unknown> = {}): CostInput {
  const document = parse(query);
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  const fragments = Object.fromEntries(
    document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]),
  );
  return { schema, operation, fragments, variables };
}

const requested = (query: string, variables?: Record<string, unknown>) => requestedQueryCost(costInput(query, variables));

describe('requested query cost (shopify.dev rate-limit rules)', () => {
  it('charges objects 1 and scalars 0', () => {
    expect(requested('{ shop { id name currencyCode } }')).toBe(1);
    expect(requested('{ shop { name primaryDomain { host } } }')).toBe(2);
  });

  it('charges a connection 2 plus first × one node, whichever of edges/nodes is used', () => {
    expect(requested('{ products(first: 10) { nodes { id title } } }')).toBe(12);
    expect(requested('{ products(first: 10) { edges { cursor node { id } } nodes { id } pageInfo { hasNextPage } } }')).toBe(12);
    expect(requested('{ products(last: 3) { edges { node { id } } } }')).toBe(5);
  });

  it('multiplies nested connections and counts objects inside nodes', () => {
    // 2 + 10 × (1 product + 1 featuredImage + (2 + 5 × 1 variant))
    expect(requested('{ products(first: 10) { nodes { featuredImage { url } variants(first: 5) { nodes { sku } } } } }')).toBe(92);
  });

  it('reads page sizes from variables and expands fragments', () => {
    const query = `query($n: Int!) { orders(first: $n) { nodes { ...O } } } fragment O on Order { id customer { id } }`;
    expect(requested(query, { n: 4 })).toBe(2 + 4 * 2);
  });

  it('charges the dearest member of an interface', () => {
    // node(id:) may be an Order (customer: 1) or a Product (featuredImage: 1): 1 + max(1, 1).
    expect(requested('{ node(id: "gid://shopify/Order/1") { ... on Order { customer { id } } ... on Product { featuredImage { url } } } }')).toBe(2);
  });

  it('charges each mutation 10, whatever it selects', () => {
    expect(requested('mutation { productCreate(product: { title: "x" }) { product { id variants(first: 5) { nodes { id } } } userErrors { message } } }')).toBe(10);
  });
});

describe('actual query cost', () => {
  it('charges connections for the nodes that came back', () => {
    const input = costInput('{ products(first: 10) { nodes { id featuredImage { url } } } }');
    const data = { products: { nodes: [{ id: 'a', featuredImage: { url: 'u' } }, { id: 'b', featuredImage: null }] } };
    expect(actualQueryCost(input, data)).toBe(2 + 2 + 1);
  });

  it('reads nodes through aliases and edges', () => {
    const input = costInput('{ p: products(first: 5) { list: edges { n: node { id } } } }');
    const data = { p: { list: [{ n: { id: 'a' } }, { n: { id: 'b' } }, { n: { id: 'c' } }] } };
    expect(actualQueryCost(input, data)).toBe(5);
  });

  it('charges nothing for a null object', () => {
    expect(actualQueryCost(costInput('{ product(id: "gid://shopify/Product/1") { id } }'), { product: null })).toBe(0);
  });
});

describe('leaky bucket', () => {
  const config = { maximumAvailable: 1000, restoreRate: 50 };

  it('takes the requested cost and refuses what it does not hold', () => {
    const start = fullBucket(config, 0);
    const after = take(start, 990)!;
    expect(after.available).toBe(10);
    expect(take(after, 11)).toBeNull();
  });

  it('restores at restoreRate points per second, up to the maximum', () => {
    const empty = { available: 0, updatedAt: 1_000 };
    expect(refill(empty, config, 3_000).available).toBe(100);
    expect(refill(empty, config, 60_000).available).toBe(1000);
  });

  it('refunds what a query reserved but did not use, and reports whole points', () => {
    const state = refund({ available: 500.7, updatedAt: 0 }, config, 240);
    expect(throttleStatus(state, config)).toEqual({ maximumAvailable: 1000, currentlyAvailable: 740, restoreRate: 50 });
  });
});
