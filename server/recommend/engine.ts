import type { ShopModel } from './model/shop-model.ts';
import { maxHistorySlots } from './policy.ts';
import { blend } from './rules/blend.ts';
import type { Candidate, CandidateRule } from './rules/candidate.ts';
import { influencingPurchases, mostRecent, ownedInWindow } from './rules/decay-and-stop.ts';
import { frequencyCap } from './rules/frequency-cap.ts';
import { dueConsumables, neverOwned } from './rules/never-owned.ts';
import { noSensitiveInference } from './rules/no-sensitive-inference.ts';
import { notForMe } from './rules/not-for-me.ts';
import { offMeansOff } from './rules/off-means-off.ts';
import { notSubstituteOfContext } from './rules/substitute-of-context.ts';
import { RankedScores } from './model/ranked-scores.ts';
import { contextOf } from './surface.ts';
import type { Exclusion, Explanation, Pick, PickSource, RecommendRequest, Surface } from './types.ts';

export { contextOf };

/** Products to show, in order: ids only, nothing that says why. This is all a storefront or email ever gets. */
export function recommend(model: ShopModel, request: RecommendRequest): number[] {
  return decide(model, request, false).picks.map((pick) => pick.productId);
}

/**
 * The whole decision with its reasons: which candidates were picked and from where, which a privacy rule
 * removed. Only the admin's "why did this shopper see this" shows it; `recommend` strips it.
 */
export function explain(model: ShopModel, request: RecommendRequest): Explanation {
  return decide(model, request, true);
}

/** The decision; exclusions are written down only when someone will read them (the admin's explanation). */
function decide(model: ShopModel, request: RecommendRequest, recordExclusions: boolean): Explanation {
  const { policy, catalog } = model;
  const shopper = offMeansOff(request.shopper);
  const { surface, now } = request;
  const limit = Math.max(0, Math.min(50, Math.floor(request.limit)));
  const context = contextOf(surface);
  const related = model.relatedTo(context);

  const owned = ownedInWindow(shopper?.purchases ?? [], now, policy);
  const due = request.reorderReminders ? dueConsumables(owned, model, surface, now) : new Map<number, number>();
  const rules: CandidateRule[] = [notSubstituteOfContext(catalog, context)];
  if (shopper) {
    rules.push(neverOwned(owned, due, model), notForMe(shopper.feedback, catalog), frequencyCap(shopper.recentImpressions, policy));
  }
  rules.push(noSensitiveInference(catalog, surface, shopper?.declaredTopics ?? []));

  const excluded = new Map<number, Exclusion>();
  // Admission stops once `enough` picks are in: popularity alone would run through the whole catalog.
  const admit = (candidates: Iterable<Candidate>, enough: (picks: Pick[]) => boolean): Pick[] => {
    const picks: Pick[] = [];
    const seen = new Set<number>();
    for (const candidate of candidates) {
      if (enough(picks)) break;
      if (seen.has(candidate.productId) || !catalog.isRecommendable(candidate.productId)) continue;
      seen.add(candidate.productId);
      const failed = rules.find((rule) => !rule.keeps(candidate));
      if (failed) {
        if (recordExclusions && !excluded.has(candidate.productId)) {
          excluded.set(candidate.productId, { productId: candidate.productId, rule: failed.name });
        }
        continue;
      }
      picks.push({ productId: candidate.productId, source: candidate.source });
    }
    return picks;
  };

  const general = admit(generalCandidates(model, surface, context, related), (picks) => picks.length >= limit);
  const personalSlots = shopper ? maxHistorySlots(limit, policy) : 0;
  let personal: Pick[] = [];
  if (shopper && personalSlots > 0) {
    // Personal picks among the general ones that keep their places anyway spend no slot (see blend).
    const head = new Set(general.slice(0, limit - personalSlots).map((p) => p.productId));
    const influencing = influencingPurchases(owned, (id) => model.stopsAtPurchase(id));
    // Due consumables that go with the page first (weighted by how often they were reordered), then the rest.
    const relatedDue = related.scoresOf(new Set(due.keys()));
    const priority = (id: number, orders: number) => orders * (1 + policy.reorderRelatednessWeight * (relatedDue.get(id) ?? 0));
    const reorder = [...due].filter(([id]) => influencing.has(id)).sort((a, b) => priority(b[0], b[1]) - priority(a[0], a[1]) || a[0] - b[0]);
    const declared = new Set(shopper.declaredTopics);
    const declaredIds = declared.size === 0 ? [] : model.popular().filter((id) => catalog.get(id)?.topics.some((t) => declared.has(t)));
    function* personalCandidates(): Generator<Candidate> {
      yield* reorder.map(([productId]) => candidate(productId, 'reorder'));
      yield* declaredIds.map((id) => candidate(id, 'declared'));
      yield* lazily(model.relatedTo(mostRecent(influencing, owned, policy.historyItems)).ranked(), 'history');
    }
    // Gathers up to a block's worth; blend is the one place that caps how many are shown.
    personal = admit(personalCandidates(), (picks) => picks.filter((p) => !head.has(p.productId)).length >= limit);
  }
  const picks = blend(personal, general, limit, personalSlots, seedOf(general, now));
  const shown = new Set(picks.map((p) => p.productId));
  return {
    picks,
    excluded: [...excluded.values()].filter((e) => !shown.has(e.productId)),
    anonymized: request.shopper !== null && shopper === null,
  };
}

/** What anyone in the same context would be offered: related products, then the collection, then popular. */
function* generalCandidates(model: ShopModel, surface: Surface, context: readonly number[], related: RankedScores): Generator<Candidate> {
  yield* lazily(related.ranked(), 'context');
  if (context.length > 0) yield* lazily(RankedScores.fromMap(model.catalog.relatedByCatalog(context)).ranked(), 'catalog');
  const popular = model.popular();
  if (surface.kind === 'collection') {
    const members = new Set(model.catalog.inCollection(surface.collectionId));
    for (const id of popular) if (members.has(id)) yield candidate(id, 'popular');
  }
  for (const id of popular) yield candidate(id, 'popular');
}

/** Candidates from a list of ids. One object is reused: rules only read it, and admission copies what it keeps. */
function* lazily(ids: Iterable<number>, source: PickSource): Generator<Candidate> {
  const current = candidate(0, source);
  for (const id of ids) {
    current.productId = id;
    yield current;
  }
}

function candidate(productId: number, source: PickSource): Candidate {
  return { productId, source };
}

/** Same picks on the same day, same places: the block does not reshuffle on every page view. */
function seedOf(general: readonly Pick[], now: number): number {
  let hash = Math.floor(now / 86_400_000) | 0;
  for (const pick of general.slice(0, 10)) hash = Math.imul(hash ^ pick.productId, 0x9e3779b1) >>> 0;
  return hash;
}
