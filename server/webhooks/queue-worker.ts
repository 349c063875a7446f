import type { QueuedWebhook, Storage } from '../db/storage.ts';
import type { Logger } from '../logger.ts';
import { classifyFailure, UnknownTopicError } from './failure.ts';
import type { WebhookHandler } from './handlers.ts';
import { DEFAULT_RETRY_SCHEDULE, retryDelayMs, type RetrySchedule } from './retry-schedule.ts';
import { subjectIdsOf } from './subject-ids.ts';

const DAY_MS = 86_400_000;

export interface WebhookWorkerOptions {
  /** When events that failed for a passing reason run again; DEFAULT_RETRY_SCHEDULE by default (tests use ms). */
  retry?: RetrySchedule;
  /** The clock (tests move it to expire dead letters). */
  now?: () => Date;
  /** [0, 1) for the schedule's jitter. */
  random?: () => number;
  /** Shopify retries a delivery for up to 48 hours; applied events are remembered a week, then forgotten. */
  deduplicationWindowMs?: number;
  /** Dead letters are shown this long after they were given up, then deleted. */
  deadLetterTtlMs?: number;
  /** The worker wakes at least this often, so expired dead letters go even when no webhook arrives. */
  housekeepingIntervalMs?: number;
}

/**
 * Processes queued webhooks after they were acknowledged, oldest first, one at a time (so a shop's events
 * apply in arrival order; the updated_at guards settle the rest). An event whose handler fails because
 * Shopify is away (unreachable, 5xx, throttled) waits in `retrying` on a backoff schedule kept in the
 * database, so a restart resumes it; meanwhile later events are applied. One that cannot succeed, or still
 * fails after the schedule's last run, becomes a dead letter: its topic, ids and error, not its payload.
 */
export class WebhookWorker {
  private draining: Promise<void> | null = null;
  private again = false;
  private stopped = false;
  private timer: NodeJS.Timeout | null = null;
  private readonly retry: RetrySchedule;
  private readonly now: () => Date;
  private readonly random: () => number;
  private readonly deduplicationWindowMs: number;
  private readonly deadLetterTtlMs: number;
  private readonly housekeepingIntervalMs: number;

  constructor(
    private readonly deps: { storage: Storage; handlers: Record<string, WebhookHandler>; logger: Logger },
    options: WebhookWorkerOptions = {},
  ) {
    this.retry = options.retry ?? DEFAULT_RETRY_SCHEDULE;
    this.now = options.now ?? (() => new Date());
    this.random = options.random ?? Math.random;
    this.deduplicationWindowMs = options.deduplicationWindowMs ?? 7 * DAY_MS;
    this.deadLetterTtlMs = options.deadLetterTtlMs ?? 30 * DAY_MS;
    this.housekeepingIntervalMs = options.housekeepingIntervalMs ?? 3_600_000;
  }

  /** Asks for a drain soon; cheap to call on every delivery. */
  kick(): void {
    if (this.stopped) return;
    if (this.draining) {
      this.again = true;
      return;
    }
    this.draining = new Promise<void>((resolve) => setImmediate(resolve))
      .then(() => this.drain())
      .then(() => this.armTimer())
      .catch((error: unknown) => this.deps.logger.error({ err: error }, 'webhook queue drain failed'))
      .finally(() => {
        this.draining = null;
        if (this.again) {
          this.again = false;
          this.kick();
        }
      });
  }

  /** Resolves when no drain is running (tests, shutdown); events waiting for a retry do not count. */
  async idle(): Promise<void> {
    while (this.draining) await this.draining;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.clearTimer();
    await this.idle();
  }

  private async drain(): Promise<void> {
    const { storage } = this.deps;
    for (;;) {
      const events = this.stopped ? [] : await storage.webhookQueue.nextDue(this.now().toISOString(), 100);
      if (events.length === 0) {
        const now = this.now().getTime();
        await storage.webhookQueue.prune({
          doneReceivedBefore: new Date(now - this.deduplicationWindowMs).toISOString(),
          deadFinishedBefore: new Date(now - this.deadLetterTtlMs).toISOString(),
        });
        return;
      }
      for (const event of events) {
        if (this.stopped) return;
        // Acknowledging deliveries comes first: let pending requests run between two applied events.
        await new Promise((resolve) => setImmediate(resolve));
        await this.run(event);
      }
    }
  }

  /** One run of one event's handler, and what becomes of the event. */
  private async run(event: QueuedWebhook): Promise<void> {
    const { storage, handlers, logger } = this.deps;
    const attempts = event.attempts + 1;
    let payload: unknown = null;
    try {
      const handler = handlers[event.topic];
      if (!handler) throw new UnknownTopicError();
      payload = JSON.parse(event.payload);
      await handler({ topic: event.topic, shop: event.shop, webhookId: event.webhookId, eventId: event.eventId, payload });
      await storage.webhookQueue.markDone(event.seq, { attempts, at: this.now().toISOString() });
    } catch (error) {
      const failure = classifyFailure(error);
      const at = this.now();
      const context = { topic: event.topic, shop: event.shop, eventId: event.eventId, attempts, reason: failure.reason };
      if (failure.kind === 'skip') {
        await storage.webhookQueue.markDone(event.seq, { attempts, at: at.toISOString() });
        logger.info(context, 'webhook skipped');
        return;
      }
      const delay = failure.kind === 'retry' ? retryDelayMs(attempts, this.retry, this.random, failure.retryAfterMs) : null;
      if (delay !== null) {
        const nextAttemptAt = new Date(at.getTime() + delay).toISOString();
        await storage.webhookQueue.markRetrying(event.seq, { attempts, nextAttemptAt, error: failure.reason });
        logger.warn({ ...context, nextAttemptAt }, 'webhook will be retried');
        return;
      }
      const reason = failure.kind === 'retry' ? `${failure.reason}; gave up after ${attempts} attempts` : failure.reason;
      await storage.webhookQueue.markDead(event.seq, { attempts, error: reason, subjectIds: subjectIdsOf(event.topic, payload), at: at.toISOString() });
      // A defect in Tacto is logged with its stack for the developer; the database keeps the reason only.
      logger.warn({ ...context, reason, ...(failure.reason.startsWith('Internal error') ? { err: error } : {}) }, 'webhook kept as dead letter');
    }
  }

  /** Wakes the worker when the earliest retry is due, or for housekeeping, whichever comes first. */
  private async armTimer(): Promise<void> {
    this.clearTimer();
    if (this.stopped) return;
    const next = await this.deps.storage.webhookQueue.nextRetryAt();
    const untilRetry = next === null ? Number.POSITIVE_INFINITY : Date.parse(next) - this.now().getTime();
    // setTimeout holds 32-bit milliseconds; a due retry waits one tick.
    const delay = Math.max(1, Math.min(untilRetry, this.housekeepingIntervalMs, 2 ** 31 - 1));
    this.timer = setTimeout(() => {
      this.timer = null;
      this.kick();
    }, delay);
    // Waiting for a retry never keeps the process alive on its own.
    this.timer.unref();
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
