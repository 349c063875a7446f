import type { Catalog } from '../catalog.ts';
import type { Feedback } from '../types.ts';
import type { CandidateRule } from './candidate.ts';

/**
 * Rule 6, "not for me": the item the shopper dismissed never comes back to them. "Too personal" goes further:
 * its whole category (same type or taxonomy leaf) and any sensitive topic it touches are suppressed for them.
 */
export function notForMe(feedback: readonly Feedback[], catalog: Catalog): CandidateRule {
  const blocked = new Set<number>();
  const topics = new Set<string>();
  for (const f of feedback) {
    blocked.add(f.productId);
    if (f.reason !== 'too-personal') continue;
    for (const id of catalog.substitutesOf(f.productId)) blocked.add(id);
    for (const topic of catalog.get(f.productId)?.topics ?? []) topics.add(topic);
  }
  return {
    name: 'not-for-me',
    keeps: (c) => !blocked.has(c.productId) && !(catalog.get(c.productId)?.topics ?? []).some((t) => topics.has(t)),
  };
}
