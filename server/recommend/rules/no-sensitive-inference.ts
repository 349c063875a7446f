import type { Catalog } from '../catalog.ts';
import type { SensitiveTopic } from '../sensitive-topics.ts';
import { contextOf } from '../surface.ts';
import type { Surface } from '../types.ts';
import { isHistorySource, type CandidateRule } from './candidate.ts';

/**
 * Rule 2, no sensitive inference: a product in a sensitive topic (pregnancy, health conditions, finance…) is
 * never reached from the shopper's history. It may appear only when the shopper is looking at that topic right
 * now (a product of the same topic is the page or in the cart) or declared it as something they shop for.
 * Popularity does not open the door either: a pregnancy test is nobody's "popular pick" on the home page.
 *
 * A follow-up email's order is history, not something being looked at, with one exception: baby items are
 * sensitive when inferred, and an order holding a stroller is no inference — its care kit may follow it.
 */
export function noSensitiveInference(
  catalog: Catalog,
  surface: Surface,
  declaredTopics: readonly SensitiveTopic[],
): CandidateRule {
  const declared = new Set(declaredTopics);
  const inView = new Set<SensitiveTopic>(declaredTopics);
  for (const id of contextOf(surface)) {
    for (const topic of catalog.get(id)?.topics ?? []) if (surface.kind !== 'email' || topic === 'baby') inView.add(topic);
  }
  return {
    name: 'no-sensitive-inference',
    keeps(candidate) {
      const topics = catalog.get(candidate.productId)?.topics ?? [];
      const allowed = isHistorySource(candidate.source) ? declared : inView;
      return topics.every((topic) => allowed.has(topic));
    },
  };
}
