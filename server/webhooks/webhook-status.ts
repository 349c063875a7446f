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
  /** Why the last run failed (codes, never payload values), in English for logs; `reason` is what the admin words. */
  error: string | null;
  reason: FailureReason;
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
  reason: FailureReason;
  subjectIds: SubjectIds;
}

export interface WebhookStatusResponse {
  retrying: RetryingWebhook[];
  deadLetters: DeadLetter[];
}

/** Why an event failed, as a code the admin words (`home:webhooks.reasons.<code>`) and the values it names. */
export interface FailureReason {
  code:
    | 'throttled'
    | 'shopify_failing'
    | 'shopify_status'
    | 'shopify_refused'
    | 'unreachable'
    | 'shopify_failed'
    | 'query_refused'
    | 'timeout'
    | 'database_busy'
    | 'internal'
    | 'invalid_payload'
    | 'unknown_topic'
    | 'uninstalled'
    | 'other';
  params: Record<string, string | number>;
}

// The stored reasons are the English that server/webhooks/failure.ts writes (kept as is for logs and the queue):
// each pattern below is one of its sentences. Anything else is shown as its text, unworded.
const REASONS: [RegExp, FailureReason['code'], (match: RegExpExecArray) => Record<string, string | number>][] = [
  [/^Shopify throttled the request/, 'throttled', () => ({})],
  [/^Shopify kept failing/, 'shopify_failing', () => ({})],
  [/^Shopify answered (\d+)/, 'shopify_status', (m) => ({ status: Number(m[1]) })],
  [/^Shopify refused the request \((\d+)\)/, 'shopify_refused', (m) => ({ status: Number(m[1]) })],
  [/^Shopify could not be reached(?: \(([A-Z_]+)\))?/, 'unreachable', (m) => ({ detail: m[1] ?? '' })],
  [/^Shopify failed \(([^)]*)\)/, 'shopify_failed', (m) => ({ detail: m[1]! })],
  [/^Shopify refused the query \(([^)]*)\)/, 'query_refused', (m) => ({ detail: m[1]! })],
  [/^Shopify did not answer in time/, 'timeout', () => ({})],
  [/^The database was busy/, 'database_busy', () => ({})],
  [/^Internal error \(([^)]*)\)/, 'internal', (m) => ({ detail: m[1]! })],
  [/^Invalid payload: (.*?)(?:; gave up after \d+ attempts)?$/s, 'invalid_payload', (m) => ({ detail: m[1]! })],
  [/^Unknown topic/, 'unknown_topic', () => ({})],
  [/^The shop has uninstalled Tacto/, 'uninstalled', () => ({})],
];

/** Pure: a stored failure reason as a code and its values; `gaveUpAfter` when a retried event was given up. */
export function failureReason(error: string | null): FailureReason & { gaveUpAfter: number | null } {
  const text = error ?? '';
  const gaveUp = /; gave up after (\d+) attempts$/.exec(text);
  const gaveUpAfter = gaveUp ? Number(gaveUp[1]) : null;
  for (const [pattern, code, params] of REASONS) {
    const match = pattern.exec(text);
    if (match) return { code, params: params(match), gaveUpAfter };
  }
  return { code: 'other', params: { detail: text }, gaveUpAfter };
}
