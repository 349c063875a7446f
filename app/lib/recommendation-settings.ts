/**
 * The Recommendations page's settings card, as pure functions: what each control's consequence says (from the
 * numbers the engine will run with: server/recommend/settings/consequences.ts) and what the form refuses before
 * the server does. The server checks everything again (PUT /api/recommendations/settings; recommendation-settings-api.ts).
 * No I/O here, so tests can read it.
 */
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

const times = (x: number) => `${Number.isInteger(x) ? x : x.toFixed(2).replace(/0$/, '')}×`;
const days = (n: number) => (n === 1 ? '1 day' : `${n} days`);
const views = (n: number) => (n === 1 ? 'once' : `${n} times`);

/** Each control's consequence, in the merchant's words, for these values (valid ones: see settingsErrors). */
export function consequenceWords(settings: RecommendationSettings): Record<SettingField, string> {
  const c = consequencesOf(settings);
  const share = c.share.sameForEveryone
    ? 'At 0 %: every shopper sees exactly what a visitor sees. Their orders are not read for suggestions, and nothing they are shown is kept.'
    : `At ${settings.personalShare} %: for a shopper, a product is at most ${times(c.share.ratio)} as likely to appear — and at most ${times(c.share.ratio)} as likely to be missing — as for a visitor. A block needs ${c.share.productsPerPick} related products per pick, so a page with few of them shows fewer picks.`;
  return {
    preset:
      settings.preset === 'strict'
        ? `Strict: suggestions are personal only for shoppers who said yes to preference cookies (not merely allowed because no banner is shown). Ceilings: orders ${STRICT_CAPS.historyWindowDays} days, one-off purchases ${STRICT_CAPS.eventWindowDays} days, ${STRICT_CAPS.frequencyCapViews} views, ${STRICT_CAPS.personalShare} % personal.`
        : 'Standard: suggestions are personal for logged-in shoppers whose privacy choices allow it.',
    personalShare: share,
    frequencyCapViews: `A product a shopper saw ${views(c.frequencyCap.views)} within ${days(c.frequencyCap.days)} rests until the oldest of those views is ${days(c.frequencyCap.days)} old; another related product takes its place.`,
    frequencyCapDays: `What each shopper was shown is kept ${days(c.impressionDays)} for this count, then deleted. The notice tells shoppers so.`,
    historyWindowDays: `Orders older than ${days(c.historyDays)} stop shaping picks; they still keep what was bought away.`,
    eventWindowDays: `A one-off purchase, such as a wedding dress, shapes picks for ${days(c.eventDays)}; after that, nothing that goes with it is shown to that shopper.`,
    substituteRestDays: `After a purchase, products that do the same job rest for ${days(c.substituteRestDays)}. The product itself never comes back.`,
    reorderReminders: settings.reorderReminders
      ? c.reorderReminders
        ? 'A follow-up email may suggest something the buyer orders regularly again, once they would usually run out. Only the buyer reads it; storefront blocks never do this.'
        : 'No effect at 0 % personal picks: reminders come from the buyer’s own orders.'
      : 'Nothing a shopper bought comes back, not even in a follow-up email.',
  };
}

/** What the form refuses, by field, in the merchant's words (empty when the values may be saved). */
export function settingsErrors(settings: RecommendationSettings): Partial<Record<SettingField, string>> {
  const errors: Partial<Record<SettingField, string>> = {};
  for (const field of Object.keys(RANGES) as RangedSetting[]) {
    const value = settings[field];
    const { min, max } = RANGES[field];
    if (!Number.isInteger(value) || value < min || value > max) errors[field] = `Enter a whole number from ${min} to ${max}.`;
  }
  if (!(PERSONAL_SHARES as readonly number[]).includes(settings.personalShare)) errors.personalShare = `Choose one of ${PERSONAL_SHARES.join(', ')} %.`;
  if (settings.preset === 'strict') {
    for (const field of Object.keys(STRICT_CAPS) as CappedSetting[]) {
      if (errors[field] || !(settings[field] > STRICT_CAPS[field])) continue;
      const unit = field === 'personalShare' ? ' %' : field === 'frequencyCapViews' ? ' views' : ' days';
      errors[field] = `Strict allows at most ${STRICT_CAPS[field]}${unit}. Lower it, or choose Standard.`;
    }
  }
  return errors;
}
