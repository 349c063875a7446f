import { createHmac, randomBytes } from 'node:crypto';
import { DAY_MS } from '../recommend/policy.ts';
import { pageKey } from '../recommend/surface.ts';
import type { Surface } from '../recommend/types.ts';

/**
 * Seeds for the engine's draws (server/recommend/pool/systematic-draw.ts).
 * - A visitor's block is a fresh draw each time it is computed: what an observer learns by loading the page as a
 *   visitor again and again is the pool's probabilities, which are public by design.
 * - A shopper's block on one page is one draw per day, from an HMAC under a server key: reloading the page does
 *   not hand an observer a new sample (the bound composes over days, not page loads, README "Recommendations"),
 *   and without the key nobody can replay the draw.
 */
export class DrawSeeds {
  constructor(private readonly key: Buffer = randomBytes(32)) {}

  visitor(): number {
    return randomBytes(4).readUInt32LE(0);
  }

  shopper(shop: string, customerId: number, surface: Surface, now: number): number {
    const day = Math.floor(now / DAY_MS);
    return createHmac('sha256', this.key).update(`${shop}\n${customerId}\n${pageKey(surface)}\n${day}`).digest().readUInt32LE(0);
  }
}
