import { Banner, BlockStack, Button, Card, Checkbox, FormLayout, InlineStack, Select, Text, TextField } from '@shopify/polaris';
import { useEffect, useState } from 'react';
import { ApiError } from '../lib/api.ts';
import { loadRecommendationSettings, saveRecommendationSettings } from '../lib/recommendation-settings-api.ts';
import {
  consequenceWords,
  PERSONAL_SHARES,
  presetValues,
  RANGES,
  settingsErrors,
  type Preset,
  type RecommendationSettings,
  type SettingField,
} from '../lib/recommendation-settings.ts';

/** A whole number typed in a field; NaN while the field is empty or not a number (the field then says why). */
const wholeNumber = (value: string) => (value.trim() === '' ? Number.NaN : Number(value));
const shown = (value: number) => (Number.isFinite(value) ? String(value) : '');

const NUMBER_FIELDS: { field: keyof typeof RANGES; label: string; suffix: string }[] = [
  { field: 'frequencyCapViews', label: 'Frequency cap: views', suffix: 'views' },
  { field: 'frequencyCapDays', label: 'Frequency cap: within', suffix: 'days' },
  { field: 'historyWindowDays', label: 'Orders shape picks for', suffix: 'days' },
  { field: 'eventWindowDays', label: 'One-off purchases shape picks for', suffix: 'days' },
  { field: 'substituteRestDays', label: 'Products that do the same job rest for', suffix: 'days' },
];

/**
 * The merchant's recommendation settings: the market preset, the share of personal picks, the frequency cap and
 * the windows, reorder reminders — each with what it does stated beside it, computed from the values in the form.
 * Choosing a preset fills the form with its values. Saved settings apply from the next page a shopper opens.
 */
export function RecommendationSettingsCard({ onSaved }: { onSaved?: (settings: RecommendationSettings) => void }) {
  const [saved, setSaved] = useState<RecommendationSettings | null>(null);
  const [draft, setDraft] = useState<RecommendationSettings | null>(null);
  const [serverError, setServerError] = useState<{ field: string | null; message: string } | null>(null);
  const [saving, setSaving] = useState(false);
  const [done, setDone] = useState(false);

  useEffect(() => {
    loadRecommendationSettings().then(
      (settings) => {
        setSaved(settings);
        setDraft(settings);
        onSaved?.(settings);
      },
      (error: unknown) => setServerError({ field: null, message: error instanceof Error ? error.message : 'The settings could not be read.' }),
    );
    // Loaded once; onSaved is the page's state setter.
  }, []);

  if (!draft || !saved) {
    return (
      <Card>
        <BlockStack gap="200">
          <Text as="h2" variant="headingMd">
            Recommendation settings
          </Text>
          {serverError && <Banner tone="critical">{serverError.message}</Banner>}
        </BlockStack>
      </Card>
    );
  }

  const errors = settingsErrors(draft);
  const words = consequenceWords(draft);
  const valid = Object.keys(errors).length === 0;
  const changed = JSON.stringify(draft) !== JSON.stringify(saved);
  const errorOf = (field: SettingField) => errors[field] ?? (serverError?.field === field ? serverError.message : undefined);
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
      setServerError({ field, message: error instanceof Error ? error.message : 'The settings could not be saved.' });
    } finally {
      setSaving(false);
    }
  };

  return (
    <Card>
      <BlockStack gap="400">
        <BlockStack gap="100">
          <Text as="h2" variant="headingMd">
            Recommendation settings
          </Text>
          <Text as="p" tone="subdued">
            How far a shopper’s orders may shape their suggestions, for how long, and how often one product may come back.
            Shoppers’ “Why am I seeing this?” notice follows what you save.
          </Text>
        </BlockStack>
        {serverError && serverError.field === null && <Banner tone="critical">{serverError.message}</Banner>}
        {done && (
          <Banner tone="success" onDismiss={() => setDone(false)}>
            Saved. Shoppers get the new settings from the next page they open, and the notice says so.
          </Banner>
        )}
        <FormLayout>
          <Select
            label="Market preset"
            options={[
              { label: 'Standard', value: 'standard' },
              { label: 'Strict (for example the EU, Germany)', value: 'strict' },
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
            label="Share of personal picks"
            options={PERSONAL_SHARES.map((share) => ({ label: `${share} %`, value: String(share) }))}
            value={String(draft.personalShare)}
            onChange={(value) => set('personalShare', Number(value) as RecommendationSettings['personalShare'])}
            helpText={helpOf('personalShare')}
            error={errorOf('personalShare')}
          />
          {NUMBER_FIELDS.map(({ field, label, suffix }) => (
            <TextField
              key={field}
              label={label}
              type="number"
              min={RANGES[field].min}
              max={RANGES[field].max}
              step={1}
              suffix={suffix}
              autoComplete="off"
              value={shown(draft[field])}
              onChange={(value) => set(field, wholeNumber(value))}
              helpText={helpOf(field)}
              error={errorOf(field)}
            />
          ))}
          <Checkbox
            label="Reorder reminders in follow-up emails"
            checked={draft.reorderReminders}
            onChange={(checked) => set('reorderReminders', checked)}
            helpText={helpOf('reorderReminders')}
            error={errorOf('reorderReminders')}
          />
        </FormLayout>
        <InlineStack align="end">
          <Button variant="primary" loading={saving} disabled={!valid || !changed} onClick={() => void save()}>
            Save settings
          </Button>
        </InlineStack>
      </BlockStack>
    </Card>
  );
}
