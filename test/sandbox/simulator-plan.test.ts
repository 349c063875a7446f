/**
 * The traffic simulator's pure parts: each shopper's journey drawn from the seed, the decisions taken on the
 * store's answers (arm, tested experience, conversion), the command line, the pages it reads and the ground truth it
 * sums up. The journeys themselves run against a real sandbox and app in simulator.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { parseExperimentMark } from '../../server/analytics/cart-marks.ts';
import { beaconBlock } from '../../server/proxy/beacon-fields.ts';
import { parseSimulateArgs, simulationOptions, SimulationOptionError } from '../../sandbox/simulator/options.ts';
import { adminOrderId, confirmedOrderName, picksBlock, productLinks } from '../../sandbox/simulator/page-reading.ts';
import { blockSetting, conversionRate, converts, enrolment, experimentMark, planShoppers, testedExperience, type ExperimentView } from '../../sandbox/simulator/plan.ts';
import { summarize, type ShopperOutcome } from '../../sandbox/simulator/summary.ts';

const options = (input: Record<string, unknown> = {}) => simulationOptions.parse({ url: 'http://localhost:3457', ...input });
const block: ExperimentView = { id: '3', question: 'block', holdout: 10, arm: null };

describe('the journey plan', () => {
  it('is the same for the same seed, another for another seed, and a shopper’s plan does not depend on how many follow', () => {
    const a = planShoppers(options({ shoppers: 50, seed: 9 }), [11, 12, 13]);
    expect(planShoppers(options({ shoppers: 50, seed: 9 }), [11, 12, 13])).toEqual(a);
    expect(planShoppers(options({ shoppers: 80, seed: 9 }), [11, 12, 13]).slice(0, 50)).toEqual(a);
    const b = planShoppers(options({ shoppers: 50, seed: 10 }), [11, 12, 13]);
    expect(b.map((p) => p.conversionDraw)).not.toEqual(a.map((p) => p.conversionDraw));
  });

  it('draws each share at its rate, and visitors’ holdout positions uniformly', () => {
    const plans = planShoppers(options({ shoppers: 20_000, seed: 3, loggedIn: 0.2, noConsent: 0.1, clickRate: 0.3, refundRate: 0.05 }), [1, 2, 3]);
    const share = (test: (p: (typeof plans)[number]) => boolean) => plans.filter(test).length / plans.length;
    // 4 standard deviations of a share of 20,000 draws: at most 0.0141 at p = 0.5.
    const near = (value: number, p: number) => expect(Math.abs(value - p)).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / plans.length));
    near(share((p) => p.customerId !== null), 0.2);
    near(share((p) => !p.consent), 0.1);
    near(share((p) => p.click !== null), 0.3);
    near(share((p) => p.aftercare === 'refund'), 0.05);
    near(share((p) => p.fulfils), 0.5 * (1 - 0.95 * 0.03));
    // A cancelled order is never fulfilled first.
    expect(plans.filter((p) => p.aftercare === 'cancel' && p.fulfils)).toEqual([]);
    for (let decile = 0; decile < 10; decile++) near(share((p) => Math.floor(p.position * 10) === decile), 0.1);
    near(share((p) => p.conversionDraw < 0.05), 0.05);
  });

  it('logs shoppers in as distinct customers while there are customers left, then as the first again', () => {
    const plans = planShoppers(options({ shoppers: 200, loggedIn: 0.5 }), [101, 102, 103, 104]);
    const customers = plans.flatMap((p) => (p.customerId === null ? [] : [p.customerId]));
    expect(new Set(customers.slice(0, 4))).toEqual(new Set([101, 102, 103, 104]));
    expect(customers.slice(4, 8)).toEqual(customers.slice(0, 4));
    expect(planShoppers(options({ shoppers: 20, loggedIn: 1 }), []).every((p) => p.customerId === null)).toBe(true);
  });
});

describe('decisions on the store’s answers', () => {
  const visitor = { consent: true, position: 0.05 };

  it('enrols a consenting visitor in the arm their position draws, a customer in the app’s, and no one without consent', () => {
    expect(enrolment(block, visitor)).toEqual({ experimentId: 3, arm: 'holdout' });
    expect(enrolment(block, { consent: true, position: 0.1 })).toEqual({ experimentId: 3, arm: 'treatment' });
    expect(enrolment({ ...block, arm: 'treatment' }, visitor)).toEqual({ experimentId: 3, arm: 'treatment' });
    expect(enrolment(block, { ...visitor, consent: false })).toBeNull();
    expect(enrolment(null, visitor)).toBeNull();
    // "Does personalization help?" takes only the shoppers the app gave an arm.
    expect(enrolment({ ...block, question: 'personalization' }, visitor)).toBeNull();
    expect(enrolment({ ...block, question: 'personalization', arm: 'holdout' }, visitor)).toEqual({ experimentId: 3, arm: 'holdout' });
  });

  it('converts the tested experience at baseline × (1 + effect) and everyone else at the baseline', () => {
    expect(testedExperience(block, 'treatment')).toBe(true);
    expect(testedExperience(block, 'holdout')).toBe(false);
    expect(testedExperience(block, null)).toBe(true);
    expect(testedExperience({ ...block, question: 'personalization' }, null)).toBe(false);
    expect(testedExperience(null, null)).toBe(true);
    const rates = { baseline: 0.1, effect: 0.5 };
    expect(conversionRate(rates, true)).toBeCloseTo(0.15);
    expect(conversionRate(rates, false)).toBe(0.1);
    expect(conversionRate({ baseline: 0.6, effect: 1 }, true)).toBe(1);
    expect(converts({ conversionDraw: 0.12 }, rates, true)).toBe(true);
    expect(converts({ conversionDraw: 0.12 }, rates, false)).toBe(false);
  });

  it('marks the cart and names the block as the app reads them', () => {
    const mark = experimentMark(7, 'holdout', new Date('2026-12-03T23:59:00Z'));
    expect(mark).toBe('7.h.20261203');
    expect(parseExperimentMark(mark)).toEqual({ experimentId: 7, arm: 'holdout', enrolledOn: '2026-12-03' });
    for (const setting of [blockSetting({ limit: 4, layout: 'grid', guides: true, quickAdd: true }), blockSetting({ limit: 12, layout: 'row', guides: false, quickAdd: false })]) {
      expect(beaconBlock.safeParse(setting).success).toBe(true);
    }
    expect(blockSetting({ limit: 12, layout: 'row', guides: false, quickAdd: false })).toBe('8-row-n-n');
  });
});

describe('the command line', () => {
  it('takes shares as fractions or percentages and finds the sandbox of npm start by default', () => {
    const { options: parsed, storage } = parseSimulateArgs(['--shoppers', '500', '--effect', '20%', '--logged-in=0.3', '--storage'], { SANDBOX_PORT: '4000' });
    expect(parsed).toMatchObject({ shoppers: 500, effect: 0.2, loggedIn: 0.3, url: 'http://localhost:4000' });
    expect(storage).toBe(true);
    expect(parseSimulateArgs([], {}).options.url).toBe('http://localhost:3457');
  });

  it('refuses any address but this machine’s, and unknown or out-of-range options, naming the flag', () => {
    for (const url of ['http://localhost:3457', 'http://127.0.0.1:9', 'http://[::1]:3457']) expect(parseSimulateArgs(['--url', url]).options.url).toBe(url);
    for (const url of ['https://my-shop.myshopify.com', 'http://10.0.0.1:3457', 'http://127.0.0.1.example.com', 'file:///etc/passwd', 'nonsense']) {
      expect(() => parseSimulateArgs(['--url', url])).toThrow(SimulationOptionError);
    }
    expect(() => parseSimulateArgs(['--shoppers', '0'])).toThrow(/--shoppers/);
    expect(() => parseSimulateArgs(['--no-consent', '150%'])).toThrow(/--no-consent/);
    expect(() => parseSimulateArgs(['--effect', 'big'])).toThrow(/--effect takes a number/);
    expect(() => parseSimulateArgs(['--shopers', '5'])).toThrow(/Unknown option --shopers/);
  });
});

describe('reading the pages', () => {
  it('reads the block’s data attributes, the featured links, the order on the confirmation and in the admin', () => {
    const section = `<section
  class="tacto-picks tacto-picks--row"
  data-tacto-picks
  data-template="product" data-product-id="1000008" data-currency="EUR"
  data-limit="6"
  data-guides="false"
  data-locale="pt-BR"
  data-proxy-path="/apps/tacto"
>`;
    expect(picksBlock(section)).toEqual({
      template: 'product',
      productId: '1000008',
      cart: null,
      limit: 6,
      guides: false,
      locale: 'pt-BR',
      proxyPath: '/apps/tacto',
      layout: 'row',
      quickAdd: true,
      currency: 'EUR',
    });
    expect(picksBlock('<section data-tacto-picks data-quick-add="false">')?.quickAdd).toBe(false);
    expect(picksBlock('<main>No block</main>')).toBeNull();
    expect(productLinks('<a href="/products/wool-overcoat?locale=es">x</a><a href="/products/gloves">y</a><a href="/products/wool-overcoat">')).toEqual([
      '/products/wool-overcoat',
      '/products/gloves',
    ]);
    expect(confirmedOrderName('<caption class="visually-hidden">#1042</caption>')).toBe('#1042');
    const admin =
      '<form method="post" action="/admin/orders/77/refund"><button aria-label="Refund #1042">Refund</button></form>' +
      '<form method="post" action="/admin/orders/78/cancel"><button aria-label="Cancel #10421">Cancel</button></form>';
    expect(adminOrderId(admin, '#1042', 'refund')).toBe(77);
    expect(adminOrderId(admin, '#1042', 'cancel')).toBeNull();
  });
});

describe('the ground truth', () => {
  const outcome = (over: Partial<ShopperOutcome>): ShopperOutcome => ({
    index: 0,
    customerId: null,
    consent: true,
    enrolled: { experimentId: 1, arm: 'treatment' },
    tested: true,
    counts: [],
    feedback: [],
    order: null,
    currency: 'EUR',
    error: null,
    ...over,
  });
  const order = (name: string, aftercare: 'refund' | 'cancel' | null, pickCents = 0) => ({
    name,
    fulfilled: aftercare !== 'cancel',
    aftercare,
    lines: [{ cents: 10_000, quantity: 1, surface: null }, ...(pickCents ? [{ cents: pickCents, quantity: 1, surface: 'product-page' }] : [])],
  });

  it('counts what the report counts: a customer once, refunds at nothing, cancellations not at all', () => {
    const summary = summarize(
      [
        outcome({ customerId: 5, order: order('#1', null, 2_550) }),
        outcome({ customerId: 5, order: order('#2', null) }),
        outcome({ order: order('#3', 'refund', 1_000) }),
        outcome({ order: order('#4', 'cancel', 700) }),
        outcome({ enrolled: { experimentId: 1, arm: 'holdout' }, order: order('#5', null) }),
        outcome({ enrolled: { experimentId: 1, arm: 'holdout' } }),
        outcome({ enrolled: null, consent: false, order: order('#6', null, 400) }),
      ],
      { baseline: 0.1, effect: 0.5 },
    );
    expect(summary.arms.treatment).toMatchObject({ shoppers: 4, buyers: 2, orders: 3, revenue: 225.5 });
    expect(summary.arms.treatment.trueRate).toBeCloseTo(0.15);
    expect(summary.arms.holdout).toEqual({ shoppers: 2, buyers: 1, orders: 1, revenue: 100, trueRate: 0.1 });
    expect(summary.outside).toBe(1);
    expect(summary.orders).toEqual({ placed: 6, fulfilled: 5, refunded: 1, cancelled: 1, revenue: 429.5 });
    expect(summary.attributed).toEqual({ orders: 2, revenue: 29.5, refunded: 17 });
    expect(summary.counters.enrolments).toEqual([
      { experimentId: 1, arm: 'holdout', shoppers: 2 },
      { experimentId: 1, arm: 'treatment', shoppers: 4 },
    ]);
    expect(summary.effect.observed).toBeCloseTo(2 / 4 / (1 / 2) - 1);
  });

  it('adds the beacons up by surface and block setting, and "not for me" by reason and product type', () => {
    const summary = summarize(
      [
        outcome({ counts: [{ surface: 'home', block: '4-grid-g-q', shown: 4, clicked: 0, added: 0 }], feedback: [{ reason: 'too-personal', productType: 'Coat' }] }),
        outcome({ counts: [{ surface: 'home', block: '4-grid-g-q', shown: 3, clicked: 1, added: 1 }], feedback: [{ reason: 'too-personal', productType: 'Coat' }] }),
      ],
      { baseline: 0.1, effect: 0 },
    );
    expect(summary.counters.blocks).toEqual([{ surface: 'home', block: '4-grid-g-q', shown: 7, clicked: 1, added: 1 }]);
    expect(summary.counters.feedback).toEqual([{ reason: 'too-personal', productType: 'Coat', count: 2 }]);
  });
});
