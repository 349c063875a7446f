/**
 * Analytics reports written by hand, one per verdict of the lift: they test the page's wording and drawing, not
 * the server's arithmetic (the statistics and the report have their own tests).
 */
import type { AnalyticsReport, Comparison, Verdict } from '../../app/lib/analytics.ts';

export const COMPARISONS: Record<Verdict, Comparison> = {
  helps: { treatment: 0.056, holdout: 0.05, lift: 0.12, interval: [0.03, 0.21], verdict: 'helps', minimumDetectableLift: 0.08 },
  hurts: { treatment: 0.045, holdout: 0.05, lift: -0.1, interval: [-0.18, -0.02], verdict: 'hurts', minimumDetectableLift: 0.07 },
  inconclusive: { treatment: 0.052, holdout: 0.05, lift: 0.04, interval: [-0.05, 0.13], verdict: 'inconclusive', minimumDetectableLift: 0.15 },
  collecting: { treatment: 0.1, holdout: null, lift: null, interval: null, verdict: 'collecting', minimumDetectableLift: null },
  'no-experiment': { treatment: null, holdout: null, lift: null, interval: null, verdict: 'no-experiment', minimumDetectableLift: null },
};

/** A busy shop's report for `range`, its lift (conversion, revenue per shopper and repeat orders) at `verdict`. */
export function fixtureReport(range: { from: string; to: string }, verdict: Verdict): AnalyticsReport {
  const comparison = COMPARISONS[verdict];
  const running = verdict !== 'no-experiment';
  const days: string[] = [];
  for (let t = Date.parse(`${range.from}T00:00:00Z`); t <= Date.parse(`${range.to}T00:00:00Z`); t += 86_400_000) {
    days.push(new Date(t).toISOString().slice(0, 10));
  }
  return {
    range,
    currency: 'EUR',
    experiment: running ? { id: '3', question: 'block', holdoutPercent: 10, startedAt: `${range.from}T08:00:00.000Z` } : null,
    blocks: {
      bySurface: [
        { surface: 'product-page', shown: 9000, clicked: 540, added: 120, orders: 41, revenue: 2870.5 },
        { surface: 'cart', shown: 3000, clicked: 90, added: 30, orders: 12, revenue: 610 },
      ],
      byBlock: [
        { surface: 'product-page', block: '4-grid-g-q', shown: 9000, clicked: 540, added: 110 },
        { surface: 'product-page', block: 'link', shown: 0, clicked: 0, added: 10 },
        { surface: 'cart', block: '3-row-n-q', shown: 3000, clicked: 90, added: 30 },
      ],
      daily: days.flatMap((day, i) => [
        { day, surface: 'product-page', shown: 250 + (i % 7) * 10, clicked: 15 + (i % 5), added: 4, revenue: 80 + (i % 3) * 10 },
        { day, surface: 'cart', shown: 90 + (i % 4) * 5, clicked: 3, added: 1, revenue: 18 },
      ]),
      totals: { shown: 12000, clicked: 630, added: 150, orders: 53, revenue: 3480.5, refunded: 120 },
    },
    lift: {
      arms: running
        ? {
            treatment: { shoppers: 5400, buyers: 302, orders: 330, revenue: 21000 },
            holdout: { shoppers: 600, buyers: 30, orders: 33, revenue: 2100 },
          }
        : null,
      conversion: comparison,
      revenuePerShopper: comparison,
    },
    followups: {
      sent: 84,
      skipped: [
        { reason: 'holdout', count: 9 },
        { reason: 'not-subscribed', count: 20 },
        { reason: 'cap', count: 3 },
      ],
      unsubscribed: 2,
      unsubscribeRate: 2 / 84,
      repeat: { followedUp: { orders: 84, repeated: 11 }, holdout: { orders: 9, repeated: 1 }, comparison },
      daily: days.map((day, i) => ({ day, sent: 2 + (i % 3), skipped: 1, unsubscribed: i === 3 ? 1 : 0 })),
    },
    feedback: {
      byReason: [
        { reason: 'not-my-style', count: 14 },
        { reason: 'too-personal', count: 3 },
      ],
      byProductType: [
        { productType: 'Coat', reason: 'not-my-style', count: 9 },
        { productType: 'Coat', reason: 'too-personal', count: 1 },
        { productType: 'Supplement', reason: 'too-personal', count: 2 },
        { productType: 'Scarf', reason: 'not-my-style', count: 5 },
      ],
      daily: days.slice(0, 5).map((day) => ({ day, reason: 'not-my-style', count: 2 })),
    },
  };
}
