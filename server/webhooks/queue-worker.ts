import type { Storage } from '../db/storage.ts';
import type { Logger } from '../logger.ts';
import type { WebhookHandler } from './handlers.ts';

/** Shopify retries a delivery for up to 48 hours; applied events are remembered a week, then forgotten. */
const DEDUPLICATION_WINDOW_MS = 7 * 86_400_000;

/**
 * Processes queued webhooks after they were acknowledged, oldest first, one at a time (so a shop's events
 * apply in arrival order; the updated_at guards settle the rest). An event whose handler throws is kept as
 * a dead letter with the error — never retried forever, never lost.
 */
export class WebhookWorker {
  private draining: Promise<void> | null = null;
  private again = false;
  private stopped = false;

  constructor(private readonly deps: { storage: Storage; handlers: Record<string, WebhookHandler>; logger: Logger }) {}

  /** Asks for a drain soon; cheap to call on every delivery. */
  kick(): void {
    if (this.stopped) return;
    if (this.draining) {
      this.again = true;
      return;
    }
    this.draining = new Promise<void>((resolve) => setImmediate(resolve))
      .then(() => this.drain())
      .catch((error: unknown) => this.deps.logger.error({ err: error }, 'webhook queue drain failed'))
      .finally(() => {
        this.draining = null;
        if (this.again) {
          this.again = false;
          this.kick();
        }
      });
  }

  /** Resolves when nothing is pending (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.draining) await this.draining;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.idle();
  }

  private async drain(): Promise<void> {
    const { storage, handlers, logger } = this.deps;
    for (;;) {
      const events = await storage.webhookQueue.nextPending(100);
      if (events.length === 0 || this.stopped) {
        await storage.webhookQueue.pruneDone(new Date(Date.now() - DEDUPLICATION_WINDOW_MS).toISOString());
        return;
      }
      for (const event of events) {
        // Acknowledging deliveries comes first: let pending requests run between two applied events.
        await new Promise((resolve) => setImmediate(resolve));
        const handler = handlers[event.topic];
        try {
          if (!handler) throw new Error(`No handler for ${event.topic}`);
          await handler({ topic: event.topic, shop: event.shop, webhookId: event.webhookId, eventId: event.eventId, payload: JSON.parse(event.payload) });
          await storage.webhookQueue.markDone(event.seq);
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          await storage.webhookQueue.markDead(event.seq, message.slice(0, 2_000));
          logger.warn({ topic: event.topic, shop: event.shop, eventId: event.eventId }, 'webhook kept as dead letter');
        }
      }
    }
  }
}
