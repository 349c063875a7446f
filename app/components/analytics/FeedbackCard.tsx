import { BlockStack, Card, DataTable, Text } from '@shopify/polaris';
import { BarChart } from '@shopify/polaris-viz';
import { feedbackReasonName, formatCount, formatDay, type AnalyticsReport } from '../../lib/analytics.ts';
import { daysOf } from '../../lib/date-range.ts';
import { ChartFigure } from './ChartFigure.tsx';

const TEXT = {
  title: '"Not for me" and "Too personal"',
  intro: 'What shoppers said about picks, visitors included. "Too personal" is a signal to tag a product tacto:sensitive.',
  none: 'No shopper said "Not for me" in these dates.',
  byReason: 'By reason',
  reasonHeadings: ['Reason', 'Answers'],
  byType: 'By product type',
  productType: 'Product type',
  noType: '(no product type)',
  daily: 'Answers per day, by reason',
  day: 'Day',
  summary: (total: string) => `${total} answers in these dates.`,
};

/** Shoppers' "Not for me" answers by reason, by product type, and over time. */
export function FeedbackCard({ report, locale }: { report: AnalyticsReport; locale: string }) {
  const { feedback } = report;
  const count = (n: number) => formatCount(n, locale);
  const total = feedback.byReason.reduce((sum, row) => sum + row.count, 0);
  const reasons = [...new Set([...feedback.byReason.map((r) => r.reason), ...feedback.daily.map((r) => r.reason)])];
  const types = [...new Set(feedback.byProductType.map((r) => r.productType))].sort();
  const cell = (productType: string, reason: string) =>
    feedback.byProductType.find((r) => r.productType === productType && r.reason === reason)?.count ?? 0;
  const days = daysOf(report.range);
  const daily = new Map(feedback.daily.map((r) => [`${r.reason}|${r.day}`, r.count]));

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
        {total === 0 ? (
          <Text as="p" tone="subdued">
            {TEXT.none}
          </Text>
        ) : (
          <>
            <BlockStack gap="200">
              <Text as="h3" variant="headingSm">
                {TEXT.byReason}
              </Text>
              <DataTable
                columnContentTypes={['text', 'numeric']}
                headings={TEXT.reasonHeadings}
                rows={feedback.byReason.map((row) => [feedbackReasonName(row.reason), count(row.count)])}
              />
            </BlockStack>
            {types.length > 0 && (
              <BlockStack gap="200">
                <Text as="h3" variant="headingSm">
                  {TEXT.byType}
                </Text>
                <DataTable
                  columnContentTypes={['text', ...reasons.map(() => 'numeric' as const)]}
                  headings={[TEXT.productType, ...reasons.map(feedbackReasonName)]}
                  rows={types.map((type) => [type || TEXT.noType, ...reasons.map((reason) => count(cell(type, reason)))])}
                />
              </BlockStack>
            )}
            <ChartFigure
              title={TEXT.daily}
              summary={TEXT.summary(count(total))}
              headings={[TEXT.day, ...reasons.map(feedbackReasonName)]}
              rows={days.map((day) => [formatDay(day, locale), ...reasons.map((reason) => count(daily.get(`${reason}|${day}`) ?? 0))])}
            >
              <BarChart
                type="stacked"
                data={reasons.map((reason) => ({
                  name: feedbackReasonName(reason),
                  data: days.map((day) => ({ key: day, value: daily.get(`${reason}|${day}`) ?? 0 })),
                }))}
                xAxisOptions={{ labelFormatter: (key) => (key === null ? '' : formatDay(String(key), locale, false)) }}
                yAxisOptions={{ integersOnly: true }}
                isAnimated={false}
              />
            </ChartFigure>
          </>
        )}
      </BlockStack>
    </Card>
  );
}
