import type Database from 'better-sqlite3';
import type { FlowSettings } from '../../followups/scheduler/index.ts';
import { isLocale } from '../../i18n/locales.ts';
import type { FlowRecord, FlowWrite, FollowupJob, FollowupRepository, JobStatus, PersonaRecord, SendContext } from '../followup-repository.ts';
import type { SqliteTombstones } from './tombstones.ts';

interface PersonaRow {
  id: number;
  full_name: string;
  role: string;
  signature: string;
  from_address: string;
  reply_to: string;
  has_photo: number;
  reply_to_verified_at: string | null;
}

interface JobRow {
  shop: string;
  order_id: number;
  customer_id: number;
  due_at: string;
  status: string;
  reason: string | null;
  message_id: string | null;
  sent_at: string | null;
  updated_at: string;
}

const persona = (row: PersonaRow): PersonaRecord => ({
  id: row.id,
  fullName: row.full_name,
  role: row.role,
  signature: row.signature,
  fromAddress: row.from_address,
  replyTo: row.reply_to,
  hasPhoto: row.has_photo === 1,
  replyToVerifiedAt: row.reply_to_verified_at,
});

const job = (row: JobRow): FollowupJob => ({
  shop: row.shop,
  orderId: row.order_id,
  customerId: row.customer_id,
  dueAt: row.due_at,
  status: row.status as JobStatus,
  reason: row.reason,
  messageId: row.message_id,
  sentAt: row.sent_at,
  updatedAt: row.updated_at,
});

const PERSONA_COLUMNS = `id, full_name, role, signature, from_address, reply_to, photo is not null as has_photo, reply_to_verified_at`;

/** `tombstones`: no job for an order or a customer that customers/redact erased (a round may race a redaction). */
export function sqliteFollowupRepository(client: Database.Database, tombstones: SqliteTombstones): FollowupRepository {
  const personaOf = client.prepare<[string], PersonaRow>(`select ${PERSONA_COLUMNS} from followup_personas where shop = ? order by id desc limit 1`);
  const personaRow = (shop: string) => personaOf.get(shop);
  const claim = client.prepare(`update followup_jobs set status = 'sending', updated_at = ? where shop = ? and order_id = ? and status = 'scheduled'`);
  const insertJob = client.prepare(
    `insert into followup_jobs (shop, order_id, customer_id, due_at, status, updated_at) values (?, ?, ?, ?, 'scheduled', ?)
     on conflict (shop, order_id) do nothing`,
  );
  const scheduleJobs = client.transaction((shop: string, jobs: readonly { orderId: number; customerId: number; dueAt: string }[], at: string) => {
    let inserted = 0;
    const redacted = tombstones.of(shop);
    for (const job of jobs) {
      if (redacted && (redacted.order(job.orderId) || redacted.customer(job.customerId))) continue;
      inserted += insertJob.run(shop, job.orderId, job.customerId, job.dueAt, at).changes;
    }
    return inserted;
  });
  // The worker's statements, prepared once: each runs for every mail.
  const photoOf = client.prepare<[string], { photo: Buffer | null }>('select photo from followup_personas where shop = ? order by id desc limit 1');
  const flowOf = client.prepare<[string], { settings: string; updated_at: string }>('select settings, updated_at from followup_flows where shop = ?');
  const templatesOf = client.prepare<[string], { locale: string; subject: string; body: string; updated_at: string }>(
    'select locale, subject, body, updated_at from followup_templates where shop = ?',
  );
  const upsertFlow = client.prepare(
    `insert into followup_flows (shop, enabled, settings, updated_at) values (?, ?, ?, ?)
     on conflict (shop) do update set enabled = excluded.enabled, settings = excluded.settings, updated_at = excluded.updated_at`,
  );
  const upsertTemplate = client.prepare(
    `insert into followup_templates (shop, locale, subject, body, updated_at) values (?, ?, ?, ?, ?)
     on conflict (shop, locale) do update set subject = excluded.subject, body = excluded.body, updated_at = excluded.updated_at`,
  );
  // Settings and the languages saved with them, together or not at all.
  const saveFlow = client.transaction((shop: string, flow: FlowWrite, at: string) => {
    // `enabled` is also a column of its own: the worker's round asks for the shops that have it on.
    upsertFlow.run(shop, +flow.settings.enabled, JSON.stringify(flow.settings), at);
    for (const [locale, template] of Object.entries(flow.templates)) {
      if (template) upsertTemplate.run(shop, locale, template.subject, template.body, at);
    }
  });
  const finish = client.prepare(
    `update followup_jobs set status = ?, reason = ?, message_id = ?, sent_at = ?, due_at = coalesce(?, due_at), updated_at = ?
     where shop = ? and order_id = ?`,
  );
  const sentToOf = client.prepare<[string, number, number], { sent_at: string }>(
    `select coalesce(sent_at, updated_at) as sent_at from followup_jobs
     where shop = ? and customer_id = ? and order_id != ? and status in ('sent', 'sending', 'unknown') order by 1 desc`,
  );
  const orderOf = client.prepare<
    [string, number],
    { id: number; customer_id: number | null; cancelled_at: string | null; fulfilled_at: string | null; customer_locale: string | null }
  >('select id, customer_id, cancelled_at, fulfilled_at, customer_locale from orders where shop = ? and id = ?');
  // By the order's index; sorted by line id in code (an ORDER BY here can make SQLite walk the whole table).
  const linesOf = client.prepare<
    [string, number],
    { line_id: number; id: number; title: string; product_type: string; category_id: string | null; tags: string; quantity: number; refunded_quantity: number }
  >(
    `select l.id as line_id, p.id, p.title, p.product_type, p.category_id, p.tags, l.quantity, l.refunded_quantity
     from order_lines l cross join products p on p.shop = l.shop and p.id = l.product_id
     where l.shop = ? and l.order_id = ?`,
  );
  const customerOf = client.prepare<
    [string, number],
    { id: number; email: string | null; first_name: string | null; marketing_state: string; locale: string | null; time_zone_hint: string | null; country: string | null }
  >('select id, email, first_name, marketing_state, locale, time_zone_hint, country from customers where shop = ? and id = ?');

  return {
    async persona(shop) {
      const row = personaRow(shop);
      return row ? persona(row) : null;
    },
    async savePersona(shop, input, at) {
      const current = personaRow(shop);
      if (!current) {
        client
          .prepare(
            `insert into followup_personas (shop, full_name, role, signature, from_address, reply_to, created_at, updated_at)
             values (?, ?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(shop, input.fullName, input.role, input.signature, input.fromAddress, input.replyTo, at, at);
      } else {
        // A different mailbox has proved nothing yet: verification starts over.
        const sameMailbox = current.reply_to.toLowerCase() === input.replyTo.toLowerCase();
        client
          .prepare(
            `update followup_personas set full_name = ?, role = ?, signature = ?, from_address = ?, reply_to = ?, updated_at = ?,
               reply_to_verified_at = case when ? then reply_to_verified_at else null end,
               verification_hash = case when ? then verification_hash else null end,
               verification_expires_at = case when ? then verification_expires_at else null end
             where id = ?`,
          )
          .run(input.fullName, input.role, input.signature, input.fromAddress, input.replyTo, at, +sameMailbox, +sameMailbox, +sameMailbox, current.id);
      }
      return persona(personaRow(shop)!);
    },
    async personaPhoto(shop) {
      return photoOf.get(shop)?.photo ?? null;
    },
    async savePersonaPhoto(shop, jpeg, at) {
      client
        .prepare('update followup_personas set photo = ?, updated_at = ? where id = (select max(id) from followup_personas where shop = ?)')
        .run(jpeg, at, shop);
    },
    async startVerification(shop, codeHash, expiresAt) {
      client
        .prepare(
          `update followup_personas set verification_hash = ?, verification_expires_at = ?, verification_attempts = 0
           where id = (select max(id) from followup_personas where shop = ?)`,
        )
        .run(codeHash, expiresAt, shop);
    },
    async pendingVerification(shop) {
      const row = client
        .prepare(
          `select verification_hash as codeHash, verification_expires_at as expiresAt, verification_attempts as attempts
           from followup_personas where shop = ? and verification_hash is not null order by id desc limit 1`,
        )
        .get(shop) as { codeHash: string; expiresAt: string; attempts: number } | undefined;
      return row ?? null;
    },
    async recordFailedVerification(shop) {
      client
        .prepare('update followup_personas set verification_attempts = verification_attempts + 1 where id = (select max(id) from followup_personas where shop = ?)')
        .run(shop);
    },
    async markVerified(shop, at) {
      client
        .prepare(
          `update followup_personas set reply_to_verified_at = ?, verification_hash = null, verification_expires_at = null, verification_attempts = 0
           where id = (select max(id) from followup_personas where shop = ?)`,
        )
        .run(at, shop);
    },

    async flow(shop) {
      const row = flowOf.get(shop);
      if (!row) return null;
      const templates: FlowRecord['templates'] = {};
      for (const t of templatesOf.all(shop)) {
        // A row in a language Tacto no longer speaks is kept but not sent.
        if (isLocale(t.locale)) templates[t.locale] = { subject: t.subject, body: t.body, updatedAt: t.updated_at };
      }
      const flow: FlowRecord = { settings: JSON.parse(row.settings) as FlowSettings, templates, updatedAt: row.updated_at };
      return flow;
    },
    async saveFlow(shop, flow, at) {
      saveFlow(shop, flow, at);
    },
    async enabledShops() {
      return (client.prepare('select shop from followup_flows where enabled = 1').all() as { shop: string }[]).map((r) => r.shop);
    },

    async scheduleJobs(shop, jobs, at) {
      return scheduleJobs(shop, jobs, at);
    },
    async dueJobs(before, limit) {
      return (
        client.prepare(`select * from followup_jobs where status = 'scheduled' and due_at <= ? order by due_at limit ?`).all(before, limit) as JobRow[]
      ).map(job);
    },
    async claimJob(shop, orderId, at) {
      return claim.run(at, shop, orderId).changes === 1;
    },
    async finishJob(shop, orderId, outcome, at) {
      const row =
        outcome.status === 'sent'
          ? { status: 'sent', reason: null, messageId: outcome.messageId, sentAt: outcome.sentAt, dueAt: null }
          : outcome.status === 'skipped'
            ? { status: 'skipped', reason: outcome.reason, messageId: null, sentAt: null, dueAt: null }
            : { status: 'scheduled', reason: outcome.reason, messageId: null, sentAt: null, dueAt: outcome.dueAt };
      finish.run(row.status, row.reason, row.messageId, row.sentAt, row.dueAt, at, shop, orderId);
    },
    async markInterrupted(at) {
      return client
        .prepare(`update followup_jobs set status = 'unknown', reason = 'interrupted while sending: not sent again', updated_at = ? where status = 'sending'`)
        .run(at).changes;
    },
    async sentTo(shop, customerId, exceptOrderId) {
      return sentToOf.all(shop, customerId, exceptOrderId).map((r) => r.sent_at);
    },
    async jobs(shop, limit) {
      return (client.prepare('select * from followup_jobs where shop = ? order by due_at desc limit ?').all(shop, limit) as JobRow[]).map(job);
    },
    async sendContext(shop, orderId) {
      const order = orderOf.get(shop, orderId);
      if (!order) return null;
      const lines = linesOf.all(shop, orderId).sort((a, b) => a.line_id - b.line_id);
      const kept = lines.filter((l) => l.quantity > l.refunded_quantity);
      const customer = order.customer_id === null ? undefined : customerOf.get(shop, order.customer_id);
      const context: SendContext = {
        order: {
          id: order.id,
          cancelled: order.cancelled_at !== null,
          fullyRefunded: lines.length > 0 && kept.length === 0,
          fulfilledAt: order.fulfilled_at,
          customerLocale: order.customer_locale,
          products: [...new Map(kept.map((l) => [l.id, l])).values()].map((l) => ({
            id: l.id,
            title: l.title,
            productType: l.product_type,
            categoryId: l.category_id,
            tags: JSON.parse(l.tags) as string[],
          })),
        },
        customer: customer
          ? {
              id: customer.id,
              email: customer.email,
              firstName: customer.first_name,
              subscribed: customer.marketing_state === 'SUBSCRIBED',
              locale: customer.locale,
              timeZone: customer.time_zone_hint,
              country: customer.country,
            }
          : null,
      };
      return context;
    },
    async recentFulfilledOrders(shop, limit) {
      return (
        client
          .prepare('select id from orders where shop = ? and customer_id is not null and fulfilled_at is not null and cancelled_at is null order by fulfilled_at desc limit ?')
          .all(shop, limit) as { id: number }[]
      ).map((r) => r.id);
    },
    async fulfilledOrdersSince(shop, since) {
      return client
        .prepare(
          // Only orders without a job yet: a round does not re-insert thousands of jobs it already has.
          `select o.id as orderId, o.customer_id as customerId, o.fulfilled_at as fulfilledAt from orders o
           where o.shop = ? and o.customer_id is not null and o.fulfilled_at >= ? and o.cancelled_at is null
             and not exists (select 1 from followup_jobs j where j.shop = o.shop and j.order_id = o.id)
           order by o.fulfilled_at`,
        )
        .all(shop, since) as { orderId: number; customerId: number; fulfilledAt: string }[];
    },
  };
}
