/**
 * The Recommendations page's settings card, as pure functions: what each control's consequence says (from the
 * numbers the engine will run with: server/recommend/settings/consequences.ts) and what the form refuses before
 * the server does. The server checks everything again (PUT /api/recommendations/settings; recommendation-settings-api.ts).
 * No I/O here, so tests can read it.
 */
import type { TFunction } from 'i18next';
import { consequencesOf } from '../../server/recommend/settings/consequences.ts';
import {
  PERSONAL_SHARES,
  RANGES,
  STRICT_CAPS,
  type CappedSetting,
  type RangedSetting,
  type RecommendationSettings,
  type SettingField,
} from '../../server/recommend/settings/values.ts';

export { DEFAULT_SETTINGS, PERSONAL_SHARES, presetValues, RANGES, STRICT_CAPS } from '../../server/recommend/settings/values.ts';
export type { Preset, RecommendationSettings, SettingField } from '../../server/recommend/settings/values.ts';

/** The card's words: the `recommendations` namespace of the admin's language (tests pass English's). */
export type SettingsWords = TFunction<'recommendations'>;

/** "14 days", "once", "6 views", "1.5×", "50 %" in the merchant's language (numbers by Intl, through i18next). */
export function units(t: SettingsWords) {
  return {
    days: (count: number) => t('units.days', { count }),
    times: (count: number) => t('units.times', { count }),
    views: (count: number) => t('units.views', { count }),
    ratio: (value: number) => t('units.ratio', { value }),
    percent: (value: number) => t('units.percent', { value }),
  };
}

/** Each control's consequence, in the merchant's words, for these values (valid ones: see settingsErrors). */
export function consequenceWords(settings: RecommendationSettings, t: SettingsWords): Record<SettingField, string> {
  const c = consequencesOf(settings);
  const u = units(t);
  const share = c.share.sameForEveryone
    ? t('settings.consequences.shareNone')
    : t('settings.consequences.share', { share: u.percent(settings.personalShare), ratio: u.ratio(c.share.ratio), perPick: t('units.number', { value: c.share.productsPerPick }) });
  return {
    preset:
      settings.preset === 'strict'
        ? t('settings.consequences.strict', {
            history: u.days(STRICT_CAPS.historyWindowDays),
            event: u.days(STRICT_CAPS.eventWindowDays),
            views: u.views(STRICT_CAPS.frequencyCapViews),
            share: u.percent(STRICT_CAPS.personalShare),
          })
        : t('settings.consequences.standard'),
    personalShare: share,
    frequencyCapViews: t('settings.consequences.frequencyCapViews', { times: u.times(c.frequencyCap.views), days: u.days(c.frequencyCap.days) }),
    frequencyCapDays: t('settings.consequences.frequencyCapDays', { days: u.days(c.impressionDays) }),
    historyWindowDays: t('settings.consequences.historyWindowDays', { days: u.days(c.historyDays) }),
    eventWindowDays: t('settings.consequences.eventWindowDays', { days: u.days(c.eventDays) }),
    substituteRestDays: t('settings.consequences.substituteRestDays', { days: u.days(c.substituteRestDays) }),
    reorderReminders: settings.reorderReminders
      ? c.reorderReminders
        ? t('settings.consequences.remindersOn')
        : t('settings.consequences.remindersNoEffect')
      : t('settings.consequences.remindersOff'),
  };
}

/** What the form refuses, by field, in the merchant's words (empty when the values may be saved). */
export function settingsErrors(settings: RecommendationSettings, t: SettingsWords): Partial<Record<SettingField, string>> {
  const u = units(t);
  const errors: Partial<Record<SettingField, string>> = {};
  for (const field of Object.keys(RANGES) as RangedSetting[]) {
    const value = settings[field];
    const { min, max } = RANGES[field];
    if (!Number.isInteger(value) || value < min || value > max) errors[field] = t('settings.problems.range', { min, max });
  }
  if (!(PERSONAL_SHARES as readonly number[]).includes(settings.personalShare)) {
    errors.personalShare = t('settings.problems.share', { shares: PERSONAL_SHARES.map(u.percent).join(', ') });
  }
  if (settings.preset === 'strict') {
    for (const field of Object.keys(STRICT_CAPS) as CappedSetting[]) {
      if (errors[field] || !(settings[field] > STRICT_CAPS[field])) continue;
      errors[field] = t('settings.problems.strictCap', { cap: capText(field, STRICT_CAPS[field], t) });
    }
  }
  return errors;
}

/** A ceiling in its field's unit: "90 days", "3 views", "50 %". */
export function capText(field: CappedSetting, cap: number, t: SettingsWords): string {
  const u = units(t);
  return field === 'personalShare' ? u.percent(cap) : field === 'frequencyCapViews' ? u.views(cap) : u.days(cap);
}
