import { BlockStack, Card, DataTable, Text } from '@shopify/polaris';
import { BarChart } from '@shopify/polaris-viz';
import { useTranslation } from 'react-i18next';
import { feedbackReasonName, formatCount, type AnalyticsReport } from '../../lib/analytics.ts';
import { daysOf } from '../../lib/date-range.ts';
import { ChartFigure, useChartWords } from './ChartFigure.tsx';

/** Shoppers' "Not for me" answers by reason, by product type, and over time. */
export function FeedbackCard({ report }: { report: AnalyticsReport }) {
  const { t, i18n } = useTranslation('analytics');
  const locale = i18n.language;
  const words = useChartWords();
  const reasonName = (code: string) => feedbackReasonName(code, i18n);
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
            {t('feedback.title')}
          </Text>
          <Text as="p" tone="subdued">
            {t('feedback.intro')}
          </Text>
        </BlockStack>
        {total === 0 ? (
          <Text as="p" tone="subdued">
            {t('feedback.none')}
          </Text>
        ) : (
          <>
            <BlockStack gap="200">
              <Text as="h3" variant="headingSm">
                {t('feedback.byReason')}
              </Text>
              <DataTable
                columnContentTypes={['text', 'numeric']}
                headings={[t('feedback.reason'), t('feedback.answers')]}
                rows={feedback.byReason.map((row) => [reasonName(row.reason), count(row.count)])}
              />
            </BlockStack>
            {types.length > 0 && (
              <BlockStack gap="200">
                <Text as="h3" variant="headingSm">
                  {t('feedback.byType')}
                </Text>
                <DataTable
                  columnContentTypes={['text', ...reasons.map(() => 'numeric' as const)]}
                  headings={[t('feedback.productType'), ...reasons.map(reasonName)]}
                  rows={types.map((type) => [type || t('feedback.noType'), ...reasons.map((reason) => count(cell(type, reason)))])}
                />
              </BlockStack>
            )}
            <ChartFigure
              title={t('feedback.daily')}
              summary={t('feedback.summary', { count: total, total: count(total) })}
              headings={[t('charts.day'), ...reasons.map(reasonName)]}
              rows={days.map((day) => [words.day(day), ...reasons.map((reason) => count(daily.get(`${reason}|${day}`) ?? 0))])}
            >
              <BarChart
                type="stacked"
                data={reasons.map((reason) => ({
                  name: reasonName(reason),
                  data: days.map((day) => ({ key: day, value: daily.get(`${reason}|${day}`) ?? 0 })),
                }))}
                xAxisOptions={words.xAxis}
                yAxisOptions={{ integersOnly: true, labelFormatter: (v) => count(Number(v ?? 0)) }}
                tooltipOptions={{ ...words.tooltip, valueFormatter: (v) => count(Number(v ?? 0)) }}
                emptyStateText={t('charts.empty')}
                isAnimated={false}
              />
            </ChartFigure>
          </>
        )}
      </BlockStack>
    </Card>
  );
}
