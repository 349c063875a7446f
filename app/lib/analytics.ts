/**
 * The analytics report as the server sends it (GET /api/analytics/report, see the analytics contract), and the
 * pure helpers that turn its numbers and codes into the merchant's words: figures by Intl in the admin's locale,
 * sentences from analytics.json through the i18next instance the caller passes. No I/O here: the API calls are in
 * analytics-api.ts, so these can be tested without a browser (test/integration/admin-analytics-reading.test.ts).
 */

import type { AnalyticsReport, ArmFigures } from '../../server/analytics/report-types.ts';
import type { Comparison, Verdict } from '../../server/analytics/statistics/comparison.ts';
import type { i18n as I18n } from 'i18next';
import { adminLocale } from '../i18n/admin-locale.ts';

export type { AnalyticsReport, Comparison, Verdict };
/** One arm of the experiment over the report's range. */
export type Arm = ArmFigures;
export type ExperimentQuestion = NonNullable<AnalyticsReport['experiment']>['question'];

export interface AnalyticsSettings {
  holdoutPercent: number;
  question: ExperimentQuestion;
}

/** The holdout the server accepts (POST /api/analytics/settings): an integer percentage. */
export const HOLDOUT_MIN = 0;
export const HOLDOUT_MAX = 50;

/** The minimum samples behind a 'collecting' verdict, as the statistics module applies them. */
export const MIN_SHOPPERS_PER_ARM = 30;
export const MIN_BUYERS_PER_ARM = 5;

// ---------------------------------------------------------------------------------------------------------------
// Numbers in the merchant's locale.

/** The merchant's locale: the admin's language (Shopify admin's `locale` parameter). */
export function merchantLocale(): string {
  return typeof window === 'undefined' ? 'en' : adminLocale();
}

export function formatCount(value: number, locale: string): string {
  return new Intl.NumberFormat(locale).format(value);
}

/** A share such as a click-through rate: 0.0423 → "4.2%". Null (nothing to divide by) → "–". */
export function formatShare(value: number | null, locale: string): string {
  if (value === null || !Number.isFinite(value)) return '–';
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(value);
}

/** A relative lift with its sign: 0.12 → "+12%", −0.034 → "−3.4%". */
export function formatLift(value: number, locale: string): string {
  const digits = Math.abs(value) < 0.1 ? 1 : 0;
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: digits, signDisplay: 'exceptZero' }).format(value);
}

/** A lift's size without its sign, for sentences that say "more" or "less": −0.12 → "12%". */
export function formatLiftSize(value: number, locale: string): string {
  return formatLift(Math.abs(value), locale).replace(/^\+/, '');
}

/** "from −5 % to +13 %" in the admin's words. */
export function formatInterval(interval: [number, number], i18n: I18n): string {
  const locale = i18n.language;
  return i18n.t('analytics:figures.interval', { low: formatLift(interval[0], locale), high: formatLift(interval[1], locale) });
}

/** Money in the report's currency; without one (no order yet) a plain number. */
export function formatMoney(value: number, currency: string | null, locale: string): string {
  if (!currency) return new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(value);
  try {
    return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(value);
  } catch {
    // An unknown currency code must not blank the page.
    return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(value)} ${currency}`;
  }
}

/** A UTC day ("2026-12-03") as the merchant reads it: "Dec 3, 2026" / "3 dic 2026" (or without the year). */
export function formatDay(day: string, locale: string, withYear = true): string {
  const date = new Date(`${day}T00:00:00Z`);
  return new Intl.DateTimeFormat(locale, { timeZone: 'UTC', day: 'numeric', month: 'short', ...(withYear ? { year: 'numeric' } : {}) }).format(date);
}

/** Two UTC days as one span, as the locale writes it: "Dec 1 – 10, 2026", "1–10 dic 2026". */
export function formatRange(range: { from: string; to: string }, locale: string): string {
  const format = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', day: 'numeric', month: 'short', year: 'numeric' });
  return format.formatRange(new Date(`${range.from}T00:00:00Z`), new Date(`${range.to}T00:00:00Z`));
}

/** clicked ÷ shown, null when nothing was shown. */
export function rate(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}

// ---------------------------------------------------------------------------------------------------------------
// The plain-language reading of a comparison, in the admin's language (analytics:reading.*).

/**
 * What a comparison measures: each is a whole sentence per direction in the translation files ("Shoppers who saw
 * Tacto bought 12 % more often"), since word order differs between languages.
 */
export type ReadingSubject = 'conversionBlock' | 'conversionPersonalization' | 'revenueBlock' | 'revenuePersonalization' | 'repeat';

export const SUBJECTS = {
  conversion: (question: ExperimentQuestion): ReadingSubject => (question === 'personalization' ? 'conversionPersonalization' : 'conversionBlock'),
  revenuePerShopper: (question: ExperimentQuestion): ReadingSubject => (question === 'personalization' ? 'revenuePersonalization' : 'revenueBlock'),
  repeat: (): ReadingSubject => 'repeat',
};

/**
 * The sentence a merchant reads for a comparison's verdict. A verdict the numbers cannot back (helps without a
 * lift or interval) reads as inconclusive rather than inventing figures.
 */
export function readComparison(comparison: Comparison, subject: ReadingSubject, i18n: I18n): string {
  const { verdict, lift, interval, minimumDetectableLift } = comparison;
  const locale = i18n.language;
  if (verdict === 'no-experiment') return i18n.t('analytics:reading.noExperiment');
  if (verdict === 'collecting') {
    return i18n.t('analytics:reading.collecting', { shoppers: formatCount(MIN_SHOPPERS_PER_ARM, locale), buyers: formatCount(MIN_BUYERS_PER_ARM, locale) });
  }
  if ((verdict === 'helps' || verdict === 'hurts') && lift !== null && interval !== null) {
    const direction = lift >= 0 ? 'more' : 'less';
    return i18n.t(`analytics:reading.result.${subject}.${direction}`, { size: formatLiftSize(lift, locale), interval: formatInterval(interval, i18n) });
  }
  const inconclusive = i18n.t('analytics:reading.inconclusive');
  return minimumDetectableLift === null
    ? inconclusive
    : `${inconclusive} ${i18n.t('analytics:reading.detectable', { mde: formatLiftSize(minimumDetectableLift, locale) })}`;
}

// ---------------------------------------------------------------------------------------------------------------
// Readable names for the codes the report carries; a code the admin has no words for yet is shown readably.

/** The words for `analytics:<group>.<code>`, or the code itself made readable. */
function codeName(i18n: I18n, group: 'surface' | 'feedbackReasons', code: string): string {
  const key = `analytics:${group}.${code}`;
  // Keys made from a server code cannot be typed; `exists` checks them at run time.
  return i18n.exists(key) ? String(i18n.t(key as never)) : code.replace(/-/g, ' ');
}

export function surfaceName(code: string, i18n: I18n): string {
  return codeName(i18n, 'surface', code);
}

/**
 * A block setting key `4-grid-g-q` in words: "4 picks, grid, with guides, quick add". A run of descriptors, not a
 * list: commas in every language (Intl.ListFormat would end Portuguese with "e").
 */
export function blockSettingName(key: string, i18n: I18n): string {
  if (key === 'link') return i18n.t('analytics:block.link');
  if (key === 'email') return i18n.t('analytics:block.email');
  const match = /^([2-8])-(grid|row)-([gn])-([qn])$/.exec(key);
  if (!match) return key;
  const [, count, layout, guides, quick] = match;
  const parts = [
    i18n.t('analytics:block.picks', { count: Number(count) }),
    i18n.t(layout === 'grid' ? 'analytics:block.grid' : 'analytics:block.row'),
    i18n.t(guides === 'g' ? 'analytics:block.guides' : 'analytics:block.noGuides'),
    i18n.t(quick === 'q' ? 'analytics:block.quickAdd' : 'analytics:block.noQuickAdd'),
  ];
  return parts.join(', ');
}

export function feedbackReasonName(code: string, i18n: I18n): string {
  return codeName(i18n, 'feedbackReasons', code);
}

/**
 * Why a follow-up was not sent, in the Follow-ups page's own words (`followups:reasons.<code>`): one wording for a
 * follow-up's fate wherever the merchant reads it. A job left `unknown` (interrupted mid-send) and `interrupted: …`
 * details read as "interrupted".
 */
export function skipReasonName(code: string, i18n: I18n): string {
  const reason = code === 'unknown' || /^interrupted\b/.test(code) ? 'interrupted' : code;
  const key = `followups:reasons.${reason}`;
  return i18n.exists(key) ? String(i18n.t(key as never)) : String(i18n.t('followups:reasons.unknown', { code: reason.replace(/-/g, ' ') }));
}
