import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { analyzeBulkQuery } from '../../../sandbox/admin-api/bulk/bulk-query-plan.ts';
import { jsonlLines } from '../../../sandbox/admin-api/bulk/jsonl.ts';
import { buildAdminSchema } from '../../../sandbox/admin-api/schema/build-schema.ts';

const schema = buildAdminSchema();
const analyze = (query: string) => analyzeBulkQuery(schema, parse(query));

describe('bulk query rules (Shopify’s userError messages)', () => {
  it('accepts a connection with one nested connection under a node that selects id', () => {
    const analysis = analyze('{ orders { edges { node { id lineItems { edges { node { id } } } } } } }');
    expect(analysis.errors).toEqual([]);
    expect(analysis.plan).not.toBeNull();
  });

  it('refuses mutations, queries without a connection and top-level node', () => {
    expect(analyze('mutation { productCreate(product: { title: "x" }) { product { id } } }').errors).toEqual([
      'Invalid operation type. Only `query` operations are supported.',
    ]);
    expect(analyze('{ shop { id } }').errors).toEqual(['Bulk queries must contain at least one connection.']);
    expect(analyze('{ node(id: "gid://shopify/Product/1") { id } }').errors).toEqual([
      'Bulk queries cannot contain a top level `node` field.',
      'Bulk queries must contain at least one connection.',
    ]);
  });

  it('refuses `nodes` selections, deep nesting, parents without id and connections in lists', () => {
    expect(analyze('{ products { nodes { id } } }').errors).toEqual([
      "All connection fields in a bulk query must select their contents using 'edges' > 'node', e.g: 'products { edges { node {'. Selecting via 'nodes' is not supported. Invalid connection fields: 'products'.",
    ]);
    expect(
      analyze('{ collections { edges { node { id products { edges { node { id variants { edges { node { id } } } } } } } } } }').errors,
    ).toEqual(['Bulk queries cannot contain connections with a nesting depth greater than 2.']);
    expect(analyze('{ products { edges { node { title variants { edges { node { id } } } } } } }').errors).toEqual([
      "The parent 'node' field for a nested connection must select the 'id' field without an alias and must be of 'ID' return type. Connection fields without 'id': products.",
    ]);
    expect(analyze('{ orders { edges { node { id refunds { refundLineItems { edges { node { quantity } } } } } } } }').errors).toEqual([
      'Queries that contain a connection field within a list field are not currently supported.',
    ]);
  });

  it('refuses more than five connections', () => {
    const nested = ['variants', 'collections', 'images', 'variants', 'collections']
      .map((field, i) => `c${i}: ${field} { edges { node { __typename } } }`)
      .join(' ');
    expect(analyze(`{ products { edges { node { id ${nested} } } } }`).errors).toEqual(['Bulk queries cannot contain more than 5 connections.']);
  });
});

describe('JSONL flattening', () => {
  const { plan } = analyze(
    '{ orders { edges { cursor node { id name customer { id } lineItems { edges { node { id quantity } } } } } pageInfo { hasNextPage } } }',
  );

  it('puts each node on a line, nested nodes after their parent with __parentId, objects inline', () => {
    const data = {
      orders: {
        edges: [
          {
            cursor: 'c1',
            node: {
              id: 'gid://shopify/Order/1',
              name: '#1001',
              customer: { id: 'gid://shopify/Customer/9' },
              lineItems: { edges: [{ node: { id: 'gid://shopify/LineItem/2', quantity: 1 } }, { node: { id: 'gid://shopify/LineItem/3', quantity: 2 } }] },
            },
          },
          { cursor: 'c2', node: { id: 'gid://shopify/Order/4', name: '#1002', customer: null, lineItems: { edges: [] } } },
        ],
        pageInfo: { hasNextPage: false },
      },
    };
    const chunk = jsonlLines(data, plan!.fields);
    expect(chunk.rootObjects).toBe(2);
    expect(chunk.lines).toEqual([
      '{"id":"gid://shopify/Order/1","name":"#1001","customer":{"id":"gid://shopify/Customer/9"}}',
      '{"id":"gid://shopify/LineItem/2","quantity":1,"__parentId":"gid://shopify/Order/1"}',
      '{"id":"gid://shopify/LineItem/3","quantity":2,"__parentId":"gid://shopify/Order/1"}',
      '{"id":"gid://shopify/Order/4","name":"#1002","customer":null}',
    ]);
  });

  it('keeps response keys (aliases) as the line’s keys', () => {
    const aliased = analyze('{ all: products { list: edges { item: node { id label: title } } } }');
    const data = { all: { list: [{ item: { id: 'gid://shopify/Product/1', label: 'Rain Coat' } }] } };
    expect(jsonlLines(data, aliased.plan!.fields).lines).toEqual(['{"id":"gid://shopify/Product/1","label":"Rain Coat"}']);
  });
});
