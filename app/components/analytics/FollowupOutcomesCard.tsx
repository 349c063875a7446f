import { BlockStack, Card, DataTable, InlineGrid, Text } from '@shopify/polaris';
import { LineChart } from '@shopify/polaris-viz';
import { useTranslation } from 'react-i18next';
import { REPEAT_WINDOW_DAYS } from '../../../server/analytics/report-types.ts';
import { formatCount, formatShare, rate, readComparison, skipReasonName, SUBJECTS, type AnalyticsReport } from '../../lib/analytics.ts';
import { daysOf } from '../../lib/date-range.ts';
import { ChartFigure, useChartWords } from './ChartFigure.tsx';
import { LiftInterval } from './LiftInterval.tsx';

/** What the follow-ups did: sent and skipped, unsubscribes, and repeat orders against the holdout. */
export function FollowupOutcomesCard({ report }: { report: AnalyticsReport }) {
  const { t, i18n } = useTranslation('analytics');
  const locale = i18n.language;
  const words = useChartWords();
  const { followups } = report;
  const count = (n: number) => formatCount(n, locale);
  const skipped = followups.skipped.reduce((sum, row) => sum + row.count, 0);
  const { followedUp, holdout, comparison } = followups.repeat;
  const days = daysOf(report.range);
  const byDay = new Map(followups.daily.map((row) => [row.day, row]));
  const line = (key: 'sent' | 'skipped' | 'unsubscribed') => days.map((day) => ({ key: day, value: byDay.get(day)?.[key] ?? 0 }));
  const totalUnsubscribed = followups.daily.reduce((sum, row) => sum + row.unsubscribed, 0);

  return (
    <Card>
      <BlockStack gap="400">
        <Text as="h2" variant="headingMd">
          {t('followups.title')}
        </Text>
        {followups.sent === 0 && skipped === 0 ? (
          <Text as="p" tone="subdued">
            {t('followups.none')}
          </Text>
        ) : (
          <>
            <InlineGrid columns={3} gap="400">
              <BlockStack gap="050">
                <Text as="p" tone="subdued">
                  {t('followups.sent')}
                </Text>
                <Text as="p" variant="headingLg">
                  {count(followups.sent)}
                </Text>
              </BlockStack>
              <BlockStack gap="050">
                <Text as="p" tone="subdued">
                  {t('followups.skipped')}
                </Text>
                <Text as="p" variant="headingLg">
                  {count(skipped)}
                </Text>
              </BlockStack>
              <BlockStack gap="050">
                <Text as="p" tone="subdued">
                  {t('followups.unsubscribed')}
                </Text>
                <Text as="p" variant="headingLg">
                  {count(followups.unsubscribed)}
                </Text>
                <Text as="p" tone="subdued" variant="bodySm">
                  {t('followups.unsubscribeRate', { share: formatShare(followups.unsubscribeRate, locale) })}
                </Text>
              </BlockStack>
            </InlineGrid>
            {followups.skipped.length > 0 && (
              <BlockStack gap="200">
                <Text as="h3" variant="headingSm">
                  {t('followups.skippedBy')}
                </Text>
                <DataTable
                  columnContentTypes={['text', 'numeric']}
                  headings={[t('followups.reason'), t('followups.count')]}
                  rows={followups.skipped.map((row) => [skipReasonName(row.reason, i18n), count(row.count)])}
                />
              </BlockStack>
            )}
          </>
        )}
        <Text as="p">{t('followups.replies')}</Text>
        <BlockStack gap="200">
          <Text as="h3" variant="headingSm">
            {t('followups.repeat', { count: REPEAT_WINDOW_DAYS })}
          </Text>
          <DataTable
            columnContentTypes={['text', 'numeric', 'numeric', 'numeric']}
            headings={[t('followups.group'), t('followups.orders'), t('followups.orderedAgain'), t('followups.share')]}
            rows={[
              [t('followups.followedUp'), count(followedUp.orders), count(followedUp.repeated), formatShare(rate(followedUp.repeated, followedUp.orders), locale)],
              [t('followups.holdoutGroup'), count(holdout.orders), count(holdout.repeated), formatShare(rate(holdout.repeated, holdout.orders), locale)],
            ]}
          />
          <LiftInterval comparison={comparison} />
          <Text as="p">{readComparison(comparison, SUBJECTS.repeat(), i18n)}</Text>
        </BlockStack>
        {followups.daily.length > 0 && (
          <ChartFigure
            title={t('followups.daily')}
            summary={t('followups.dailySummary', { sent: count(followups.sent), skipped: count(skipped), unsubscribed: count(totalUnsubscribed) })}
            headings={[t('charts.day'), t('followups.sent'), t('followups.skipped'), t('followups.unsubscribed')]}
            rows={days.map((day) => [words.day(day), count(byDay.get(day)?.sent ?? 0), count(byDay.get(day)?.skipped ?? 0), count(byDay.get(day)?.unsubscribed ?? 0)])}
          >
            <LineChart
              data={[
                { name: t('followups.sent'), data: line('sent') },
                { name: t('followups.skipped'), data: line('skipped') },
                { name: t('followups.unsubscribed'), data: line('unsubscribed') },
              ]}
              xAxisOptions={words.xAxis}
              yAxisOptions={{ integersOnly: true, labelFormatter: (v) => count(Number(v ?? 0)) }}
              tooltipOptions={{ ...words.tooltip, valueFormatter: (v) => count(Number(v ?? 0)) }}
              emptyStateText={t('charts.empty')}
              isAnimated={false}
            />
          </ChartFigure>
        )}
      </BlockStack>
    </Card>
  );
}
