import { blob, index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/**
 * Shopify sessions (one offline session per installed shop). Column names follow
 * @shopify/shopify-app-session-storage-drizzle's SQLite schema, whose adapter reads and writes this table.
 */
// `as string`: the session-storage adapter's type expects a table whose name is not a literal type.
export const sessionTable = sqliteTable('shopify_sessions' as string, {
  id: text('id').primaryKey(),
  shop: text('shop').notNull(),
  state: text('state').notNull(),
  isOnline: integer('isOnline', { mode: 'boolean' }).notNull().default(false),
  scope: text('scope'),
  expires: text('expires'),
  accessToken: text('accessToken').notNull(),
  userId: blob('userId', { mode: 'bigint' }),
  firstName: text('firstName'),
  lastName: text('lastName'),
  email: text('email'),
  accountOwner: integer('accountOwner', { mode: 'boolean' }),
  locale: text('locale'),
  collaborator: integer('collaborator', { mode: 'boolean' }),
  emailVerified: integer('emailVerified', { mode: 'boolean' }),
  refreshToken: text('refreshToken'),
  refreshTokenExpires: text('refreshTokenExpires'),
}, (table) => [index('shopify_sessions_shop_idx').on(table.shop)]);

/** One row per shop that ever installed Tacto; kept after uninstall only until shop/redact arrives. */
export const shopsTable = sqliteTable('shops', {
  shop: text('shop').primaryKey(),
  scopes: text('scopes').notNull(),
  installedAt: text('installed_at').notNull(),
  uninstalledAt: text('uninstalled_at'),
  /** When the shop's product translations were last read in full (migration 0011); null before the first read. */
  translationsReadAt: text('translations_read_at'),
});

/*
 * Catalog, customers and orders: only what recommendations and follow-ups need (README, "What Tacto
 * stores"). Ids are Shopify's numeric ids; every table is keyed by shop first, so no query can cross shops.
 */

export const productsTable = sqliteTable(
  'products',
  {
    shop: text('shop').notNull(),
    id: integer('id').notNull(),
    title: text('title').notNull(),
    handle: text('handle').notNull(),
    productType: text('product_type').notNull(),
    categoryId: text('category_id'),
    categoryName: text('category_name'),
    tags: text('tags', { mode: 'json' }).$type<string[]>().notNull(),
    imageUrl: text('image_url'),
    price: text('price'),
    available: integer('available', { mode: 'boolean' }).notNull(),
    status: text('status').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  // By handle too: the storefront names products by handle (a pick's link), never by id.
  (t) => [primaryKey({ columns: [t.shop, t.id] }), index('products_handle_idx').on(t.shop, t.handle)],
);

/**
 * Which collections a product is in (collection membership tells complements apart): ids only. Imported by the
 * backfill and kept current by the products/* and collections/* webhooks; the index serves a collection's changes.
 */
export const productCollectionsTable = sqliteTable(
  'product_collections',
  {
    shop: text('shop').notNull(),
    productId: integer('product_id').notNull(),
    collectionId: integer('collection_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.shop, t.productId, t.collectionId] }), index('product_collections_collection_idx').on(t.shop, t.collectionId)],
);

export const customersTable = sqliteTable(
  'customers',
  {
    shop: text('shop').notNull(),
    id: integer('id').notNull(),
    marketingState: text('marketing_state').notNull(),
    consentUpdatedAt: text('consent_updated_at'),
    // The next five are kept only while marketingState is SUBSCRIBED; they are cleared otherwise.
    email: text('email'),
    firstName: text('first_name'),
    locale: text('locale'),
    timeZoneHint: text('time_zone_hint'),
    /** ISO 3166-1 alpha-2 of the default address (migration 0008): duties that follow the buyer's country. */
    country: text('country'),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.shop, t.id] })],
);

export const ordersTable = sqliteTable(
  'orders',
  {
    shop: text('shop').notNull(),
    id: integer('id').notNull(),
    customerId: integer('customer_id'),
    createdAt: text('created_at').notNull(),
    cancelledAt: text('cancelled_at'),
    fulfilledAt: text('fulfilled_at'),
    updatedAt: text('updated_at').notNull(),
    /** The cart's `_tacto_exp` mark (experiment.arm.enrolment day), validated; null for every other order. */
    experiment: text('experiment'),
    /** The order's current subtotal (after refunds), kept only when `experiment` is set. */
    subtotal: real('subtotal'),
    /** The language the buyer shopped in (Order.customerLocale) as one of Tacto's locales: a follow-up's language when the customer has none. */
    customerLocale: text('customer_locale'),
  },
  (t) => [primaryKey({ columns: [t.shop, t.id] }), index('orders_customer_idx').on(t.shop, t.customerId)],
);

export const orderLinesTable = sqliteTable(
  'order_lines',
  {
    shop: text('shop').notNull(),
    id: integer('id').notNull(),
    orderId: integer('order_id').notNull(),
    productId: integer('product_id'),
    variantId: integer('variant_id'),
    quantity: integer('quantity').notNull(),
    refundedQuantity: integer('refunded_quantity').notNull().default(0),
    /** The line's `_tacto` property: the surface whose pick added it; null for every other line. */
    surface: text('surface'),
    /** What the whole line cost after its discounts, kept only when `surface` is set. */
    netAmount: real('net_amount'),
  },
  (t) => [primaryKey({ columns: [t.shop, t.id] }), index('order_lines_order_idx').on(t.shop, t.orderId)],
);

/** Durable webhook queue: written before the 200, processed after it. */
export const webhookEventsTable = sqliteTable(
  'webhook_events',
  {
    seq: integer('seq').primaryKey({ autoIncrement: true }),
    shop: text('shop').notNull(),
    topic: text('topic').notNull(),
    eventId: text('event_id').notNull(),
    webhookId: text('webhook_id').notNull(),
    triggeredAt: text('triggered_at'),
    payload: text('payload').notNull(),
    receivedAt: text('received_at').notNull(),
    /**
     * pending → done; or retrying (Shopify unreachable, 5xx or throttled: tried again at next_attempt_at) → done;
     * or dead after too many attempts or a non-retryable error (kept with its error, without the payload).
     */
    state: text('state').notNull(),
    error: text('error'),
    /** Handler runs so far. */
    attempts: integer('attempts').notNull().default(0),
    /** When a retrying event is due again (ISO); null means due now. */
    nextAttemptAt: text('next_attempt_at'),
    /** When the event was applied or given up (ISO): dead letters expire from here. */
    finishedAt: text('finished_at'),
    /** The ids a merchant needs to find a dead letter's subject in Shopify (JSON), not the payload's personal fields. */
    subjectIds: text('subject_ids'),
  },
  (t) => [uniqueIndex('webhook_events_event_idx').on(t.shop, t.eventId), index('webhook_events_state_idx').on(t.state, t.seq)],
);

/** One row per shop: the state of its order/catalog backfill, committed with each imported batch. */
export const backfillsTable = sqliteTable('backfills', {
  shop: text('shop').primaryKey(),
  status: text('status').notNull(),
  /** products → customers → orders; the stage whose bulk operation runs now. */
  stage: text('stage').notNull(),
  bulkOperationId: text('bulk_operation_id'),
  /** Lines of the current stage's JSONL already stored: a restart skips them. */
  linesDone: integer('lines_done').notNull().default(0),
  ordersEstimated: integer('orders_estimated'),
  allOrdersVisible: integer('all_orders_visible', { mode: 'boolean' }).notNull(),
  startedAt: text('started_at').notNull(),
  finishedAt: text('finished_at'),
  error: text('error'),
});

/** customers/data_request exports, for the merchant to download and hand to the customer. */
export const dataRequestsTable = sqliteTable('data_requests', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  shop: text('shop').notNull(),
  customerId: integer('customer_id').notNull(),
  requestedAt: text('requested_at').notNull(),
  export: text('export', { mode: 'json' }).notNull(),
});

/*
 * Shopper-side state for recommendations. Each row is keyed by customer, so customers/redact erases it with
 * everything else (privacy.ts finds tables by their customer_id column).
 */

/** A shopper's own choices: personalization on or off, and topics they declared they shop for. */
export const shopperSettingsTable = sqliteTable(
  'shopper_settings',
  {
    shop: text('shop').notNull(),
    customerId: integer('customer_id').notNull(),
    personalization: text('personalization').notNull(),
    declaredTopics: text('declared_topics', { mode: 'json' }).$type<string[]>().notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.shop, t.customerId] })],
);

/** "Not for me" on an item, with the shopper's reason. */
export const recommendationFeedbackTable = sqliteTable(
  'recommendation_feedback',
  {
    shop: text('shop').notNull(),
    customerId: integer('customer_id').notNull(),
    productId: integer('product_id').notNull(),
    reason: text('reason').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.shop, t.customerId, t.productId] })],
);

/**
 * Which products a shopper was shown, when and where: only for the frequency cap, pruned after its period.
 * `view_id` names the showing (`page:<id>` for a storefront page view, `mail:<order id>` for a follow-up): a
 * product counts once per view, however often the view reports it. Rows from before it have none.
 */
export const recommendationImpressionsTable = sqliteTable(
  'recommendation_impressions',
  {
    shop: text('shop').notNull(),
    customerId: integer('customer_id').notNull(),
    productId: integer('product_id').notNull(),
    surface: text('surface').notNull(),
    shownAt: text('shown_at').notNull(),
    viewId: text('view_id'),
  },
  (t) => [
    index('recommendation_impressions_customer_idx').on(t.shop, t.customerId, t.shownAt),
    uniqueIndex('recommendation_impressions_view_idx').on(t.shop, t.customerId, t.viewId, t.productId),
  ],
);

/*
 * Post-purchase follow-ups. Personas and the flow belong to the shop (shop/redact erases them); jobs are keyed
 * by customer as well, so customers/redact erases a customer's jobs with everything else.
 */

/** A real person at the store who signs follow-ups. Cannot send until `reply_to_verified_at` is set. */
export const followupPersonasTable = sqliteTable(
  'followup_personas',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    shop: text('shop').notNull(),
    fullName: text('full_name').notNull(),
    role: text('role').notNull(),
    signature: text('signature').notNull(),
    fromAddress: text('from_address').notNull(),
    replyTo: text('reply_to').notNull(),
    /** Resized JPEG, small enough to travel inline in every mail (no remote image, no tracking). */
    photo: blob('photo', { mode: 'buffer' }),
    replyToVerifiedAt: text('reply_to_verified_at'),
    /** SHA-256 of the one-time code mailed to the Reply-To; cleared once verified. */
    verificationHash: text('verification_hash'),
    verificationExpiresAt: text('verification_expires_at'),
    verificationAttempts: integer('verification_attempts').notNull().default(0),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [index('followup_personas_shop_idx').on(t.shop)],
);

/** The shop's follow-up flow: on/off, timing and cap (its templates, one per language, in followup_templates). */
export const followupFlowsTable = sqliteTable('followup_flows', {
  shop: text('shop').primaryKey(),
  enabled: integer('enabled').notNull(),
  /** FlowSettings as JSON (server/followups/scheduler/settings.ts): delay, cap, send window, avoided days. */
  settings: text('settings', { mode: 'json' }).notNull(),
  updatedAt: text('updated_at').notNull(),
});

/**
 * The merchant's template in one language (en, es, pt-BR: server/i18n/locales.ts); each buyer gets the one in
 * their language. A language without a row sends its starting template (compose/words.ts DEFAULT_TEMPLATES).
 */
export const followupTemplatesTable = sqliteTable(
  'followup_templates',
  {
    shop: text('shop').notNull(),
    locale: text('locale').notNull(),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.shop, t.locale] })],
);

/**
 * One row per fulfilled order: the follow-up it gets, at most once. `sending` is written and committed before
 * the SMTP conversation starts; a row found still `sending` after a restart is never sent again (README,
 * "Follow-ups": at most once).
 */
export const followupJobsTable = sqliteTable(
  'followup_jobs',
  {
    shop: text('shop').notNull(),
    orderId: integer('order_id').notNull(),
    customerId: integer('customer_id').notNull(),
    dueAt: text('due_at').notNull(),
    status: text('status').notNull(),
    reason: text('reason'),
    messageId: text('message_id'),
    sentAt: text('sent_at'),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.shop, t.orderId] }),
    index('followup_jobs_due_idx').on(t.status, t.dueAt),
    index('followup_jobs_customer_idx').on(t.shop, t.customerId, t.status),
  ],
);

/**
 * customers/redact leaves a tombstone per erased customer and order so that no import path (a backfill already
 * running, a later backfill, a late webhook) brings them back. `subject` is an HMAC of the shop and the id under
 * a key derived from TOKEN_ENCRYPTION_KEY: no personal data, and no id to read back. shop/redact removes these too.
 */
export const redactionTombstonesTable = sqliteTable(
  'redaction_tombstones',
  {
    shop: text('shop').notNull(),
    subject: text('subject').notNull(),
    redactedAt: text('redacted_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.shop, t.subject] })],
);

/** Analytics: daily aggregates only (migration 0007). No customer, page view or product handle in any of them. */
export const blockCountersTable = sqliteTable(
  'block_counters',
  {
    shop: text('shop').notNull(),
    day: text('day').notNull(),
    surface: text('surface').notNull(),
    block: text('block').notNull(),
    shown: integer('shown').notNull().default(0),
    clicked: integer('clicked').notNull().default(0),
    added: integer('added').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.shop, t.day, t.surface, t.block] })],
);

export const experimentEnrolmentsTable = sqliteTable(
  'experiment_enrolments',
  {
    shop: text('shop').notNull(),
    day: text('day').notNull(),
    experimentId: integer('experiment_id').notNull(),
    arm: text('arm').notNull(),
    shoppers: integer('shoppers').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.shop, t.day, t.experimentId, t.arm] })],
);

export const feedbackCountersTable = sqliteTable(
  'feedback_counters',
  {
    shop: text('shop').notNull(),
    day: text('day').notNull(),
    reason: text('reason').notNull(),
    productType: text('product_type').notNull(),
    count: integer('count').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.shop, t.day, t.reason, t.productType] })],
);

export const followupCountersTable = sqliteTable(
  'followup_counters',
  {
    shop: text('shop').notNull(),
    day: text('day').notNull(),
    unsubscribed: integer('unsubscribed').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.shop, t.day] })],
);

/** The holdout experiments a shop ran; the one without `ended_at` is running. */
export const experimentsTable = sqliteTable(
  'experiments',
  {
    shop: text('shop').notNull(),
    id: integer('id').notNull(),
    question: text('question').notNull(),
    holdoutPercent: integer('holdout_percent').notNull(),
    startedAt: text('started_at').notNull(),
    endedAt: text('ended_at'),
  },
  (t) => [primaryKey({ columns: [t.shop, t.id] })],
);

/** The merchant's settings documents (migration 0008): one JSON value per shop and name, validated by its feature. */
export const shopSettingsTable = sqliteTable(
  'shop_settings',
  {
    shop: text('shop').notNull(),
    name: text('name').notNull(),
    value: text('value').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.shop, t.name] })],
);

/**
 * Product titles and handles in the shop's other published languages (migration 0010), read from Shopify's
 * translations (server/translations/). Only languages Tacto speaks; a missing row or null field means the default.
 */
export const productTranslationsTable = sqliteTable(
  'product_translations',
  {
    shop: text('shop').notNull(),
    productId: integer('product_id').notNull(),
    locale: text('locale').notNull(),
    title: text('title'),
    handle: text('handle'),
  },
  // By handle too: a translated handle names its product on the storefront's beacons, as the default one does.
  (t) => [primaryKey({ columns: [t.shop, t.productId, t.locale] }), index('product_translations_handle_idx').on(t.shop, t.handle)],
);
