import { BlockStack, Card, DataTable, InlineStack, Text, Badge } from '@shopify/polaris';
import { useTranslation } from 'react-i18next';
import {
  formatCount,
  formatDay,
  formatLift,
  formatMoney,
  formatShare,
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

const TONE: Record<Verdict, 'success' | 'critical' | 'attention' | 'info' | undefined> = {
  helps: 'success',
  hurts: 'critical',
  inconclusive: 'attention',
  collecting: 'info',
  'no-experiment': undefined,
};

function LiftMetric({ metric, comparison, subject }: { metric: 'conversion' | 'revenuePerShopper'; comparison: Comparison; subject: ReadingSubject }) {
  const { t, i18n } = useTranslation('analytics');
  return (
    <BlockStack gap="200">
      <InlineStack gap="200" blockAlign="center">
        <Text as="h3" variant="headingSm">
          {t(`lift.liftOf.${metric}`)}
        </Text>
        <Badge tone={TONE[comparison.verdict]}>{t(`lift.verdict.${comparison.verdict}`)}</Badge>
        {comparison.lift !== null && (
          <Text as="span" variant="headingMd">
            {formatLift(comparison.lift, i18n.language)}
          </Text>
        )}
      </InlineStack>
      <LiftInterval comparison={comparison} />
      <Text as="p">{readComparison(comparison, subject, i18n)}</Text>
    </BlockStack>
  );
}

/**
 * The honest figure: treatment against the random holdout, per shopper, with the lift's 95 % interval and what
 * it means in plain words. The question comes from the running experiment (else the saved setting).
 */
export function LiftCard({ report, question }: { report: AnalyticsReport; question: ExperimentQuestion }) {
  const { t, i18n } = useTranslation('analytics');
  const locale = i18n.language;
  const none = t('figures.none');
  const { experiment, lift, currency } = report;
  const asked = experiment?.question ?? question;
  const arms = lift.arms;
  return (
    <Card>
      <BlockStack gap="400">
        <BlockStack gap="100">
          <Text as="h2" variant="headingMd">
            {t(`questions.${asked}`)}
          </Text>
          {experiment && (
            <Text as="p" tone="subdued">
              {t('lift.holdout', { percent: formatCount(experiment.holdoutPercent, locale), since: formatDay(experiment.startedAt.slice(0, 10), locale) })}
            </Text>
          )}
        </BlockStack>
        {arms && (
          <DataTable
            columnContentTypes={['text', 'numeric', 'numeric']}
            headings={[t('lift.arms'), t(`lift.treatment.${asked}`), t(`lift.holdoutArm.${asked}`)]}
            rows={[
              [t('lift.rows.shoppers'), formatCount(arms.treatment.shoppers, locale), formatCount(arms.holdout.shoppers, locale)],
              [t('lift.rows.buyers'), formatCount(arms.treatment.buyers, locale), formatCount(arms.holdout.buyers, locale)],
              [
                t('lift.rows.conversion'),
                formatShare(rate(arms.treatment.buyers, arms.treatment.shoppers), locale),
                formatShare(rate(arms.holdout.buyers, arms.holdout.shoppers), locale),
              ],
              [
                t('lift.rows.revenuePerShopper'),
                arms.treatment.shoppers > 0 ? formatMoney(arms.treatment.revenue / arms.treatment.shoppers, currency, locale) : none,
                arms.holdout.shoppers > 0 ? formatMoney(arms.holdout.revenue / arms.holdout.shoppers, currency, locale) : none,
              ],
            ]}
          />
        )}
        <LiftMetric metric="conversion" comparison={lift.conversion} subject={SUBJECTS.conversion(asked)} />
        {lift.revenuePerShopper.verdict !== 'no-experiment' && lift.revenuePerShopper.verdict !== 'collecting' && (
          <LiftMetric metric="revenuePerShopper" comparison={lift.revenuePerShopper} subject={SUBJECTS.revenuePerShopper(asked)} />
        )}
      </BlockStack>
    </Card>
  );
}
