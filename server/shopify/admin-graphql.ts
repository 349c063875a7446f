import { GraphqlQueryError, type Session } from '@shopify/shopify-api';
import type { ShopifyApp } from './shopify-app.ts';
import { isThrottled, throttleWaitMs, type QueryCost } from './throttle.ts';

export interface GraphqlOptions {
  variables?: Record<string, unknown>;
  /** Waits between throttled attempts; tests pass a recorder. */
  sleep?: (ms: number) => Promise<void>;
  maxThrottledAttempts?: number;
  /** Gives up on an answer after this long (each attempt); none by default (bulk polling waits as long as it takes). */
  timeoutMs?: number;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * One Admin GraphQL call through Shopify's client, honouring cost-based throttling: a THROTTLED answer is
 * waited out for exactly as long as the bucket needs to refill, then retried. Other errors are thrown.
 */
export async function adminGraphql<T>(shopify: ShopifyApp, session: Session, query: string, options: GraphqlOptions = {}): Promise<T> {
  const client = new shopify.api.clients.Graphql({ session });
  const sleep = options.sleep ?? defaultSleep;
  const attempts = options.maxThrottledAttempts ?? 20;
  for (let attempt = 1; ; attempt += 1) {
    try {
      const signal = options.timeoutMs === undefined ? undefined : AbortSignal.timeout(options.timeoutMs);
      const response = await client.request<T>(query, { variables: options.variables, signal });
      return response.data as T;
    } catch (error) {
      const body = error instanceof GraphqlQueryError ? (error.body as { errors?: { graphQLErrors?: unknown }; extensions?: { cost?: QueryCost } }) : null;
      if (!body || !isThrottled(body.errors?.graphQLErrors) || attempt >= attempts) throw error;
      await sleep(throttleWaitMs(body.extensions?.cost));
    }
  }
}
