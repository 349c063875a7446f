/**
 * Whether a due follow-up goes out now, waits, or is dropped for good. Pure: the worker reads the situation
 * (order, buyer, persona, settings, past sends, the current instant) and acts on the answer.
 *
 * The order of the checks is the policy:
 *  1. Facts that make the mail wrong for good (cancelled, refunded, consent gone, no address) → skip. They are
 *     checked even before the mail is due, so a job ends as soon as it can never be sent.
 *  2. Not due yet → wait until due. Everything that can change with time is judged when the mail would go out.
 *  3. Too late to help (more than MAX_LATENESS_MS after it was due) → skip 'stale'.
 *  4. Merchant-side blocks (flow off, persona unverified) → wait and look again in RECHECK_AFTER_MS.
 *  5. Outside the window or on an avoided day, in the buyer's zone → wait until the next sendable instant.
 *  6. The per-customer cap, judged at the instant of sending → skip if it would be exceeded.
 *  7. The order is in the holdout → skip 'holdout': exactly the mails that would have gone, kept back to compare.
 *  8. Otherwise → send.
 */
import { DAY_MS, HOUR_MS } from './local-time.ts';
import { nextSendTime, resolveSendTimeZone, windowStatus } from './send-time.ts';
import type { FlowSettings } from './settings.ts';

/**
 * Why a follow-up will never go out. decideSend itself only waits on 'flow-off' and 'persona-unverified'; they
 * stay in the type for a worker that ends jobs for those reasons (a flow deleted, a persona removed).
 */
export type SkipReason =
  | 'flow-off'
  | 'persona-unverified'
  | 'not-subscribed'
  | 'cancelled'
  | 'refunded'
  | 'cap'
  | 'no-email'
  | 'stale'
  /** Would have been sent, and its order is in the holdout that measures what follow-ups add (README, Analytics). */
  | 'holdout';

export type WaitReason = 'not-due' | 'outside-window' | 'avoided-day' | 'persona-unverified' | 'flow-off';

export type SendDecision =
  | { kind: 'send' }
  | { kind: 'wait'; until: number; reason: WaitReason }
  | { kind: 'skip'; reason: SkipReason };

export interface SendSituation {
  now: number;
  /**
   * When the mail first became due: fulfilledAt + delayDays (earliestDueAt) or firstSendTime. Recompute it from the
   * order rather than passing a retry time a previous 'wait' produced, or the staleness limit would never be
   * reached: it is measured from this instant.
   */
  dueAt: number;
  settings: FlowSettings;
  personaVerified: boolean;
  order: { cancelled: boolean; fullyRefunded: boolean };
  customer: { subscribed: boolean; hasEmail: boolean; timeZone: string | null };
  shopTimeZone: string;
  /** When this customer was sent follow-ups before (ms), any order. */
  previousSends: readonly number[];
  /** The order is in the follow-up holdout (analytics/holdout.ts): judged last, so the holdout holds only mails that would have gone. */
  heldOut?: boolean;
}

/**
 * How soon to look again when the merchant has to act (turn the flow on, verify the persona): soon enough that
 * the mail follows the fix within the hour, rare enough that a paused shop costs one cheap check an hour per job.
 */
export const RECHECK_AFTER_MS = HOUR_MS;

/**
 * A follow-up more than two weeks past its due time is dropped ('stale'): "how is the order going?" a month after
 * delivery reads as automation, not as a person who cared. This bounds the backlog a paused flow or an unverified
 * persona can build up (turning the flow back on after a month does not flood buyers with old mails), and the
 * time a job can live. Two weeks is longer than any window wait (at most a week of avoided days), so valid
 * settings alone never make a mail stale.
 */
export const MAX_LATENESS_MS = 14 * DAY_MS;

export function decideSend(situation: SendSituation): SendDecision {
  const { now, dueAt, settings, order, customer } = situation;

  // 1. For good. A cancellation is final in Shopify, and a fully refunded order has nothing left to ask about.
  // An unsubscribe after the purchase is the buyer's answer about this mail: a later re-subscription (to the
  // newsletter) is not a request for a follow-up about an old order. Without an address there is nobody to write to.
  if (order.cancelled) return skip('cancelled');
  if (order.fullyRefunded) return skip('refunded');
  if (!customer.subscribed) return skip('not-subscribed');
  if (!customer.hasEmail) return skip('no-email');

  // 2. Before the due time nothing else is worth judging: the flow may be back on, the persona verified, the window
  // open and the cap free by then.
  if (now < dueAt) return wait(dueAt, 'not-due');

  // 3. Also ends jobs that would otherwise wait forever on a flow that stays off.
  const staleAfter = dueAt + MAX_LATENESS_MS;
  if (now > staleAfter) return skip('stale');

  // 4. Waits, not skips: the merchant pausing the flow or finishing the persona's verification should not lose
  // the buyers in between, within the staleness limit. The flow switch comes first as the broader reason.
  if (!settings.enabled) return wait(now + RECHECK_AFTER_MS, 'flow-off');
  if (!situation.personaVerified) return wait(now + RECHECK_AFTER_MS, 'persona-unverified');

  // 5. Quiet hours are the buyer's: their zone when Tacto has a guess, else the shop's.
  const timeZone = resolveSendTimeZone(customer.timeZone, situation.shopTimeZone);
  const status = windowStatus(now, timeZone, settings);
  if (status !== 'open') {
    const until = nextSendTime(now, timeZone, settings);
    // Never wait for an instant at which the mail would be stale anyway.
    return until > staleAfter ? skip('stale') : wait(until, status);
  }

  // 6. Judged now, when the mail would leave, not at scheduling: a send 29 days ago blocks today and not next week.
  if (capReached(now, settings, situation.previousSends)) return skip('cap');

  // 7. Last, so that the held-back orders are a random share of the orders that would have had a mail.
  if (situation.heldOut) return skip('holdout');

  return { kind: 'send' };
}

/**
 * Whether one more mail now would put more than `capCount` mails in some `capDays`-long window. Every such window
 * that contains now spans less than capDays on either side of it, so the sends that count are those strictly
 * within capDays of now; sends stamped after now (another worker's clock) count too, to stay on the safe side.
 * A send exactly capDays ago no longer counts: "1 per 30 days" allows day 0 and day 30.
 *
 * Reaching the cap skips rather than waits: by the time the cap frees up, the follow-up about this order would be
 * weeks late, and the cap exists because the buyer already heard from the store recently.
 */
export function capReached(now: number, settings: FlowSettings, previousSends: readonly number[]): boolean {
  const span = settings.capDays * DAY_MS;
  const counted = previousSends.filter((sentAt) => Math.abs(now - sentAt) < span).length;
  return counted + 1 > settings.capCount;
}

function skip(reason: SkipReason): SendDecision {
  return { kind: 'skip', reason };
}

function wait(until: number, reason: WaitReason): SendDecision {
  return { kind: 'wait', until, reason };
}
