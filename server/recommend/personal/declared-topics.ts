import type { ShopModel } from '../model/shop-model.ts';
import { RelevanceFloor } from '../pool/relevance-floor.ts';
import { contextOf } from '../surface.ts';
import type { Surface } from '../types.ts';

/** A handful: they widen this shopper's draw, never a visitor's. */
const DECLARED_CANDIDATES = 10;

/**
 * Rule 2's one door: products of a topic the shopper declared, best-sellers first, that the page does not already
 * offer. On a product page, a cart and a follow-up only those above the relevance floor; on a collection page only
 * its members; on the home page any. Every topic such a product touches must be declared: declaring "baby" opens
 * nothing about pregnancy.
 */
export function declaredCandidates(model: ShopModel, surface: Surface, topics: readonly string[], inPool: ReadonlySet<number>): number[] {
  if (topics.length === 0) return [];
  const wanted = new Set(topics);
  const context = contextOf(surface);
  const floor = context.length > 0 ? new RelevanceFloor(model, context) : null;
  const members = surface.kind === 'collection' ? new Set(model.catalog.inCollection(surface.collectionId)) : null;
  const found: number[] = [];
  for (const id of bestSellersThenTheRest(model)) {
    if (found.length >= DECLARED_CANDIDATES) break;
    if (inPool.has(id) || found.includes(id) || !model.catalog.isRecommendable(id)) continue;
    const productTopics = model.catalog.get(id)?.topics ?? [];
    if (productTopics.length === 0 || !productTopics.every((t) => wanted.has(t))) continue;
    if ((floor && !floor.admits(id)) || (members && !members.has(id))) continue;
    found.push(id);
  }
  return found;
}

/** The best-sellers, then products never ordered yet; the second list is only made if the first runs out. */
function* bestSellersThenTheRest(model: ShopModel): Generator<number> {
  yield* model.popular();
  yield* model.catalog.ids();
}
