import {
  getArgumentValues,
  getNamedType,
  getNullableType,
  isAbstractType,
  isLeafType,
  isListType,
  isObjectType,
  Kind,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { collectFields } from './collect-fields.ts';

/**
 * Shopify's calculated query cost, as shopify.dev documents it ("GraphQL Admin API rate limits"):
 * scalars and enums 0, objects 1, connections 2 plus `first`/`last` times the cost of one node,
 * interfaces and unions the most expensive possibility, each mutation 10. The requested cost is computed
 * from the document before anything runs; the actual cost from what came back. No I/O.
 */

export const MUTATION_COST = 10;

export interface CostInput {
  schema: GraphQLSchema;
  operation: OperationDefinitionNode;
  fragments: Record<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
}

export function isConnectionType(type: GraphQLNamedType): type is GraphQLObjectType {
  if (!isObjectType(type) || !type.name.endsWith('Connection')) return false;
  const fields = type.getFields();
  return 'pageInfo' in fields && 'edges' in fields;
}

/** The node type of a connection (`ProductConnection` → `Product`). */
export function connectionNodeType(connection: GraphQLObjectType): GraphQLCompositeType {
  const edge = getNamedType(connection.getFields().edges!.type) as GraphQLObjectType;
  return getNamedType(edge.getFields().node!.type) as GraphQLCompositeType;
}

function mergedSelection(nodes: readonly FieldNode[]): SelectionSetNode {
  return { kind: Kind.SELECTION_SET, selections: nodes.flatMap((node) => node.selectionSet?.selections ?? []) };
}

function argumentsOf(input: CostInput, field: GraphQLField<unknown, unknown>, node: FieldNode): Record<string, unknown> {
  try {
    return getArgumentValues(field, node, input.variables);
  } catch {
    return {}; // Invalid arguments fail validation or execution with a proper error; cost them as absent.
  }
}

/**
 * Selections of the node inside a connection: `edges { node {…} }` and `nodes {…}` each describe one node;
 * a node is charged once, at the dearer of the two.
 */
function nodeSelections(input: CostInput, connection: GraphQLObjectType, selection: SelectionSetNode): SelectionSetNode[] {
  const found: SelectionSetNode[] = [];
  const edgeType = getNamedType(connection.getFields().edges!.type) as GraphQLObjectType;
  for (const [, nodes] of collectFields(input, selection, connection)) {
    const name = nodes[0]!.name.value;
    if (name === 'nodes') found.push(mergedSelection(nodes));
    if (name === 'edges') {
      for (const [, edgeNodes] of collectFields(input, mergedSelection(nodes), edgeType)) {
        if (edgeNodes[0]!.name.value === 'node') found.push(mergedSelection(edgeNodes));
      }
    }
  }
  return found;
}

/** Cost of a selection on `type`; for an interface or union, that of its dearest member. */
function selectionCost(input: CostInput, selection: SelectionSetNode, type: GraphQLCompositeType): number {
  if (isAbstractType(type)) {
    return Math.max(0, ...input.schema.getPossibleTypes(type).map((member) => selectionCost(input, selection, member)));
  }
  let total = 0;
  for (const [, nodes] of collectFields(input, selection, type)) {
    const field = type.getFields()[nodes[0]!.name.value];
    if (field) total += fieldCost(input, field, nodes);
  }
  return total;
}

function fieldCost(input: CostInput, field: GraphQLField<unknown, unknown>, nodes: readonly FieldNode[]): number {
  const named = getNamedType(field.type);
  if (isLeafType(named)) return 0;
  const args = argumentsOf(input, field, nodes[0]!);
  const selection = mergedSelection(nodes);
  if (isConnectionType(named)) {
    const size = Number(args.first ?? args.last ?? 0);
    const nodeType = connectionNodeType(named);
    const perNode = Math.max(0, ...nodeSelections(input, named, selection).map((s) => 1 + selectionCost(input, s, nodeType)));
    return 2 + size * perNode;
  }
  const one = 1 + selectionCost(input, selection, named as GraphQLCompositeType);
  if (!isListType(getNullableType(field.type))) return one;
  // Lists that take a size (`refunds(first:)`, `nodes(ids:)`) are charged per requested element.
  if (typeof args.first === 'number') return args.first * one;
  if (Array.isArray(args.ids)) return args.ids.length * one;
  return one;
}

/** `requestedQueryCost`: the most the operation can cost, known before running it. */
export function requestedQueryCost(input: CostInput): number {
  const { schema, operation } = input;
  if (operation.operation === 'mutation') {
    return MUTATION_COST * collectFields(input, operation.selectionSet, schema.getMutationType()!).size;
  }
  return selectionCost(input, operation.selectionSet, schema.getQueryType()!);
}

function actualSelectionCost(input: CostInput, selection: SelectionSetNode, type: GraphQLCompositeType, value: unknown): number {
  if (value === null || typeof value !== 'object') return 0;
  if (isAbstractType(type)) {
    return Math.max(0, ...input.schema.getPossibleTypes(type).map((member) => actualSelectionCost(input, selection, member, value)));
  }
  const record = value as Record<string, unknown>;
  let total = 0;
  for (const [key, nodes] of collectFields(input, selection, type)) {
    const field = type.getFields()[nodes[0]!.name.value];
    if (field) total += actualFieldCost(input, field, nodes, record[key]);
  }
  return total;
}

function actualFieldCost(input: CostInput, field: GraphQLField<unknown, unknown>, nodes: readonly FieldNode[], value: unknown): number {
  const named = getNamedType(field.type);
  if (isLeafType(named) || value === null || value === undefined) return 0;
  const selection = mergedSelection(nodes);
  if (isConnectionType(named)) {
    const nodeType = connectionNodeType(named);
    const selections = nodeSelections(input, named, selection);
    const returned = returnedNodes(input, named, selection, value);
    let total = 2;
    for (const node of returned) {
      total += Math.max(0, ...selections.map((s) => 1 + actualSelectionCost(input, s, nodeType, node)));
    }
    return total;
  }
  const type = named as GraphQLCompositeType;
  if (Array.isArray(value)) {
    return value.reduce((sum: number, item) => sum + (item === null ? 0 : 1 + actualSelectionCost(input, selection, type, item)), 0);
  }
  return 1 + actualSelectionCost(input, selection, type, value);
}

/** The nodes a connection value holds, read from whichever of `edges`/`nodes` was selected (by alias). */
function returnedNodes(input: CostInput, connection: GraphQLObjectType, selection: SelectionSetNode, value: unknown): unknown[] {
  const record = value as Record<string, unknown>;
  const edgeType = getNamedType(connection.getFields().edges!.type) as GraphQLObjectType;
  let best: unknown[] = [];
  for (const [key, nodes] of collectFields(input, selection, connection)) {
    const name = nodes[0]!.name.value;
    const list = record[key];
    if (!Array.isArray(list)) continue;
    if (name === 'nodes' && list.length > best.length) best = list;
    if (name === 'edges') {
      for (const [edgeKey, edgeNodes] of collectFields(input, mergedSelection(nodes), edgeType)) {
        if (edgeNodes[0]!.name.value !== 'node') continue;
        const fromEdges = list.map((edge) => (edge as Record<string, unknown> | null)?.[edgeKey] ?? null);
        if (fromEdges.length > best.length) best = fromEdges;
      }
    }
  }
  return best;
}

/** `actualQueryCost`: what the returned data cost. Mutations always cost their flat price. */
export function actualQueryCost(input: CostInput, data: Record<string, unknown> | null | undefined): number {
  const { schema, operation } = input;
  if (operation.operation === 'mutation') return requestedQueryCost(input);
  return actualSelectionCost(input, operation.selectionSet, schema.getQueryType()!, data ?? null);
}
