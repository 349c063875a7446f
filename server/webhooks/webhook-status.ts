import type { SubjectIds } from './subject-ids.ts';

/*
 * GET /api/webhooks/dead-letters, shared by the server and the admin's Home (Node-free): events waiting for
 * Shopify to come back, apart from events given up.
 */

/** An event Tacto will try again: Shopify was unreachable, failing or throttling. */
export interface RetryingWebhook {
  topic: string;
  eventId: string;
  receivedAt: string;
  attempts: number;
  /** When the next run is due (ISO). */
  nextAttemptAt: string;
  /** Why the last run failed (codes, never payload values). */
  error: string | null;
}

/** An event given up: its ids and why, not its payload; expires 30 days after it failed. */
export interface DeadLetter {
  topic: string;
  eventId: string;
  receivedAt: string;
  /** When it was given up (ISO). */
  failedAt: string | null;
  attempts: number;
  error: string | null;
  subjectIds: SubjectIds;
}

export interface WebhookStatusResponse {
  retrying: RetryingWebhook[];
  deadLetters: DeadLetter[];
}
