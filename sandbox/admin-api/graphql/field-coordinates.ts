import { TypeInfo, visit, visitWithTypeInfo, type DocumentNode, type GraphQLSchema } from 'graphql';

/** What the app asked for, for tests that check it never reads data it must not (e.g. `Order.shippingAddress`). */
export interface ObservedQuery {
  query: string;
  operationName: string | null;
  variables: Record<string, unknown>;
  /** Schema coordinates of every field selected, e.g. `QueryRoot.orders`, `Order.shippingAddress`. */
  fields: string[];
  /** True for the document of a `bulkOperationRunQuery`. */
  bulk: boolean;
}

/** Every `Type.field` a (valid) document selects, fragments included, without duplicates. */
export function fieldCoordinates(schema: GraphQLSchema, document: DocumentNode): string[] {
  const typeInfo = new TypeInfo(schema);
  const found = new Set<string>();
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        const parent = typeInfo.getParentType();
        if (parent && !node.name.value.startsWith('__')) found.add(`${parent.name}.${node.name.value}`);
      },
    }),
  );
  return [...found];
}
