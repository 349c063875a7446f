import { DEFAULT_POLICY, type RecommendPolicy } from '../policy.ts';
import type { RecommendationSettings } from './schema.ts';

/**
 * The engine's policy under a shop's settings. "Share of personal picks" is the deniability bound itself, scaled
 * between "none" and the engine's default: r = 1 + share × (r₀ − 1). At 100 % a shopper's orders may make a
 * product up to r₀ times as likely as for a visitor; at 0 % r = 1, and a shopper is served exactly as a visitor
 * (the service does not even read their orders: see servesShoppersPersonally in policy.ts).
 */
export function policyFor(settings: RecommendationSettings, base: RecommendPolicy = DEFAULT_POLICY): RecommendPolicy {
  return {
    ...base,
    deniabilityRatio: deniabilityRatioFor(settings.personalShare, base),
    frequencyCapViews: settings.frequencyCapViews,
    frequencyCapDays: settings.frequencyCapDays,
    historyWindowDays: settings.historyWindowDays,
    eventWindowDays: settings.eventWindowDays,
    substituteRestDays: settings.substituteRestDays,
  };
}

export function deniabilityRatioFor(personalShare: number, base: RecommendPolicy = DEFAULT_POLICY): number {
  return 1 + (personalShare / 100) * (base.deniabilityRatio - 1);
}
