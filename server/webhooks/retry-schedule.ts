/*
 * Pure: when an event that failed for a passing reason is tried again. Exponential backoff with jitter, so a
 * Shopify outage is waited out for about a day and the events of many shops do not all return at once.
 */

export interface RetrySchedule {
  /** Handler runs in all, the first included; the last failure makes the event a dead letter. */
  maxAttempts: number;
  /** Wait after the first failure. */
  baseDelayMs: number;
  /** Each further wait is this many times the previous one … */
  factor: number;
  /** … up to this. */
  maxDelayMs: number;
  /** ± this fraction of each wait, at random (0 in tests that want exact times). */
  jitter: number;
}

/**
 * 8 runs; waits of 2 min, 6 min, 18 min, 54 min, 2.7 h, 8.1 h and 12 h (capped) between them: the last run
 * comes ≈ 24.1 h after the first (19.3–28.9 h with the ±20 % jitter), then the event is a dead letter.
 * Shopify's own delivery retries span 4 hours; a Shopify outage rarely lasts longer than that.
 */
export const DEFAULT_RETRY_SCHEDULE: RetrySchedule = {
  maxAttempts: 8,
  baseDelayMs: 2 * 60_000,
  factor: 3,
  maxDelayMs: 12 * 3_600_000,
  jitter: 0.2,
};

/**
 * The wait after failed run number `attempt` (1-based), or null when no run is left. `random` returns [0, 1)
 * (Math.random in production, a seeded one in tests). A `retryAfterMs` from Shopify is honoured, within the cap.
 */
export function retryDelayMs(attempt: number, schedule: RetrySchedule, random: () => number, retryAfterMs = 0): number | null {
  if (attempt >= schedule.maxAttempts) return null;
  const nominal = Math.min(schedule.maxDelayMs, schedule.baseDelayMs * schedule.factor ** (attempt - 1));
  const jittered = nominal * (1 + schedule.jitter * (2 * random() - 1));
  return Math.round(Math.min(schedule.maxDelayMs, Math.max(jittered, retryAfterMs)));
}
