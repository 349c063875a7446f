/**
 * What each table keyed by shop holds, why, and how long it is kept: the README's "What Tacto stores", in the words
 * the admin's Privacy page and the privacy report show next to each table's live count. Pure data, read by the
 * server (report) and the admin (page) alike, so both say the same. English until the admin's languages issue.
 * A table missing here is still listed with its count (`describeTable` answers a plain fallback), so a table added
 * later is never hidden from the merchant; test/server/privacy-table-counts.test.ts checks every table is described.
 */
import { DEFAULT_POLICY } from '../recommend/policy.ts';

// The retention periods the server runs with, copied here because their modules do I/O and the admin's bundle
// imports this file; test/server/privacy-table-counts.test.ts checks each copy against its source.
/** Analytics' daily counters (server/analytics/analytics-service.ts, COUNTER_RETENTION_DAYS). */
export const COUNTER_DAYS = 400;
/** Webhook housekeeping (server/webhooks/queue-worker.ts): applied events are kept for deduplication, failures for the merchant. */
export const PROCESSED_WEBHOOK_DAYS = 7;
export const DEAD_LETTER_DAYS = 30;

/** One table's rows for one shop: what the Privacy page and the privacy report list. */
export interface TableCount {
  table: string;
  rows: number;
}

export interface TableDescription {
  /** What a row holds, field by field. */
  holds: string;
  /** Why Tacto keeps it. */
  why: string;
  /** How long it is kept. */
  kept: string;
  /** Whether a row can name a shopper (a customer id, an email…): an auditor's first question. */
  aboutShoppers: boolean;
}

const UNTIL_CUSTOMER_REDACT = 'Until the customer asks Shopify to erase their data (customers/redact) or the shop is erased (shop/redact).';
const UNTIL_SHOP_REDACT = 'Until the shop is erased (shop/redact, 48 hours after Tacto is uninstalled).';
const COUNTERS_KEPT = `${COUNTER_DAYS} days, then deleted.`;

export const STORED_TABLES: Readonly<Record<string, TableDescription>> = {
  orders: {
    holds:
      "Order id, customer id, created, cancelled and first-fulfilled times, last update, the language the buyer shopped in; only for an order whose cart carried Tacto's experiment mark: that mark and the current subtotal.",
    why: "What was bought together and when; follow-ups wait for fulfillment; the holdout's revenue per shopper (Analytics).",
    kept: UNTIL_CUSTOMER_REDACT,
    aboutShoppers: true,
  },
  order_lines: {
    holds: "Line id, order id, product id, variant id, quantity, refunded quantity; only for a line added from a pick: the surface and the line's amount after discounts.",
    why: 'The items of each order; refunded items do not count as owned; attributed revenue (Analytics).',
    kept: UNTIL_CUSTOMER_REDACT,
    aboutShoppers: true,
  },
  products: {
    holds: 'Id, title, handle, product type, taxonomy category, tags, image URL, lowest price, availability, status, last update.',
    why: 'Telling complements from substitutes, and showing picks.',
    kept: 'While the product is in the store (deleted with it).',
    aboutShoppers: false,
  },
  product_collections: {
    holds: 'Product id and collection id, only for products Tacto stores (no collection titles or rules).',
    why: 'Collections also tell complements apart.',
    kept: 'While the product is in the collection.',
    aboutShoppers: false,
  },
  customers: {
    holds:
      'Customer id, email-marketing state and its time, last update; only while subscribed: email, first name, locale, the country of the default address and a time-zone guess from it.',
    why: 'Consent decides whether a follow-up may be sent; the rest addresses it, and the country decides the duties of its law a follow-up carries. On any other state the contact fields are cleared.',
    kept: UNTIL_CUSTOMER_REDACT,
    aboutShoppers: true,
  },
  webhook_events: {
    holds:
      "Topic, event id, received time, state, attempts, next try; the raw payload only until the event is applied. Failed events (dead letters) keep the error and the Shopify ids of their subject, never the payload.",
    why: "Ignoring Shopify's repeated deliveries; failed updates are shown on Home so you can look them up in Shopify.",
    kept: `Applied events ${PROCESSED_WEBHOOK_DAYS} days, failed ones ${DEAD_LETTER_DAYS} days after failing; at once by customers/redact or shop/redact when they name the customer.`,
    aboutShoppers: true,
  },
  redaction_tombstones: {
    holds: 'An opaque code (HMAC) per customer and order erased by customers/redact, and its time; without the app\'s key it names nobody.',
    why: 'So that no later import or webhook writes an erased customer or order again.',
    kept: UNTIL_SHOP_REDACT,
    aboutShoppers: false,
  },
  backfills: {
    holds: 'Import state and progress.',
    why: 'Resuming an import after a crash; the progress bar on Home.',
    kept: UNTIL_SHOP_REDACT,
    aboutShoppers: false,
  },
  data_requests: {
    holds: 'Customer id, time, and the export compiled for a customers/data_request.',
    why: 'You download it from this page and send it to the customer.',
    kept: UNTIL_CUSTOMER_REDACT,
    aboutShoppers: true,
  },
  shopify_sessions: {
    holds: "The shop's offline access token, encrypted (AES-256-GCM), and the granted scopes.",
    why: "Calling the shop's Admin API.",
    kept: 'Until Tacto is uninstalled (deleted the moment app/uninstalled arrives).',
    aboutShoppers: false,
  },
  shops: {
    holds: 'Shop domain, granted scopes, installed and uninstalled times.',
    why: 'Installation state.',
    kept: UNTIL_SHOP_REDACT,
    aboutShoppers: false,
  },
  shopper_settings: {
    holds: 'Customer id, personalization on or off, topics the shopper declared they shop for.',
    why: "The shopper's own choices.",
    kept: UNTIL_CUSTOMER_REDACT,
    aboutShoppers: true,
  },
  recommendation_feedback: {
    holds: 'Customer id, product id, the "Not for me" reason, time.',
    why: '"Not for me" stays honoured; "Too personal" counts are shown to you.',
    kept: UNTIL_CUSTOMER_REDACT,
    aboutShoppers: true,
  },
  recommendation_impressions: {
    holds: 'Customer id, product id, surface, time, view: picks a logged-in customer with personalization on had on screen, or a follow-up sent.',
    why: 'The frequency cap (a product seen often lately rests).',
    kept: `${DEFAULT_POLICY.frequencyCapDays} days, then deleted.`,
    aboutShoppers: true,
  },
  followup_personas: {
    holds: "The sender's name, role, signature, From and Reply-To addresses, photo, when the Reply-To was confirmed.",
    why: 'Who signs follow-ups; a Reply-To proven to receive mail.',
    kept: UNTIL_SHOP_REDACT,
    aboutShoppers: false,
  },
  followup_flows: {
    holds: 'On or off, delay, cap, send window, days to avoid.',
    why: 'Your follow-up settings.',
    kept: UNTIL_SHOP_REDACT,
    aboutShoppers: false,
  },
  followup_templates: {
    holds: 'Per language (en, es, pt-BR): the subject and body you saved; a language you never saved has no row.',
    why: 'Each buyer gets the follow-up in their language.',
    kept: UNTIL_SHOP_REDACT,
    aboutShoppers: false,
  },
  followup_jobs: {
    holds: 'Order id, customer id, due time, state and reason, Message-ID, sent time.',
    why: 'One follow-up per order at most, the cap, and "Recent follow-ups".',
    kept: UNTIL_CUSTOMER_REDACT,
    aboutShoppers: true,
  },
  block_counters: {
    holds: 'UTC day, surface, block setting, picks shown, clicked, added to a cart — no customer, page view or product.',
    why: 'Analytics.',
    kept: COUNTERS_KEPT,
    aboutShoppers: false,
  },
  experiment_enrolments: {
    holds: 'UTC day, experiment, arm, number of shoppers who entered it — no one named.',
    why: "The holdout's denominators (Analytics).",
    kept: COUNTERS_KEPT,
    aboutShoppers: false,
  },
  feedback_counters: {
    holds: 'UTC day, "Not for me" reason, product type, count.',
    why: 'Your view of "Not for me" and "Too personal" over time.',
    kept: COUNTERS_KEPT,
    aboutShoppers: false,
  },
  followup_counters: {
    holds: 'UTC day, unsubscribes from follow-ups.',
    why: 'The unsubscribe rate.',
    kept: COUNTERS_KEPT,
    aboutShoppers: false,
  },
  experiments: {
    holds: 'Experiment number, question, holdout percentage, started and ended times.',
    why: 'Which experiment a mark belongs to; results never mix settings.',
    kept: UNTIL_SHOP_REDACT,
    aboutShoppers: false,
  },
  shop_settings: {
    holds: "A setting's name, its value and last change: your recommendation settings, market preset and merchandising rules — nothing about shoppers.",
    why: 'What you chose in the admin.',
    kept: UNTIL_SHOP_REDACT,
    aboutShoppers: false,
  },
};

/** The description of a table; one Tacto does not describe yet still shows, plainly. */
export function describeTable(table: string): TableDescription {
  return (
    STORED_TABLES[table] ?? {
      holds: 'Not described yet.',
      why: 'Not described yet.',
      kept: UNTIL_SHOP_REDACT,
      aboutShoppers: true,
    }
  );
}
