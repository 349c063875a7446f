import type { Catalog } from '../catalog.ts';
import type { SensitiveTopic } from '../sensitive-topics.ts';
import { contextOf } from '../surface.ts';
import type { Surface } from '../types.ts';
import type { CandidateRule } from './candidate.ts';

/**
 * Rule 2, no sensitive inference: a product in a sensitive topic (pregnancy, health conditions, finance…) is in a
 * page's pool only when the page is about that topic right now (a product of the same topic is the page or in
 * the cart). The pool is the same for every visitor and shopper, so nobody's history or the store's popularity
 * ever opens the door: a pregnancy test is nobody's "popular pick" on the home page. A shopper's declared
 * topics only tilt the draw among what the page already offers.
 *
 * A follow-up email's order is history, not something being looked at, with one exception: baby items are
 * sensitive when inferred, and an order holding a stroller is no inference — its care kit may follow it.
 */
export function noSensitiveInference(catalog: Catalog, surface: Surface): CandidateRule {
  const inView = new Set<SensitiveTopic>();
  for (const id of contextOf(surface)) {
    for (const topic of catalog.get(id)?.topics ?? []) if (surface.kind !== 'email' || topic === 'baby') inView.add(topic);
  }
  return {
    name: 'no-sensitive-inference',
    keeps: (candidate) => (catalog.get(candidate.productId)?.topics ?? []).every((topic) => inView.has(topic)),
  };
}
