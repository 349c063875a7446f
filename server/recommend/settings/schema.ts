/**
 * The settings document's validation, on write (the API) and on read (storage): values.ts says what is allowed.
 */
import { z } from 'zod';
import { PERSONAL_SHARES, PRESETS, RANGES, STRICT_CAPS, strictCapBroken, type RangedSetting, type RecommendationSettings } from './values.ts';

export * from './values.ts';

const whole = (field: RangedSetting) =>
  z
    .number({ error: `${field} must be a number` })
    .int({ error: `${field} must be a whole number` })
    .min(RANGES[field].min, { error: `${field} must be at least ${RANGES[field].min}` })
    .max(RANGES[field].max, { error: `${field} must be at most ${RANGES[field].max}` });

/** The document as stored and as the admin sends it: every field, nothing else. */
export const recommendationSettingsSchema = z
  .strictObject({
    preset: z.enum(PRESETS, { error: 'preset must be "standard" or "strict"' }),
    personalShare: z.literal(PERSONAL_SHARES, { error: `personalShare must be one of ${PERSONAL_SHARES.join(', ')}` }),
    frequencyCapViews: whole('frequencyCapViews'),
    frequencyCapDays: whole('frequencyCapDays'),
    historyWindowDays: whole('historyWindowDays'),
    eventWindowDays: whole('eventWindowDays'),
    substituteRestDays: whole('substituteRestDays'),
    reorderReminders: z.boolean({ error: 'reorderReminders must be true or false' }),
  })
  .superRefine((settings, ctx) => {
    const broken = strictCapBroken(settings as RecommendationSettings);
    if (broken) {
      ctx.addIssue({ code: 'custom', path: [broken.field], message: `Strict allows ${broken.field} up to ${broken.cap}`, params: { strictCap: broken.cap } });
    }
  });

/** A refused document, as the API answers it (400): a stable code, the first field at fault, and why. */
export interface SettingsProblem {
  error: 'strict_cap' | 'setting_invalid' | 'settings_invalid';
  message: string;
  field: string | null;
  /** What the admin's wording fills in: Strict's ceiling (`cap`), a field's range (`min`, `max`). */
  params?: Record<string, number>;
}

export function settingsProblem(error: z.ZodError): SettingsProblem {
  const issue = error.issues[0];
  const field = issue && issue.path.length > 0 ? String(issue.path[0]) : null;
  if (issue?.code === 'custom' && field && field in STRICT_CAPS) {
    return { error: 'strict_cap', message: issue.message, field, params: { cap: STRICT_CAPS[field as keyof typeof STRICT_CAPS] } };
  }
  if (!issue || field === null) return { error: 'settings_invalid', message: issue?.message ?? 'Send the whole settings document.', field: null };
  const range = field in RANGES ? RANGES[field as RangedSetting] : null;
  return { error: 'setting_invalid', message: issue.message, field, ...(range ? { params: { min: range.min, max: range.max } } : {}) };
}
