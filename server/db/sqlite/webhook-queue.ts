import type Database from 'better-sqlite3';
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
});

export function sqliteWebhookQueue(client: Database.Database): WebhookQueueRepository {
  const insert = client.prepare(`
    insert into webhook_events (shop, topic, event_id, webhook_id, triggered_at, payload, received_at, state)
    values (@shop, @topic, @eventId, @webhookId, @triggeredAt, @payload, @receivedAt, 'pending')
    on conflict (shop, event_id) do nothing`);
  const pending = client.prepare<[number], Row>("select * from webhook_events where state = 'pending' order by seq limit ?");
  // A processed event keeps only its id (for deduplication) and topic: its payload, which may name a
  // customer, is dropped the moment it has been applied.
  const done = client.prepare("update webhook_events set state = 'done', payload = '', error = null where seq = ?");
  const dead = client.prepare("update webhook_events set state = 'dead', error = ? where seq = ?");
  const prune = client.prepare("delete from webhook_events where state = 'done' and received_at < ?");
  return {
    async enqueue(event) {
      return insert.run(event).changes === 1 ? 'queued' : 'duplicate';
    },
    async nextPending(limit) {
      return pending.all(limit).map(toQueued);
    },
    async markDone(seq) {
      done.run(seq);
    },
    async markDead(seq, error) {
      dead.run(error, seq);
    },
    async pruneDone(before) {
      prune.run(before);
    },
    async deadLetters(shop) {
      return (
        client.prepare("select * from webhook_events where shop = ? and state = 'dead' order by seq desc limit 100").all(shop) as Row[]
      ).map(toQueued);
    },
  };
}
