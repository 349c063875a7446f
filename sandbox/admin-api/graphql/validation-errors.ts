import { Kind, visit, type ASTNode, type DocumentNode, type GraphQLError } from 'graphql';

/**
 * graphql-js validation errors rewritten in the words and shape Shopify's (graphql-ruby based) Admin API
 * uses for the common cases, e.g. `Field 'x' doesn't exist on type 'Product'` with code `undefinedField`
 * and a path starting at `query OperationName`. Other errors keep graphql-js's wording.
 */

export interface ShopifyError {
  message: string;
  locations?: { line: number; column: number }[];
  path?: (string | number)[];
  extensions?: Record<string, unknown>;
}

/** The document path of `target` as Shopify prints it: `["query Name", "products", "nodes", "x"]`. */
function documentPath(document: DocumentNode, target: ASTNode): string[] | undefined {
  let found: string[] | undefined;
  visit(document, {
    enter(node, _key, _parent, _path, ancestors) {
      if (found || node !== target) return undefined;
      const chain = [...ancestors, node].filter((entry): entry is ASTNode => !Array.isArray(entry) && typeof entry === 'object' && 'kind' in entry);
      found = chain.flatMap((entry) => {
        if (entry.kind === Kind.OPERATION_DEFINITION) return [entry.name ? `${entry.operation} ${entry.name.value}` : entry.operation];
        if (entry.kind === Kind.FRAGMENT_DEFINITION) return [`fragment ${entry.name.value}`];
        if (entry.kind === Kind.FIELD) return [entry.alias?.value ?? entry.name.value];
        return [];
      });
      return false;
    },
  });
  return found;
}

function rewrite(message: string): { message: string; extensions?: Record<string, unknown> } {
  let match = /^Cannot query field "(\w+)" on type "(\w+)"\./.exec(message);
  if (match) {
    const [, fieldName, typeName] = match;
    return { message: `Field '${fieldName}' doesn't exist on type '${typeName}'`, extensions: { code: 'undefinedField', typeName, fieldName } };
  }
  match = /^Unknown argument "(\w+)" on field "\w+\.(\w+)"\./.exec(message);
  if (match) {
    const [, argumentName, name] = match;
    return {
      message: `Field '${name}' doesn't accept argument '${argumentName}'`,
      extensions: { code: 'argumentNotAccepted', name, typeName: 'Field', argumentName },
    };
  }
  match = /^Field "(\w+)" of type "\[*(\w+)[!\]]*" must have a selection of subfields\./.exec(message);
  if (match) {
    const [, field, typeName] = match;
    return {
      message: `Field must have selections (field '${field}' returns ${typeName} but has no selections. Did you mean '${field} { ... }'?)`,
      extensions: { code: 'selectionMismatch', nodeName: `field '${field}'`, typeName },
    };
  }
  match = /^Field "(\w+)" argument "(\w+)" of type "[^"]+" is required, but it was not provided\./.exec(message);
  if (match) {
    const [, name, argument] = match;
    return {
      message: `Field '${name}' is missing required arguments: ${argument}`,
      extensions: { code: 'missingRequiredArguments', className: 'Field', name, arguments: argument },
    };
  }
  return { message };
}

export function shopifyValidationError(error: GraphQLError, document: DocumentNode): ShopifyError {
  const { message, extensions } = rewrite(error.message);
  const node = error.nodes?.[0];
  const path = node ? documentPath(document, node) : undefined;
  return {
    message,
    ...(error.locations ? { locations: error.locations.map(({ line, column }) => ({ line, column })) } : {}),
    ...(path && extensions ? { path } : {}),
    ...(extensions ? { extensions } : {}),
  };
}

/** A syntax error as Shopify reports it: code PARSE_ERROR, no data, no cost. */
export function parseErrorOf(error: GraphQLError): ShopifyError {
  return {
    message: error.message,
    ...(error.locations ? { locations: error.locations.map(({ line, column }) => ({ line, column })) } : {}),
    extensions: { code: 'PARSE_ERROR' },
  };
}
