import type { ShopModel } from '../model/shop-model.ts';
import type { Surface } from '../types.ts';
import type { CandidateRule } from './candidate.ts';
import type { Ownership } from './decay-and-stop.ts';

/** Surfaces not tied to one product's purchase, where a due consumable may come back (rule 1). */
export function isNeutralSurface(surface: Surface): boolean {
  return surface.kind === 'home' || surface.kind === 'collection' || surface.kind === 'cart';
}

/**
 * Owned consumables whose typical reorder interval has passed since the last purchase, with how many orders
 * of each the shopper placed within the window. Only on neutral surfaces; elsewhere nothing is ever due.
 */
export function dueConsumables(owned: Ownership, model: ShopModel, surface: Surface, now: number): Map<number, number> {
  const due = new Map<number, number>();
  if (!isNeutralSurface(surface)) return due;
  for (const [productId, { last, orders }] of owned) {
    const interval = model.reorderInterval(productId);
    if (interval !== undefined && now - last >= interval) due.set(productId, orders);
  }
  return due;
}

/**
 * Rule 1, never the owned item: nothing bought within the window, nor anything that does the same job (a
 * substitute), comes back — except a consumable whose reorder interval has passed, on a neutral surface.
 */
export function neverOwned(owned: Ownership, due: ReadonlyMap<number, number>, model: ShopModel): CandidateRule {
  const blocked = new Set<number>();
  for (const productId of owned.keys()) {
    if (due.has(productId)) continue;
    for (const id of model.catalog.substitutesOf(productId)) blocked.add(id);
  }
  // A due consumable stays eligible even when another owned product of its type is not due yet.
  for (const id of due.keys()) blocked.delete(id);
  return { name: 'never-owned', keeps: (c) => !blocked.has(c.productId) };
}
