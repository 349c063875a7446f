/**
 * The merchant's recommendation settings as pure decisions: what the document accepts, the Strict ceilings, the
 * policy the engine runs with under them, the consequences the admin states and the facts the notice shows.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY, visitorCap } from '../../server/recommend/policy.ts';
import { consequencesOf } from '../../server/recommend/settings/consequences.ts';
import { noticeFacts } from '../../server/recommend/settings/notice-facts.ts';
import { policyFor } from '../../server/recommend/settings/policy-for.ts';
import {
  DEFAULT_SETTINGS,
  PERSONAL_SHARES,
  presetValues,
  recommendationSettingsSchema,
  settingsProblem,
  STRICT_CAPS,
  type RecommendationSettings,
} from '../../server/recommend/settings/schema.ts';

const problemOf = (value: unknown) => {
  const parsed = recommendationSettingsSchema.safeParse(value);
  if (parsed.success) throw new Error('expected the document to be refused');
  return settingsProblem(parsed.error);
};

describe('the settings document', () => {
  it('defaults to the engine\'s own policy, so a shop that saves nothing runs as before', () => {
    expect(recommendationSettingsSchema.parse(DEFAULT_SETTINGS)).toEqual(DEFAULT_SETTINGS);
    expect(policyFor(DEFAULT_SETTINGS)).toEqual(DEFAULT_POLICY);
    expect(presetValues('standard')).toEqual(DEFAULT_SETTINGS);
  });

  it('refuses values out of range, unknown shares and fields, naming the field at fault', () => {
    expect(problemOf({ ...DEFAULT_SETTINGS, frequencyCapViews: 21 })).toEqual({
      error: 'setting_invalid',
      field: 'frequencyCapViews',
      message: 'frequencyCapViews must be at most 20',
      params: { min: 1, max: 20 },
    });
    expect(problemOf({ ...DEFAULT_SETTINGS, frequencyCapDays: 0 })).toMatchObject({ field: 'frequencyCapDays' });
    expect(problemOf({ ...DEFAULT_SETTINGS, historyWindowDays: 29 })).toMatchObject({ field: 'historyWindowDays', message: 'historyWindowDays must be at least 30' });
    expect(problemOf({ ...DEFAULT_SETTINGS, eventWindowDays: 7.5 })).toMatchObject({ field: 'eventWindowDays', message: 'eventWindowDays must be a whole number' });
    expect(problemOf({ ...DEFAULT_SETTINGS, substituteRestDays: 366 })).toMatchObject({ field: 'substituteRestDays' });
    expect(problemOf({ ...DEFAULT_SETTINGS, personalShare: 60 })).toMatchObject({ field: 'personalShare', message: 'personalShare must be one of 0, 25, 50, 75, 100' });
    expect(problemOf({ ...DEFAULT_SETTINGS, preset: 'lax' })).toMatchObject({ field: 'preset' });
    expect(problemOf({ ...DEFAULT_SETTINGS, reorderReminders: 'yes' })).toMatchObject({ field: 'reorderReminders' });
    expect(problemOf({ ...DEFAULT_SETTINGS, tracking: true })).toMatchObject({ error: 'settings_invalid', field: null });
    expect(problemOf(null)).toMatchObject({ error: 'settings_invalid', field: null });
  });

  it('Strict fills the form with its ceilings and refuses anything above one of them, with the field and its cap', () => {
    const strict = presetValues('strict');
    expect(strict).toMatchObject({ preset: 'strict', historyWindowDays: 90, eventWindowDays: 30, frequencyCapViews: 3, personalShare: 50, reorderReminders: false });
    expect(recommendationSettingsSchema.parse(strict)).toEqual(strict);
    expect(recommendationSettingsSchema.parse({ ...strict, historyWindowDays: 30, personalShare: 0 })).toMatchObject({ historyWindowDays: 30 });
    for (const [field, cap] of Object.entries(STRICT_CAPS)) {
      const over = field === 'personalShare' ? 75 : cap + 1;
      expect(problemOf({ ...strict, [field]: over })).toEqual({ error: 'strict_cap', field, message: `Strict allows ${field} up to ${cap}`, params: { cap } });
      // The same value is fine under Standard.
      expect(recommendationSettingsSchema.safeParse({ ...strict, preset: 'standard', [field]: over }).success).toBe(true);
    }
  });
});

describe('the policy under the settings', () => {
  it('maps the share of personal picks onto the deniability bound: r = 1 + share × (r₀ − 1)', () => {
    const ratios = PERSONAL_SHARES.map((personalShare) => policyFor({ ...DEFAULT_SETTINGS, personalShare }).deniabilityRatio);
    expect(ratios).toEqual([1, 1.25, 1.5, 1.75, 2]);
  });

  it('carries every window and cap, and leaves what the model is fitted with alone', () => {
    const settings: RecommendationSettings = { ...DEFAULT_SETTINGS, frequencyCapViews: 2, frequencyCapDays: 7, historyWindowDays: 60, eventWindowDays: 20, substituteRestDays: 45 };
    const policy = policyFor(settings);
    expect(policy).toMatchObject({ frequencyCapViews: 2, frequencyCapDays: 7, historyWindowDays: 60, eventWindowDays: 20, substituteRestDays: 45 });
    expect({ ...policy, frequencyCapViews: 6, frequencyCapDays: 14, historyWindowDays: 180, eventWindowDays: 60, substituteRestDays: 180 }).toEqual(DEFAULT_POLICY);
  });

  it('keeps a visitor pick possible at every share: below r = 2 the cap tightens, at r = 1 nobody is personal', () => {
    expect(visitorCap(policyFor({ ...DEFAULT_SETTINGS, personalShare: 50 }))).toBeCloseTo(1 / 3, 12);
    expect(visitorCap(policyFor({ ...DEFAULT_SETTINGS, personalShare: 25 }))).toBeCloseTo(0.2, 12);
    expect(visitorCap(policyFor({ ...DEFAULT_SETTINGS, personalShare: 0 }))).toBe(1 / DEFAULT_POLICY.poolPerPick);
  });
});

describe('what the admin and the notice say', () => {
  it('states the consequences from the values the engine will run with', () => {
    const c = consequencesOf({ ...DEFAULT_SETTINGS, personalShare: 50, frequencyCapViews: 4, frequencyCapDays: 10 });
    expect(c.share).toEqual({ ratio: 1.5, sameForEveryone: false, productsPerPick: 3 });
    expect(c.frequencyCap).toEqual({ views: 4, days: 10 });
    expect(c.impressionDays).toBe(10);
    expect(consequencesOf(DEFAULT_SETTINGS).share).toEqual({ ratio: 2, sameForEveryone: false, productsPerPick: 2 });
    expect(consequencesOf({ ...DEFAULT_SETTINGS, personalShare: 25 }).share.productsPerPick).toBe(5);
    expect(consequencesOf({ ...DEFAULT_SETTINGS, personalShare: 0 }).share).toEqual({ ratio: 1, sameForEveryone: true, productsPerPick: 2 });
    expect(consequencesOf(presetValues('strict')).explicitConsentOnly).toBe(true);
  });

  it('gives the notice the saved values, and drops "your orders" and reminders when no pick is personal', () => {
    expect(noticeFacts(DEFAULT_SETTINGS)).toEqual({
      historyDays: 180,
      impressionDays: 14,
      deniabilityRatio: 2,
      ordersUsed: true,
      sameForEveryone: false,
      reorderReminders: false,
      explicitConsentOnly: false,
    });
    expect(noticeFacts({ ...DEFAULT_SETTINGS, reorderReminders: true, frequencyCapDays: 7 })).toMatchObject({ reorderReminders: true, impressionDays: 7 });
    expect(noticeFacts({ ...DEFAULT_SETTINGS, personalShare: 0, reorderReminders: true })).toMatchObject({
      ordersUsed: false,
      sameForEveryone: true,
      reorderReminders: false,
      deniabilityRatio: 1,
    });
    expect(noticeFacts(presetValues('strict'))).toMatchObject({ explicitConsentOnly: true, historyDays: 90, deniabilityRatio: 1.5 });
  });
});
