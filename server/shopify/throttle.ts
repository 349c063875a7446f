/** Shopify's cost report on every Admin GraphQL response (`extensions.cost`). */
export interface QueryCost {
  requestedQueryCost: number;
  actualQueryCost: number | null;
  throttleStatus: { maximumAvailable: number; currentlyAvailable: number; restoreRate: number };
}

/**
 * Pure: how long to wait before a throttled query can run, from Shopify's leaky bucket — the points missing
 * divided by the restore rate, plus a small margin for clock skew.
 */
export function throttleWaitMs(cost: QueryCost | undefined, fallbackMs = 1_000): number {
  if (!cost) return fallbackMs;
  const missing = cost.requestedQueryCost - cost.throttleStatus.currentlyAvailable;
  if (missing <= 0 || cost.throttleStatus.restoreRate <= 0) return 100;
  return Math.ceil((missing / cost.throttleStatus.restoreRate) * 1000) + 100;
}

export function isThrottled(errors: unknown): boolean {
  return Array.isArray(errors) && errors.some((e) => (e as { extensions?: { code?: string } })?.extensions?.code === 'THROTTLED');
}
