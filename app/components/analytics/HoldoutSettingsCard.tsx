import { BlockStack, Box, Button, Card, ChoiceList, InlineStack, Text, TextField } from '@shopify/polaris';
import { useEffect, useState } from 'react';
import { HOLDOUT_MAX, HOLDOUT_MIN, QUESTIONS, type AnalyticsSettings, type ExperimentQuestion } from '../../lib/analytics.ts';

const TEXT = {
  title: 'Holdout experiment',
  intro: 'A random share of shoppers is held out, so Tacto can compare them with everyone else and measure what it adds.',
  question: 'What to measure',
  block: `${QUESTIONS.block.title} The holdout sees no Tacto block.`,
  personalization: `${QUESTIONS.personalization.title} The holdout sees the block as a visitor does, not personalized.`,
  percent: 'Holdout',
  help: `A whole number from ${HOLDOUT_MIN} to ${HOLDOUT_MAX}.`,
  invalid: `Enter a whole number from ${HOLDOUT_MIN} to ${HOLDOUT_MAX}.`,
  consequence: (percent: number, question: ExperimentQuestion) =>
    percent === 0
      ? 'No holdout: every shopper sees Tacto, and what it adds cannot be measured.'
      : `${percent} % of shoppers ${QUESTIONS[question].holdoutSees}.`,
  newExperiment: 'Changing these starts a new experiment; earlier results stay in their date range.',
  save: 'Save experiment',
};

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
            {TEXT.title}
          </Text>
          <Text as="p" tone="subdued">
            {TEXT.intro}
          </Text>
        </BlockStack>
        <ChoiceList
          title={TEXT.question}
          choices={[
            { label: TEXT.block, value: 'block' },
            { label: TEXT.personalization, value: 'personalization' },
          ]}
          selected={[question]}
          onChange={([value]) => setQuestion(value === 'personalization' ? 'personalization' : 'block')}
        />
        <Box maxWidth="12rem">
          <TextField
            label={TEXT.percent}
            type="number"
            min={HOLDOUT_MIN}
            max={HOLDOUT_MAX}
            step={1}
            suffix="%"
            autoComplete="off"
            value={percentText}
            onChange={setPercentText}
            helpText={TEXT.help}
            error={percent === null ? TEXT.invalid : error ?? undefined}
          />
        </Box>
        <BlockStack gap="100">
          {percent !== null && <Text as="p">{TEXT.consequence(percent, question)}</Text>}
          <Text as="p" tone="subdued">
            {TEXT.newExperiment}
          </Text>
        </BlockStack>
        <InlineStack align="end">
          <Button
            variant="primary"
            loading={saving}
            disabled={percent === null || !changed}
            onClick={() => percent !== null && onSave({ question, holdoutPercent: percent })}
          >
            {TEXT.save}
          </Button>
        </InlineStack>
      </BlockStack>
    </Card>
  );
}
