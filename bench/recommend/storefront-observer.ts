/**
 * The observer of issue point 6(a), in the storefront setting: they know the visitor block's distribution on
 * the home page (they can load it as a visitor as often as they like) and see one view of a logged-in
 * shopper's block. What they learn by absence, by difference and by claiming a category, each beside what
 * they would get without looking.
 */
import { exposableShare, flagAbsences, missingVisitorPicks, ownershipPrior, scoreFlags, type FlagScore } from './absence-observer.ts';
import {
  categoryBuyerShares,
  guessAfterRemoval,
  guessBySurprise,
  guessFromView,
  heaviestCategory,
  membershipClaim,
  scoreClaims,
  type ClaimScore,
} from './category-observers.ts';
import type { HomeBlocks } from './home-blocks.ts';
import type { Basket } from './online-retail-split.ts';

export interface TopCategoryScore {
  /** Always naming the globally most-bought category. */
  baseRate: number;
  /** (i) the view minus one visitor view. */
  afterRemoval: number;
  /** (ii) the view weighted by 1 / πv. */
  bySurprise: number;
  /** The old bench's observer: the view's most frequent category, nothing subtracted. */
  viewOnly: number;
}

export interface ObserverResult {
  shoppers: number;
  /** Share of shoppers owning an item the visitor block can show: the most absence could expose. */
  exposable: number;
  /** The Bayesian observer (posterior ≥ 0.9). */
  absence: FlagScore;
  /** The issue's: the first 7 picks of one visitor view missing from the shopper's view. */
  naive: FlagScore;
  topCategory: TopCategoryScore;
  membership: ClaimScore;
}

/** Line items per coarse category over `baskets`: what "most bought overall" means. */
export function lineItemsByCategory(baskets: readonly Basket[], categoryOf: (item: number) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const basket of baskets) for (const item of basket.items) counts.set(categoryOf(item), (counts.get(categoryOf(item)) ?? 0) + 1);
  return counts;
}

export function observeStorefront(
  blocks: readonly HomeBlocks[],
  categoryOf: (item: number) => string,
  globalLineItems: ReadonlyMap<string, number>,
): ObserverResult {
  const globalTop = heaviestCategory(globalLineItems, globalLineItems, 'other');
  const prior = ownershipPrior(blocks.map((b) => b.shopper.owned));
  const boughtCategories = blocks.map((b) => new Set([...b.shopper.owned].map(categoryOf)));
  const boughtShare = categoryBuyerShares(boughtCategories);

  let base = 0;
  let afterRemoval = 0;
  let bySurprise = 0;
  let viewOnly = 0;
  const absence: { flagged: number[]; owned: ReadonlySet<number> }[] = [];
  const naive: { flagged: number[]; owned: ReadonlySet<number> }[] = [];
  const claims: { claimed: string | null; bought: ReadonlySet<string> }[] = [];
  blocks.forEach(({ shopper, visitor, views, visitorView }, k) => {
    const view = views[0]!;
    const shown = new Set(view);
    absence.push({ flagged: flagAbsences(shown, prior, visitor), owned: shopper.owned });
    naive.push({ flagged: missingVisitorPicks(shown, visitorView), owned: shopper.owned });

    const lineItems = new Map<string, number>();
    for (const p of shopper.purchases) lineItems.set(categoryOf(p.productId), (lineItems.get(categoryOf(p.productId)) ?? 0) + (p.orders ?? 1));
    const truth = heaviestCategory(lineItems, globalLineItems, 'other');
    if (globalTop === truth) base += 1;
    if (guessAfterRemoval(view, visitorView, categoryOf, globalLineItems, globalTop) === truth) afterRemoval += 1;
    if (guessBySurprise(view, visitor, categoryOf, globalLineItems, globalTop) === truth) bySurprise += 1;
    if (guessFromView(view, categoryOf, globalLineItems, globalTop) === truth) viewOnly += 1;

    claims.push({ claimed: membershipClaim(view, visitor, categoryOf), bought: boughtCategories[k]! });
  });
  const n = blocks.length;
  return {
    shoppers: n,
    exposable: exposableShare(blocks.map((b) => ({ owned: b.shopper.owned, visitor: b.visitor }))),
    absence: scoreFlags(absence, prior),
    naive: scoreFlags(naive, prior),
    topCategory: { baseRate: base / n, afterRemoval: afterRemoval / n, bySurprise: bySurprise / n, viewOnly: viewOnly / n },
    membership: scoreClaims(claims, boughtShare),
  };
}
