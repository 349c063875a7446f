import type { Pick } from '../types.ts';

/**
 * Rule 3, blend: at most `maxPersonal` of the `limit` slots come from the shopper's own data; the others come
 * from the page's context or popularity. Personal picks are dealt into positions drawn from `seed` rather than
 * stacked at one end, so neither an item nor its place says which picks are personal.
 */
export function blend(personal: readonly Pick[], general: readonly Pick[], limit: number, maxPersonal: number, seed: number): Pick[] {
  const chosenPersonal: Pick[] = [];
  const taken = new Set<number>();
  // The general picks that keep their places whatever the shopper's data says: a personal pick that is among
  // them anyway is shown as what it also is, a general pick, and spends no personal slot.
  const head = new Set<number>();
  for (const pick of general) {
    if (head.size >= limit - Math.min(maxPersonal, limit)) break;
    head.add(pick.productId);
  }
  for (const pick of personal) {
    if (chosenPersonal.length >= Math.min(maxPersonal, limit)) break;
    if (taken.has(pick.productId) || head.has(pick.productId)) continue;
    taken.add(pick.productId);
    chosenPersonal.push(pick);
  }
  const chosenGeneral: Pick[] = [];
  for (const pick of general) {
    if (chosenGeneral.length + chosenPersonal.length >= limit) break;
    if (taken.has(pick.productId)) continue;
    taken.add(pick.productId);
    chosenGeneral.push(pick);
  }
  const out = [...chosenGeneral];
  let state = seed >>> 0 || 1;
  for (const pick of chosenPersonal) {
    // xorshift32: a deterministic, well-spread position for each personal pick.
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    out.splice(state % (out.length + 1), 0, pick);
  }
  return out;
}
