import { BlockStack, Box, Card, InlineGrid, Text } from '@shopify/polaris';
import { useTranslation } from 'react-i18next';
import {
  formatCount,
  formatMoney,
  formatShare,
  rate,
  readComparison,
  SUBJECTS,
  type AnalyticsReport,
  type ExperimentQuestion,
} from '../../lib/analytics.ts';

function Metric({ label, value, note }: { label: string; value: string; note?: string }) {
  return (
    <BlockStack gap="050">
      <Text as="p" tone="subdued">
        {label}
      </Text>
      <Text as="p" variant="headingLg">
        {value}
      </Text>
      {note && (
        <Text as="p" tone="subdued" variant="bodySm">
          {note}
        </Text>
      )}
    </BlockStack>
  );
}

/**
 * What the blocks did in the range, and the orders they are credited with. The attributed (flattering) figure is
 * never shown alone: the causal reading from the holdout, or the statement that there is none, sits beside it.
 */
export function SummaryCard({ report, question }: { report: AnalyticsReport; question: ExperimentQuestion }) {
  const { t, i18n } = useTranslation('analytics');
  const locale = i18n.language;
  const { totals } = report.blocks;
  const asked = report.experiment?.question ?? question;
  const causal =
    report.lift.revenuePerShopper.verdict === 'no-experiment' || !report.experiment
      ? t('summary.noExperiment')
      : readComparison(report.lift.revenuePerShopper, SUBJECTS.revenuePerShopper(asked), i18n);
  return (
    <Card>
      <BlockStack gap="400">
        <BlockStack gap="100">
          <Text as="h2" variant="headingMd">
            {t('summary.title')}
          </Text>
          <Text as="p" tone="subdued">
            {t('summary.rule')}
          </Text>
        </BlockStack>
        <InlineGrid columns={{ xs: 2, md: 3 }} gap="400">
          <Metric label={t('summary.shown')} value={formatCount(totals.shown, locale)} />
          <Metric label={t('summary.clicked')} value={formatCount(totals.clicked, locale)} note={t('summary.ofShown', { share: formatShare(rate(totals.clicked, totals.shown), locale) })} />
          <Metric label={t('summary.added')} value={formatCount(totals.added, locale)} note={t('summary.ofShown', { share: formatShare(rate(totals.added, totals.shown), locale) })} />
          <Metric label={t('summary.orders')} value={formatCount(totals.orders, locale)} />
          <Metric
            label={t('summary.revenue')}
            value={formatMoney(totals.revenue, report.currency, locale)}
            note={totals.refunded > 0 ? t('summary.refunded', { amount: formatMoney(totals.refunded, report.currency, locale) }) : undefined}
          />
        </InlineGrid>
        {totals.orders === 0 && totals.shown > 0 && (
          <Text as="p" tone="subdued">
            {t('summary.noOrders')}
          </Text>
        )}
        <Box background="bg-surface-secondary" padding="300" borderRadius="200">
          <BlockStack gap="100">
            <Text as="h3" variant="headingSm">
              {t('summary.causal')}
            </Text>
            <Text as="p">{causal}</Text>
          </BlockStack>
        </Box>
      </BlockStack>
    </Card>
  );
}
