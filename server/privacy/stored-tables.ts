/**
 * Each table keyed by shop: how long it is kept and whether a row can name a shopper — codes and numbers, read by
 * the server (report) and the admin (page) alike. What a row holds and why, and the retention's words, are in the
 * translation files (app/locales/<locale>/privacy.json, `tables` and `retention`), so the Privacy page and the
 * privacy report say the same in every language (the README's "What Tacto stores" is the English of it).
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
/** Product translations are read again at least this often while pages in another language are visited (server/translations/translation-refresher.ts). */
export const TRANSLATIONS_REFRESH_HOURS = 6;

/** One table's rows for one shop: what the Privacy page and the privacy report list. */
export interface TableCount {
  table: string;
  rows: number;
}

/**
 * How long a table's rows are kept, as a code and its numbers; the words are in each language's translation files
 * (`privacy:retention.<code>`), read by the admin's Privacy page and the privacy report alike.
 */
export type Retention =
  | { code: 'untilCustomerRedact' | 'untilShopRedact' | 'whileProduct' | 'whileInCollection' | 'untilUninstall' }
  | { code: 'days'; params: { count: number } }
  | { code: 'whileProductTranslated'; params: { hours: number } }
  | { code: 'webhookEvents'; params: { processedDays: number; deadLetterDays: number } };

export interface TableDescription {
  /** How long a row is kept. What a row holds and why are worded per table (`privacy:tables.<table>`). */
  kept: Retention;
  /** Whether a row can name a shopper (a customer id, an email…): an auditor's first question. */
  aboutShoppers: boolean;
}

const UNTIL_CUSTOMER_REDACT: Retention = { code: 'untilCustomerRedact' };
const UNTIL_SHOP_REDACT: Retention = { code: 'untilShopRedact' };
const COUNTERS_KEPT: Retention = { code: 'days', params: { count: COUNTER_DAYS } };

export const STORED_TABLES: Readonly<Record<string, TableDescription>> = {
  orders: { kept: UNTIL_CUSTOMER_REDACT, aboutShoppers: true },
  order_lines: { kept: UNTIL_CUSTOMER_REDACT, aboutShoppers: true },
  products: { kept: { code: 'whileProduct' }, aboutShoppers: false },
  product_translations: { kept: { code: 'whileProductTranslated', params: { hours: TRANSLATIONS_REFRESH_HOURS } }, aboutShoppers: false },
  product_collections: { kept: { code: 'whileInCollection' }, aboutShoppers: false },
  customers: { kept: UNTIL_CUSTOMER_REDACT, aboutShoppers: true },
  webhook_events: {
    kept: { code: 'webhookEvents', params: { processedDays: PROCESSED_WEBHOOK_DAYS, deadLetterDays: DEAD_LETTER_DAYS } },
    aboutShoppers: true,
  },
  redaction_tombstones: { kept: UNTIL_SHOP_REDACT, aboutShoppers: false },
  backfills: { kept: UNTIL_SHOP_REDACT, aboutShoppers: false },
  data_requests: { kept: UNTIL_CUSTOMER_REDACT, aboutShoppers: true },
  shopify_sessions: { kept: { code: 'untilUninstall' }, aboutShoppers: false },
  shops: { kept: UNTIL_SHOP_REDACT, aboutShoppers: false },
  shopper_settings: { kept: UNTIL_CUSTOMER_REDACT, aboutShoppers: true },
  recommendation_feedback: { kept: UNTIL_CUSTOMER_REDACT, aboutShoppers: true },
  recommendation_impressions: { kept: { code: 'days', params: { count: DEFAULT_POLICY.frequencyCapDays } }, aboutShoppers: true },
  followup_personas: { kept: UNTIL_SHOP_REDACT, aboutShoppers: false },
  followup_flows: { kept: UNTIL_SHOP_REDACT, aboutShoppers: false },
  followup_templates: { kept: UNTIL_SHOP_REDACT, aboutShoppers: false },
  followup_jobs: { kept: UNTIL_CUSTOMER_REDACT, aboutShoppers: true },
  block_counters: { kept: COUNTERS_KEPT, aboutShoppers: false },
  experiment_enrolments: { kept: COUNTERS_KEPT, aboutShoppers: false },
  feedback_counters: { kept: COUNTERS_KEPT, aboutShoppers: false },
  followup_counters: { kept: COUNTERS_KEPT, aboutShoppers: false },
  experiments: { kept: UNTIL_SHOP_REDACT, aboutShoppers: false },
  shop_settings: { kept: UNTIL_SHOP_REDACT, aboutShoppers: false },
};

/**
 * The description of a table, and the key of its words (`privacy:tables.<key>`): a table Tacto does not describe
 * yet is still shown, as `unknown` ("Not described yet."), kept until the shop is erased and assumed to name shoppers.
 */
export function describeTable(table: string): TableDescription & { wordsKey: string } {
  const known = STORED_TABLES[table];
  return known ? { ...known, wordsKey: table } : { kept: UNTIL_SHOP_REDACT, aboutShoppers: true, wordsKey: 'unknown' };
}

/** i18next's `t` (or any lookup like it) in the reader's language, over a `privacy` namespace. */
export type Translate = (key: string, params?: Record<string, unknown>) => string;

/**
 * Pure: a table's row in words, from the translation files' `privacy:tables.<table>` and `privacy:retention.<code>`
 * — the same function for the admin's Privacy page and the server's privacy report, so both say the same.
 */
export function tableText(table: string, translate: Translate): { holds: string; why: string; kept: string; aboutShoppers: boolean } {
  const about = describeTable(table);
  return {
    holds: translate(`privacy:tables.${about.wordsKey}.holds`),
    why: translate(`privacy:tables.${about.wordsKey}.why`),
    kept: translate(`privacy:retention.${about.kept.code}`, 'params' in about.kept ? about.kept.params : {}),
    aboutShoppers: about.aboutShoppers,
  };
}
