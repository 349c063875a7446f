import { BlockStack, Card, DataTable, InlineGrid, Text } from '@shopify/polaris';
import { LineChart } from '@shopify/polaris-viz';
import { formatCount, formatDay, formatShare, rate, readComparison, SUBJECTS, type AnalyticsReport } from '../../lib/analytics.ts';
import { daysOf } from '../../lib/date-range.ts';
import { reasonText } from '../../lib/followups.ts';
import { ChartFigure } from './ChartFigure.tsx';
import { LiftInterval } from './LiftInterval.tsx';

const TEXT = {
  title: 'Follow-ups',
  sent: 'Sent',
  skipped: 'Skipped',
  unsubscribed: 'Unsubscribed',
  unsubscribeRate: (share: string) => `${share} of sent`,
  replies: "Replies go to your persona's inbox and are not tracked.",
  skippedBy: 'Skipped, by reason',
  reasonHeadings: ['Reason', 'Follow-ups'],
  holdout: 'In the holdout: not sent, to measure what follow-ups add',
  none: 'No follow-up was due in these dates. Turn follow-ups on in Follow-ups to send one helpful email after a purchase.',
  repeat: 'Repeat orders within 30 days',
  repeatHeadings: ['Group', 'Orders', 'Ordered again', 'Share'],
  followedUp: 'Got a follow-up',
  holdoutGroup: 'Holdout (no follow-up)',
  daily: 'Follow-ups per day',
  day: 'Day',
  dailySummary: (sent: string, skipped: string, unsubscribed: string) => `${sent} sent, ${skipped} skipped and ${unsubscribed} unsubscribed in these dates.`,
};

/** A skip reason in words: the follow-ups' own, plus the holdout the analytics add. */
export function skipReasonName(code: string): string {
  return code === 'holdout' ? TEXT.holdout : reasonText(code);
}

/** What the follow-ups did: sent and skipped, unsubscribes, and repeat orders against the holdout. */
export function FollowupOutcomesCard({ report, locale }: { report: AnalyticsReport; locale: string }) {
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
          {TEXT.title}
        </Text>
        {followups.sent === 0 && skipped === 0 ? (
          <Text as="p" tone="subdued">
            {TEXT.none}
          </Text>
        ) : (
          <>
            <InlineGrid columns={3} gap="400">
              <BlockStack gap="050">
                <Text as="p" tone="subdued">
                  {TEXT.sent}
                </Text>
                <Text as="p" variant="headingLg">
                  {count(followups.sent)}
                </Text>
              </BlockStack>
              <BlockStack gap="050">
                <Text as="p" tone="subdued">
                  {TEXT.skipped}
                </Text>
                <Text as="p" variant="headingLg">
                  {count(skipped)}
                </Text>
              </BlockStack>
              <BlockStack gap="050">
                <Text as="p" tone="subdued">
                  {TEXT.unsubscribed}
                </Text>
                <Text as="p" variant="headingLg">
                  {count(followups.unsubscribed)}
                </Text>
                <Text as="p" tone="subdued" variant="bodySm">
                  {TEXT.unsubscribeRate(formatShare(followups.unsubscribeRate, locale))}
                </Text>
              </BlockStack>
            </InlineGrid>
            {followups.skipped.length > 0 && (
              <BlockStack gap="200">
                <Text as="h3" variant="headingSm">
                  {TEXT.skippedBy}
                </Text>
                <DataTable
                  columnContentTypes={['text', 'numeric']}
                  headings={TEXT.reasonHeadings}
                  rows={followups.skipped.map((row) => [skipReasonName(row.reason), count(row.count)])}
                />
              </BlockStack>
            )}
          </>
        )}
        <Text as="p">{TEXT.replies}</Text>
        <BlockStack gap="200">
          <Text as="h3" variant="headingSm">
            {TEXT.repeat}
          </Text>
          <DataTable
            columnContentTypes={['text', 'numeric', 'numeric', 'numeric']}
            headings={TEXT.repeatHeadings}
            rows={[
              [TEXT.followedUp, count(followedUp.orders), count(followedUp.repeated), formatShare(rate(followedUp.repeated, followedUp.orders), locale)],
              [TEXT.holdoutGroup, count(holdout.orders), count(holdout.repeated), formatShare(rate(holdout.repeated, holdout.orders), locale)],
            ]}
          />
          <LiftInterval comparison={comparison} locale={locale} />
          <Text as="p">{readComparison(comparison, SUBJECTS.repeat(), locale)}</Text>
        </BlockStack>
        {followups.daily.length > 0 && (
          <ChartFigure
            title={TEXT.daily}
            summary={TEXT.dailySummary(count(followups.sent), count(skipped), count(totalUnsubscribed))}
            headings={[TEXT.day, TEXT.sent, TEXT.skipped, TEXT.unsubscribed]}
            rows={days.map((day) => [formatDay(day, locale), count(byDay.get(day)?.sent ?? 0), count(byDay.get(day)?.skipped ?? 0), count(byDay.get(day)?.unsubscribed ?? 0)])}
          >
            <LineChart
              data={[
                { name: TEXT.sent, data: line('sent') },
                { name: TEXT.skipped, data: line('skipped') },
                { name: TEXT.unsubscribed, data: line('unsubscribed') },
              ]}
              xAxisOptions={{ labelFormatter: (key) => (key === null ? '' : formatDay(String(key), locale, false)) }}
              yAxisOptions={{ integersOnly: true }}
              isAnimated={false}
            />
          </ChartFigure>
        )}
      </BlockStack>
    </Card>
  );
}
