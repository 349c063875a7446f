/**
 * The engine as the journey simulation and the speed benchmark call it, on either side of the "pool and draw"
 * rewrite (so a checkout from before it reproduces the "before" figures): every request carries a seed, which the engine before the rewrite ignores (it
 * is deterministic, which is what reproduces the findings) and the new one uses for its draw; and the
 * relevance floor's own predicate, `isRelatedToContext`, is used as soon as the engine exports it. Until then the
 * bench stands in with a predicate of its own, said so in the report.
 */
import * as engine from '../../server/recommend/engine.ts';
import type { ShopModel } from '../../server/recommend/model/shop-model.ts';
import type { RecommendRequest } from '../../server/recommend/types.ts';

export type RelatedPredicate = (model: ShopModel, contextProductIds: readonly number[], productId: number) => boolean;

/** A request with its draw's seed (uint32). */
export type SeededRequest = RecommendRequest & { seed: number };

// The namespace is read as a plain record: the engine before the rewrite has no `isRelatedToContext`, so the
// name cannot be written as a member access without failing to compile there.
const exported = engine as unknown as Readonly<Record<string, unknown>>;
const related = exported['isRelatedToContext'];

/** The engine's relevance floor, or null when this engine has none yet. */
export const engineIsRelatedToContext: RelatedPredicate | null = typeof related === 'function' ? (related as RelatedPredicate) : null;

/** True once the engine's RecommendRequest documents a seed (the pool-and-draw engine); reported beside the figures. */
export const engineDrawsWithSeed = engineIsRelatedToContext !== null;

/** One block: the engine's picks for this request, drawn with its seed. */
export function drawBlock(model: ShopModel, request: SeededRequest): number[] {
  return engine.recommend(model, request);
}

/** A uint32 seed from a few small integers (shopper, view, surface…): distinct inputs give well-spread seeds. */
export function seedOf(...parts: readonly number[]): number {
  let hash = 0x811c9dc5;
  for (const part of parts) {
    hash = Math.imul(hash ^ (part >>> 0), 0x01000193) >>> 0;
    hash = Math.imul(hash ^ (hash >>> 15), 0x2c1b3c6d) >>> 0;
  }
  return hash >>> 0 || 1;
}
