import type { ShopModel } from '../model/shop-model.ts';
import { influencingPurchases, mostRecent, type Ownership } from '../rules/decay-and-stop.ts';
import type { CatalogEntry } from '../catalog.ts';
import { collectionInterest } from '../store-topics.ts';
import type { PickSource, Shopper } from '../types.ts';

export interface Interests {
  /** Per pool product, 0 (nothing of the shopper's points to it) to 1 (their strongest interest). */
  scores: number[];
  /** Why a product scored, for the admin's explanation. */
  sources: (PickSource | null)[];
}

/**
 * How well each product of the page's pool matches what the shopper has recently been buying: co-purchase
 * relatedness to their influencing purchases (rule 4 decides which), scaled so the best match is 1. A declared
 * topic, a product of a collection the shopper declared an interest in, and (with reminders) a due consumable
 * count fully. Interests only tilt the draw within the pool, and the
 * bound clamps the tilt (inclusion.ts): they can make a complement likelier, never add a product to the page.
 */
export function interestsOf(
  model: ShopModel,
  pool: readonly number[],
  shopper: Shopper,
  owned: Ownership,
  due: ReadonlyMap<number, number>,
  now: number,
): Interests {
  const { policy, catalog } = model;
  const influencing = influencingPurchases(owned, now, policy, (id) => model.isEventPurchase(id));
  const related = model.relatedTo(mostRecent(influencing, owned, policy.historyItems)).scoresOf(new Set(pool));
  let best = 0;
  for (const score of related.values()) best = Math.max(best, score);
  const declared = new Set<string>(shopper.declaredTopics);
  const scores: number[] = [];
  const sources: (PickSource | null)[] = [];
  for (const id of pool) {
    if (due.has(id)) {
      scores.push(1);
      sources.push('reorder');
    } else if (declared.size > 0 && isDeclared(catalog.get(id), declared)) {
      scores.push(1);
      sources.push('declared');
    } else {
      const score = best > 0 ? (related.get(id) ?? 0) / best : 0;
      scores.push(score);
      sources.push(score > 0 ? 'history' : null);
    }
  }
  return { scores, sources };
}

/**
 * A product of a sensitive topic the shopper declared, or an ordinary product of a collection they declared an
 * interest in. A collection interest never speaks for a sensitive product: only its own topic can.
 */
function isDeclared(entry: CatalogEntry | undefined, declared: ReadonlySet<string>): boolean {
  if (!entry) return false;
  if (entry.topics.length > 0) return entry.topics.some((t) => declared.has(t));
  return entry.product.collectionIds.some((id) => declared.has(collectionInterest(id)));
}
