/**
 * Child process of `npm run bench`: recommendation quality and leakage on Online Retail, every model scored
 * on the same hidden items in this one run. Prints one JSON object (QualityResult).
 */
import { DEFAULT_POLICY, type RecommendPolicy } from '../../server/recommend/policy.ts';
import { cooccurrenceRanker, countBaskets, jaccardRanker, popularityRanker } from './baselines.ts';
import { COARSE_CATEGORIES, coarseCategoryOf } from './coarse-categories.ts';
import { easeRanker } from './ease.ts';
import { measureLeakage, type LeakageResult } from './leakage.ts';
import { scoreRankings, type RankingScore } from './metrics.ts';
import { loadOnlineRetailSplit } from './online-retail-split.ts';
import { buildModel, purchasesByCustomer, tactoRanker } from './tacto-ranker.ts';
import { recommend } from '../../server/recommend/engine.ts';

export interface QualityResult {
  trainBaskets: number;
  items: number;
  holdOuts: number;
  baselines: Record<'popularity' | 'cooccurrence' | 'jaccard' | 'ease50', RankingScore>;
  easeBuildMs: number;
  tacto: RankingScore;
  /** The same engine with no shopper (anonymous): what the privacy rules and personal slots change. */
  tactoAnonymous: RankingScore;
  /** Rule 1 with the median reorder gap instead of the first quartile. */
  tactoMedianReorder: RankingScore;
  /** As storefront blocks ask: no reorder reminders, nothing the shopper bought comes back. */
  tactoStorefront: RankingScore;
  /** One row per history share tried: quality and leakage. */
  blendSweep: { historyShare: number; hitRate: number; leakage: LeakageResult }[];
  categoryShares: { category: string; items: number }[];
}

const file = process.argv[2]!;
const split = await loadOnlineRetailSplit(file);
const counts = countBaskets(split.train, split.trainItems);
const baselines = {
  popularity: scoreRankings(split.holdOuts, popularityRanker(counts)),
  cooccurrence: scoreRankings(split.holdOuts, cooccurrenceRanker(counts)),
  jaccard: scoreRankings(split.holdOuts, jaccardRanker(counts)),
  ease50: { hitRate: 0, ndcg: 0, n: 0 },
};
const ease = easeRanker(counts, 50);
baselines.ease50 = scoreRankings(split.holdOuts, ease.rank);

const purchases = purchasesByCustomer(split.train);
const score = (policy: RecommendPolicy) => {
  const model = buildModel(split, split.train, policy);
  const rank = tactoRanker(model, purchases);
  return { model, score: scoreRankings(split.holdOuts, (h) => rank(h.given, h.basket)) };
};
const { model, score: tacto } = score(DEFAULT_POLICY);
const tactoAnonymous = scoreRankings(split.holdOuts, (h) =>
  recommend(model, { surface: { kind: 'cart', productIds: h.given }, shopper: null, limit: 10, now: h.basket.time }),
);
const tactoMedianReorder = score({ ...DEFAULT_POLICY, reorderGapQuantile: 0.5 }).score;
const storefrontRank = tactoRanker(model, purchases, false);
const tactoStorefront = scoreRankings(split.holdOuts, (h) => storefrontRank(h.given, h.basket));

const categoryOf = (item: number) => coarseCategoryOf(split.descriptions[item] ?? '');
const blendSweep = [0, 0.1, 0.2, 0.3, 0.4, 0.5].map((historyShare) => {
  const policy = { ...DEFAULT_POLICY, historyShare };
  const { model: swept, score: quality } = score(policy);
  return { historyShare, hitRate: quality.hitRate, leakage: measureLeakage(swept, split.train, split.test, purchases, categoryOf) };
});

const shares = new Map<string, number>();
for (const d of split.descriptions) shares.set(coarseCategoryOf(d), (shares.get(coarseCategoryOf(d)) ?? 0) + 1);
const result: QualityResult = {
  trainBaskets: split.train.length,
  items: split.trainItems,
  holdOuts: split.holdOuts.length,
  baselines,
  easeBuildMs: ease.buildMs,
  tacto,
  tactoAnonymous,
  tactoMedianReorder,
  tactoStorefront,
  blendSweep,
  categoryShares: COARSE_CATEGORIES.map((category) => ({ category, items: (shares.get(category) ?? 0) / split.descriptions.length })),
};
process.stdout.write(JSON.stringify(result));
