import {
  getNamedType,
  getNullableType,
  isCompositeType,
  isListType,
  Kind,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLObjectType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { collectFields, type FieldCollectionInput } from '../cost/collect-fields.ts';
import { connectionNodeType, isConnectionType } from '../cost/query-cost.ts';

/**
 * Shopify's rules for `bulkOperationRunQuery` documents, and the plan for turning a result into JSONL.
 * Messages are Shopify's own, captured from real shops (airhorns/shopify-draft-proxy conformance fixtures).
 * No I/O.
 */

export type PlanField =
  | { kind: 'value'; key: string }
  | { kind: 'object'; key: string; fields: PlanField[] }
  | { kind: 'connection'; key: string; edgesKey: string; nodeKey: string; node: PlanField[] };

export interface BulkPlan {
  operation: OperationDefinitionNode;
  /** Fields of the query root; connections among them (or inside top-level objects) give the root lines. */
  fields: PlanField[];
}

export const BULK_LIMITS = { connections: 5, depth: 2 } as const;

interface ParentNode {
  /** The connection the node belongs to, as Shopify names it in its message. */
  name: string;
  hasId: boolean;
}

interface Analysis {
  connections: number;
  maxDepth: number;
  nodesSelected: string[];
  parentsWithoutId: string[];
  connectionInList: boolean;
}

function merged(nodes: readonly FieldNode[]): SelectionSetNode {
  return { kind: Kind.SELECTION_SET, selections: nodes.flatMap((node) => node.selectionSet?.selections ?? []) };
}

function selectsPlainId(fields: Map<string, FieldNode[]>): boolean {
  return (fields.get('id') ?? []).some((node) => node.name.value === 'id' && !node.alias);
}

class Planner {
  readonly analysis: Analysis = { connections: 0, maxDepth: 0, nodesSelected: [], parentsWithoutId: [], connectionInList: false };

  constructor(private readonly input: FieldCollectionInput) {}

  /**
   * Plans the fields of `selection` on `type`. `depth` counts the connections above; `inList` is true under
   * a plain list field; `parent` is the connection whose node this selection belongs to (objects inside a
   * node share its parent), with whether that node selects a plain `id`.
   */
  fields(selection: SelectionSetNode, type: GraphQLCompositeType, depth: number, inList: boolean, parent: ParentNode | null): PlanField[] {
    const collected = collectFields(this.input, selection, type);
    const plan: PlanField[] = [];
    for (const [key, nodes] of collected) {
      const name = nodes[0]!.name.value;
      if (name === '__typename') {
        plan.push({ kind: 'value', key });
        continue;
      }
      const field = 'getFields' in type ? type.getFields()[name] : undefined;
      if (!field) continue;
      const named = getNamedType(field.type);
      if (isConnectionType(named)) {
        plan.push(this.connection(key, name, nodes, named, depth, inList, parent));
      } else if (isCompositeType(named)) {
        const list = isListType(getNullableType(field.type));
        plan.push({ kind: 'object', key, fields: this.fields(merged(nodes), named, depth, inList || list, parent) });
      } else {
        plan.push({ kind: 'value', key });
      }
    }
    return plan;
  }

  private connection(
    key: string,
    name: string,
    nodes: readonly FieldNode[],
    type: GraphQLObjectType,
    depth: number,
    inList: boolean,
    parent: ParentNode | null,
  ): PlanField {
    const a = this.analysis;
    a.connections += 1;
    a.maxDepth = Math.max(a.maxDepth, depth + 1);
    if (inList) a.connectionInList = true;
    if (parent && !parent.hasId && !a.parentsWithoutId.includes(parent.name)) a.parentsWithoutId.push(parent.name);
    const inside = collectFields(this.input, merged(nodes), type);
    const edges = [...inside].find(([, group]) => group[0]!.name.value === 'edges');
    if (!edges && inside.size > 0 && [...inside.values()].some((group) => group[0]!.name.value === 'nodes')) {
      if (!a.nodesSelected.includes(name)) a.nodesSelected.push(name);
    }
    const edgeType = getNamedType(type.getFields().edges!.type) as GraphQLObjectType;
    const node = edges ? [...collectFields(this.input, merged(edges[1]), edgeType)].find(([, g]) => g[0]!.name.value === 'node') : undefined;
    const nodeType = connectionNodeType(type);
    const nodeSelection = node ? merged(node[1]) : null;
    const hasId = nodeSelection !== null && selectsPlainId(collectFields(this.input, nodeSelection, nodeType));
    const nodePlan = nodeSelection ? this.fields(nodeSelection, nodeType, depth + 1, false, { name, hasId }) : [];
    return { kind: 'connection', key, edgesKey: edges?.[0] ?? 'edges', nodeKey: node?.[0] ?? 'node', node: nodePlan };
  }
}

export interface BulkQueryAnalysis {
  /** Shopify's userError messages, empty when the query may run. */
  errors: string[];
  plan: BulkPlan | null;
}

/** Checks a parsed, schema-valid bulk query against Shopify's bulk rules and plans its JSONL output. */
export function analyzeBulkQuery(schema: GraphQLSchema, document: DocumentNode): BulkQueryAnalysis {
  const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  const operation = operations[0];
  if (!operation || operation.operation !== 'query') {
    return { errors: ['Invalid operation type. Only `query` operations are supported.'], plan: null };
  }
  const fragments = Object.fromEntries(
    document.definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((d) => [d.name.value, d]),
  );
  const planner = new Planner({ schema, fragments, variables: {}, keepTypename: true });
  const root = schema.getQueryType()!;
  const fields = planner.fields(operation.selectionSet, root, 0, false, null);
  const rootNames = [...collectFields({ schema, fragments, variables: {} }, operation.selectionSet, root).values()].map(
    (group) => group[0]!.name.value,
  );
  const a = planner.analysis;
  const errors: string[] = [];
  if (a.nodesSelected.length > 0) {
    errors.push(
      `All connection fields in a bulk query must select their contents using 'edges' > 'node', e.g: '${a.nodesSelected[0]} { edges { node {'. ` +
        `Selecting via 'nodes' is not supported. Invalid connection fields: '${a.nodesSelected.join("', '")}'.`,
    );
  }
  const topLevelNode = rootNames.includes('node') || rootNames.includes('nodes');
  if (topLevelNode) errors.push('Bulk queries cannot contain a top level `node` field.');
  if (a.maxDepth > BULK_LIMITS.depth) errors.push('Bulk queries cannot contain connections with a nesting depth greater than 2.');
  if (a.connections > BULK_LIMITS.connections) errors.push('Bulk queries cannot contain more than 5 connections.');
  if (a.parentsWithoutId.length > 0) {
    errors.push(
      "The parent 'node' field for a nested connection must select the 'id' field without an alias and must be of 'ID' return type. " +
        `Connection fields without 'id': ${a.parentsWithoutId.join(', ')}.`,
    );
  }
  if (a.connectionInList) errors.push('Queries that contain a connection field within a list field are not currently supported.');
  if (a.connections === 0 && (errors.length === 0 || (topLevelNode && errors.length === 1))) {
    errors.push('Bulk queries must contain at least one connection.');
  }
  return { errors, plan: errors.length === 0 ? { operation, fields } : null };
}
