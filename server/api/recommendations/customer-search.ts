import { z } from 'zod';
import type { Storage } from '../../db/storage.ts';
import { HttpError } from '../../http/errors.ts';
import { adminGraphql } from '../../shopify/admin-graphql.ts';
import type { ShopifyApp } from '../../shopify/shopify-app.ts';

/** At most this many matches: enough to find someone by a few letters, too few to page through the customer list. */
export const CUSTOMER_MATCHES = 8;

const SEARCH = `#graphql
  query TactoExplainCustomers($query: String!, $first: Int!) {
    customers(first: $first, query: $query, sortKey: NAME) {
      nodes { id legacyResourceId displayName email }
    }
  }`;

const answer = z.object({
  customers: z.object({
    nodes: z.array(z.object({ id: z.string(), legacyResourceId: z.coerce.number().int().positive(), displayName: z.string(), email: z.string().nullable().optional() })),
  }),
});

export interface CustomerMatch {
  /** The customer's GID, as App Bridge's pickers name resources. */
  id: string;
  name: string;
  email: string | null;
}

/**
 * The customers whose name or email matches what the merchant typed, read live from the Admin API (read_customers)
 * and stored nowhere: only the name and email the merchant's own Customers page shows. Tacto keeps a name and
 * email only for subscribed customers, so searching its own tables would miss everyone else.
 */
export async function searchCustomers(deps: { shopify: ShopifyApp; storage: Storage }, shop: string, text: string): Promise<CustomerMatch[]> {
  const session = await deps.storage.sessions.loadSession(deps.shopify.api.session.getOfflineId(shop));
  if (!session?.accessToken) throw new HttpError(409, 'not_installed', 'Tacto is not installed on this shop.');
  const data = answer.parse(
    await adminGraphql(deps.shopify, session, SEARCH, { variables: { query: text, first: CUSTOMER_MATCHES }, timeoutMs: 10_000, maxThrottledAttempts: 2 }),
  );
  return data.customers.nodes.slice(0, CUSTOMER_MATCHES).map((c) => ({ id: c.id, name: c.displayName, email: c.email ?? null }));
}
