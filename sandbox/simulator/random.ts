/**
 * Pure: the simulator's seeded randomness. mulberry32 — small, well mixed, and the same sequence on every machine, so
 * a seed replays a whole run (the sandbox keeps no dependency on the app's code, hence its own copy).
 */
export type Random = () => number;

export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** One of `items`, chosen by a uniform draw in [0, 1) (the same draw always chooses the same index). */
export function choose<T>(items: readonly T[], draw: number): T {
  if (items.length === 0) throw new Error('Nothing to choose from');
  return items[Math.min(items.length - 1, Math.floor(draw * items.length))]!;
}

/** 32 lowercase hex digits, as a browser's random page view id. */
export function hex32(random: Random): string {
  let text = '';
  for (let i = 0; i < 4; i++) text += Math.floor(random() * 2 ** 32).toString(16).padStart(8, '0');
  return text;
}

/** A seed of its own for shopper `index`: each shopper's draws stay the same whatever the others draw. */
export function shopperSeed(seed: number, index: number): number {
  return (Math.imul(seed >>> 0, 0x9e3779b1) ^ Math.imul(index + 1, 0x85ebca6b)) >>> 0;
}
