import type Database from 'better-sqlite3';
import type { AnalyticsRepository, ExperimentRecord } from '../storage.ts';

/** `YYYY-MM-DD` → the first instant after that UTC day, as stored times compare (ISO text). */
const endOf = (day: string) => new Date(Date.parse(`${day}T00:00:00.000Z`) + 86_400_000).toISOString();
const startOf = (day: string) => `${day}T00:00:00.000Z`;

interface ExperimentRow {
  id: number;
  question: ExperimentRecord['question'];
  holdoutPercent: number;
  startedAt: string;
  endedAt: string | null;
}

/**
 * Analytics storage: daily counters (upserts that add), the holdout experiments, and the report's reads over
 * orders and follow-up jobs. Counters never hold a customer, a page view or a handle: the columns do not exist.
 */
export function sqliteAnalyticsRepository(client: Database.Database): AnalyticsRepository {
  const addBlock = client.prepare(`
    insert into block_counters (shop, day, surface, block, shown, clicked, added) values (@shop, @day, @surface, @block, @shown, @clicked, @added)
    on conflict (shop, day, surface, block) do update set shown = shown + excluded.shown, clicked = clicked + excluded.clicked, added = added + excluded.added`);
  const addEnrolment = client.prepare(`
    insert into experiment_enrolments (shop, day, experiment_id, arm, shoppers) values (@shop, @day, @experimentId, @arm, @shoppers)
    on conflict (shop, day, experiment_id, arm) do update set shoppers = shoppers + excluded.shoppers`);
  // A handle the shop does not have counts under an empty product type: the answer still counts.
  const addFeedback = client.prepare(`
    insert into feedback_counters (shop, day, reason, product_type, count)
    values (@shop, @day, @reason, coalesce(
      (select product_type from products where shop = @shop and handle = @handle limit 1),
      (select p.product_type from product_translations t join products p on p.shop = t.shop and p.id = t.product_id
       where t.shop = @shop and t.handle = @handle limit 1),
      ''), 1)
    on conflict (shop, day, reason, product_type) do update set count = count + 1`);
  const addUnsubscribe = client.prepare(`
    insert into followup_counters (shop, day, unsubscribed) values (?, ?, 1)
    on conflict (shop, day) do update set unsubscribed = unsubscribed + 1`);
  const running = client.prepare<[string], ExperimentRow>(`
    select id, question, holdout_percent as holdoutPercent, started_at as startedAt, ended_at as endedAt
    from experiments where shop = ? and ended_at is null order by id desc limit 1`);
  const lastId = client.prepare<[string], number>('select coalesce(max(id), 0) from experiments where shop = ?').pluck();
  const endRunning = client.prepare('update experiments set ended_at = ? where shop = ? and ended_at is null');
  const insertExperiment = client.prepare(
    'insert into experiments (shop, id, question, holdout_percent, started_at) values (@shop, @id, @question, @holdoutPercent, @startedAt)',
  );

  const addCounts = client.transaction((batch: Parameters<AnalyticsRepository['addCounts']>[0]) => {
    for (const row of batch.blocks) addBlock.run(row);
    for (const row of batch.enrolments) addEnrolment.run(row);
  });
  const start = client.transaction((shop: string, settings: Pick<ExperimentRecord, 'question' | 'holdoutPercent'>, at: string) => {
    endRunning.run(at, shop);
    const id = lastId.get(shop)! + 1;
    insertExperiment.run({ shop, id, ...settings, startedAt: at });
    return { id, ...settings, startedAt: at, endedAt: null };
  });
  const current = client.transaction((shop: string, now: string, defaults: Pick<ExperimentRecord, 'question' | 'holdoutPercent'>) => {
    return running.get(shop) ?? start(shop, defaults, now);
  });

  return {
    async addCounts(batch) {
      if (batch.blocks.length + batch.enrolments.length > 0) addCounts(batch);
    },
    async countFeedback(shop, day, reason, handle) {
      addFeedback.run({ shop, day, reason, handle });
    },
    async countUnsubscribe(shop, day) {
      addUnsubscribe.run(shop, day);
    },
    async currentExperiment(shop, now, defaults) {
      return current.immediate(shop, now, defaults);
    },
    async startExperiment(shop, settings, at) {
      return start.immediate(shop, settings, at);
    },
    async blockCounts(shop, fromDay, toDay) {
      return client
        .prepare('select day, surface, block, shown, clicked, added from block_counters where shop = ? and day between ? and ? order by day, surface, block')
        .all(shop, fromDay, toDay) as Awaited<ReturnType<AnalyticsRepository['blockCounts']>>;
    },
    async attributedLines(shop, fromDay, toDay) {
      const rows = client
        .prepare(
          `select l.order_id as orderId, substr(o.created_at, 1, 10) as day, l.surface, l.net_amount as net, l.quantity, l.refunded_quantity as refundedQuantity,
             o.cancelled_at is not null as cancelled
           from order_lines l join orders o on o.shop = l.shop and o.id = l.order_id
           where l.shop = ? and l.surface is not null and l.net_amount is not null and o.created_at >= ? and o.created_at < ?`,
        )
        .all(shop, startOf(fromDay), endOf(toDay)) as { orderId: number; day: string; surface: string; net: number; quantity: number; refundedQuantity: number; cancelled: number }[];
      return rows.map((row) => {
        const kept = row.cancelled || row.quantity === 0 ? 0 : (row.net * (row.quantity - row.refundedQuantity)) / row.quantity;
        return { orderId: row.orderId, day: row.day, surface: row.surface, revenue: kept, refunded: row.net - kept };
      });
    },
    async enrolments(shop, experimentId, fromDay, toDay) {
      return client
        .prepare(
          'select day, experiment_id as experimentId, arm, shoppers from experiment_enrolments where shop = ? and experiment_id = ? and day between ? and ? order by day',
        )
        .all(shop, experimentId, fromDay, toDay) as Awaited<ReturnType<AnalyticsRepository['enrolments']>>;
    },
    async experimentOrders(shop, experimentId, toDay) {
      const rows = client
        .prepare(
          `select id as orderId, customer_id as customerId, experiment as mark, created_at as createdAt, coalesce(subtotal, 0) as subtotal,
             cancelled_at is not null as cancelled
           from orders where shop = ? and experiment like ? and created_at < ?`,
        )
        .all(shop, `${experimentId}.%`, endOf(toDay)) as { orderId: number; customerId: number | null; mark: string; createdAt: string; subtotal: number; cancelled: number }[];
      return rows.map((row) => ({ ...row, cancelled: row.cancelled === 1 }));
    },
    async followupOutcomes(shop, fromDay, toDay) {
      return client
        .prepare(
          `select substr(due_at, 1, 10) as day, status, reason, count(*) as count from followup_jobs
           where shop = ? and status in ('sent', 'skipped', 'unknown') and due_at >= ? and due_at < ?
           group by day, status, reason order by day`,
        )
        .all(shop, startOf(fromDay), endOf(toDay)) as Awaited<ReturnType<AnalyticsRepository['followupOutcomes']>>;
    },
    async followupRepeats(shop, fromDay, toDay, windowDays, now) {
      const windowMs = windowDays * 86_400_000;
      const judgedBefore = new Date(Date.parse(now) - windowMs).toISOString();
      const until = endOf(toDay) < judgedBefore ? endOf(toDay) : judgedBefore;
      // julianday arithmetic keeps the 30 days exact whatever the stored times' offsets (all UTC ISO text).
      return client
        .prepare(
          `select case when j.status = 'sent' then 'sent' else 'holdout' end as "group", count(*) as orders,
             sum(exists (select 1 from orders o where o.shop = j.shop and o.customer_id = j.customer_id and o.id <> j.order_id
               and o.cancelled_at is null and o.created_at > j.due_at
               and julianday(o.created_at) <= julianday(j.due_at) + ?)) as repeated
           from followup_jobs j
           where j.shop = ? and (j.status = 'sent' or (j.status = 'skipped' and j.reason = 'holdout')) and j.due_at >= ? and j.due_at < ?
           group by "group"`,
        )
        .all(windowDays, shop, startOf(fromDay), until) as Awaited<ReturnType<AnalyticsRepository['followupRepeats']>>;
    },
    async unsubscribes(shop, fromDay, toDay) {
      return client
        .prepare('select day, unsubscribed from followup_counters where shop = ? and day between ? and ? order by day')
        .all(shop, fromDay, toDay) as Awaited<ReturnType<AnalyticsRepository['unsubscribes']>>;
    },
    async feedbackCounts(shop, fromDay, toDay) {
      return client
        .prepare(
          'select day, reason, product_type as productType, count from feedback_counters where shop = ? and day between ? and ? order by day',
        )
        .all(shop, fromDay, toDay) as Awaited<ReturnType<AnalyticsRepository['feedbackCounts']>>;
    },
    async prune(beforeDay) {
      for (const table of ['block_counters', 'experiment_enrolments', 'feedback_counters', 'followup_counters']) {
        client.prepare(`delete from ${table} where day < ?`).run(beforeDay);
      }
    },
  };
}
