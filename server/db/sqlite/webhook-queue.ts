import type Database from 'better-sqlite3';
import { z } from 'zod';
import type { SubjectIds } from '../../webhooks/subject-ids.ts';
import type { QueuedWebhook, WebhookQueueRepository } from '../storage.ts';

interface Row {
  seq: number;
  shop: string;
  topic: string;
  event_id: string;
  webhook_id: string;
  triggered_at: string | null;
  payload: string;
  received_at: string;
  state: string;
  error: string | null;
  attempts: number;
  next_attempt_at: string | null;
  finished_at: string | null;
  subject_ids: string | null;
}

const subjectIdsColumn = z.partialRecord(z.enum(['order', 'customer', 'product', 'collection', 'refund']), z.array(z.number().int().positive()));

/** subject_ids as stored (JSON; also written by migration 0004's conversion); anything unreadable counts as none. */
function readSubjectIds(text: string | null): SubjectIds {
  if (!text) return {};
  try {
    const parsed = subjectIdsColumn.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}

const toQueued = (row: Row): QueuedWebhook => ({
  seq: row.seq,
  shop: row.shop,
  topic: row.topic,
  eventId: row.event_id,
  webhookId: row.webhook_id,
  triggeredAt: row.triggered_at,
  payload: row.payload,
  receivedAt: row.received_at,
  state: row.state as QueuedWebhook['state'],
  error: row.error,
  attempts: row.attempts,
  nextAttemptAt: row.next_attempt_at,
  finishedAt: row.finished_at,
  subjectIds: readSubjectIds(row.subject_ids),
});

export function sqliteWebhookQueue(client: Database.Database): WebhookQueueRepository {
  const insert = client.prepare(`
    insert into webhook_events (shop, topic, event_id, webhook_id, triggered_at, payload, received_at, state)
    values (@shop, @topic, @eventId, @webhookId, @triggeredAt, @payload, @receivedAt, 'pending')
    on conflict (shop, event_id) do nothing`);
  // Two reads instead of one with OR: each walks the (state, seq) index; done rows (a week of them) are never scanned.
  const pending = client.prepare<[number], Row>("select * from webhook_events where state = 'pending' order by seq limit ?");
  const dueRetries = client.prepare<[string, number], Row>(
    "select * from webhook_events where state = 'retrying' and next_attempt_at <= ? order by seq limit ?",
  );
  const earliestRetry = client.prepare<[], { at: string | null }>("select min(next_attempt_at) as at from webhook_events where state = 'retrying'");
  // A processed event keeps only its id (for deduplication) and topic: its payload, which may name a
  // customer, is dropped the moment it has been applied.
  const done = client.prepare(
    "update webhook_events set state = 'done', payload = '', error = null, attempts = ?, next_attempt_at = null, finished_at = ? where seq = ?",
  );
  const retrying = client.prepare("update webhook_events set state = 'retrying', attempts = ?, next_attempt_at = ?, error = ? where seq = ?");
  // A dead letter keeps what the merchant needs to find its subject in Shopify, not the payload.
  const dead = client.prepare(
    "update webhook_events set state = 'dead', payload = '', attempts = ?, next_attempt_at = null, error = ?, subject_ids = ?, finished_at = ? where seq = ?",
  );
  const pruneDone = client.prepare("delete from webhook_events where state = 'done' and received_at < ?");
  const pruneDead = client.prepare("delete from webhook_events where state = 'dead' and coalesce(finished_at, received_at) < ?");
  const deadOf = client.prepare<[string], Row>("select * from webhook_events where shop = ? and state = 'dead' order by seq desc limit 100");
  const retryingOf = client.prepare<[string], Row>(
    "select * from webhook_events where shop = ? and state = 'retrying' order by next_attempt_at, seq limit 100",
  );
  return {
    async enqueue(event) {
      return insert.run(event).changes === 1 ? 'queued' : 'duplicate';
    },
    async nextDue(now, limit) {
      const rows = [...pending.all(limit), ...dueRetries.all(now, limit)].sort((a, b) => a.seq - b.seq).slice(0, limit);
      return rows.map(toQueued);
    },
    async nextRetryAt() {
      return earliestRetry.get()?.at ?? null;
    },
    async markDone(seq, { attempts, at }) {
      done.run(attempts, at, seq);
    },
    async markRetrying(seq, { attempts, nextAttemptAt, error }) {
      retrying.run(attempts, nextAttemptAt, error, seq);
    },
    async markDead(seq, { attempts, error, subjectIds, at }) {
      dead.run(attempts, error, JSON.stringify(subjectIds), at, seq);
    },
    async prune({ doneReceivedBefore, deadFinishedBefore }) {
      pruneDone.run(doneReceivedBefore);
      pruneDead.run(deadFinishedBefore);
    },
    async deadLetters(shop) {
      return deadOf.all(shop).map(toQueued);
    },
    async retrying(shop) {
      return retryingOf.all(shop).map(toQueued);
    },
  };
}
