import type { FlowSettings } from '../followups/scheduler/index.ts';
import type { FollowupLocale, JobStatus, PersonaRecord, TemplateText } from './followup-records.ts';

export type { FollowupLocale, JobStatus, PersonaRecord, TemplateText } from './followup-records.ts';

export interface PersonaInput {
  fullName: string;
  role: string;
  signature: string;
  fromAddress: string;
  replyTo: string;
}

export interface FlowRecord {
  /** Timing, cap and on/off (`settings.enabled`). */
  settings: FlowSettings;
  /**
   * The templates the merchant saved, by language; a language missing here sends its starting template
   * (compose/words.ts DEFAULT_TEMPLATES, see followups/templates.ts).
   */
  templates: Partial<Record<FollowupLocale, TemplateText & { updatedAt: string }>>;
  updatedAt: string;
}

/** What saving a flow writes: its settings, and the templates of the languages given (others stay as they are). */
export interface FlowWrite {
  settings: FlowSettings;
  templates: Partial<Record<FollowupLocale, TemplateText>>;
}

export interface FollowupJob {
  shop: string;
  orderId: number;
  customerId: number;
  dueAt: string;
  status: JobStatus;
  reason: string | null;
  messageId: string | null;
  sentAt: string | null;
  updatedAt: string;
}

/** What a follow-up needs to know of an order and its buyer at send time, read in one go. */
export interface SendContext {
  order: {
    id: number;
    cancelled: boolean;
    /** Every line refunded in full. */
    fullyRefunded: boolean;
    fulfilledAt: string | null;
    /** The language the buyer shopped in (Order.customerLocale), one of Tacto's locales; null when unknown. */
    customerLocale: string | null;
    /** Lines still kept (not fully refunded), in order. */
    products: { id: number; title: string; productType: string; categoryId: string | null; tags: string[] }[];
  };
  customer: {
    id: number;
    email: string | null;
    firstName: string | null;
    subscribed: boolean;
    locale: string | null;
    timeZone: string | null;
    /** ISO 3166-1 alpha-2 of the default address, kept while subscribed: the regional duties a mail carries. */
    country: string | null;
  } | null;
}

/** The finished state of a claimed job. */
export type JobOutcome =
  | { status: 'sent'; messageId: string; sentAt: string }
  | { status: 'skipped'; reason: string }
  /** Not this time (outside the window, persona not verified yet): back to `scheduled` for later. */
  | { status: 'scheduled'; dueAt: string; reason: string };

export interface FollowupRepository {
  /** The shop's persona (one per shop), or null before the merchant creates it. */
  persona(shop: string): Promise<PersonaRecord | null>;
  /** Creates or updates the shop's persona; a changed Reply-To is unverified again. */
  savePersona(shop: string, input: PersonaInput, at: string): Promise<PersonaRecord>;
  personaPhoto(shop: string): Promise<Buffer | null>;
  savePersonaPhoto(shop: string, jpeg: Buffer | null, at: string): Promise<void>;
  /** A new one-time code for the Reply-To (its hash), replacing any earlier one. */
  startVerification(shop: string, codeHash: string, expiresAt: string): Promise<void>;
  /** The pending code's hash, expiry and failed attempts so far; null when none is pending. */
  pendingVerification(shop: string): Promise<{ codeHash: string; expiresAt: string; attempts: number } | null>;
  recordFailedVerification(shop: string): Promise<void>;
  markVerified(shop: string, at: string): Promise<void>;

  flow(shop: string): Promise<FlowRecord | null>;
  saveFlow(shop: string, flow: FlowWrite, at: string): Promise<void>;
  /** Every shop whose flow is on: the worker's round. */
  enabledShops(): Promise<string[]>;

  /** Fulfilled orders' jobs, once each, in one transaction: an order that has one already is left as it is. Returns how many were new. */
  scheduleJobs(shop: string, jobs: readonly { orderId: number; customerId: number; dueAt: string }[], at: string): Promise<number>;
  /** Scheduled jobs due by `before` (ISO), oldest first, across shops. */
  dueJobs(before: string, limit: number): Promise<FollowupJob[]>;
  /** scheduled → sending, committed; false when another worker (or an earlier run) has it. */
  claimJob(shop: string, orderId: number, at: string): Promise<boolean>;
  finishJob(shop: string, orderId: number, outcome: JobOutcome, at: string): Promise<void>;
  /** At start-up: jobs left `sending` by a process that died are `unknown`, never sent again. Returns how many. */
  markInterrupted(at: string): Promise<number>;
  /**
   * When this customer was sent follow-ups about other orders than `exceptOrderId`, newest first (a mail whose
   * fate a crash left unknown counts as sent).
   */
  sentTo(shop: string, customerId: number, exceptOrderId: number): Promise<string[]>;
  /** The shop's jobs for the admin, newest due first. */
  jobs(shop: string, limit: number): Promise<FollowupJob[]>;
  sendContext(shop: string, orderId: number): Promise<SendContext | null>;
  /** The shop's latest fulfilled orders of identified customers, newest first: the admin previews with them. */
  recentFulfilledOrders(shop: string, limit: number): Promise<number[]>;
  /** Fulfilled orders of identified customers since `since` (ISO) that have no job yet: the worker schedules them. */
  fulfilledOrdersSince(shop: string, since: string): Promise<{ orderId: number; customerId: number; fulfilledAt: string }[]>;
}
