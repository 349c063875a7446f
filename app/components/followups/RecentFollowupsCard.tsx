import { Badge, BlockStack, Card, Text } from '@shopify/polaris';
import { reasonText, STATUS_BADGE, type FollowupJobRow } from '../../lib/followups.ts';

const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' }) : '—');

const HEADINGS = ['Order', 'Buyer', 'Product', 'Status', 'Due or sent', 'Why'];
const cell = { padding: '8px 12px 8px 0', verticalAlign: 'top', borderBottom: '1px solid var(--p-color-border-secondary)' } as const;

/**
 * The latest follow-ups: which order (by its name, as in Orders), whose, about what, what happened, when, and why.
 * A plain table whose long cells wrap: six columns in a card never need a scrolling region of their own.
 */
export function RecentFollowupsCard({ jobs }: { jobs: FollowupJobRow[] }) {
  return (
    <Card>
      <BlockStack gap="200">
        <Text as="h2" variant="headingMd" id="recent-followups-heading">
          Recent follow-ups
        </Text>
        {jobs.length === 0 ? (
          <Text as="p" tone="subdued">
            None yet. Once follow-ups are on, each fulfilled order of a subscribed customer gets one here.
          </Text>
        ) : (
          <table aria-labelledby="recent-followups-heading" style={{ width: '100%', borderCollapse: 'collapse', textAlign: 'start' }}>
            <thead>
              <tr>
                {HEADINGS.map((heading) => (
                  <th key={heading} scope="col" style={{ ...cell, textAlign: 'start' }}>
                    <Text as="span" variant="bodySm" fontWeight="semibold">
                      {heading}
                    </Text>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {jobs.map((job) => {
                const badge = STATUS_BADGE[job.status] ?? { label: job.status };
                const due = job.sentAt
                  ? `Sent ${when(job.sentAt)}`
                  : job.status === 'scheduled' || job.status === 'sending'
                    ? `Due ${when(job.dueAt)}`
                    : `Was due ${when(job.dueAt)}`;
                return (
                  <tr key={job.orderId}>
                    <td style={cell}>{job.orderName ?? `Order ${job.orderId}`}</td>
                    <td style={cell}>{job.buyerFirstName ?? '—'}</td>
                    <td style={cell}>{job.productTitle ?? '—'}</td>
                    <td style={cell}>
                      <Badge tone={badge.tone}>{badge.label}</Badge>
                    </td>
                    <td style={cell}>{due}</td>
                    <td style={cell}>{reasonText(job.reason)}</td>
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
