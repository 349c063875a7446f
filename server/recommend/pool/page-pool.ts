import { merchandisingKey, MerchantRules, NO_MERCHANDISING, type Merchandising } from '../merchandising/rules.ts';
import type { ShopModel } from '../model/shop-model.ts';
import { visitorCap } from '../policy.ts';
import type { CandidateRule } from '../rules/candidate.ts';
import { noSensitiveInference } from '../rules/no-sensitive-inference.ts';
import { notSubstituteOfContext } from '../rules/substitute-of-context.ts';
import { contextOf, pageKey } from '../surface.ts';
import type { Exclusion, PickSource, Surface } from '../types.ts';
import { cappedInclusion } from './inclusion.ts';
import { RelevanceFloor } from './relevance-floor.ts';

/**
 * A page's pool: what anyone on this page may be shown, decided by the page alone — never by who is looking.
 * Every block on the page is a draw from it: a visitor's with probabilities `visitor`, a shopper's with their
 * own, bounded by r around the visitor's (inclusion.ts). The block size comes from the pool too, so a visitor,
 * a logged-in and an opted-out shopper always get the same number of picks.
 */
export interface PagePool {
  /** Eligible products, most relevant first. */
  ids: number[];
  sources: PickSource[];
  /** Each product's probability of being in one view of a visitor's block; they sum to `blockSize`. */
  visitor: number[];
  blockSize: number;
  /** Products just as eligible beyond the pool, used only when a shopper's exclusions leave the pool short. */
  reserve: number[];
  reserveSources: PickSource[];
  /** Products the merchant's rules kept out of this pool that would otherwise be in it (a few, for the explain tool). */
  heldBack: Exclusion[];
}

/** Enough to show the merchant their rules at work, without keeping a list as long as the catalog. */
const HELD_BACK_RECORDED = 20;

/** The page's pool, worked out once per state of the model (every visitor and shopper of the page shares it). */
export function pagePool(model: ShopModel, surface: Surface, limit: number, merchandising: Merchandising = NO_MERCHANDISING): PagePool {
  return model.memoize(`pool ${limit} ${merchandisingKey(merchandising)} ${pageKey(surface)}`, () => buildPool(model, surface, limit, merchandising));
}

function buildPool(model: ShopModel, surface: Surface, limit: number, merchandising: Merchandising): PagePool {
  const { policy, catalog } = model;
  const context = contextOf(surface);
  const rules: CandidateRule[] = [notSubstituteOfContext(catalog, context), noSensitiveInference(catalog, surface)];
  const merchant = new MerchantRules(merchandising, catalog, context);
  const wanted = policy.poolSize * 2;
  const ids: number[] = [];
  const sources: PickSource[] = [];
  const heldBack: Exclusion[] = [];
  const seen = new Set<number>(context);
  for (const [productId, source] of candidatesOf(model, surface, context, merchant.pins())) {
    if (ids.length >= wanted) break;
    if (seen.has(productId)) continue;
    seen.add(productId);
    const candidate = { productId, source };
    if (!catalog.isRecommendable(productId) || !rules.every((rule) => rule.keeps(candidate))) continue;
    // Like an unavailable product: never a candidate for anyone, so never in a reserve nor a shopper's draw.
    const hold = merchant.holdOf(productId);
    if (hold) {
      if (heldBack.length < HELD_BACK_RECORDED) heldBack.push({ productId, rule: hold.rule, hold });
      continue;
    }
    ids.push(productId);
    sources.push(source);
  }
  const size = Math.min(ids.length, policy.poolSize);
  const perPick = Math.min(visitorCap(policy), 1 / policy.poolPerPick);
  const blockSize = Math.max(0, Math.min(Math.floor(limit), Math.floor(size * perPick + 1e-9)));
  // A pin has the pool's top weight, so the visitor cap is all that holds it back: it shows in as many views as
  // any product may, and no more — a block that always held it would prove, by its absence, that a shopper owns it.
  const weights = Array.from({ length: size }, (_, k) => (sources[k] === 'pinned' ? 1 : 1 / (k + 1) ** policy.poolWeightDecay));
  return {
    ids: ids.slice(0, size),
    sources: sources.slice(0, size),
    visitor: cappedInclusion(weights, blockSize, visitorCap(policy)),
    blockSize,
    reserve: ids.slice(size),
    reserveSources: sources.slice(size),
    heldBack,
  };
}

/**
 * Candidates, best first. With a context (product page, cart, follow-up): the complements the merchant pinned to
 * it, then products bought with it, then its
 * catalog complements, then best-sellers of the categories bought with it — every one above the relevance floor,
 * never the store's global best-sellers. Home: best-sellers. A collection: its best-sellers, then the store's.
 */
function* candidatesOf(model: ShopModel, surface: Surface, context: readonly number[], pins: readonly number[]): Generator<[number, PickSource]> {
  const { catalog } = model;
  if (context.length > 0) {
    // The merchant's pinned complements first: their word stands for the relevance floor's evidence.
    for (const id of pins) yield [id, 'pinned'];
    const floor = new RelevanceFloor(model, context);
    const boughtWith: number[] = [];
    for (const id of model.relatedTo(context).ranked()) {
      if (!floor.boughtWithContext(id)) continue;
      boughtWith.push(id);
      yield [id, 'context'];
      if (boughtWith.length >= model.policy.poolSize * 2) break;
    }
    for (const id of floor.catalogComplements()) yield [id, 'catalog'];
    const categories = new Set(boughtWith.map((id) => catalog.get(id)?.product.categoryId).filter((c): c is string => !!c));
    for (const category of categories) {
      const members = [...catalog.inCategory(category)].sort((a, b) => model.popularityRank(a) - model.popularityRank(b) || a - b);
      for (const id of members) yield [id, 'catalog'];
    }
    return;
  }
  const popular = model.popular();
  if (surface.kind === 'collection') {
    const members = new Set(catalog.inCollection(surface.collectionId));
    for (const id of popular) if (members.has(id)) yield [id, 'catalog'];
    // Members never ordered yet still belong on their own collection page, after the best-sellers.
    for (const id of [...members].sort((a, b) => a - b)) yield [id, 'catalog'];
  }
  for (const id of popular) yield [id, 'popular'];
  // A new store has no best-sellers yet: its products, in the order they were added.
  for (const id of catalog.ids()) yield [id, 'catalog'];
}
