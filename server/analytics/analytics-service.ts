import type { ExperimentRecord, Storage } from '../db/storage.ts';
import type { Logger } from '../logger.ts';
import type { AnalyticsSurface, Arm } from './cart-marks.ts';
import { CounterBuffer } from './counter-buffer.ts';
import { customerArm, DEFAULT_HOLDOUT_PERCENT } from './holdout.ts';
import { addDays, utcDay } from './utc-day.ts';

/** What the storefront learns about the running experiment in every picks answer: the same for every shopper. */
export interface ExperimentView {
  id: string;
  question: ExperimentRecord['question'];
  holdout: number;
  /** Set by the app for a logged-in customer; null for a visitor, whose browser draws its own place. */
  arm: Arm | null;
}

export type ExperimentSettings = Pick<ExperimentRecord, 'question' | 'holdoutPercent'>;

export const DEFAULT_EXPERIMENT: ExperimentSettings = { question: 'block', holdoutPercent: DEFAULT_HOLDOUT_PERCENT };

/** Daily counters are kept 400 days (13 months: this month against the same month last year), then forgotten. */
export const COUNTER_RETENTION_DAYS = 400;

export interface AnalyticsOptions {
  /** How often counted beacons are written (ms). */
  flushMs?: number;
  /** Writes sooner when this many counts wait. */
  maxPending?: number;
  now?: () => Date;
  /**
   * The experiment a shop starts with (default: "does the block help?", 10 % held out). Tests start with none, so
   * that only the tests about the holdout meet one.
   */
  initialExperiment?: ExperimentSettings;
  /** No counting and no experiment at all: the benchmark's "counting off" build, to measure what counting costs. */
  disabled?: boolean;
}

/**
 * Counting and the holdout on live data. Counters are buffered (counter-buffer.ts) and written a second later; the
 * running experiment is read once per shop and kept in memory until the merchant changes it.
 */
export class AnalyticsService {
  private readonly buffer: CounterBuffer;
  private readonly experiments = new Map<string, Promise<ExperimentRecord>>();
  private timer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> = Promise.resolve();
  private prunedOn = '';
  private readonly now: () => Date;

  constructor(
    private readonly deps: { storage: Storage; logger: Logger },
    private readonly options: AnalyticsOptions = {},
  ) {
    this.now = options.now ?? (() => new Date());
    this.buffer = new CounterBuffer({ maxPending: options.maxPending ?? 5_000, onFull: () => void this.flush() });
  }

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.flush(), this.options.flushMs ?? 1_000);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.flush();
  }

  /** Writes what was counted; also forgets counters past their retention, once a day. */
  flush(): Promise<void> {
    this.flushing = this.flushing.then(async () => {
      const batch = this.buffer.take();
      try {
        await this.deps.storage.analytics.addCounts(batch);
        const today = utcDay(this.now());
        if (this.prunedOn !== today) {
          await this.deps.storage.analytics.prune(addDays(today, -COUNTER_RETENTION_DAYS));
          this.prunedOn = today;
        }
      } catch (error) {
        this.deps.logger.error({ err: error }, 'analytics counters not written');
      }
    });
    return this.flushing;
  }

  experiment(shop: string): Promise<ExperimentRecord> {
    let found = this.experiments.get(shop);
    if (!found) {
      found = this.deps.storage.analytics.currentExperiment(shop, this.now().toISOString(), this.options.initialExperiment ?? DEFAULT_EXPERIMENT);
      found.catch(() => this.experiments.delete(shop));
      this.experiments.set(shop, found);
    }
    return found;
  }

  /** A change of question or percentage starts a new experiment: results are never mixed across settings. */
  async saveSettings(shop: string, settings: ExperimentSettings): Promise<ExperimentRecord> {
    const running = await this.experiment(shop);
    if (running.question === settings.question && running.holdoutPercent === settings.holdoutPercent) return running;
    const started = this.deps.storage.analytics.startExperiment(shop, settings, this.now().toISOString());
    this.experiments.set(shop, started);
    return started;
  }

  /**
   * The experiment as a picks answer states it. `customerId` is a logged-in customer whose consent allows
   * personalization (else null). With "does personalization help?" a customer who turned it off sees a visitor's
   * block in both arms, so they are in no experiment.
   */
  async view(shop: string, customerId: number | null, personalizationOn: () => Promise<boolean>): Promise<ExperimentView | null> {
    if (this.options.disabled) return null;
    const running = await this.experiment(shop);
    if (running.holdoutPercent === 0) return null;
    let arm: Arm | null = null;
    if (customerId !== null && (running.question === 'block' || (await personalizationOn()))) {
      arm = customerArm(shop, customerId, running.holdoutPercent);
    }
    return { id: String(running.id), question: running.question, holdout: running.holdoutPercent, arm };
  }

  countShown(shop: string, surface: AnalyticsSurface, block: string, count: number): void {
    if (this.options.disabled) return;
    this.buffer.addBlock(shop, utcDay(this.now()), surface, block, 'shown', count);
  }

  countEvent(shop: string, event: 'click' | 'add', surface: AnalyticsSurface, block: string): void {
    if (this.options.disabled) return;
    this.buffer.addBlock(shop, utcDay(this.now()), surface, block, event === 'click' ? 'clicked' : 'added', 1);
  }

  /** A browser entering the running experiment; a stale experiment id (settings changed meanwhile) is ignored. */
  async enrol(shop: string, experimentId: number, arm: Arm): Promise<void> {
    if (this.options.disabled) return;
    const running = await this.experiment(shop);
    if (running.id !== experimentId || running.holdoutPercent === 0) return;
    this.buffer.addEnrolment(shop, utcDay(this.now()), experimentId, arm);
  }

  async countFeedback(shop: string, reason: string, handle: string): Promise<void> {
    await this.deps.storage.analytics.countFeedback(shop, utcDay(this.now()), reason, handle);
  }

  async countUnsubscribe(shop: string): Promise<void> {
    await this.deps.storage.analytics.countUnsubscribe(shop, utcDay(this.now()));
  }

  /** shop/redact: nothing of the shop stays in memory. */
  forget(shop: string): void {
    this.buffer.forget(shop);
    this.experiments.delete(shop);
  }
}
