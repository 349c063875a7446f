/**
 * Shopify's leaky bucket for calculated query cost, as plain arithmetic (no clock, no state of its own):
 * a bucket holds up to `maximumAvailable` points and refills at `restoreRate` points per second. A query
 * needs its requested cost available up front; afterwards the unused part (requested − actual) is refunded.
 */

export interface BucketConfig {
  maximumAvailable: number;
  restoreRate: number;
}

export interface BucketState {
  available: number;
  /** Milliseconds timestamp of the last refill. */
  updatedAt: number;
}

export function fullBucket(config: BucketConfig, now: number): BucketState {
  return { available: config.maximumAvailable, updatedAt: now };
}

/** The bucket at `now`, with what leaked back since it was last touched. */
export function refill(state: BucketState, config: BucketConfig, now: number): BucketState {
  const elapsedSeconds = Math.max(0, now - state.updatedAt) / 1000;
  const available = Math.min(config.maximumAvailable, state.available + elapsedSeconds * config.restoreRate);
  return { available, updatedAt: Math.max(now, state.updatedAt) };
}

/** Takes `cost` points, or returns null (throttled) when fewer are available. */
export function take(state: BucketState, cost: number): BucketState | null {
  if (cost > state.available) return null;
  return { ...state, available: state.available - cost };
}

/** Gives back the points a query reserved but did not use. */
export function refund(state: BucketState, config: BucketConfig, points: number): BucketState {
  return { ...state, available: Math.min(config.maximumAvailable, state.available + Math.max(0, points)) };
}

/** `throttleStatus` as Shopify reports it; it shows whole points. */
export function throttleStatus(state: BucketState, config: BucketConfig) {
  return {
    maximumAvailable: config.maximumAvailable,
    currentlyAvailable: Math.floor(state.available),
    restoreRate: config.restoreRate,
  };
}
