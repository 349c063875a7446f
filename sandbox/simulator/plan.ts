import type { SimulationOptions } from './options.ts';
import { choose, hex32, seededRandom, shopperSeed } from './random.ts';

/**
 * Pure: each simulated shopper's journey, drawn in advance from the run's seed. Everything random about a shopper is
 * here — who they are, what they will do if the page lets them, whether they would buy — and the same seed always
 * gives the same plans. What the store answers (the arm of a logged-in customer, the picks) is learnt during the
 * journey; the decisions below turn plan and answers into the next step.
 */

export type Arm = 'treatment' | 'holdout';
export type Question = 'block' | 'personalization';
/** The four page views a journey may have: the home page, the product page, a clicked pick's page, the cart. */
export const PAGE_VIEWS = ['home', 'product', 'pick', 'cart'] as const;
export type PageView = (typeof PAGE_VIEWS)[number];
export const FEEDBACK_REASONS = ['not-my-style', 'already-have-it', 'too-personal', 'not-relevant'] as const;

export interface ShopperPlan {
  index: number;
  /** A customer of the store to log in as, or null for a visitor. */
  customerId: number | null;
  /** The Customer Privacy API allows analytics (else: no enrolment, no mark on the cart). */
  consent: boolean;
  /** The browser's own uniform number for the holdout (tacto.js keeps it in localStorage). */
  position: number;
  /** Which featured product of the home page the shopper opens. */
  landingDraw: number;
  /** Per page view: its random id (the `seen` beacon's `view`) and whether the picks come into view. */
  views: Record<PageView, { id: string; picksInView: boolean }>;
  /** Clicks a pick on the product page (which one: the draw), then perhaps adds it with that page's form. */
  click: { draw: number; addsWithForm: boolean } | null;
  quickAdd: { draw: number } | null;
  feedback: { draw: number; reason: (typeof FEEDBACK_REASONS)[number] } | null;
  /** Buys when this uniform draw falls below the conversion rate of the experience the shopper gets. */
  conversionDraw: number;
  /** Which variant of a product with several (a uniform draw over the available ones). */
  variantDraw: number;
  /** What happens to the order afterwards, from the sandbox admin. */
  aftercare: 'refund' | 'cancel' | null;
  /** The merchant fulfils the order (before a refund; a cancelled order is never fulfilled). */
  fulfils: boolean;
}

/**
 * The plans of a run. Logged-in shoppers take the store's customers in a seeded order, one each while there are
 * customers left, then again from the first (a customer on a second device: another browser, the same person).
 */
export function planShoppers(options: SimulationOptions, customerIds: readonly number[]): ShopperPlan[] {
  const order = shuffled(customerIds, seededRandom(options.seed ^ 0x5eed));
  let loggedIn = 0;
  const plans: ShopperPlan[] = [];
  for (let index = 0; index < options.shoppers; index++) {
    const random = seededRandom(shopperSeed(options.seed, index));
    const wantsLogin = random() < options.loggedIn;
    const customerId = wantsLogin && order.length > 0 ? order[loggedIn++ % order.length]! : null;
    const consent = random() >= options.noConsent;
    const position = random();
    const landingDraw = random();
    const views = Object.fromEntries(PAGE_VIEWS.map((view) => [view, { id: hex32(random), picksInView: random() < options.viewRate }])) as ShopperPlan['views'];
    const clickDraw = random();
    const clicks = random() < options.clickRate;
    const addsWithForm = random() < options.clickAddRate;
    const quickAddDraw = random();
    const quickAdds = random() < options.quickAddRate;
    const feedbackDraw = random();
    const gives = random() < options.feedbackRate;
    const reason = choose(FEEDBACK_REASONS, random());
    const conversionDraw = random();
    const variantDraw = random();
    const refunds = random() < options.refundRate;
    const cancels = random() < options.cancelRate;
    // Drawn last: a draw added later must not change the ones before it (seeded runs stay comparable).
    const fulfils = random() < options.fulfilRate;
    const aftercare = refunds ? 'refund' : cancels ? 'cancel' : null;
    plans.push({
      index,
      customerId,
      consent,
      position,
      landingDraw,
      views,
      click: clicks ? { draw: clickDraw, addsWithForm } : null,
      quickAdd: quickAdds ? { draw: quickAddDraw } : null,
      feedback: gives ? { draw: feedbackDraw, reason } : null,
      conversionDraw,
      variantDraw,
      aftercare,
      fulfils: fulfils && aftercare !== 'cancel',
    });
  }
  return plans;
}

/** The experiment as the picks answer states it (`experiment`), null when none runs. */
export interface ExperimentView {
  id: string;
  question: Question;
  holdout: number;
  arm: Arm | null;
}

/**
 * Whether this browser enters the experiment, and in which arm: only with consent; a logged-in customer's arm is
 * the app's (in the answer), a visitor draws theirs against the holdout percentage. "Does personalization help?"
 * takes only shoppers the app gave an arm (logged-in customers with personalization on).
 */
export function enrolment(experiment: ExperimentView | null, plan: Pick<ShopperPlan, 'consent' | 'position'>): { experimentId: number; arm: Arm } | null {
  if (!experiment || !plan.consent) return null;
  if (experiment.arm === null && experiment.question !== 'block') return null;
  const arm = experiment.arm ?? (plan.position < experiment.holdout / 100 ? 'holdout' : 'treatment');
  return { experimentId: Number(experiment.id), arm };
}

/**
 * Whether the shopper gets the experience the experiment tests (the block; or personal picks), which converts at
 * baseline × (1 + effect). Outside the experiment the block shows as it does in the treatment; personal picks need
 * the treatment arm of "does personalization help?".
 */
export function testedExperience(experiment: ExperimentView | null, arm: Arm | null): boolean {
  if (experiment?.question === 'personalization') return arm === 'treatment';
  return arm !== 'holdout';
}

export function conversionRate(options: Pick<SimulationOptions, 'baseline' | 'effect'>, tested: boolean): number {
  return Math.min(1, Math.max(0, options.baseline * (tested ? 1 + options.effect : 1)));
}

export function converts(plan: Pick<ShopperPlan, 'conversionDraw'>, options: Pick<SimulationOptions, 'baseline' | 'effect'>, tested: boolean): boolean {
  return plan.conversionDraw < conversionRate(options, tested);
}

/** The cart attribute tacto.js writes: `<experiment>.<t|h>.<YYYYMMDD>` (the UTC day of enrolment). */
export function experimentMark(experimentId: number, arm: Arm, at: Date): string {
  return `${experimentId}.${arm === 'holdout' ? 'h' : 't'}.${at.toISOString().slice(0, 10).replaceAll('-', '')}`;
}

/** The block's settings as the beacons name them: `<items>-<grid|row>-<g|n>-<q|n>` (4-grid-g-q). */
export function blockSetting(block: { limit: number; layout: 'grid' | 'row'; guides: boolean; quickAdd: boolean }): string {
  const items = Math.min(8, Math.max(2, Math.round(block.limit)));
  return `${items}-${block.layout}-${block.guides ? 'g' : 'n'}-${block.quickAdd ? 'q' : 'n'}`;
}

/** The storefront surface of a theme template, as the beacons and the `_tacto` property name it. */
export function surfaceOfTemplate(template: string): 'product-page' | 'cart' | 'home' | 'collection' {
  const kind = template.split(/[./]/)[0];
  if (kind === 'product') return 'product-page';
  if (kind === 'cart') return 'cart';
  if (kind === 'collection') return 'collection';
  return 'home';
}

function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}
