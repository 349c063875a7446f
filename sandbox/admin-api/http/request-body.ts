import { z } from 'zod';
import type { GraphqlRequest } from '../graphql/admin-graphql.ts';

/** A GraphQL POST body: JSON `{query, variables?, operationName?}`, or the raw document (application/graphql). */
const jsonBody = z.object({
  query: z.string().min(1),
  variables: z.record(z.string(), z.unknown()).nullish(),
  operationName: z.string().nullish(),
});

/** The request, or null when it carries no usable query (Shopify answers that with HTTP 400). */
export function graphqlRequestOf(body: unknown): GraphqlRequest | null {
  if (typeof body === 'string') return body.trim() ? { query: body } : null;
  const parsed = jsonBody.safeParse(body);
  return parsed.success ? parsed.data : null;
}
