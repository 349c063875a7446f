import { DEFAULT_POLICY, visitorCap } from '../policy.ts';
import { policyFor } from './policy-for.ts';
import type { RecommendationSettings } from './schema.ts';

/**
 * What each setting does, as numbers the admin puts into words beside its control. Computed from the same policy
 * the engine will run with, so the words cannot promise more (or less) than the picks do.
 */
export interface SettingConsequences {
  share: {
    /** The deniability bound r under this share: presence and absence at most r times as likely as for a visitor. */
    ratio: number;
    /** Share 0: every shopper gets a visitor's block; their orders are not read for picks. */
    sameForEveryone: boolean;
    /** A block needs this many eligible products on the page per pick (1 / the visitor cap). */
    productsPerPick: number;
  };
  /** A product seen `views` times within `days` days rests until its oldest showing is `days` days old. */
  frequencyCap: { views: number; days: number };
  /** Orders older than this stop shaping picks (they still keep what was bought away). */
  historyDays: number;
  /** An event purchase (a wedding dress) shapes picks for this long; then nothing that goes with it is shown. */
  eventDays: number;
  /** After a purchase, products doing the same job rest this long. */
  substituteRestDays: number;
  /** Impressions are kept this long, for the frequency cap and nothing else. */
  impressionDays: number;
  /** Follow-up emails may bring back a consumable the buyer reorders, once its usual interval has passed. */
  reorderReminders: boolean;
  /** Strict: personalized only after an explicit yes to preference cookies. */
  explicitConsentOnly: boolean;
}

export function consequencesOf(settings: RecommendationSettings): SettingConsequences {
  const policy = policyFor(settings, DEFAULT_POLICY);
  const sameForEveryone = settings.personalShare === 0;
  return {
    share: {
      ratio: policy.deniabilityRatio,
      sameForEveryone,
      productsPerPick: round2(1 / Math.min(visitorCap(policy), 1 / policy.poolPerPick)),
    },
    frequencyCap: { views: policy.frequencyCapViews, days: policy.frequencyCapDays },
    historyDays: policy.historyWindowDays,
    eventDays: policy.eventWindowDays,
    substituteRestDays: policy.substituteRestDays,
    impressionDays: policy.frequencyCapDays,
    // Reminders come from the buyer's own orders: with no personal picks there are none to send.
    reorderReminders: settings.reorderReminders && !sameForEveryone,
    explicitConsentOnly: settings.preset === 'strict',
  };
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}
