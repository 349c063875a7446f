import { randomUUID } from 'node:crypto';
import type { AppRegistration } from '../app-registration.ts';
import { signWebhookBody } from '../oauth/signing.ts';

export interface DeliveryRecord {
  topic: string;
  webhookId: string;
  eventId: string;
  url: string;
  attempts: { at: string; status: number | null; error?: string }[];
  state: 'pending' | 'delivered' | 'failed';
}

/** Shopify retries a failed delivery 8 times over 4 hours; the sandbox keeps the count, not the wait. */
export const DEFAULT_RETRY_DELAYS_MS = [1_000, 2_000, 5_000, 10_000, 30_000, 60_000, 120_000, 300_000];

/**
 * Delivers webhooks to the app the way Shopify does: JSON body, base64 HMAC of the raw body with the app
 * secret, Shopify's headers, a 5-second timeout, retries on anything but 2xx.
 */
export class WebhookDeliverer {
  readonly log: DeliveryRecord[] = [];
  private readonly inFlight = new Set<Promise<void>>();
  private closed = false;

  constructor(
    private readonly options: {
      app: AppRegistration;
      shopDomain: string;
      retryDelaysMs?: number[];
      /** Whether the app is installed right now; deliveries stop with the installation. */
      isInstalled: () => boolean;
    },
  ) {}

  /** Sends `payload` for `topic` if the app subscribes to it. Resolves once it is queued. */
  send(topic: string, payload: unknown, eventId: string = randomUUID()): DeliveryRecord | null {
    const url = this.options.app.webhookSubscriptions.get(topic);
    if (!url || this.closed || (!this.options.isInstalled() && topic !== 'app/uninstalled')) return null;
    const record: DeliveryRecord = { topic, webhookId: randomUUID(), eventId, url: url.toString(), attempts: [], state: 'pending' };
    this.log.push(record);
    if (this.log.length > 500) this.log.shift();
    const body = JSON.stringify(payload);
    const task = this.deliver(record, body, new Date().toISOString()).finally(() => this.inFlight.delete(task));
    this.inFlight.add(task);
    return record;
  }

  /** Waits until every queued delivery succeeded or gave up (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  close(): void {
    this.closed = true;
  }

  private async deliver(record: DeliveryRecord, body: string, triggeredAt: string): Promise<void> {
    const delays = this.options.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS;
    for (let attempt = 0; attempt <= delays.length; attempt += 1) {
      if (attempt > 0) await sleep(delays[attempt - 1]!);
      if (this.closed) break;
      try {
        const response = await fetch(record.url, {
          method: 'POST',
          body,
          signal: AbortSignal.timeout(5_000),
          headers: {
            'Content-Type': 'application/json',
            'X-Shopify-Topic': record.topic,
            'X-Shopify-Hmac-Sha256': signWebhookBody(body, this.options.app.apiSecret),
            'X-Shopify-Shop-Domain': this.options.shopDomain,
            'X-Shopify-Webhook-Id': record.webhookId,
            'X-Shopify-Event-Id': record.eventId,
            'X-Shopify-Triggered-At': triggeredAt,
            'X-Shopify-API-Version': this.options.app.apiVersion,
          },
        });
        await response.arrayBuffer();
        record.attempts.push({ at: new Date().toISOString(), status: response.status });
        if (response.ok) {
          record.state = 'delivered';
          return;
        }
      } catch (error) {
        record.attempts.push({ at: new Date().toISOString(), status: null, error: String(error) });
      }
    }
    record.state = 'failed';
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
