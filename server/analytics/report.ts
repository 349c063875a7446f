import type {
  AttributedLineRow,
  BlockCountRow,
  EnrolmentCountRow,
  ExperimentOrderRow,
  ExperimentRecord,
  FollowupJobOutcomeRow,
} from '../db/storage.ts';
import { parseExperimentMark, type Arm } from './cart-marks.ts';
import type { AnalyticsReport, ArmFigures } from './report-types.ts';
import { compareMeans, compareProportions } from './statistics/comparison.ts';

/** What the report is computed from: the storage's rows for the range, nothing else. */
export interface ReportInput {
  range: { from: string; to: string };
  currency: string | null;
  experiment: ExperimentRecord;
  blocks: BlockCountRow[];
  attributed: AttributedLineRow[];
  enrolments: EnrolmentCountRow[];
  experimentOrders: ExperimentOrderRow[];
  followupOutcomes: FollowupJobOutcomeRow[];
  followupRepeats: { group: 'sent' | 'holdout'; orders: number; repeated: number }[];
  unsubscribes: { day: string; unsubscribed: number }[];
  feedback: { day: string; reason: string; productType: string; count: number }[];
}

/**
 * Pure: the Analytics page's figures. Attributed revenue (orders with a line added from a pick) stands beside the
 * holdout's causal comparison, computed over the shoppers who entered the running experiment in the range (its
 * cohort: every order they placed until the range's end counts, so both arms are followed for the same time).
 */
export function buildReport(input: ReportInput): AnalyticsReport {
  const { experiment } = input;
  const arms = armFigures(input);
  const running = experiment.holdoutPercent > 0 || arms.holdout.shoppers > 0;
  return {
    range: input.range,
    currency: input.currency,
    experiment: running
      ? { id: String(experiment.id), question: experiment.question, holdoutPercent: experiment.holdoutPercent, startedAt: experiment.startedAt }
      : null,
    blocks: blockFigures(input),
    lift: {
      arms: running ? { treatment: arms.treatment, holdout: arms.holdout } : null,
      conversion: compareProportions(
        { n: running ? arms.treatment.shoppers : 0, successes: Math.min(arms.treatment.buyers, arms.treatment.shoppers) },
        { n: running ? arms.holdout.shoppers : 0, successes: Math.min(arms.holdout.buyers, arms.holdout.shoppers) },
      ),
      revenuePerShopper: compareMeans(
        { n: running ? arms.treatment.shoppers : 0, sum: arms.treatment.revenue, sumSquares: arms.sumSquares.treatment },
        { n: running ? arms.holdout.shoppers : 0, sum: arms.holdout.revenue, sumSquares: arms.sumSquares.holdout },
      ),
    },
    followups: followupFigures(input),
    feedback: feedbackFigures(input),
  };
}

function blockFigures(input: ReportInput): AnalyticsReport['blocks'] {
  const bySurface = new Map<string, AnalyticsReport['blocks']['bySurface'][number]>();
  const surface = (name: string) => {
    let row = bySurface.get(name);
    if (!row) bySurface.set(name, (row = { surface: name, shown: 0, clicked: 0, added: 0, orders: 0, revenue: 0 }));
    return row;
  };
  const daily = new Map<string, AnalyticsReport['blocks']['daily'][number]>();
  const day = (d: string, s: string) => {
    const key = `${d} ${s}`;
    let row = daily.get(key);
    if (!row) daily.set(key, (row = { day: d, surface: s, shown: 0, clicked: 0, added: 0, revenue: 0 }));
    return row;
  };
  const byBlock = new Map<string, AnalyticsReport['blocks']['byBlock'][number]>();
  for (const row of input.blocks) {
    for (const target of [surface(row.surface), day(row.day, row.surface)]) {
      target.shown += row.shown;
      target.clicked += row.clicked;
      target.added += row.added;
    }
    const key = `${row.surface} ${row.block}`;
    const block = byBlock.get(key) ?? { surface: row.surface, block: row.block, shown: 0, clicked: 0, added: 0 };
    block.shown += row.shown;
    block.clicked += row.clicked;
    block.added += row.added;
    byBlock.set(key, block);
  }
  const ordersBySurface = new Map<string, Set<number>>();
  const allOrders = new Set<number>();
  let refunded = 0;
  for (const line of input.attributed) {
    refunded += line.refunded;
    if (line.revenue <= 0) continue;
    surface(line.surface).revenue += line.revenue;
    day(line.day, line.surface).revenue += line.revenue;
    const orders = ordersBySurface.get(line.surface) ?? new Set<number>();
    orders.add(line.orderId);
    ordersBySurface.set(line.surface, orders);
    allOrders.add(line.orderId);
  }
  for (const [name, orders] of ordersBySurface) surface(name).orders = orders.size;
  const rows = [...bySurface.values()].map((row) => ({ ...row, revenue: money(row.revenue) }));
  return {
    bySurface: rows.sort((a, b) => b.shown - a.shown || a.surface.localeCompare(b.surface)),
    byBlock: [...byBlock.values()].sort((a, b) => b.shown - a.shown),
    daily: [...daily.values()].map((row) => ({ ...row, revenue: money(row.revenue) })).sort((a, b) => a.day.localeCompare(b.day) || a.surface.localeCompare(b.surface)),
    totals: {
      shown: sum(rows, 'shown'),
      clicked: sum(rows, 'clicked'),
      added: sum(rows, 'added'),
      orders: allOrders.size,
      revenue: money(sum(rows, 'revenue')),
      refunded: money(refunded),
    },
  };
}

/**
 * Each arm's cohort: shoppers who entered in the range; their orders (marked with that arm and an enrolment day in
 * the range) until the range's end, cancellations out. Revenue per shopper needs each shopper's total: orders are
 * summed per customer (Shopify gives nearly every order one); an order without a customer stands alone.
 */
function armFigures(input: ReportInput) {
  const empty = (): ArmFigures => ({ shoppers: 0, buyers: 0, orders: 0, revenue: 0 });
  const figures: Record<Arm, ArmFigures> = { treatment: empty(), holdout: empty() };
  for (const row of input.enrolments) figures[row.arm].shoppers += row.shoppers;
  const perBuyer: Record<Arm, Map<string, number>> = { treatment: new Map(), holdout: new Map() };
  for (const order of input.experimentOrders) {
    const mark = parseExperimentMark(order.mark);
    if (!mark || mark.experimentId !== input.experiment.id || order.cancelled) continue;
    if (mark.enrolledOn < input.range.from || mark.enrolledOn > input.range.to) continue;
    const arm = figures[mark.arm];
    arm.orders += 1;
    arm.revenue += order.subtotal;
    const buyer = order.customerId === null ? `order ${order.orderId}` : `customer ${order.customerId}`;
    perBuyer[mark.arm].set(buyer, (perBuyer[mark.arm].get(buyer) ?? 0) + order.subtotal);
  }
  const sumSquares = { treatment: 0, holdout: 0 };
  for (const arm of ['treatment', 'holdout'] as const) {
    figures[arm].buyers = perBuyer[arm].size;
    for (const total of perBuyer[arm].values()) sumSquares[arm] += total * total;
    figures[arm].revenue = money(figures[arm].revenue);
  }
  return { ...figures, sumSquares };
}

function followupFigures(input: ReportInput): AnalyticsReport['followups'] {
  let sent = 0;
  const skipped = new Map<string, number>();
  const daily = new Map<string, { day: string; sent: number; skipped: number; unsubscribed: number }>();
  const day = (d: string) => {
    let row = daily.get(d);
    if (!row) daily.set(d, (row = { day: d, sent: 0, skipped: 0, unsubscribed: 0 }));
    return row;
  };
  for (const row of input.followupOutcomes) {
    if (row.status === 'sent') {
      sent += row.count;
      day(row.day).sent += row.count;
    } else {
      // `unknown`: a crash between the SMTP server's answer and the record; it was perhaps sent, never again.
      const reason = row.status === 'unknown' ? 'unknown' : (row.reason ?? 'unknown');
      skipped.set(reason, (skipped.get(reason) ?? 0) + row.count);
      day(row.day).skipped += row.count;
    }
  }
  let unsubscribed = 0;
  for (const row of input.unsubscribes) {
    unsubscribed += row.unsubscribed;
    day(row.day).unsubscribed += row.unsubscribed;
  }
  const group = (name: 'sent' | 'holdout') => {
    const row = input.followupRepeats.find((r) => r.group === name);
    return { orders: row?.orders ?? 0, repeated: row?.repeated ?? 0 };
  };
  const followedUp = group('sent');
  const holdout = group('holdout');
  return {
    sent,
    skipped: [...skipped].map(([reason, count]) => ({ reason, count })).sort((a, b) => b.count - a.count),
    unsubscribed,
    unsubscribeRate: sent > 0 ? unsubscribed / sent : null,
    repeat: {
      followedUp,
      holdout,
      comparison: compareProportions({ n: followedUp.orders, successes: followedUp.repeated }, { n: holdout.orders, successes: holdout.repeated }),
    },
    daily: [...daily.values()].sort((a, b) => a.day.localeCompare(b.day)),
  };
}

function feedbackFigures(input: ReportInput): AnalyticsReport['feedback'] {
  const byReason = new Map<string, number>();
  const byType = new Map<string, { productType: string; reason: string; count: number }>();
  const daily = new Map<string, { day: string; reason: string; count: number }>();
  for (const row of input.feedback) {
    byReason.set(row.reason, (byReason.get(row.reason) ?? 0) + row.count);
    const typeKey = `${row.productType}\n${row.reason}`;
    const type = byType.get(typeKey) ?? { productType: row.productType, reason: row.reason, count: 0 };
    type.count += row.count;
    byType.set(typeKey, type);
    const dayKey = `${row.day}\n${row.reason}`;
    const d = daily.get(dayKey) ?? { day: row.day, reason: row.reason, count: 0 };
    d.count += row.count;
    daily.set(dayKey, d);
  }
  return {
    byReason: [...byReason].map(([reason, count]) => ({ reason, count })).sort((a, b) => b.count - a.count),
    byProductType: [...byType.values()].sort((a, b) => b.count - a.count),
    daily: [...daily.values()].sort((a, b) => a.day.localeCompare(b.day)),
  };
}

function sum<T>(rows: T[], key: { [K in keyof T]: T[K] extends number ? K : never }[keyof T]): number {
  return rows.reduce((total, row) => total + (row[key] as number), 0);
}

/** Money to the cent: sums of many lines must not show float noise (0.30000000000000004). */
function money(value: number): number {
  return Math.round(value * 100) / 100;
}
