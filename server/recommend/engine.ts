import { MerchantRules, NO_MERCHANDISING } from './merchandising/rules.ts';
import type { ShopModel } from './model/shop-model.ts';
import { declaredCandidates } from './personal/declared-topics.ts';
import { exclusionRules } from './personal/exclusions.ts';
import { interestsOf } from './personal/interests.ts';
import { boundedInclusion, topUp } from './pool/inclusion.ts';
import { pagePool, type PagePool } from './pool/page-pool.ts';
import { isRelatedToContext } from './pool/relevance-floor.ts';
import { servesShoppersPersonally, visitorCap } from './policy.ts';
import { systematicDraw } from './pool/systematic-draw.ts';
import { ownedEver } from './rules/decay-and-stop.ts';
import type { CandidateRule } from './rules/candidate.ts';
import { dueConsumables } from './rules/never-owned.ts';
import { offMeansOff } from './rules/off-means-off.ts';
import { contextOf } from './surface.ts';
import type { Exclusion, Explanation, Pick, PickSource, RecommendRequest } from './types.ts';

export { contextOf, isRelatedToContext };

/** Products to show, in order: ids only, nothing that says why. This is all a storefront or email ever gets. */
export function recommend(model: ShopModel, request: RecommendRequest): number[] {
  return decide(model, request, false).picks.map((pick) => pick.productId);
}

/**
 * The whole decision with its reasons: which products were picked and from where, which a privacy rule
 * removed. Only the admin's "why did this shopper see this" shows it; `recommend` strips it.
 */
export function explain(model: ShopModel, request: RecommendRequest): Explanation {
  return decide(model, request, true);
}

export interface Inclusion {
  blockSize: number;
  /** Product → probability of being in one view of a visitor's block on this page. */
  visitor: ReadonlyMap<number, number>;
  /** The same for this shopper; null for a visitor or a shopper served as one (rule 7). */
  shopper: ReadonlyMap<number, number> | null;
  /** Whether every product stays within the deniability bound r (false only when exclusions exhaust the pool). */
  withinBound: boolean;
}

/** The exact per-view probabilities behind a request's draw: what the property tests and the benchmark read. */
export function inclusion(model: ShopModel, request: RecommendRequest): Inclusion {
  const plan = planDraw(model, request, false);
  const visitor = new Map(plan.pool.ids.map((id, k) => [id, plan.pool.visitor[k]!]));
  const shopper = plan.personal ? new Map(plan.personal.ids.map((id, k) => [id, plan.personal!.probabilities[k]!])) : null;
  return { blockSize: plan.pool.blockSize, visitor, shopper, withinBound: plan.personal?.withinBound ?? true };
}

interface Plan {
  pool: PagePool;
  /** The shopper's draw over the pool and its reserve; absent for a visitor. */
  personal?: { ids: number[]; probabilities: number[]; sources: PickSource[]; withinBound: boolean };
  excluded: Exclusion[];
  anonymized: boolean;
}

/**
 * The page's pool and the probabilities a view is drawn with. A visitor draws with the pool's own; a shopper's
 * rules zero what they must never see and their interests tilt the rest, within r of the visitor's.
 */
function planDraw(model: ShopModel, request: RecommendRequest, recordExclusions: boolean): Plan {
  // A bound of 1 leaves no room for anything personal: every shopper is a visitor (settings' share 0 %).
  const shopper = servesShoppersPersonally(model.policy) ? offMeansOff(request.shopper) : null;
  const limit = Math.max(0, Math.min(50, Math.floor(request.limit)));
  const merchandising = request.merchandising ?? NO_MERCHANDISING;
  const pool = pagePool(model, request.surface, limit, merchandising);
  const anonymized = request.shopper !== null && shopper === null;
  if (!shopper || pool.blockSize === 0) return { pool, excluded: [], anonymized };

  const { now } = request;
  const owned = ownedEver(shopper.purchases, now);
  const due = request.reorderReminders ? dueConsumables(owned, model, request.surface, now) : new Map<number, number>();
  const rules = exclusionRules(model, shopper, owned, due, now);
  const opening = declaredCandidates(model, request.surface, shopper.declaredTopics, new Set([...pool.ids, ...pool.reserve]));
  // The merchant's rules hold back a declared topic's products too (the pool's were held back as it was formed).
  const merchant = opening.length > 0 ? new MerchantRules(merchandising, model.catalog, contextOf(request.surface)) : null;
  const declared = merchant ? opening.filter((id) => merchant.holdOf(id) === null) : opening;
  const ids = [...pool.ids, ...pool.reserve, ...declared];
  const visitor = [...pool.visitor, ...pool.reserve.map(() => 0), ...declared.map(() => 0)];
  const opened = ids.map((_, k) => k >= pool.ids.length + pool.reserve.length);
  const excluded: Exclusion[] = [];
  const forbidden: boolean[] = [];
  const resting: boolean[] = [];
  ids.forEach((productId, k) => {
    const candidate = { productId, source: 'context' as const };
    let first: CandidateRule | undefined;
    // A product some unyielding rule removes is out whatever happens; one only resting may come back.
    let hard = false;
    for (const rule of rules) {
      if (rule.keeps(candidate)) continue;
      first ??= rule;
      if (!rule.yields) hard = true;
    }
    if (first && recordExclusions && k < pool.ids.length) excluded.push({ productId, rule: first.name });
    forbidden.push(hard);
    resting.push(first !== undefined && !hard);
  });
  const out = forbidden.map((hard, k) => hard || resting[k]!);
  const interests = interestsOf(model, ids, shopper, owned, due, now);
  const tilt = model.policy.personalTilt;
  const typical = pool.blockSize / Math.max(1, pool.ids.length);
  const desired = visitor.map((v, k) => (opened[k] ? typical : v) * (1 + tilt * interests.scores[k]!));
  const bounded = boundedInclusion(visitor, desired, out, model.policy.deniabilityRatio, pool.blockSize, opened, visitorCap(model.policy));
  const fallback = ids.map((_, k) => 1 / (k + 1) ** model.policy.poolWeightDecay);
  const probabilities = topUp(bounded.probabilities, resting, fallback, pool.blockSize);
  const boundHeld = bounded.boundHeld && probabilities.every((p, k) => p === bounded.probabilities[k]);
  const sourceOf = (k: number): PickSource =>
    k < pool.ids.length ? pool.sources[k]! : k < pool.ids.length + pool.reserve.length ? pool.reserveSources[k - pool.ids.length]! : 'declared';
  const sources = ids.map((_, k) => {
    const personal = interests.sources[k];
    return personal && probabilities[k]! > visitor[k]! + 1e-9 ? personal : sourceOf(k);
  });
  return { pool, personal: { ids, probabilities, sources, withinBound: boundHeld }, excluded, anonymized };
}

function decide(model: ShopModel, request: RecommendRequest, recordExclusions: boolean): Explanation {
  const plan = planDraw(model, request, recordExclusions);
  const { pool, personal } = plan;
  const ids = personal?.ids ?? pool.ids;
  const probabilities = personal?.probabilities ?? pool.visitor;
  const sources = personal?.sources ?? pool.sources;
  // Picks keep the pool's order (most relevant first): the order adds nothing the set does not already say.
  const picks: Pick[] = systematicDraw(probabilities, pool.blockSize, request.seed ?? 1).map((k) => ({ productId: ids[k]!, source: sources[k]! }));
  // The merchant's own rules last: what they held back, for anyone on this page.
  const excluded = recordExclusions ? [...plan.excluded, ...pool.heldBack] : [];
  return { picks, excluded, anonymized: plan.anonymized, withinBound: personal?.withinBound ?? true };
}
