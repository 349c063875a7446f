import { setTimeout as pause } from 'node:timers/promises';

/*
 * The one way tests wait for something: poll a condition until it holds or a deadline passes. No test sleeps a
 * fixed time hoping the work is done; under a loaded CI machine that time is never enough, and on an idle one it
 * is always too much.
 *
 * The clock and the pause are taken from Node itself, not from the globals a test may fake (vi.useFakeTimers()
 * replaces globalThis.setTimeout, Date and performance.now): a test that fakes time can still wait for real work.
 */
const clock = performance.now.bind(performance);

/** Generous by default: a deadline exists to end a hung test with a clear message, not to measure speed. */
export const DEFAULT_WAIT_MS = 20_000;
export const DEFAULT_POLL_MS = 20;

export interface WaitOptions {
  /** How long the condition may take to hold (default 20 s). */
  timeoutMs?: number;
  /** Pause between two checks (default 20 ms). */
  intervalMs?: number;
  /** What was awaited, for the timeout's error; a function is asked at timeout time (for current state). */
  message?: string | (() => string | Promise<string>);
}

/** What `check` answers while the condition does not hold yet. */
type NotYet = undefined | null | false;

export class WaitTimeoutError extends Error {
  override name = 'WaitTimeoutError';
}

/**
 * Calls `check` until it returns something other than `undefined`, `null` or `false`, and returns that. A check that
 * throws ends the wait with its error at once (a check that may legitimately fail — a file not created yet —
 * catches that itself and answers `undefined`). A check still running at the deadline does not hold the wait up.
 */
export async function waitFor<T>(check: () => T | Promise<T>, options: WaitOptions = {}): Promise<Exclude<T, NotYet>> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_WAIT_MS;
  const intervalMs = options.intervalMs ?? DEFAULT_POLL_MS;
  const deadline = clock() + timeoutMs;
  for (;;) {
    const outcome = await beforeDeadline(check, deadline);
    if (outcome.settled && outcome.value !== undefined && outcome.value !== null && outcome.value !== false) {
      return outcome.value as Exclude<T, NotYet>;
    }
    const remaining = deadline - clock();
    if (remaining <= 0) {
      const what = typeof options.message === 'function' ? await options.message() : options.message;
      throw new WaitTimeoutError(`timed out after ${timeoutMs} ms waiting for ${what ?? 'a condition'}`);
    }
    await pause(Math.min(intervalMs, remaining));
  }
}

/** The check's value, or `settled: false` if the deadline came first. */
async function beforeDeadline<T>(check: () => T | Promise<T>, deadline: number): Promise<{ settled: true; value: T } | { settled: false }> {
  const controller = new AbortController();
  const late = pause(Math.max(0, deadline - clock()), { settled: false } as const, { signal: controller.signal }).catch(() => ({ settled: false }) as const);
  try {
    return await Promise.race([Promise.resolve().then(check).then((value) => ({ settled: true, value }) as const), late]);
  } finally {
    controller.abort();
  }
}
