import {
  defaultFieldResolver,
  getArgumentValues,
  GraphQLError,
  isAbstractType,
  isLeafType,
  isListType,
  isNonNullType,
  Kind,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLOutputType,
  type GraphQLResolveInfo,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { collectFields } from '../cost/collect-fields.ts';
import type { AdminContext } from '../resolvers/context.ts';

/**
 * Runs a bulk query's document with the schema's own resolvers, for hundreds of thousands of objects.
 * graphql-js's execute spends most of a bulk export on per-field bookkeeping (argument coercion, promise
 * checks, development-mode type checks); a bulk document has no variables and fails as a whole on any error,
 * so its field plans and arguments are computed once per selection and reused for every object.
 * Produces the same data tree graphql-js would; the first error fails the run (as a FAILED operation).
 */

interface PlannedField {
  key: string;
  nodes: FieldNode[];
  field: GraphQLField<unknown, unknown>;
  args: Record<string, unknown>;
  /** Sub-selections, planned per concrete type on first use. */
  children: Map<GraphQLObjectType, PlannedField[]>;
}

/** Where a value sits in the result, as graphql-js's `info.path` describes it. */
type Path = GraphQLResolveInfo['path'];

export class BulkExecutor {
  private readonly fragments: Record<string, FragmentDefinitionNode>;
  private readonly rootPlan: PlannedField[];

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly operation: OperationDefinitionNode,
    fragments: readonly FragmentDefinitionNode[],
  ) {
    this.fragments = Object.fromEntries(fragments.map((fragment) => [fragment.name.value, fragment]));
    this.rootPlan = this.plan(operation.selectionSet, schema.getQueryType()!);
  }

  private plan(selection: SelectionSetNode, type: GraphQLObjectType): PlannedField[] {
    const input = { schema: this.schema, fragments: this.fragments, variables: {} };
    const planned: PlannedField[] = [];
    for (const [key, nodes] of collectFields(input, selection, type)) {
      const field = type.getFields()[nodes[0]!.name.value];
      if (!field) continue;
      planned.push({ key, nodes, field, args: getArgumentValues(field, nodes[0]!, {}), children: new Map() });
    }
    return planned;
  }

  private childPlan(planned: PlannedField, type: GraphQLObjectType): PlannedField[] {
    let plan = planned.children.get(type);
    if (!plan) {
      const selection = { kind: Kind.SELECTION_SET, selections: planned.nodes.flatMap((node) => node.selectionSet?.selections ?? []) } as const;
      plan = this.plan(selection, type);
      planned.children.set(type, plan);
    }
    return plan;
  }

  /** The whole result for the operation's root; resolvers decide (through the context) what one chunk holds. */
  run(context: AdminContext): Record<string, unknown> {
    return this.object(this.rootPlan, this.schema.getQueryType()!, undefined, context, undefined);
  }

  private object(plan: PlannedField[], type: GraphQLObjectType, source: unknown, context: AdminContext, path: Path | undefined) {
    const result: Record<string, unknown> = {};
    for (const planned of plan) {
      const fieldPath: Path = { prev: path, key: planned.key, typename: type.name };
      const info: GraphQLResolveInfo = {
        fieldName: planned.field.name,
        fieldNodes: planned.nodes,
        returnType: planned.field.type,
        parentType: type,
        path: fieldPath,
        schema: this.schema,
        fragments: this.fragments,
        rootValue: undefined,
        operation: this.operation,
        variableValues: {},
      };
      const resolve = planned.field.resolve ?? defaultFieldResolver;
      const value = resolve(source, planned.args, context, info);
      result[planned.key] = this.complete(planned.field.type, value, planned, context, info, fieldPath);
    }
    return result;
  }

  private complete(
    type: GraphQLOutputType,
    value: unknown,
    planned: PlannedField,
    context: AdminContext,
    info: GraphQLResolveInfo,
    path: Path,
  ): unknown {
    if (value instanceof Error) throw value;
    if (isNonNullType(type)) {
      const completed = this.complete(type.ofType, value, planned, context, info, path);
      if (completed === null) throw new GraphQLError(`Cannot return null for non-nullable field ${info.parentType.name}.${info.fieldName}.`);
      return completed;
    }
    if (value === null || value === undefined) return null;
    if (isListType(type)) {
      if (!Array.isArray(value)) throw new GraphQLError(`Expected a list for ${info.parentType.name}.${info.fieldName}.`);
      return value.map((item, index) => this.complete(type.ofType, item, planned, context, info, { prev: path, key: index, typename: undefined }));
    }
    if (isLeafType(type)) return type.serialize(value);
    let objectType = type as GraphQLObjectType;
    if (isAbstractType(type)) {
      const name = type.resolveType?.(value, context, info, type);
      const resolved = typeof name === 'string' ? this.schema.getType(name) : undefined;
      if (!resolved) throw new GraphQLError(`Could not resolve the type of a ${type.name} value.`);
      objectType = resolved as GraphQLObjectType;
    }
    return this.object(this.childPlan(planned, objectType), objectType, value, context, path);
  }
}
