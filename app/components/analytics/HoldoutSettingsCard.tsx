import { BlockStack, Box, Button, Card, ChoiceList, InlineStack, Text, TextField } from '@shopify/polaris';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { HOLDOUT_MAX, HOLDOUT_MIN, type AnalyticsSettings, type ExperimentQuestion } from '../../lib/analytics.ts';

/** The holdout as typed, or null when it is not a whole number within the allowed range. */
export function parseHoldout(text: string): number | null {
  if (!/^\d{1,2}$/.test(text.trim())) return null;
  const value = Number(text.trim());
  return value >= HOLDOUT_MIN && value <= HOLDOUT_MAX ? value : null;
}

/** The experiment's question and holdout share; saving starts a new experiment. */
export function HoldoutSettingsCard({
  saved,
  onSave,
  saving,
  error,
}: {
  saved: AnalyticsSettings;
  onSave: (settings: AnalyticsSettings) => void;
  saving: boolean;
  error: string | null;
}) {
  const { t } = useTranslation('analytics');
  const [question, setQuestion] = useState<ExperimentQuestion>(saved.question);
  const [percentText, setPercentText] = useState(String(saved.holdoutPercent));
  useEffect(() => {
    setQuestion(saved.question);
    setPercentText(String(saved.holdoutPercent));
  }, [saved]);

  const percent = parseHoldout(percentText);
  const changed = percent !== saved.holdoutPercent || question !== saved.question;
  return (
    <Card>
      <BlockStack gap="400">
        <BlockStack gap="100">
          <Text as="h2" variant="headingMd">
            {t('holdout.title')}
          </Text>
          <Text as="p" tone="subdued">
            {t('holdout.intro')}
          </Text>
        </BlockStack>
        <ChoiceList
          title={t('holdout.question')}
          choices={[
            { label: t('holdout.block'), value: 'block' },
            { label: t('holdout.personalization'), value: 'personalization' },
          ]}
          selected={[question]}
          onChange={([value]) => setQuestion(value === 'personalization' ? 'personalization' : 'block')}
        />
        <Box maxWidth="12rem">
          <TextField
            label={t('holdout.percent')}
            type="number"
            min={HOLDOUT_MIN}
            max={HOLDOUT_MAX}
            step={1}
            suffix="%"
            autoComplete="off"
            value={percentText}
            onChange={setPercentText}
            helpText={t('holdout.help', { min: HOLDOUT_MIN, max: HOLDOUT_MAX })}
            error={percent === null ? t('holdout.invalid', { min: HOLDOUT_MIN, max: HOLDOUT_MAX }) : (error ?? undefined)}
          />
        </Box>
        <BlockStack gap="100">
          {percent !== null && <Text as="p">{percent === 0 ? t('holdout.none') : t(`holdout.consequence.${question}`, { percent })}</Text>}
          <Text as="p" tone="subdued">
            {t('holdout.newExperiment')}
          </Text>
        </BlockStack>
        <InlineStack align="end">
          <Button
            variant="primary"
            loading={saving}
            disabled={percent === null || !changed}
            onClick={() => percent !== null && onSave({ question, holdoutPercent: percent })}
          >
            {t('holdout.save')}
          </Button>
        </InlineStack>
      </BlockStack>
    </Card>
  );
}
