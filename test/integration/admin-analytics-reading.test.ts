/**
 * The Analytics page's words for the report's numbers (app/lib/analytics.ts, pure): the reading of each verdict,
 * and figures in the merchant's locale.
 */
import { describe, expect, it } from 'vitest';
import { formatInterval, formatLift, formatMoney, readComparison, SUBJECTS } from '../../app/lib/analytics.ts';
import { daysOf, lastDays, rangeLength } from '../../app/lib/date-range.ts';
import { COMPARISONS } from './admin-analytics-fixtures.ts';

describe('the lift in plain words', () => {
  const block = SUBJECTS.conversion('block');
  it('states the direction, size and 95 % interval only when the interval excludes no effect', () => {
    expect(readComparison(COMPARISONS.helps, block, 'en-US')).toBe('Shoppers who saw Tacto bought 12% more often (95 % interval: from +3% to +21%).');
    expect(readComparison(COMPARISONS.hurts, block, 'en-US')).toBe('Shoppers who saw Tacto bought 10% less often (95 % interval: from -18% to -2%).');
    expect(readComparison(COMPARISONS.inconclusive, block, 'en-US')).toBe(
      'Not enough evidence either way yet. With the current traffic, only a lift of 15% or more could be detected.',
    );
  });

  it('says what is missing when there is no conclusion to draw', () => {
    expect(readComparison(COMPARISONS.collecting, block, 'en-US')).toBe('Collecting data: each group needs at least 30 shoppers and 5 buyers.');
    expect(readComparison(COMPARISONS['no-experiment'], block, 'en-US')).toBe('No holdout is running. Set a holdout above 0 % to measure what Tacto adds.');
  });

  it('never invents figures: a "helps" without an interval reads as not proven', () => {
    expect(readComparison({ ...COMPARISONS.helps, interval: null, minimumDetectableLift: null }, block, 'en-US')).toBe('Not enough evidence either way yet.');
  });

  it('names what the holdout lacked for the personalization question', () => {
    expect(readComparison(COMPARISONS.helps, SUBJECTS.revenuePerShopper('personalization'), 'en-US')).toMatch(/^Shoppers who saw personalized picks spent 12% more per shopper/);
  });
});

describe('figures in the merchant\'s locale', () => {
  it('writes lifts, intervals and money as the locale does', () => {
    expect(formatLift(0.034, 'fr-FR')).toBe('+3,4\u00a0%');
    expect(formatInterval([-0.05, 0.13], 'en-US')).toBe('from -5% to +13%');
    expect(formatMoney(1234.5, 'EUR', 'de-DE')).toBe('1.234,50\u00a0€');
    expect(formatMoney(12, null, 'en-US')).toBe('12');
  });
});

describe('date ranges in UTC days', () => {
  it('counts the last n days up to today, both ends included', () => {
    const now = new Date('2026-03-01T23:30:00Z');
    expect(lastDays(7, now)).toEqual({ from: '2026-02-23', to: '2026-03-01' });
    expect(rangeLength(lastDays(90, now))).toBe(90);
    expect(daysOf({ from: '2026-02-27', to: '2026-03-01' })).toEqual(['2026-02-27', '2026-02-28', '2026-03-01']);
  });
});
