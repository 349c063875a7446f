import type { Comparison } from './statistics/comparison.ts';

/** "Repeat order" means another order within this many days of the follow-up's due time (the admin names it). */
export const REPEAT_WINDOW_DAYS = 30;

/** One arm of the storefront experiment, over the report's range. */
export interface ArmFigures {
  /** Browsers and customers that entered the experiment in the range. */
  shoppers: number;
  /** Of them, how many placed at least one order (counted per customer; an order without one counts alone). */
  buyers: number;
  orders: number;
  /** Current subtotals of their orders (refunds taken off, cancellations out), shop currency. */
  revenue: number;
}

/** GET /api/analytics/report: everything the Analytics page shows, as numbers and codes (never prose). */
export interface AnalyticsReport {
  range: { from: string; to: string };
  currency: string | null;
  experiment: { id: string; question: 'block' | 'personalization'; holdoutPercent: number; startedAt: string } | null;
  blocks: {
    bySurface: { surface: string; shown: number; clicked: number; added: number; orders: number; revenue: number }[];
    byBlock: { surface: string; block: string; shown: number; clicked: number; added: number }[];
    daily: { day: string; surface: string; shown: number; clicked: number; added: number; revenue: number }[];
    totals: { shown: number; clicked: number; added: number; orders: number; revenue: number; refunded: number };
  };
  lift: {
    arms: { treatment: ArmFigures; holdout: ArmFigures } | null;
    conversion: Comparison;
    revenuePerShopper: Comparison;
  };
  followups: {
    sent: number;
    skipped: { reason: string; count: number }[];
    unsubscribed: number;
    unsubscribeRate: number | null;
    repeat: { followedUp: { orders: number; repeated: number }; holdout: { orders: number; repeated: number }; comparison: Comparison };
    daily: { day: string; sent: number; skipped: number; unsubscribed: number }[];
  };
  feedback: {
    byReason: { reason: string; count: number }[];
    byProductType: { productType: string; reason: string; count: number }[];
    daily: { day: string; reason: string; count: number }[];
  };
}
