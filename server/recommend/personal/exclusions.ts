import type { ShopModel } from '../model/shop-model.ts';
import { RelevanceFloor } from '../pool/relevance-floor.ts';
import type { CandidateRule } from '../rules/candidate.ts';
import { pastEvents, type Ownership } from '../rules/decay-and-stop.ts';
import { frequencyCap } from '../rules/frequency-cap.ts';
import { neverOwned, substitutesRest } from '../rules/never-owned.ts';
import { notForMe } from '../rules/not-for-me.ts';
import type { Shopper } from '../types.ts';

/**
 * The rules that take products out of one shopper's draw (their probability becomes 0): owned at any age and
 * resting substitutes (rule 1), complements of an event whose window has passed (rule 4), resting after the
 * frequency cap (rule 5), dismissed (rule 6). The page's own rules (substitutes of the page, sensitive topics)
 * already shaped the pool. Hard rules first: an exclusion is recorded under the first rule that removes it.
 */
export function exclusionRules(model: ShopModel, shopper: Shopper, owned: Ownership, due: ReadonlyMap<number, number>, now: number): CandidateRule[] {
  const { policy, catalog } = model;
  return [
    neverOwned(owned, due),
    notForMe(shopper.feedback, catalog),
    substitutesRest(owned, due, model, now, policy),
    eventEchoes(model, pastEvents(owned, now, policy, (id) => model.isEventPurchase(id))),
    frequencyCap(shopper.recentImpressions, policy),
  ];
}

/**
 * Rule 4's stop: once an event purchase's window has passed, nothing that goes with it (bought with it, a
 * catalog complement, another of its kind) is shown to its buyer — after the wedding, nothing bridal.
 */
function eventEchoes(model: ShopModel, events: readonly number[]): CandidateRule {
  if (events.length === 0) return { name: 'decay-and-stop', yields: true, keeps: () => true };
  const floor = new RelevanceFloor(model, events);
  const kin = new Set(events.flatMap((id) => model.catalog.substitutesOf(id)));
  return { name: 'decay-and-stop', yields: true, keeps: (c) => !kin.has(c.productId) && !floor.admits(c.productId) };
}
