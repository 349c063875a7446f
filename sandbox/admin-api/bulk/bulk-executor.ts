import {
  getArgumentValues,
  GraphQLError,
  isAbstractType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  Kind,
  TypeNameMetaFieldDef,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLAbstractType,
  type GraphQLField,
  type GraphQLLeafType,
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

/** A field's return type, classified once (graphql-js's type predicates are slow in development mode). */
type Shape =
  | { kind: 'nonNull'; of: Shape }
  | { kind: 'list'; of: Shape }
  | { kind: 'leaf'; type: GraphQLLeafType }
  | { kind: 'object'; type: GraphQLObjectType }
  | { kind: 'abstract'; type: GraphQLAbstractType };

function shapeOf(type: GraphQLOutputType): Shape {
  if (isNonNullType(type)) return { kind: 'nonNull', of: shapeOf(type.ofType) };
  if (isListType(type)) return { kind: 'list', of: shapeOf(type.ofType) };
  if (isLeafType(type)) return { kind: 'leaf', type };
  if (isAbstractType(type)) return { kind: 'abstract', type };
  return { kind: 'object', type };
}

interface PlannedField {
  key: string;
  nodes: FieldNode[];
  field: GraphQLField<unknown, unknown>;
  shape: Shape;
  args: Record<string, unknown>;
  /** Sub-selections, planned per concrete type on first use. */
  children: Map<GraphQLObjectType, PlannedField[]>;
  info?: GraphQLResolveInfo;
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
    const input = { schema: this.schema, fragments: this.fragments, variables: {}, keepTypename: true };
    const planned: PlannedField[] = [];
    for (const [key, nodes] of collectFields(input, selection, type)) {
      const name = nodes[0]!.name.value;
      const field = name === '__typename' ? TypeNameMetaFieldDef : type.getFields()[name];
      if (!field) continue;
      planned.push({ key, nodes, field, shape: shapeOf(field.type), args: getArgumentValues(field, nodes[0]!, {}), children: new Map() });
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

  /** One info per planned field, for resolvers that cannot read it (see `object`): saves millions of objects. */
  private unusedInfo(planned: PlannedField, parentType: GraphQLObjectType): GraphQLResolveInfo {
    planned.info ??= this.infoFor(planned, parentType, { prev: undefined, key: planned.key, typename: parentType.name });
    return planned.info;
  }

  private infoFor(planned: PlannedField, parentType: GraphQLObjectType, path: Path): GraphQLResolveInfo {
    return {
      fieldName: planned.field.name,
      fieldNodes: planned.nodes,
      returnType: planned.field.type,
      parentType,
      path,
      schema: this.schema,
      fragments: this.fragments,
      rootValue: undefined,
      operation: this.operation,
      variableValues: {},
    };
  }

  /** The whole result for the operation's root; resolvers decide (through the context) what one chunk holds. */
  run(context: AdminContext): Record<string, unknown> {
    return this.object(this.rootPlan, this.schema.getQueryType()!, undefined, context, undefined);
  }

  private object(plan: PlannedField[], type: GraphQLObjectType, source: unknown, context: AdminContext, path: Path | undefined) {
    const result: Record<string, unknown> = {};
    for (const planned of plan) {
      const { resolve } = planned.field;
      // A resolver declaring fewer than four parameters never sees `info`; leaves need no path of their own.
      const wantsInfo = resolve !== undefined && resolve.length >= 4;
      const fieldPath: Path | undefined = wantsInfo || planned.shape.kind !== 'leaf' ? { prev: path, key: planned.key, typename: type.name } : undefined;
      let value: unknown;
      if (!resolve) {
        // graphql-js's default resolver, inlined: most fields just read a property of the source object.
        const property = (source as Record<string, unknown>)[planned.field.name];
        value = typeof property === 'function' ? (property as (args: unknown) => unknown).call(source, planned.args) : property;
      } else {
        value = resolve(source, planned.args, context, wantsInfo ? this.infoFor(planned, type, fieldPath!) : this.unusedInfo(planned, type));
      }
      result[planned.key] = this.complete(planned.shape, value, planned, context, type, fieldPath);
    }
    return result;
  }

  private complete(
    shape: Shape,
    value: unknown,
    planned: PlannedField,
    context: AdminContext,
    parentType: GraphQLObjectType,
    path: Path | undefined,
  ): unknown {
    if (value instanceof Error) throw value;
    switch (shape.kind) {
      case 'nonNull': {
        const completed = this.complete(shape.of, value, planned, context, parentType, path);
        if (completed === null) throw new GraphQLError(`Cannot return null for non-nullable field ${parentType.name}.${planned.field.name}.`);
        return completed;
      }
      case 'list':
        if (value === null || value === undefined) return null;
        if (!Array.isArray(value)) throw new GraphQLError(`Expected a list for ${parentType.name}.${planned.field.name}.`);
        return value.map((item, index) =>
          this.complete(shape.of, item, planned, context, parentType, { prev: path, key: index, typename: undefined }),
        );
      case 'leaf':
        return value === null || value === undefined ? null : shape.type.serialize(value);
      case 'object':
        if (value === null || value === undefined) return null;
        return this.object(this.childPlan(planned, shape.type), shape.type, value, context, path);
      case 'abstract': {
        if (value === null || value === undefined) return null;
        const info = this.infoFor(planned, parentType, path ?? { prev: undefined, key: planned.key, typename: parentType.name });
        const name = shape.type.resolveType?.(value, context, info, shape.type);
        const resolved = typeof name === 'string' ? this.schema.getType(name) : undefined;
        if (!resolved || !isObjectType(resolved)) throw new GraphQLError(`Could not resolve the type of a ${shape.type.name} value.`);
        return this.object(this.childPlan(planned, resolved), resolved, value, context, path);
      }
    }
  }
}
