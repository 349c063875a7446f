import { DAY_MS, type RecommendPolicy } from '../policy.ts';
import type { ShopModel } from '../model/shop-model.ts';
import type { Surface } from '../types.ts';
import type { CandidateRule } from './candidate.ts';
import type { Ownership } from './decay-and-stop.ts';

/** Surfaces not tied to one product's purchase, where a due consumable may come back (rule 1). */
export function isNeutralSurface(surface: Surface): boolean {
  return surface.kind === 'home' || surface.kind === 'collection' || surface.kind === 'cart';
}

/**
 * Where a due consumable may come back when the caller asks for reminders: the neutral surfaces, and a follow-up
 * email, which the buyer alone reads (a merchant's setting, README "Recommendation settings").
 */
export function remindsOn(surface: Surface): boolean {
  return isNeutralSurface(surface) || surface.kind === 'email';
}

/**
 * Owned consumables whose typical reorder interval has passed since the last purchase, with how many orders
 * of each the shopper placed. Only where `remindsOn`; elsewhere nothing is ever due.
 */
export function dueConsumables(owned: Ownership, model: ShopModel, surface: Surface, now: number): Map<number, number> {
  const due = new Map<number, number>();
  if (!remindsOn(surface)) return due;
  for (const [productId, last] of owned.last) {
    const interval = model.reorderInterval(productId);
    if (interval !== undefined && now - last >= interval) due.set(productId, owned.orders.get(productId)!);
  }
  return due;
}

/**
 * Rule 1, never the owned item: a product the shopper bought, at any time, never comes back to them. The one
 * exception: a consumable whose reorder interval has passed, on a neutral surface, when the caller asked for
 * reorder reminders (`due`) — storefront blocks never ask.
 */
export function neverOwned(owned: Ownership, due: ReadonlyMap<number, number>): CandidateRule {
  return { name: 'never-owned', keeps: (c) => due.has(c.productId) || !owned.last.has(c.productId) };
}

/**
 * Rule 1's second half: products that do the same job as a purchase (another coat after a coat) rest for
 * `substituteRestDays` after it. Resting, not forbidden: they yield when nothing else can fill the block.
 */
export function substitutesRest(owned: Ownership, due: ReadonlyMap<number, number>, model: ShopModel, now: number, policy: RecommendPolicy): CandidateRule {
  const substitutes = new Set<number>();
  const restSince = now - policy.substituteRestDays * DAY_MS;
  for (const [productId, last] of owned.last) {
    if (due.has(productId) || last <= restSince) continue;
    for (const id of model.catalog.substitutesOf(productId)) if (id !== productId) substitutes.add(id);
  }
  // A due consumable stays eligible even when another owned product of its type is not due yet.
  return { name: 'never-owned', yields: true, keeps: (c) => due.has(c.productId) || !substitutes.has(c.productId) };
}
