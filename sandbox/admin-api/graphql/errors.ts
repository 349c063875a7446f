import { GraphQLError } from 'graphql';

/**
 * Shopify's error texts and shapes, in one place. Each is copied from responses captured against real shops
 * (airhorns/shopify-draft-proxy conformance fixtures, shopify-api-js tests) or from shopify.dev.
 */

export const MAX_SINGLE_QUERY_COST = 1000;
export const MAX_PAGE_SIZE = 250;

/** HTTP 401 body for a missing or unknown X-Shopify-Access-Token. */
export const INVALID_TOKEN_BODY = {
  errors: '[API] Invalid API key or access token (unrecognized login or wrong password)',
} as const;

/** HTTP 400 body when the request carries no usable `query` (shopify.dev, "API response status codes"). */
export const MISSING_QUERY_BODY = { errors: { query: 'Required parameter missing or invalid' } } as const;

/** HTTP 404 body, e.g. for an API version that does not exist. */
export const NOT_FOUND_BODY = { errors: 'Not Found' } as const;

/** A field the token's scopes do not reach: `Access denied for orders field. Required access: ...`. */
export function accessDenied(fieldName: string, scope: string): GraphQLError {
  const requiredAccess = `\`${scope}\` access scope.`;
  return new GraphQLError(`Access denied for ${fieldName} field. Required access: ${requiredAccess}`, {
    extensions: {
      code: 'ACCESS_DENIED',
      documentation: 'https://shopify.dev/api/usage/access-scopes',
      requiredAccess,
    },
  });
}

export function throttledError() {
  return {
    message: 'Throttled',
    extensions: { code: 'THROTTLED', documentation: 'https://shopify.dev/api/usage/rate-limits' },
  };
}

/** The text Shopify sends, line breaks included, when one query asks for more than 1000 points. */
export function maxCostExceededError(cost: number) {
  return {
    message:
      `Query cost is ${cost}, which exceeds the single query max cost limit (${MAX_SINGLE_QUERY_COST}).\n\n` +
      'See https://shopify.dev/concepts/about-apis/rate-limits for more information on how the\n' +
      'cost of a query is calculated.\n\n' +
      'To query larger amounts of data with fewer limits, bulk operations should be used instead.\n' +
      'See https://shopify.dev/tutorials/perform-bulk-operations-with-admin-api for usage details.\n',
    extensions: { code: 'MAX_COST_EXCEEDED', cost, maxCost: MAX_SINGLE_QUERY_COST },
  };
}

export function missingPageSize(): GraphQLError {
  return new GraphQLError('you must provide one of first or last', { extensions: { code: 'BAD_REQUEST' } });
}

export function pageSizeTooLarge(argument: 'first' | 'last'): GraphQLError {
  return new GraphQLError(
    `${argument} cannot exceed ${MAX_PAGE_SIZE}. To query larger amounts of data with fewer limits, bulk operations should be used instead.`,
    { extensions: { code: 'BAD_REQUEST' } },
  );
}

export function invalidGlobalId(id: string): GraphQLError {
  return new GraphQLError(`Invalid global id '${id}'`, {
    extensions: { code: 'argumentLiteralsIncompatible', typeName: 'CoercionError' },
  });
}
