import { BlockStack, Card, DataTable, InlineStack, Text, Badge } from '@shopify/polaris';
import {
  formatCount,
  formatDay,
  formatLift,
  formatMoney,
  formatShare,
  QUESTIONS,
  rate,
  readComparison,
  SUBJECTS,
  type AnalyticsReport,
  type Comparison,
  type ExperimentQuestion,
  type ReadingSubject,
  type Verdict,
} from '../../lib/analytics.ts';
import { LiftInterval } from './LiftInterval.tsx';

const TEXT = {
  holdout: (percent: number, since: string) => `Holdout: ${percent} % of shoppers, since ${since}.`,
  arms: 'Both groups',
  treatment: { block: 'Saw the block', personalization: 'Personalized picks' } satisfies Record<ExperimentQuestion, string>,
  holdoutArm: { block: 'Holdout (no block)', personalization: 'Holdout (visitor picks)' } satisfies Record<ExperimentQuestion, string>,
  rows: { shoppers: 'Shoppers', buyers: 'Buyers', conversion: 'Conversion', revenuePerShopper: 'Revenue per shopper' },
  conversion: 'Conversion',
  revenuePerShopper: 'Revenue per shopper',
  liftOf: (metric: string) => `Lift in ${metric.toLowerCase()}`,
  verdict: { helps: 'Helps', hurts: 'Hurts', inconclusive: 'Not proven', collecting: 'Collecting data', 'no-experiment': 'No holdout' } satisfies Record<Verdict, string>,
};

const TONE: Record<Verdict, 'success' | 'critical' | 'attention' | 'info' | undefined> = {
  helps: 'success',
  hurts: 'critical',
  inconclusive: 'attention',
  collecting: 'info',
  'no-experiment': undefined,
};

function LiftMetric({ title, comparison, subject, locale }: { title: string; comparison: Comparison; subject: ReadingSubject; locale: string }) {
  return (
    <BlockStack gap="200">
      <InlineStack gap="200" blockAlign="center">
        <Text as="h3" variant="headingSm">
          {TEXT.liftOf(title)}
        </Text>
        <Badge tone={TONE[comparison.verdict]}>{TEXT.verdict[comparison.verdict]}</Badge>
        {comparison.lift !== null && (
          <Text as="span" variant="headingMd">
            {formatLift(comparison.lift, locale)}
          </Text>
        )}
      </InlineStack>
      <LiftInterval comparison={comparison} locale={locale} />
      <Text as="p">{readComparison(comparison, subject, locale)}</Text>
    </BlockStack>
  );
}

/**
 * The honest figure: treatment against the random holdout, per shopper, with the lift's 95 % interval and what
 * it means in plain words. The question comes from the running experiment (else the saved setting).
 */
export function LiftCard({ report, question, locale }: { report: AnalyticsReport; question: ExperimentQuestion; locale: string }) {
  const { experiment, lift, currency } = report;
  const asked = experiment?.question ?? question;
  const arms = lift.arms;
  return (
    <Card>
      <BlockStack gap="400">
        <BlockStack gap="100">
          <Text as="h2" variant="headingMd">
            {QUESTIONS[asked].title}
          </Text>
          {experiment && (
            <Text as="p" tone="subdued">
              {TEXT.holdout(experiment.holdoutPercent, formatDay(experiment.startedAt.slice(0, 10), locale))}
            </Text>
          )}
        </BlockStack>
        {arms && (
          <DataTable
            columnContentTypes={['text', 'numeric', 'numeric']}
            headings={[TEXT.arms, TEXT.treatment[asked], TEXT.holdoutArm[asked]]}
            rows={[
              [TEXT.rows.shoppers, formatCount(arms.treatment.shoppers, locale), formatCount(arms.holdout.shoppers, locale)],
              [TEXT.rows.buyers, formatCount(arms.treatment.buyers, locale), formatCount(arms.holdout.buyers, locale)],
              [
                TEXT.rows.conversion,
                formatShare(rate(arms.treatment.buyers, arms.treatment.shoppers), locale),
                formatShare(rate(arms.holdout.buyers, arms.holdout.shoppers), locale),
              ],
              [
                TEXT.rows.revenuePerShopper,
                arms.treatment.shoppers > 0 ? formatMoney(arms.treatment.revenue / arms.treatment.shoppers, currency, locale) : '–',
                arms.holdout.shoppers > 0 ? formatMoney(arms.holdout.revenue / arms.holdout.shoppers, currency, locale) : '–',
              ],
            ]}
          />
        )}
        <LiftMetric title={TEXT.conversion} comparison={lift.conversion} subject={SUBJECTS.conversion(asked)} locale={locale} />
        {lift.revenuePerShopper.verdict !== 'no-experiment' && lift.revenuePerShopper.verdict !== 'collecting' && (
          <LiftMetric
            title={TEXT.revenuePerShopper}
            comparison={lift.revenuePerShopper}
            subject={SUBJECTS.revenuePerShopper(asked)}
            locale={locale}
          />
        )}
      </BlockStack>
    </Card>
  );
}
