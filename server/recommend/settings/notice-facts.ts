import { policyFor } from './policy-for.ts';
import type { RecommendationSettings } from './schema.ts';

/**
 * What the storefront notice says about this shop, from its saved settings: the one place that decides it, so the
 * storefront (GET /proxy/preferences → tacto.js) and the admin's Privacy page show the same notice.
 */
export interface NoticeFacts {
  /** Orders older than this no longer shape picks. */
  historyDays: number;
  /** Impressions kept for the frequency cap, then deleted. */
  impressionDays: number;
  /** The deniability bound r (1 when no pick is personal). */
  deniabilityRatio: number;
  /** Whether "Your orders" is in the notice's list of what is used. False at a share of 0 %. */
  ordersUsed: boolean;
  /** Share 0 %: the notice says suggestions are the same for everyone. */
  sameForEveryone: boolean;
  /** The line about a follow-up email that may remind the buyer to restock. */
  reorderReminders: boolean;
  /** Strict: the line saying suggestions are personal only after a yes to preference cookies. */
  explicitConsentOnly: boolean;
}

export function noticeFacts(settings: RecommendationSettings): NoticeFacts {
  const policy = policyFor(settings);
  const sameForEveryone = settings.personalShare === 0;
  return {
    historyDays: policy.historyWindowDays,
    impressionDays: policy.frequencyCapDays,
    deniabilityRatio: policy.deniabilityRatio,
    ordersUsed: !sameForEveryone,
    sameForEveryone,
    // Reminders come from the buyer's own orders: with no personal picks there are none to send.
    reorderReminders: settings.reorderReminders && !sameForEveryone,
    explicitConsentOnly: settings.preset === 'strict',
  };
}
