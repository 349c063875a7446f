/**
 * The bench's one view of the engine's draws, so every measurement runs on the engine of the day: with the
 * "pool and draw" engine (server/recommend/engine.ts exporting `inclusion`, requests taking a `seed`) it reads
 * the exact per-view inclusion probabilities; with the engine before it (no `inclusion`, `seed` ignored, the
 * same block on every view) it estimates them by sampling `recommend` over seeds — which, for a deterministic
 * engine, gives exactly its 0/1 inclusions. Today's engine has `inclusion`; the sampling path stays so that the
 * same bench, run on a checkout from before the rewrite (2026-12-03), reproduces the "before" figures.
 */
import * as engine from '../../server/recommend/engine.ts';
import type { ShopModel } from '../../server/recommend/model/shop-model.ts';
import type { RecommendPolicy } from '../../server/recommend/policy.ts';
import type { RecommendRequest } from '../../server/recommend/types.ts';

/** Per-view inclusion probabilities of one page's draw: productId → probability of being in the block. */
export type InclusionMap = ReadonlyMap<number, number>;

/** The engine's `inclusion`, declared here because an engine from before the rewrite does not have it. */
interface ExactInclusion {
  blockSize: number;
  visitor: InclusionMap;
  shopper: InclusionMap | null;
  /** False when the shopper's exclusions leave the pool too short for the bound (the engine says so). */
  withinBound?: boolean;
}
type InclusionFunction = (model: ShopModel, request: RecommendRequest) => ExactInclusion;

// The engine's namespace is read as a record: whether it exports `inclusion` is what this adapter finds out.
const exported = engine as unknown as Record<string, unknown>;
const inclusionFunction = typeof exported.inclusion === 'function' ? (exported.inclusion as InclusionFunction) : null;

/** True once the engine computes exact inclusion probabilities; false on the deterministic engine before it. */
export const ENGINE_HAS_INCLUSION = inclusionFunction !== null;

/** A request with the contract's draw seed; the engine before it has no `seed` field and ignores it. */
type SeededRequest = RecommendRequest & { seed?: number };

/** One view of the block: the engine's draw with `seed`. */
export function drawBlock(model: ShopModel, request: RecommendRequest, seed: number): number[] {
  const seeded: SeededRequest = { ...request, seed: seed >>> 0 };
  return engine.recommend(model, seeded);
}

/** The engine's exact inclusion probabilities for the request's page (visitor) and shopper, or null before it. */
export function exactInclusion(model: ShopModel, request: RecommendRequest): ExactInclusion | null {
  return inclusionFunction ? inclusionFunction(model, request) : null;
}

/** Share of the draws that hold each item: the sampled estimate of its inclusion probability. */
export function sampledInclusion(draws: readonly (readonly number[])[]): Map<number, number> {
  const counts = new Map<number, number>();
  for (const draw of draws) for (const id of new Set(draw)) counts.set(id, (counts.get(id) ?? 0) + 1);
  const estimate = new Map<number, number>();
  for (const [id, count] of counts) estimate.set(id, count / draws.length);
  return estimate;
}

/** A uint32 seed from whole numbers (a customer id, a draw index): the same parts always give the same seed. */
export function seedFor(...parts: readonly number[]): number {
  let hash = 0x811c9dc5;
  for (const part of parts) {
    hash = Math.imul(hash ^ (part >>> 0), 0x9e3779b1) >>> 0;
    hash = Math.imul(hash ^ (hash >>> 15), 0x85ebca6b) >>> 0;
    hash ^= Math.floor(part / 2 ** 32) >>> 0;
  }
  return (hash ^ (hash >>> 13)) >>> 0;
}

/**
 * The policy with deniability ratio r, or null when the engine's policy has no `deniabilityRatio` (the engine
 * before pool and draw): the r sweep is skipped, with a note, rather than run on a field nothing reads.
 */
export function withDeniabilityRatio(policy: RecommendPolicy, r: number): RecommendPolicy | null {
  if (!('deniabilityRatio' in policy)) return null;
  return { ...policy, deniabilityRatio: r } as RecommendPolicy;
}

/** The policy's deniability ratio, or null on an engine without one. */
export function deniabilityRatioOf(policy: RecommendPolicy): number | null {
  const value = (policy as unknown as Record<string, unknown>).deniabilityRatio;
  return typeof value === 'number' ? value : null;
}
