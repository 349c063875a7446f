import { Badge, BlockStack, Card, Text } from '@shopify/polaris';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format.ts';
import { STATUS_TONE, useFollowupWords, type FollowupJobRow } from '../../lib/followups.ts';

const HEADINGS = ['order', 'buyer', 'product', 'status', 'when', 'why'] as const;
const cell = { padding: '8px 12px 8px 0', verticalAlign: 'top', borderBottom: '1px solid var(--p-color-border-secondary)' } as const;

/**
 * The latest follow-ups: which order (by its name, as in Orders), whose, about what, what happened, when, and why.
 * A plain table whose long cells wrap: six columns in a card never need a scrolling region of their own.
 */
export function RecentFollowupsCard({ jobs }: { jobs: FollowupJobRow[] }) {
  const { t } = useTranslation('followups');
  const format = useFormat();
  const words = useFollowupWords();
  const when = (iso: string | null) => (iso ? format.dateTime(iso) : '—');
  return (
    <Card>
      <BlockStack gap="200">
        <Text as="h2" variant="headingMd" id="recent-followups-heading">
          {t('recent.title')}
        </Text>
        {jobs.length === 0 ? (
          <Text as="p" tone="subdued">
            {t('recent.none')}
          </Text>
        ) : (
          <table aria-labelledby="recent-followups-heading" style={{ width: '100%', borderCollapse: 'collapse', textAlign: 'start' }}>
            <thead>
              <tr>
                {HEADINGS.map((heading) => (
                  <th key={heading} scope="col" style={{ ...cell, textAlign: 'start' }}>
                    <Text as="span" variant="bodySm" fontWeight="semibold">
                      {t(`recent.${heading}`)}
                    </Text>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {jobs.map((job) => {
                const due = job.sentAt
                  ? t('recent.sent', { when: when(job.sentAt) })
                  : job.status === 'scheduled' || job.status === 'sending'
                    ? t('recent.due', { when: when(job.dueAt) })
                    : t('recent.wasDue', { when: when(job.dueAt) });
                return (
                  <tr key={job.orderId}>
                    <td style={cell}>{job.orderName ?? t('recent.orderId', { id: job.orderId })}</td>
                    <td style={cell}>{job.buyerFirstName ?? '—'}</td>
                    <td style={cell}>{job.productTitle ?? '—'}</td>
                    <td style={cell}>
                      <Badge tone={STATUS_TONE[job.status]}>{words.status(job.status)}</Badge>
                    </td>
                    <td style={cell}>{due}</td>
                    <td style={cell}>{words.reason(job.reason)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </BlockStack>
    </Card>
  );
}
