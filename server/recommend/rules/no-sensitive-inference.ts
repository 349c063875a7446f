import type { Catalog } from '../catalog.ts';
import type { SensitiveTopic } from '../sensitive-topics.ts';
import { isHistorySource, type CandidateRule } from './candidate.ts';

/**
 * Rule 2, no sensitive inference: a product in a sensitive topic (pregnancy, health conditions, finance…) is
 * never reached from the shopper's history. It may appear only when the shopper is looking at that topic right
 * now (a product of the same topic is the page or in the cart) or declared it as something they shop for.
 * Popularity does not open the door either: a pregnancy test is nobody's "popular pick" on the home page.
 */
export function noSensitiveInference(
  catalog: Catalog,
  contextProductIds: readonly number[],
  declaredTopics: readonly SensitiveTopic[],
): CandidateRule {
  const declared = new Set(declaredTopics);
  const inView = new Set<SensitiveTopic>(declaredTopics);
  for (const id of contextProductIds) for (const topic of catalog.get(id)?.topics ?? []) inView.add(topic);
  return {
    name: 'no-sensitive-inference',
    keeps(candidate) {
      const topics = catalog.get(candidate.productId)?.topics ?? [];
      const allowed = isHistorySource(candidate.source) ? declared : inView;
      return topics.every((topic) => allowed.has(topic));
    },
  };
}
