import { Banner, BlockStack, Button, Card, Checkbox, FormLayout, InlineStack, Select, Text, TextField } from '@shopify/polaris';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../i18n/error-text.ts';
import { ApiError } from '../lib/api.ts';
import { loadRecommendationSettings, saveRecommendationSettings } from '../lib/recommendation-settings-api.ts';
import {
  capText,
  consequenceWords,
  PERSONAL_SHARES,
  presetValues,
  RANGES,
  settingsErrors,
  STRICT_CAPS,
  type Preset,
  type RecommendationSettings,
  type SettingField,
} from '../lib/recommendation-settings.ts';

/** A whole number typed in a field; NaN while the field is empty or not a number (the field then says why). */
const wholeNumber = (value: string) => (value.trim() === '' ? Number.NaN : Number(value));
const shown = (value: number) => (Number.isFinite(value) ? String(value) : '');

const NUMBER_FIELDS = ['frequencyCapViews', 'frequencyCapDays', 'historyWindowDays', 'eventWindowDays', 'substituteRestDays'] as const satisfies (keyof typeof RANGES)[];

/**
 * The merchant's recommendation settings: the market preset, the share of personal picks, the frequency cap and
 * the windows, reorder reminders — each with what it does stated beside it, computed from the values in the form.
 * Choosing a preset fills the form with its values. Saved settings apply from the next page a shopper opens.
 */
export function RecommendationSettingsCard({ onSaved }: { onSaved?: (settings: RecommendationSettings) => void }) {
  const { t, i18n } = useTranslation('recommendations');
  const [saved, setSaved] = useState<RecommendationSettings | null>(null);
  const [draft, setDraft] = useState<RecommendationSettings | null>(null);
  const [serverError, setServerError] = useState<{ field: string | null; error: unknown; fallback: 'unreadable' | 'unsaved' } | null>(null);
  const [saving, setSaving] = useState(false);
  const [done, setDone] = useState(false);

  useEffect(() => {
    loadRecommendationSettings().then(
      (settings) => {
        setSaved(settings);
        setDraft(settings);
        onSaved?.(settings);
      },
      (error: unknown) => setServerError({ field: null, error, fallback: 'unreadable' }),
    );
    // Loaded once; onSaved is the page's state setter.
  }, []);

  /** The server's refusal in the merchant's words: a Strict ceiling names its unit, anything else its code. */
  const serverMessage = (problem: NonNullable<typeof serverError>): string => {
    const { error, field } = problem;
    if (error instanceof ApiError && error.code === 'strict_cap' && field && field in STRICT_CAPS && typeof error.params.cap === 'number') {
      return t('settings.problems.strictCap', { cap: capText(field as keyof typeof STRICT_CAPS, error.params.cap, t) });
    }
    if (error instanceof ApiError && error.code === 'setting_invalid' && typeof error.params.min === 'number' && typeof error.params.max === 'number') {
      return t('settings.problems.range', { min: error.params.min, max: error.params.max });
    }
    return error instanceof ApiError ? errorText(i18n, error, 'recommendations') : t(`settings.${problem.fallback}`);
  };

  if (!draft || !saved) {
    return (
      <Card>
        <BlockStack gap="200">
          <Text as="h2" variant="headingMd">
            {t('settings.title')}
          </Text>
          {serverError && <Banner tone="critical">{serverMessage(serverError)}</Banner>}
        </BlockStack>
      </Card>
    );
  }

  const errors = settingsErrors(draft, t);
  const words = consequenceWords(draft, t);
  const valid = Object.keys(errors).length === 0;
  const changed = JSON.stringify(draft) !== JSON.stringify(saved);
  const errorOf = (field: SettingField) => errors[field] ?? (serverError?.field === field ? serverMessage(serverError) : undefined);
  const helpOf = (field: SettingField) => (errors[field] ? undefined : words[field]);
  const set = <K extends SettingField>(field: K, value: RecommendationSettings[K]) => {
    setDone(false);
    setServerError(null);
    setDraft({ ...draft, [field]: value });
  };

  const save = async () => {
    setSaving(true);
    setServerError(null);
    try {
      const settings = await saveRecommendationSettings(draft);
      setSaved(settings);
      setDraft(settings);
      setDone(true);
      onSaved?.(settings);
    } catch (error) {
      const field = error instanceof ApiError ? error.field : null;
      setServerError({ field, error, fallback: 'unsaved' });
    } finally {
      setSaving(false);
    }
  };

  return (
    <Card>
      <BlockStack gap="400">
        <BlockStack gap="100">
          <Text as="h2" variant="headingMd">
            {t('settings.title')}
          </Text>
          <Text as="p" tone="subdued">
            {t('settings.intro')}
          </Text>
        </BlockStack>
        {serverError && serverError.field === null && <Banner tone="critical">{serverMessage(serverError)}</Banner>}
        {done && (
          <Banner tone="success" onDismiss={() => setDone(false)}>
            {t('settings.saved')}
          </Banner>
        )}
        <FormLayout>
          <Select
            label={t('settings.preset.label')}
            options={[
              { label: t('settings.preset.standard'), value: 'standard' },
              { label: t('settings.preset.strict'), value: 'strict' },
            ]}
            value={draft.preset}
            onChange={(value) => {
              setDone(false);
              setServerError(null);
              setDraft(presetValues(value as Preset));
            }}
            helpText={helpOf('preset')}
            error={errorOf('preset')}
          />
          <Select
            label={t('settings.personalShare')}
            options={PERSONAL_SHARES.map((share) => ({ label: t('units.percent', { value: share }), value: String(share) }))}
            value={String(draft.personalShare)}
            onChange={(value) => set('personalShare', Number(value) as RecommendationSettings['personalShare'])}
            helpText={helpOf('personalShare')}
            error={errorOf('personalShare')}
          />
          {NUMBER_FIELDS.map((field) => (
            <TextField
              key={field}
              label={t(`settings.fields.${field}.label`)}
              type="number"
              min={RANGES[field].min}
              max={RANGES[field].max}
              step={1}
              suffix={t(`settings.fields.${field}.suffix`)}
              autoComplete="off"
              value={shown(draft[field])}
              onChange={(value) => set(field, wholeNumber(value))}
              helpText={helpOf(field)}
              error={errorOf(field)}
            />
          ))}
          <Checkbox
            label={t('settings.reorderReminders')}
            checked={draft.reorderReminders}
            onChange={(checked) => set('reorderReminders', checked)}
            helpText={helpOf('reorderReminders')}
            error={errorOf('reorderReminders')}
          />
        </FormLayout>
        <InlineStack align="end">
          <Button variant="primary" loading={saving} disabled={!valid || !changed} onClick={() => void save()}>
            {t('settings.save')}
          </Button>
        </InlineStack>
      </BlockStack>
    </Card>
  );
}
