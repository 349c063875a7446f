import type { Shopper } from '../types.ts';

/**
 * Rule 7, off means off: a shopper who turned personalization off, or whose consent does not allow it, is
 * served exactly as an anonymous visitor: nothing of theirs — orders, feedback, declared topics, impressions —
 * reaches the engine at all, so no later step can use it by mistake.
 */
export function offMeansOff(shopper: Shopper | null): Shopper | null {
  return shopper?.personalizationAllowed ? shopper : null;
}
