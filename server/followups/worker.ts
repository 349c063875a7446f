import type { FollowupJob } from '../db/followup-repository.ts';
import type { Storage } from '../db/storage.ts';
import type { Logger } from '../logger.ts';
import { CostlyTemplates } from './costly-templates.ts';
import { buyerLocale, type FollowupMails, type Shown } from './followup-mail.ts';
import { templateFor } from './templates.ts';
import type { Mailer } from './mail/transport.ts';
import { DAY_MS, decideSend, earliestDueAt } from './scheduler/index.ts';
import { followupHeldOut } from '../analytics/holdout.ts';
import type { AnalyticsService } from '../analytics/analytics-service.ts';
import type { ShopAdmin } from './shop-admin.ts';

export interface FollowupWorkerDeps {
  storage: Storage;
  mails: FollowupMails;
  shopAdmin: Pick<ShopAdmin, 'profile'>;
  /** Null when no SMTP server is configured: nothing is sent (jobs wait, then go stale). */
  mailer: Mailer | null;
  logger: Logger;
  /** The holdout's percentage, and the day's count of complements shown by mail. */
  analytics: Pick<AnalyticsService, 'experiment' | 'countShown'>;
  clock?: () => number;
  /** Jobs handled per round, and how many at once (SMTP round trips overlap; the pool bounds connections). */
  batch?: number;
  concurrency?: number;
  /** Test hook: runs after the SMTP server accepted a mail and before that is recorded. */
  afterAccepted?: (job: FollowupJob) => void | Promise<void>;
}

export interface RoundResult {
  scheduled: number;
  sent: number;
  skipped: number;
  waiting: number;
}

/** Smtp failures wait this long before the next try (within the scheduler's staleness limit). */
const RETRY_AFTER_SMTP_ERROR_MS = 15 * 60_000;

/**
 * The durable follow-up loop. Each round: schedule a job for every newly fulfilled order of a shop whose flow is
 * on (one row per order, inserted once), then take the due jobs and decide each one (scheduler/decide.ts).
 *
 * At most once: a job is switched to `sending` and committed *before* the SMTP conversation, and marked `sent`
 * after. A process that dies in between leaves it `sending`; at the next start `markInterrupted` turns it into
 * `unknown`, which is never sent again — a follow-up lost to a crash is better than the same mail twice.
 */
export class FollowupWorker {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<RoundResult> | null = null;
  private readonly costlyTemplates = new CostlyTemplates();

  constructor(private readonly deps: FollowupWorkerDeps) {}

  private now(): number {
    return (this.deps.clock ?? Date.now)();
  }

  /** Recovers from a crash, then runs a round every `tickMs`. */
  async start(tickMs: number): Promise<void> {
    const interrupted = await this.deps.storage.followups.markInterrupted(new Date(this.now()).toISOString());
    if (interrupted > 0) this.deps.logger.warn({ interrupted }, 'follow-ups interrupted while sending: not sent again');
    this.timer = setInterval(() => void this.round().catch((err: unknown) => this.deps.logger.error({ err }, 'follow-up round failed')), tickMs);
    this.timer.unref();
  }

  /** No new rounds; resolves once the current one (if any) has finished writing. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running?.catch(() => undefined);
  }

  /**
   * One round, as of `now` (the clock by default; tests and the benchmark pass their own instant). A round
   * already running is joined rather than doubled.
   */
  round(now = this.now()): Promise<RoundResult> {
    this.running ??= this.roundNow(now).finally(() => (this.running = null));
    return this.running;
  }

  private async roundNow(now: number): Promise<RoundResult> {
    const result: RoundResult = { scheduled: await this.scheduleNew(now), sent: 0, skipped: 0, waiting: 0 };
    const { storage } = this.deps;
    const due = await storage.followups.dueJobs(new Date(now).toISOString(), this.deps.batch ?? 500);
    let next = 0;
    const worker = async () => {
      while (next < due.length) {
        const outcome = await this.handle(due[next++]!, now);
        result[outcome] += 1;
      }
    };
    await Promise.all(Array.from({ length: this.deps.concurrency ?? 10 }, worker));
    return result;
  }

  /** Orders fulfilled since the flow could still send about them get a job (no-op for those that have one). */
  private async scheduleNew(now: number): Promise<number> {
    const { followups } = this.deps.storage;
    let scheduled = 0;
    for (const shop of await followups.enabledShops()) {
      const flow = await followups.flow(shop);
      if (!flow) continue;
      // An order fulfilled longer ago than the delay (plus a day of slack for a server that was down) was due
      // before the flow could know it: it gets no follow-up. Turning the flow on never mails old customers.
      const since = new Date(now - (flow.settings.delayDays + 1) * DAY_MS).toISOString();
      const orders = await followups.fulfilledOrdersSince(shop, since);
      const jobs = orders.map((order) => ({
        orderId: order.orderId,
        customerId: order.customerId,
        dueAt: new Date(earliestDueAt(Date.parse(order.fulfilledAt), flow.settings)).toISOString(),
      }));
      if (jobs.length > 0) scheduled += await followups.scheduleJobs(shop, jobs, new Date(now).toISOString());
    }
    return scheduled;
  }

  /**
   * The sent mail's complements count as shown to the buyer (the frequency cap) only now that the SMTP server has
   * accepted it: a mail that waits, is skipped or is retried shows nothing. Once per mail (recordShown is keyed by
   * the order). A failure here is logged and lets the job stay sent: the mail went out.
   */
  private async recordShown(job: FollowupJob, shown: Shown): Promise<void> {
    try {
      await this.deps.mails.recordShown(job.shop, job.orderId, shown);
    } catch (error) {
      this.deps.logger.error({ shop: job.shop, orderId: job.orderId, err: error }, 'follow-up sent; its complements not recorded as shown');
    }
  }

  private async handle(job: FollowupJob, now: number): Promise<'sent' | 'skipped' | 'waiting'> {
    const { storage, logger } = this.deps;
    const { followups } = storage;
    const at = () => new Date(now).toISOString();
    if (!(await followups.claimJob(job.shop, job.orderId, at()))) return 'waiting';
    let accepted = false;
    const finish = async (outcome: Parameters<typeof followups.finishJob>[2]) => {
      await followups.finishJob(job.shop, job.orderId, outcome, at());
      return outcome.status === 'sent' ? 'sent' : outcome.status === 'skipped' ? 'skipped' : 'waiting';
    };
    try {
      const [flow, persona, context] = await Promise.all([followups.flow(job.shop), followups.persona(job.shop), followups.sendContext(job.shop, job.orderId)]);
      if (!flow || !context || !context.order.fulfilledAt) return await finish({ status: 'skipped', reason: 'order-gone' });
      const profile = await this.deps.shopAdmin.profile(job.shop);
      const previousSends = (await followups.sentTo(job.shop, job.customerId, job.orderId)).map((t) => Date.parse(t));
      const { holdoutPercent } = await this.deps.analytics.experiment(job.shop);
      const decision = decideSend({
        now,
        dueAt: earliestDueAt(Date.parse(context.order.fulfilledAt), flow.settings),
        settings: flow.settings,
        personaVerified: persona?.replyToVerifiedAt != null && this.deps.mailer !== null,
        order: context.order,
        customer: {
          subscribed: context.customer?.subscribed ?? false,
          hasEmail: Boolean(context.customer?.email),
          timeZone: context.customer?.timeZone ?? null,
        },
        shopTimeZone: profile.timeZone,
        previousSends,
        heldOut: followupHeldOut(job.shop, job.orderId, holdoutPercent),
      });
      if (decision.kind === 'skip') return await finish({ status: 'skipped', reason: decision.reason });
      if (decision.kind === 'wait') return await finish({ status: 'scheduled', dueAt: new Date(decision.until).toISOString(), reason: decision.reason });
      // A template that fails cannot succeed by waiting: it is skipped, never retried (the merchant sees why).
      // The buyer's language decides the template (templates.ts); a costly one is remembered per language.
      const template = templateFor(flow, buyerLocale(context, profile));
      if (this.costlyTemplates.blocked(job.shop, template)) return await finish({ status: 'skipped', reason: 'template-error' });
      const mail = await this.deps.mails.forOrder({ shop: job.shop, profile, context, flow, template, persona: persona! });
      if (mail.kind === 'skip' && mail.reason === 'template-error') {
        if (mail.problem.error === 'template_too_costly') this.costlyTemplates.record(job.shop, template);
        logger.warn({ shop: job.shop, orderId: job.orderId, field: mail.field, problem: mail.problem }, 'follow-up template failed; skipped');
      }
      if (mail.kind === 'skip') return await finish({ status: 'skipped', reason: mail.reason });
      let sent;
      try {
        sent = await this.deps.mailer!.send(mail.message);
      } catch (error) {
        if (failedBeforeMessage(error)) {
          // Nothing went out (no connection, or the envelope was refused): another try is still at most once.
          logger.warn({ shop: job.shop, orderId: job.orderId, err: error }, 'follow-up not accepted by SMTP; retrying later');
          return await finish({ status: 'scheduled', dueAt: new Date(now + RETRY_AFTER_SMTP_ERROR_MS).toISOString(), reason: 'smtp-error' });
        }
        // Failed during or after the message itself: it may have been delivered, so it is never tried again.
        logger.error({ shop: job.shop, orderId: job.orderId, err: error }, 'follow-up may or may not have been delivered; not retried');
        return await finish({ status: 'skipped', reason: 'smtp-uncertain' });
      }
      if (sent.accepted.length === 0) return await finish({ status: 'skipped', reason: 'rejected-by-smtp' });
      accepted = true;
      await this.deps.afterAccepted?.(job);
      const outcome = await finish({ status: 'sent', messageId: sent.messageId, sentAt: at() });
      await this.recordShown(job, mail.shown);
      if (mail.shown.productIds.length > 0) this.deps.analytics.countShown(job.shop, 'email', 'email', mail.shown.productIds.length);
      return outcome;
    } catch (error) {
      if (accepted) {
        // The mail went out but was not recorded: the job stays `sending` and becomes `unknown` at the next
        // start — never sent again.
        logger.error({ shop: job.shop, orderId: job.orderId, err: error }, 'follow-up sent but not recorded');
        return 'sent';
      }
      logger.error({ shop: job.shop, orderId: job.orderId, err: error }, 'follow-up failed before sending');
      return await finish({ status: 'scheduled', dueAt: new Date(now + RETRY_AFTER_SMTP_ERROR_MS).toISOString(), reason: 'error' });
    }
  }
}

/** nodemailer's errors name the SMTP stage: before DATA, the server cannot have the message. */
function failedBeforeMessage(error: unknown): boolean {
  const { code, command } = (error ?? {}) as { code?: string; command?: string };
  return code === 'ECONNECTION' || code === 'EENVELOPE' || code === 'EDNS' || command === 'CONN' || command === 'EHLO' || command === 'AUTH PLAIN' || command === 'AUTH LOGIN' || command === 'MAIL FROM' || command === 'RCPT TO';
}
