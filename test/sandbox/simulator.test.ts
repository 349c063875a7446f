/**
 * The traffic simulator against a real sandbox store and app: shoppers browse, see picks, click, add, check out,
 * and some orders are refunded or cancelled from the sandbox admin — all through the storefront's real paths, the
 * app proxy and the webhooks. What the Analytics report shows must be exactly the simulator's ground truth, and the
 * lift's interval must find the effect the simulator injected. (That the interval finds no effect when none was
 * injected, at the stated 5 % error rate, is test/analytics/statistics-calibration.test.ts's.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SANDBOX_API_KEY, SANDBOX_API_SECRET } from '../../sandbox/credentials.ts';
import { signSessionToken } from '../../sandbox/oauth/signing.ts';
import type { AnalyticsReport } from '../../server/analytics/report-types.ts';
import { runSimulation, type SimulationRun } from '../../sandbox/simulator/driver.ts';
import { startInstalledApp, type AppAndSandbox } from '../support/sandbox.ts';

let env: AppAndSandbox;
let run: SimulationRun;
const EFFECT = 1;

/**
 * Sizes for a clear answer in a few seconds: a 50 % holdout, 30 % baseline conversion and +100 % effect give about
 * 90 shoppers per arm and 27 against 54 buyers, an interval about 0.6 wide on the log scale around the doubled rate.
 * The seed fixes every draw (the sandbox's visitor picks are fixed in tests too), so the outcome is the same on every
 * machine: 74 and 104 shoppers, 47 and 36 buyers, a lift of +83 % within +34 % to +152 %.
 */
const SIMULATION = {
  shoppers: 200,
  effect: EFFECT,
  baseline: 0.3,
  seed: 20261204,
  loggedIn: 0.1,
  noConsent: 0.1,
  clickRate: 0.3,
  clickAddRate: 0.5,
  quickAddRate: 0.15,
  feedbackRate: 0.05,
  refundRate: 0.1,
  cancelRate: 0.05,
  concurrency: 8,
};

async function admin(path: string, init: RequestInit = {}) {
  const token = await signSessionToken({ shop: env.sandbox.shop.myshopifyDomain, apiKey: SANDBOX_API_KEY, apiSecret: SANDBOX_API_SECRET, userId: '1' });
  return fetch(new URL(path, env.app.url), { ...init, headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', ...init.headers } });
}

const report = async () => (await (await admin('/api/analytics/report')).json()) as AnalyticsReport;
/** Orders reach the app through webhooks after the journeys end: poll until the report has taken them in. */
const POLL = { timeout: 20_000, interval: 100 };
/** The ground truth's arms as the report states them (it has no drawn rate). */
function truthArms() {
  const figures = (arm: 'treatment' | 'holdout') => {
    const { trueRate: _drawnAt, ...rest } = run.summary.arms[arm];
    return rest;
  };
  return { treatment: figures('treatment'), holdout: figures('holdout') };
}
/** The report once every order of the run is in (whatever else a test then asserts about it). */
async function settledReport(): Promise<AnalyticsReport> {
  await expect.poll(async () => (await report()).lift.arms, POLL).toEqual(truthArms());
  return report();
}

beforeAll(async () => {
  env = await startInstalledApp();
  // The merchant's choice on the Analytics page: "does the block help?", half the shoppers held out.
  const saved = await admin('/api/analytics/settings', { method: 'POST', body: JSON.stringify({ question: 'block', holdoutPercent: 50 }) });
  expect(saved.status).toBe(200);
  run = await runSimulation({ ...SIMULATION, url: env.sandbox.url.toString() });
});
afterAll(() => env?.close());

describe('the simulator on the sandbox store', () => {
  it('plays every journey through the storefront, with orders, refunds and cancellations', () => {
    const { summary } = run;
    expect(summary.errors).toEqual([]);
    expect(run.stopped).toBe(false);
    expect(summary.shoppers).toBe(SIMULATION.shoppers);
    expect(summary.loggedIn).toBeGreaterThan(0);
    expect(summary.noConsent).toBeGreaterThan(0);
    // Shoppers without consent enter no experiment.
    expect(summary.outside).toBeGreaterThanOrEqual(summary.noConsent);
    expect(summary.arms.treatment.shoppers + summary.arms.holdout.shoppers + summary.outside).toBe(SIMULATION.shoppers);
    expect(summary.orders.fulfilled).toBeGreaterThan(0);
    expect(summary.orders.refunded).toBeGreaterThan(0);
    expect(summary.orders.cancelled).toBeGreaterThan(0);
    expect(summary.attributed.orders).toBeGreaterThan(0);
    // The sandbox store holds the orders the checkout placed, each enrolled shopper's with the experiment's mark.
    const marked = [...env.sandbox.store.orders.values()].filter((order) => !order.cancelledAt && order.noteAttributes?.some((a) => a.name === '_tacto_exp'));
    expect(marked.length).toBe(summary.arms.treatment.orders + summary.arms.holdout.orders);
  });

  it('shows on Analytics exactly the arms it played: shoppers, buyers, orders and revenue', async () => {
    expect((await settledReport()).lift.arms).toEqual(truthArms());
    expect(run.summary.arms.treatment.buyers).toBeGreaterThan(0);
    expect(run.summary.arms.holdout.buyers).toBeGreaterThan(0);
  });

  it('shows the revenue attributed to picks, refunds and cancellations taken off', async () => {
    const { attributed } = run.summary;
    expect(attributed.refunded).toBeGreaterThan(0);
    await expect
      .poll(async () => {
        const totals = (await report()).blocks.totals;
        return { orders: totals.orders, revenue: totals.revenue, refunded: totals.refunded };
      }, POLL)
      .toEqual(attributed);
    const productPage = (await report()).blocks.bySurface.find((row) => row.surface === 'product-page');
    expect(productPage).toMatchObject({ orders: attributed.orders, revenue: attributed.revenue });
  });

  it('counts every beacon it sent: shown, clicked and added by surface and block, "not for me" by reason and type', async () => {
    const current = await settledReport();
    const counted = current.blocks.byBlock.map(({ surface, block, shown, clicked, added }) => ({ surface, block, shown, clicked, added }));
    expect(sortBlocks(counted)).toEqual(sortBlocks(run.summary.counters.blocks));
    expect(run.summary.counters.blocks.some((row) => row.clicked > 0)).toBe(true);
    const feedback = current.feedback.byProductType.map(({ reason, productType, count }) => ({ reason, productType, count }));
    expect(sortFeedback(feedback)).toEqual(sortFeedback(run.summary.counters.feedback));
    expect(run.summary.counters.feedback.length).toBeGreaterThan(0);
  });

  it('recovers the injected effect: the lift’s 95 % interval holds it and excludes no effect', async () => {
    const { conversion } = (await settledReport()).lift;
    expect(conversion.verdict).toBe('helps');
    const [low, high] = conversion.interval!;
    expect(low).toBeGreaterThan(0);
    expect(low).toBeLessThan(EFFECT);
    expect(high).toBeGreaterThan(EFFECT);
    expect(conversion.lift).toBeCloseTo(run.summary.effect.observed!, 10);
  });
});

function sortBlocks<T extends { surface: string; block: string }>(rows: T[]): T[] {
  return [...rows].sort((a, b) => `${a.surface} ${a.block}`.localeCompare(`${b.surface} ${b.block}`));
}

function sortFeedback<T extends { reason: string; productType: string }>(rows: T[]): T[] {
  return [...rows].sort((a, b) => `${a.reason}\n${a.productType}`.localeCompare(`${b.reason}\n${b.productType}`));
}
