import { BlockStack, Box, Card, InlineGrid, Text } from '@shopify/polaris';
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

const TEXT = {
  title: 'Picks and attributed orders',
  rule: 'Attributed: orders with a line added from a Tacto pick (quick add, or the product page reached from a pick), cancellations and refunds taken off.',
  shown: 'Picks shown',
  clicked: 'Clicked',
  added: 'Added to cart',
  orders: 'Attributed orders',
  revenue: 'Attributed revenue',
  ofShown: (share: string) => `${share} of shown`,
  refunded: (amount: string) => `${amount} refunded or cancelled, taken off`,
  causal: 'What Tacto caused',
  noExperiment:
    'No holdout is running, so this is not what Tacto caused: some of these shoppers would have bought anyway. Set a holdout above 0 % to measure it.',
  noOrders: 'No attributed order yet: an order counts here once a shopper buys a product added from a pick.',
};

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
export function SummaryCard({ report, question, locale }: { report: AnalyticsReport; question: ExperimentQuestion; locale: string }) {
  const { totals } = report.blocks;
  const asked = report.experiment?.question ?? question;
  const causal =
    report.lift.revenuePerShopper.verdict === 'no-experiment' || !report.experiment
      ? TEXT.noExperiment
      : readComparison(report.lift.revenuePerShopper, SUBJECTS.revenuePerShopper(asked), locale);
  return (
    <Card>
      <BlockStack gap="400">
        <BlockStack gap="100">
          <Text as="h2" variant="headingMd">
            {TEXT.title}
          </Text>
          <Text as="p" tone="subdued">
            {TEXT.rule}
          </Text>
        </BlockStack>
        <InlineGrid columns={{ xs: 2, md: 3 }} gap="400">
          <Metric label={TEXT.shown} value={formatCount(totals.shown, locale)} />
          <Metric label={TEXT.clicked} value={formatCount(totals.clicked, locale)} note={TEXT.ofShown(formatShare(rate(totals.clicked, totals.shown), locale))} />
          <Metric label={TEXT.added} value={formatCount(totals.added, locale)} note={TEXT.ofShown(formatShare(rate(totals.added, totals.shown), locale))} />
          <Metric label={TEXT.orders} value={formatCount(totals.orders, locale)} />
          <Metric
            label={TEXT.revenue}
            value={formatMoney(totals.revenue, report.currency, locale)}
            note={totals.refunded > 0 ? TEXT.refunded(formatMoney(totals.refunded, report.currency, locale)) : undefined}
          />
        </InlineGrid>
        {totals.orders === 0 && totals.shown > 0 && (
          <Text as="p" tone="subdued">
            {TEXT.noOrders}
          </Text>
        )}
        <Box background="bg-surface-secondary" padding="300" borderRadius="200">
          <BlockStack gap="100">
            <Text as="h3" variant="headingSm">
              {TEXT.causal}
            </Text>
            <Text as="p">{causal}</Text>
          </BlockStack>
        </Box>
      </BlockStack>
    </Card>
  );
}
