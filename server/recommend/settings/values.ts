/**
 * The merchant's recommendation settings (one document per shop, `shop_settings` name `recommendations`): the few
 * engine values a merchant may choose, within ranges that keep every privacy rule meaningful, and the two market
 * presets. Plain values, no zod: the admin bundles this file too. The defaults are the engine's own (DEFAULT_POLICY).
 */
import { DEFAULT_POLICY } from '../policy.ts';

export const SETTINGS_NAME = 'recommendations';

export const PRESETS = ['standard', 'strict'] as const;
export type Preset = (typeof PRESETS)[number];

/** "Share of personal picks", in percent: how far a shopper's orders may move their block from a visitor's. */
export const PERSONAL_SHARES = [0, 25, 50, 75, 100] as const;
export type PersonalShare = (typeof PERSONAL_SHARES)[number];

/** Whole-day and view ranges of each numeric setting, inclusive. */
export const RANGES = {
  frequencyCapViews: { min: 1, max: 20 },
  frequencyCapDays: { min: 1, max: 30 },
  historyWindowDays: { min: 30, max: 365 },
  eventWindowDays: { min: 7, max: 180 },
  substituteRestDays: { min: 30, max: 365 },
} as const;
export type RangedSetting = keyof typeof RANGES;

export interface RecommendationSettings {
  preset: Preset;
  personalShare: PersonalShare;
  frequencyCapViews: number;
  frequencyCapDays: number;
  historyWindowDays: number;
  eventWindowDays: number;
  substituteRestDays: number;
  /** Follow-up emails only (read by the buyer alone): a consumable they buy regularly may come back once due. */
  reorderReminders: boolean;
}

export type SettingField = keyof RecommendationSettings;

export const DEFAULT_SETTINGS: RecommendationSettings = Object.freeze({
  preset: 'standard',
  personalShare: 100,
  frequencyCapViews: DEFAULT_POLICY.frequencyCapViews,
  frequencyCapDays: DEFAULT_POLICY.frequencyCapDays,
  historyWindowDays: DEFAULT_POLICY.historyWindowDays,
  eventWindowDays: DEFAULT_POLICY.eventWindowDays,
  substituteRestDays: DEFAULT_POLICY.substituteRestDays,
  reorderReminders: false,
});

/**
 * Strict's ceilings (README, "Recommendation settings"): shorter memory, fewer repeats, a tighter bound. A Strict
 * shop may go lower, never higher. Substitutes' rest and the frequency cap's period are not capped: longer only
 * shows a shopper less.
 */
export const STRICT_CAPS = {
  historyWindowDays: 90,
  eventWindowDays: 30,
  frequencyCapViews: 3,
  personalShare: 50,
} as const satisfies Partial<Record<SettingField, number>>;
export type CappedSetting = keyof typeof STRICT_CAPS;

/** What choosing a preset fills the form with: Standard is the engine's defaults, Strict each cap at its ceiling. */
export function presetValues(preset: Preset): RecommendationSettings {
  if (preset === 'standard') return { ...DEFAULT_SETTINGS };
  return { ...DEFAULT_SETTINGS, preset: 'strict', reorderReminders: false, ...STRICT_CAPS };
}

/** The first Strict ceiling these settings pass, or null when they keep to all of them (or are Standard). */
export function strictCapBroken(settings: RecommendationSettings): { field: CappedSetting; cap: number } | null {
  if (settings.preset !== 'strict') return null;
  for (const field of Object.keys(STRICT_CAPS) as CappedSetting[]) {
    if (settings[field] > STRICT_CAPS[field]) return { field, cap: STRICT_CAPS[field] };
  }
  return null;
}
