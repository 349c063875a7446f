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
  for (const [productId, last] of owned.last) {
    const interval = model.reorderInterval(productId);
    if (interval !== undefined && now - last >= interval) due.set(productId, owned.orders.get(productId)!);
  }
  return due;
}

/**
 * Rule 1, never the owned item: nothing bought within the window, nor anything that does the same job (a
 * substitute), comes back — except a consumable whose reorder interval has passed, on a neutral surface, when
 * the caller asked for reorder reminders (`due`).
 */
export function neverOwned(owned: Ownership, due: ReadonlyMap<number, number>, model: ShopModel): CandidateRule {
  // Owned products themselves are looked up in `owned`; only other products doing the same job are collected.
  const substitutes = new Set<number>();
  for (const productId of owned.last.keys()) {
    if (due.has(productId)) continue;
    for (const id of model.catalog.substitutesOf(productId)) if (id !== productId) substitutes.add(id);
  }
  // A due consumable stays eligible even when another owned product of its type is not due yet.
  const blocked = (id: number) => !due.has(id) && (owned.last.has(id) || substitutes.has(id));
  return { name: 'never-owned', keeps: (c) => !blocked(c.productId) };
}
