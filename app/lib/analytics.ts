/**
 * The analytics report as the server sends it (GET /api/analytics/report, see the analytics contract), and the
 * pure helpers that turn its numbers into the merchant's words. No I/O here: the API calls are in
 * analytics-api.ts, so these can be tested without a browser.
 */

import type { AnalyticsReport, ArmFigures } from '../../server/analytics/report-types.ts';
import type { Comparison, Verdict } from '../../server/analytics/statistics/comparison.ts';
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

export function formatInterval(interval: [number, number], locale: string): string {
  return `from ${formatLift(interval[0], locale)} to ${formatLift(interval[1], locale)}`;
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

/** A UTC day ("2026-12-03") as the merchant reads it: "Dec 3, 2026" (or "3 Dec" without the year). */
export function formatDay(day: string, locale: string, withYear = true): string {
  const date = new Date(`${day}T00:00:00Z`);
  return new Intl.DateTimeFormat(locale, { timeZone: 'UTC', day: 'numeric', month: 'short', ...(withYear ? { year: 'numeric' } : {}) }).format(date);
}

export function formatRange(range: { from: string; to: string }, locale: string): string {
  return `${formatDay(range.from, locale)} – ${formatDay(range.to, locale)}`;
}

/** clicked ÷ shown, null when nothing was shown. */
export function rate(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}

// ---------------------------------------------------------------------------------------------------------------
// The plain-language reading of a comparison.

const READING = {
  collecting: `Collecting data: each group needs at least ${MIN_SHOPPERS_PER_ARM} shoppers and ${MIN_BUYERS_PER_ARM} buyers.`,
  noExperiment: 'No holdout is running. Set a holdout above 0 % to measure what Tacto adds.',
  inconclusive: 'Not enough evidence either way yet.',
  detectable: (mdl: string) => `With the current traffic, only a lift of ${mdl} or more could be detected.`,
  interval: (interval: string) => `(95 % interval: ${interval}).`,
};

/** What a comparison measures, in the words of its sentence: "Shoppers who saw Tacto" "bought" "more often". */
export interface ReadingSubject {
  who: string;
  verb: string;
  more: string;
  less: string;
}

export const SUBJECTS = {
  conversion: (question: ExperimentQuestion): ReadingSubject => ({
    who: question === 'personalization' ? 'Shoppers who saw personalized picks' : 'Shoppers who saw Tacto',
    verb: 'bought',
    more: 'more often',
    less: 'less often',
  }),
  revenuePerShopper: (question: ExperimentQuestion): ReadingSubject => ({
    who: question === 'personalization' ? 'Shoppers who saw personalized picks' : 'Shoppers who saw Tacto',
    verb: 'spent',
    more: 'more per shopper',
    less: 'less per shopper',
  }),
  repeat: (): ReadingSubject => ({ who: 'Buyers who got a follow-up', verb: 'ordered again', more: 'more often', less: 'less often' }),
};

/**
 * The sentence a merchant reads for a comparison's verdict. A verdict the numbers cannot back (helps without a
 * lift or interval) reads as inconclusive rather than inventing figures.
 */
export function readComparison(comparison: Comparison, subject: ReadingSubject, locale: string): string {
  const { verdict, lift, interval, minimumDetectableLift } = comparison;
  if (verdict === 'no-experiment') return READING.noExperiment;
  if (verdict === 'collecting') return READING.collecting;
  if ((verdict === 'helps' || verdict === 'hurts') && lift !== null && interval !== null) {
    const direction = lift >= 0 ? subject.more : subject.less;
    return `${subject.who} ${subject.verb} ${formatLiftSize(lift, locale)} ${direction} ${READING.interval(formatInterval(interval, locale))}`;
  }
  return minimumDetectableLift === null
    ? READING.inconclusive
    : `${READING.inconclusive} ${READING.detectable(formatLiftSize(minimumDetectableLift, locale))}`;
}

// ---------------------------------------------------------------------------------------------------------------
// Readable names for the codes the report carries.

const SURFACES: Record<string, string> = {
  'product-page': 'Product page',
  cart: 'Cart',
  home: 'Home page',
  collection: 'Collection page',
  email: 'Follow-up email',
};

export function surfaceName(code: string): string {
  return SURFACES[code] ?? code.replace(/-/g, ' ');
}

/** A block setting key `4-grid-g-q` in words: "4 picks, grid, with guides, quick add". */
export function blockSettingName(key: string): string {
  const match = /^([2-8])-(grid|row)-([gn])-([qn])$/.exec(key);
  if (!match) return key === 'link' ? 'Added from the product page after a pick' : key === 'email' ? 'Follow-up email link' : key;
  const [, count, layout, guides, quick] = match;
  return [`${count} picks`, layout === 'grid' ? 'grid' : 'row', guides === 'g' ? 'with guides' : 'no guides', quick === 'q' ? 'quick add' : 'no quick add'].join(', ');
}

const FEEDBACK_REASONS: Record<string, string> = {
  'not-my-style': 'Not my style',
  'already-have-it': 'I already have it',
  'too-personal': 'Too personal',
  'not-relevant': 'Not relevant',
};

export function feedbackReasonName(code: string): string {
  return FEEDBACK_REASONS[code] ?? code.replace(/-/g, ' ');
}

export const QUESTIONS: Record<ExperimentQuestion, { title: string; holdoutSees: string }> = {
  block: { title: 'Does the block help?', holdoutSees: 'will not see the block' },
  personalization: { title: 'Does personalization help?', holdoutSees: 'will see the same block as a visitor' },
};
