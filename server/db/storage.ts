import type { TableCount } from '../privacy/stored-tables.ts';
import type { SessionStorage } from '@shopify/shopify-app-session-storage';
import type { FollowupRepository } from './followup-repository.ts';
import type { IngestBatch } from '../ingest/records.ts';
import type { TrainingOrder } from '../recommend/model/shop-model.ts';
import type { CatalogProduct, Feedback, FeedbackReason, Purchase } from '../recommend/types.ts';
import type { SubjectIds } from '../webhooks/subject-ids.ts';

/**
 * Everything Tacto persists goes through this interface; features never see SQL. The SQLite backend lives
 * in ./sqlite/, and a PostgreSQL backend can be added beside it implementing the same interface.
 */
export interface Storage {
  /** Shopify sessions, in the shape @shopify/shopify-api reads and writes. */
  readonly sessions: SessionStorage;
  readonly shops: ShopRepository;
  readonly ingest: IngestRepository;
  readonly backfills: BackfillRepository;
  readonly webhookQueue: WebhookQueueRepository;
  readonly privacy: PrivacyRepository;
  readonly recommendations: RecommendationRepository;
  readonly followups: FollowupRepository;
  readonly analytics: AnalyticsRepository;
  readonly shopSettings: ShopSettingsRepository;
  readonly translations: TranslationRepository;
  /** Cheap liveness probe for /healthz. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export interface ShopRecord {
  shop: string;
  scopes: string[];
  installedAt: Date;
  uninstalledAt: Date | null;
}

export interface ShopRepository {
  recordInstall(shop: string, scopes: string[], at: Date): Promise<void>;
  /** Marks the shop uninstalled and deletes every Shopify session (access token) it had, in one transaction. */
  recordUninstall(shop: string, at: Date): Promise<void>;
  find(shop: string): Promise<ShopRecord | null>;
}

/**
 * The merchant's settings, one JSON document per shop and name. Storage keeps documents opaque: the feature that
 * owns a name validates what it saves and what it reads back (a document written by an older version may not fit).
 */
export interface ShopSettingsRepository {
  /** The saved document, or null when the merchant never saved one. */
  get(shop: string, name: string): Promise<unknown>;
  save(shop: string, name: string, value: unknown, at: Date): Promise<void>;
  /** Every saved document of the shop, by name (the privacy report lists them). */
  all(shop: string): Promise<Record<string, unknown>>;
}

/** A product's title and handle in one language, from the shop's translations; null where it has none (the default shows). */
export interface ProductTranslation {
  productId: number;
  /** One of Tacto's locales (server/i18n/locales.ts): `es`, `pt-BR`, `en`. */
  locale: string;
  title: string | null;
  handle: string | null;
}

/**
 * Product translations, read from Shopify (server/translations/). Shopify sends no webhook when only a translation
 * changes, so they are written whole: all of a shop's at a full read, one product's after its products/update.
 */
export interface TranslationRepository {
  /** Replaces every translation of the shop: products and languages no longer translated lose their rows. */
  replaceAll(shop: string, rows: readonly ProductTranslation[]): Promise<void>;
  /** Replaces one product's translations, in every language. */
  replaceProduct(shop: string, productId: number, rows: readonly ProductTranslation[]): Promise<void>;
  /** When a full read of the shop's translations last started; null when none has (or the shop is not installed). */
  lastFullRead(shop: string): Promise<Date | null>;
  /** Records that a full read of the shop's translations starts now (an installed shop's; others are ignored). */
  markFullRead(shop: string, at: Date): Promise<void>;
}

/** Where a backfill stands inside its current stage, saved in the same transaction as the batch. */
export interface IngestProgress {
  stage: string;
  linesDone: number;
}

export interface IngestRepository {
  /**
   * Applies the batch atomically (with the backfill's progress, when given). Older records never win. A redacted
   * customer (tombstone), an order whose id or customer is redacted, and that order's lines are skipped. Membership
   * sets (`productCollectionSets`, `collectionMemberSets`) replace what is stored for their product or collection,
   * keeping rows only for products the shop's catalog holds.
   */
  applyBatch(shop: string, batch: IngestBatch, progress?: IngestProgress): Promise<void>;
  /** Records a consent state other than SUBSCRIBED and clears the customer's contact details; whether they were subscribed. */
  withdrawConsent(shop: string, customerId: number, state: string): Promise<boolean>;
}

export type BackfillStageName = 'products' | 'customers' | 'orders';

export interface BackfillRecord {
  shop: string;
  status: 'running' | 'completed' | 'failed';
  stage: BackfillStageName;
  bulkOperationId: string | null;
  linesDone: number;
  ordersEstimated: number | null;
  /** False when Shopify shows only the last 60 days (no read_all_orders). */
  allOrdersVisible: boolean;
  startedAt: string;
  finishedAt: string | null;
  error: string | null;
}

export interface ShopDataSummary {
  orders: number;
  orderLines: number;
  products: number;
  customers: number;
  firstOrderAt: string | null;
  lastOrderAt: string | null;
}

export interface BackfillRepository {
  find(shop: string): Promise<BackfillRecord | null>;
  listUnfinished(): Promise<BackfillRecord[]>;
  start(shop: string, input: { allOrdersVisible: boolean; startedAt: string }): Promise<void>;
  beginStage(shop: string, stage: BackfillStageName, bulkOperationId: string): Promise<void>;
  setOrdersEstimate(shop: string, estimate: number): Promise<void>;
  finish(shop: string, at: string): Promise<void>;
  fail(shop: string, error: string, at: string): Promise<void>;
  summary(shop: string): Promise<ShopDataSummary>;
}

/** pending → done; pending/retrying → retrying (Shopify away: run again later) → done, or → dead (given up). */
export type WebhookState = 'pending' | 'retrying' | 'done' | 'dead';

export interface QueuedWebhook {
  seq: number;
  shop: string;
  topic: string;
  /** X-Shopify-Event-Id: the same on every retry of one event, hence the deduplication key. */
  eventId: string;
  webhookId: string;
  triggeredAt: string | null;
  /** The raw body while the event may still be applied; '' once done or dead. */
  payload: string;
  receivedAt: string;
  state: WebhookState;
  /** Why the last run failed (codes and field paths, never payload values). */
  error: string | null;
  /** Handler runs so far. */
  attempts: number;
  /** When a retrying event is due again (ISO). */
  nextAttemptAt: string | null;
  /** When the event was applied or given up (ISO). */
  finishedAt: string | null;
  /** What a dead letter keeps of its payload: the Shopify ids of its subject. */
  subjectIds: SubjectIds;
}

export interface WebhookQueueRepository {
  /** Stores the event unless the shop already has it: `duplicate` for Shopify's retries. */
  enqueue(event: Pick<QueuedWebhook, 'shop' | 'topic' | 'eventId' | 'webhookId' | 'triggeredAt' | 'payload' | 'receivedAt'>): Promise<'queued' | 'duplicate'>;
  /** Pending events and retrying events due at `now` (ISO), oldest first. */
  nextDue(now: string, limit: number): Promise<QueuedWebhook[]>;
  /** When the earliest retrying event is due (ISO), or null when none waits. */
  nextRetryAt(): Promise<string | null>;
  /** Marks the event applied (or nothing left to apply) and drops its payload. */
  markDone(seq: number, outcome: { attempts: number; at: string }): Promise<void>;
  /** Keeps the event, payload included, for another run at `nextAttemptAt`. */
  markRetrying(seq: number, retry: { attempts: number; nextAttemptAt: string; error: string }): Promise<void>;
  /** Gives the event up: keeps its topic, ids and error for the merchant, drops its payload. */
  markDead(seq: number, dead: { attempts: number; error: string; subjectIds: SubjectIds; at: string }): Promise<void>;
  /**
   * Forgets applied events received before `doneReceivedBefore` (Shopify stops retrying a delivery within
   * hours) and dead letters given up before `deadFinishedBefore`.
   */
  prune(before: { doneReceivedBefore: string; deadFinishedBefore: string }): Promise<void>;
  /** The shop's dead letters, newest first (at most 100). */
  deadLetters(shop: string): Promise<QueuedWebhook[]>;
  /** The shop's events waiting for another run, soonest first (at most 100). */
  retrying(shop: string): Promise<QueuedWebhook[]>;
}

/** Everything Tacto holds about one customer (customers/data_request). */
export interface CustomerExport {
  customer: Record<string, unknown> | null;
  orders: Record<string, unknown>[];
  /** Rows of every other table keyed by the customer (settings, feedback, impressions), by table name. */
  other?: Record<string, Record<string, unknown>[]>;
}

export interface PrivacyRepository {
  exportCustomer(shop: string, customerId: number): Promise<CustomerExport>;
  saveDataRequest(shop: string, customerId: number, exported: CustomerExport, at: string): Promise<void>;
  listDataRequests(shop: string): Promise<{ id: number; customerId: number; requestedAt: string }[]>;
  dataRequest(shop: string, id: number): Promise<CustomerExport | null>;
  /**
   * customers/redact: every row that identifies the customer, in every table, and, in the same transaction, a
   * tombstone for the customer and for each of their orders (`orderIds` and those stored): no import writes them
   * again. Idempotent.
   */
  eraseCustomer(shop: string, customerId: number, orderIds: number[], email: string | null): Promise<void>;
  /** Whether customers/redact erased this customer (a tombstone names them). */
  isRedactedCustomer(shop: string, customerId: number): Promise<boolean>;
  /** shop/redact: every row of the shop, in every table, tombstones included. Idempotent. */
  eraseShop(shop: string): Promise<void>;
  /**
   * How many rows the shop has in each table keyed by shop (every table with a `shop` column, read from the
   * schema like the erasure, so a table added later is counted too), sorted by table name.
   */
  tableCounts(shop: string): Promise<TableCount[]>;
}

export interface ProductCard {
  id: number;
  title: string;
  handle: string;
  imageUrl: string | null;
  price: string | null;
}

/** A shopper's own settings; absent rows mean the defaults (personalization on, nothing declared). */
export interface ShopperSettings {
  personalization: 'on' | 'off';
  declaredTopics: string[];
}

/** What the engine needs of one shopper, read in one go. */
export interface ShopperRecord {
  settings: ShopperSettings;
  purchases: Purchase[];
  feedback: Feedback[];
  /** Product id → times shown since the frequency cap's start. */
  impressions: Map<number, number>;
}

export interface RecommendationRepository {
  /** The catalog as the engine sees it (available = purchasable and ACTIVE). */
  catalog(shop: string): Promise<CatalogProduct[]>;
  /** Every order that counts for learning: not cancelled, lines not fully refunded, oldest first. */
  trainingOrders(shop: string): Promise<TrainingOrder[]>;
  /** One order for learning, or null when it does not count (unknown, cancelled, nothing left after refunds). */
  trainingOrder(shop: string, orderId: number): Promise<TrainingOrder | null>;
  /** Purchases since `purchasesSince` and impressions since `impressionsSince` (ISO times). */
  shopper(shop: string, customerId: number, purchasesSince: string, impressionsSince: string): Promise<ShopperRecord>;
  /** The shopper's own settings alone (defaults when none were saved). */
  settings(shop: string, customerId: number): Promise<ShopperSettings>;
  saveSettings(shop: string, customerId: number, settings: ShopperSettings, at: string): Promise<void>;
  saveFeedback(shop: string, customerId: number, productId: number, reason: FeedbackReason, at: string): Promise<void>;
  /**
   * Records that the shopper was shown these products. `view` names the showing (a storefront page view, a
   * follow-up mail): a product already recorded for the same view is not recorded again.
   */
  recordImpressions(shop: string, customerId: number, productIds: number[], surface: string, at: string, view?: string): Promise<void>;
  /**
   * The shopper's "delete what Tacto keeps about me": their "not for me" answers, what they were shown and the
   * topics they declared. Their on/off choice stays (deleting it would quietly turn personalization back on);
   * orders are the store's records, erased through the store (customers/redact).
   */
  forgetShopperChoices(shop: string, customerId: number, at: string): Promise<void>;
  /** Forgets impressions older than `before` (ISO), of one shop when `shop` is given: the cap never looks further back. */
  pruneImpressions(before: string, shop?: string): Promise<void>;
  /**
   * The product with this handle in the shop, or null. A translated handle (`/products/<handle>` on a page in another
   * language) names its product as the default one does: dismissals and the frequency cap hold in every language.
   */
  productIdByHandle(shop: string, handle: string): Promise<number | null>;
  /** The products of the shop with these handles (default or translated), in the order asked (unknown handles left out). */
  productIdsByHandle(shop: string, handles: readonly string[]): Promise<number[]>;
  /**
   * What a storefront card shows of each product, in the order asked (unknown ids left out); with a `locale` (one of
   * Tacto's), the title and handle translated into it where the shop has them, the default ones elsewhere.
   */
  productCards(shop: string, productIds: number[], locale?: string | null): Promise<ProductCard[]>;
  /** "Too personal" feedback per product, most reported first: the signal the merchant sees. */
  tooPersonalReports(shop: string): Promise<{ productId: number; reports: number }[]>;
}

/** One day's counts of one block setting on one surface. */
export interface BlockCountRow {
  day: string;
  surface: string;
  block: string;
  shown: number;
  clicked: number;
  added: number;
}

export interface EnrolmentCountRow {
  day: string;
  experimentId: number;
  arm: 'treatment' | 'holdout';
  shoppers: number;
}

/** The counts a flush of the in-memory counters adds, per shop (analytics/counter-buffer.ts). */
export interface CounterBatch {
  blocks: (BlockCountRow & { shop: string })[];
  enrolments: (EnrolmentCountRow & { shop: string })[];
}

export interface ExperimentRecord {
  id: number;
  question: 'block' | 'personalization';
  holdoutPercent: number;
  startedAt: string;
  endedAt: string | null;
}

/** A line added from a pick, in an order placed in the range. */
export interface AttributedLineRow {
  orderId: number;
  day: string;
  surface: string;
  /** The line's net amount for the units not refunded; 0 for a cancelled order. */
  revenue: number;
  /** What refunds and a cancellation took off. */
  refunded: number;
}

/** An order carrying an experiment mark. */
export interface ExperimentOrderRow {
  orderId: number;
  customerId: number | null;
  mark: string;
  createdAt: string;
  subtotal: number;
  cancelled: boolean;
}

export interface FollowupJobOutcomeRow {
  day: string;
  status: string;
  reason: string | null;
  count: number;
}

export interface AnalyticsRepository {
  addCounts(batch: CounterBatch): Promise<void>;
  /** Counts one "not for me" answer by reason and the product type of the product with this handle. */
  countFeedback(shop: string, day: string, reason: string, handle: string): Promise<void>;
  countUnsubscribe(shop: string, day: string): Promise<void>;
  /** The running experiment; the first read starts the default one (`defaults`) at `now`. */
  currentExperiment(shop: string, now: string, defaults: Pick<ExperimentRecord, 'question' | 'holdoutPercent'>): Promise<ExperimentRecord>;
  /** Ends the running experiment and starts the next one. */
  startExperiment(shop: string, settings: Pick<ExperimentRecord, 'question' | 'holdoutPercent'>, at: string): Promise<ExperimentRecord>;
  blockCounts(shop: string, fromDay: string, toDay: string): Promise<BlockCountRow[]>;
  attributedLines(shop: string, fromDay: string, toDay: string): Promise<AttributedLineRow[]>;
  enrolments(shop: string, experimentId: number, fromDay: string, toDay: string): Promise<EnrolmentCountRow[]>;
  /** Orders marked for this experiment (any enrolment day), placed on or before `toDay`. */
  experimentOrders(shop: string, experimentId: number, toDay: string): Promise<ExperimentOrderRow[]>;
  /** Follow-up jobs that ended (sent or skipped), by the day they became due. */
  followupOutcomes(shop: string, fromDay: string, toDay: string): Promise<FollowupJobOutcomeRow[]>;
  /**
   * Sent follow-ups and those held back by the holdout, due in the range and at least `windowDays` ago, each with
   * whether its buyer ordered again within `windowDays` of the due time.
   */
  followupRepeats(shop: string, fromDay: string, toDay: string, windowDays: number, now: string): Promise<{ group: 'sent' | 'holdout'; orders: number; repeated: number }[]>;
  unsubscribes(shop: string, fromDay: string, toDay: string): Promise<{ day: string; unsubscribed: number }[]>;
  feedbackCounts(shop: string, fromDay: string, toDay: string): Promise<{ day: string; reason: string; productType: string; count: number }[]>;
  /** Forgets daily counters of days before `beforeDay`. */
  prune(beforeDay: string): Promise<void>;
}
