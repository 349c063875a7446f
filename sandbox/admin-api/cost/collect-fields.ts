import {
  getDirectiveValues,
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  isAbstractType,
  Kind,
  type FieldNode,
  type FragmentDefinitionNode,
  type FragmentSpreadNode,
  type GraphQLCompositeType,
  type GraphQLSchema,
  type InlineFragmentNode,
  type SelectionSetNode,
} from 'graphql';

export interface FieldCollectionInput {
  schema: GraphQLSchema;
  fragments: Record<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
  /** Keep `__typename` selections (they cost nothing, but a bulk export prints them). */
  keepTypename?: boolean;
}

function included(input: FieldCollectionInput, node: FieldNode | FragmentSpreadNode | InlineFragmentNode): boolean {
  if (getDirectiveValues(GraphQLSkipDirective, node, input.variables)?.if === true) return false;
  return getDirectiveValues(GraphQLIncludeDirective, node, input.variables)?.if !== false;
}

function applies(input: FieldCollectionInput, typeCondition: string | undefined, type: GraphQLCompositeType): boolean {
  if (!typeCondition || typeCondition === type.name) return true;
  const condition = input.schema.getType(typeCondition);
  if (!condition || !isAbstractType(condition)) return false;
  // On an abstract parent every member may match; on an object, only if it belongs to the condition.
  return isAbstractType(type) || input.schema.isSubType(condition, type);
}

/**
 * The fields a selection asks of `type`, by response key (alias or name), with fragments expanded and
 * @skip/@include applied — the same grouping graphql-js executes with.
 */
export function collectFields(
  input: FieldCollectionInput,
  selection: SelectionSetNode,
  type: GraphQLCompositeType,
  into = new Map<string, FieldNode[]>(),
  visited = new Set<string>(),
): Map<string, FieldNode[]> {
  for (const node of selection.selections) {
    if (!included(input, node)) continue;
    if (node.kind === Kind.FIELD) {
      if (node.name.value === '__typename' && !input.keepTypename) continue;
      const key = node.alias?.value ?? node.name.value;
      const group = into.get(key);
      if (group) group.push(node);
      else into.set(key, [node]);
    } else if (node.kind === Kind.INLINE_FRAGMENT) {
      if (applies(input, node.typeCondition?.name.value, type)) collectFields(input, node.selectionSet, type, into, visited);
    } else {
      const name = node.name.value;
      const fragment = input.fragments[name];
      if (!fragment || visited.has(name) || !applies(input, fragment.typeCondition.name.value, type)) continue;
      visited.add(name);
      collectFields(input, fragment.selectionSet, type, into, visited);
    }
  }
  return into;
}
