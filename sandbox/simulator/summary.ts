import type { CounterDay } from './counter-storage.ts';
import type { SimulationOptions } from './options.ts';
import { conversionRate, type Arm } from './plan.ts';

/** What one simulated browser did, as the journey reports it (journey.ts). */
export interface ShopperOutcome {
  index: number;
  customerId: number | null;
  consent: boolean;
  /** The arm it entered (enrol beacon sent, cart marked), or null. */
  enrolled: { experimentId: number; arm: Arm } | null;
  /** Got the experience the experiment tests (so converted at baseline × (1 + effect)). */
  tested: boolean;
  /** Beacons sent: picks shown, clicked, added, by surface and block setting. */
  counts: { surface: string; block: string; shown: number; clicked: number; added: number }[];
  feedback: { reason: string; productType: string }[];
  /** The order placed at checkout: its lines (cents) with the `_tacto` surface of lines added from a pick. */
  order: { name: string; lines: { cents: number; quantity: number; surface: string | null }[]; fulfilled: boolean; aftercare: 'refund' | 'cancel' | null } | null;
  currency: string | null;
  error: string | null;
}

export interface ArmTruth {
  shoppers: number;
  /** As the report counts them: a customer's orders together, a guest's order alone; cancelled orders out. */
  buyers: number;
  orders: number;
  /** Current subtotals (refunded orders 0), shop currency. */
  revenue: number;
  /** The conversion rate the arm was drawn with. */
  trueRate: number;
}

/** The run's ground truth: what Analytics should show for it. */
export interface SimulationSummary {
  shoppers: number;
  loggedIn: number;
  noConsent: number;
  /** Shoppers in no experiment (no consent, no experiment running, or not eligible for its question). */
  outside: number;
  arms: { treatment: ArmTruth; holdout: ArmTruth };
  /** The injected effect, and the lift of the drawn conversions (buyers ÷ shoppers, treatment against holdout). */
  effect: { injected: number; observed: number | null };
  orders: { placed: number; fulfilled: number; refunded: number; cancelled: number; revenue: number };
  /** Orders with a line added from a pick: revenue kept (refunded and cancelled orders out) and taken off. */
  attributed: { orders: number; revenue: number; refunded: number };
  /** The counters the beacons should have added up (also the storage estimate's input). */
  counters: CounterDay;
  currency: string | null;
  errors: string[];
}

/** Pure: the ground truth of a run, from every shopper's outcome. */
export function summarize(outcomes: readonly ShopperOutcome[], options: Pick<SimulationOptions, 'baseline' | 'effect'>): SimulationSummary {
  const arms = { treatment: armAccumulator(), holdout: armAccumulator() };
  const orders = { placed: 0, fulfilled: 0, refunded: 0, cancelled: 0, revenue: 0 };
  const attributed = { orders: 0, revenue: 0, refunded: 0 };
  const blocks = new Map<string, CounterDay['blocks'][number]>();
  const feedback = new Map<string, CounterDay['feedback'][number]>();
  const enrolments = new Map<string, CounterDay['enrolments'][number]>();
  let outside = 0;
  for (const outcome of outcomes) {
    for (const count of outcome.counts) {
      const key = `${count.surface} ${count.block}`;
      const row = blocks.get(key) ?? { surface: count.surface, block: count.block, shown: 0, clicked: 0, added: 0 };
      row.shown += count.shown;
      row.clicked += count.clicked;
      row.added += count.added;
      blocks.set(key, row);
    }
    for (const given of outcome.feedback) {
      const key = `${given.reason}\n${given.productType}`;
      const row = feedback.get(key) ?? { reason: given.reason, productType: given.productType, count: 0 };
      row.count += 1;
      feedback.set(key, row);
    }
    if (outcome.enrolled) {
      const key = `${outcome.enrolled.experimentId} ${outcome.enrolled.arm}`;
      const row = enrolments.get(key) ?? { experimentId: outcome.enrolled.experimentId, arm: outcome.enrolled.arm, shoppers: 0 };
      row.shoppers += 1;
      enrolments.set(key, row);
      arms[outcome.enrolled.arm].shoppers += 1;
    } else outside += 1;

    const order = outcome.order;
    if (!order) continue;
    const subtotal = order.lines.reduce((sum, line) => sum + line.cents * line.quantity, 0);
    const fromPicks = order.lines.filter((line) => line.surface !== null).reduce((sum, line) => sum + line.cents * line.quantity, 0);
    const kept = order.aftercare === null;
    orders.placed += 1;
    if (order.fulfilled) orders.fulfilled += 1;
    if (order.aftercare === 'refund') orders.refunded += 1;
    if (order.aftercare === 'cancel') orders.cancelled += 1;
    if (kept) orders.revenue += subtotal;
    if (fromPicks > 0) {
      if (kept) {
        attributed.orders += 1;
        attributed.revenue += fromPicks;
      } else attributed.refunded += fromPicks;
    }
    if (outcome.enrolled && order.aftercare !== 'cancel') {
      const arm = arms[outcome.enrolled.arm];
      arm.orders += 1;
      arm.revenue += kept ? subtotal : 0;
      // The app knows a guest only by the customer its checkout made for this one order.
      arm.buyers.add(outcome.customerId === null ? `order ${order.name}` : `customer ${outcome.customerId}`);
    }
  }
  const truth = (arm: Arm): ArmTruth => ({
    shoppers: arms[arm].shoppers,
    buyers: arms[arm].buyers.size,
    orders: arms[arm].orders,
    revenue: arms[arm].revenue / 100,
    trueRate: conversionRate(options, arm === 'treatment'),
  });
  const treatment = truth('treatment');
  const holdout = truth('holdout');
  const rate = (a: ArmTruth) => (a.shoppers > 0 ? a.buyers / a.shoppers : null);
  const t = rate(treatment);
  const h = rate(holdout);
  return {
    shoppers: outcomes.length,
    loggedIn: outcomes.filter((o) => o.customerId !== null).length,
    noConsent: outcomes.filter((o) => !o.consent).length,
    outside,
    arms: { treatment, holdout },
    effect: { injected: options.effect, observed: t !== null && h !== null && h > 0 ? t / h - 1 : null },
    orders: { ...orders, revenue: orders.revenue / 100 },
    attributed: { orders: attributed.orders, revenue: attributed.revenue / 100, refunded: attributed.refunded / 100 },
    counters: {
      blocks: [...blocks.values()].sort((a, b) => `${a.surface} ${a.block}`.localeCompare(`${b.surface} ${b.block}`)),
      enrolments: [...enrolments.values()].sort((a, b) => a.arm.localeCompare(b.arm)),
      feedback: [...feedback.values()].sort((a, b) => `${a.reason}\n${a.productType}`.localeCompare(`${b.reason}\n${b.productType}`)),
      unsubscribed: 0,
    },
    currency: outcomes.find((o) => o.currency)?.currency ?? null,
    errors: outcomes.flatMap((o) => (o.error ? [`shopper ${o.index}: ${o.error}`] : [])),
  };
}

function armAccumulator() {
  return { shoppers: 0, orders: 0, revenue: 0, buyers: new Set<string>() };
}

/** Pure: the summary as the command line prints it. */
export function formatSummary(summary: SimulationSummary): string[] {
  const money = (value: number) => `${value.toFixed(2)}${summary.currency ? ` ${summary.currency}` : ''}`;
  const percent = (value: number | null) => (value === null ? '—' : `${(value * 100).toFixed(1)} %`);
  const arm = (name: string, a: ArmTruth) =>
    `  ${name.padEnd(9)} ${String(a.shoppers).padStart(6)} shoppers, ${a.buyers} buyers (${percent(a.shoppers ? a.buyers / a.shoppers : null)}; drawn at ${percent(a.trueRate)}), ${a.orders} orders, ${money(a.revenue)}`;
  const lines = [
    `Played ${summary.shoppers} shoppers (${summary.loggedIn} logged in, ${summary.noConsent} without analytics consent).`,
    'Experiment arms (what Analytics should show):',
    arm('treatment', summary.arms.treatment),
    arm('holdout', summary.arms.holdout),
    `  outside   ${String(summary.outside).padStart(6)} shoppers (no consent, no experiment, or not in its question)`,
    `True effect ${percent(summary.effect.injected)}; lift in the drawn conversions ${percent(summary.effect.observed)}.`,
    `Orders: ${summary.orders.placed} placed, ${summary.orders.fulfilled} fulfilled, ${summary.orders.refunded} refunded, ${summary.orders.cancelled} cancelled; revenue kept ${money(summary.orders.revenue)}.`,
    `Attributed to picks: ${summary.attributed.orders} orders, ${money(summary.attributed.revenue)} (refunded or cancelled: ${money(summary.attributed.refunded)}).`,
    `Counted: ${summary.counters.blocks.map((b) => `${b.surface} ${b.block}: ${b.shown} shown, ${b.clicked} clicked, ${b.added} added`).join('; ') || 'nothing'}.`,
  ];
  if (summary.errors.length > 0) lines.push(`${summary.errors.length} journeys failed; the first: ${summary.errors[0]}`);
  return lines;
}

/** Pure: one progress line (`\r`-redrawn on a terminal). */
export function progressLine(done: number, total: number, orders: number, tty: boolean): string {
  const width = 30;
  const filled = total > 0 ? Math.round((done / total) * width) : width;
  const text = `Shoppers [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}, ${orders} orders`;
  return tty ? `\r${text.padEnd(70)}` : `${text}\n`;
}
