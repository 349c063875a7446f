import { fullBucket, refill, refund, take, throttleStatus, type BucketConfig, type BucketState } from './leaky-bucket.ts';

export type ThrottleStatus = ReturnType<typeof throttleStatus>;

/** One bucket per shop (Shopify keys them by app and shop; the sandbox serves one app). */
export class Throttle {
  private readonly buckets = new Map<string, BucketState>();

  constructor(
    private readonly config: BucketConfig,
    private readonly now: () => number,
  ) {}

  private current(shop: string): BucketState {
    const now = this.now();
    const state = this.buckets.get(shop);
    return state ? refill(state, this.config, now) : fullBucket(this.config, now);
  }

  /** Reserves `cost` points; false when the bucket holds fewer (the request is throttled). */
  reserve(shop: string, cost: number): boolean {
    const state = this.current(shop);
    const after = take(state, cost);
    this.buckets.set(shop, after ?? state);
    return after !== null;
  }

  /** Returns reserved points the query did not use. */
  settle(shop: string, requested: number, actual: number): void {
    this.buckets.set(shop, refund(this.current(shop), this.config, requested - actual));
  }

  status(shop: string): ThrottleStatus {
    const state = this.current(shop);
    this.buckets.set(shop, state);
    return throttleStatus(state, this.config);
  }
}
