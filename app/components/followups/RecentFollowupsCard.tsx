import { Badge, BlockStack, Card, DataTable, Text } from '@shopify/polaris';
import { reasonText, STATUS_BADGE, type FollowupJobRow } from '../../lib/followups.ts';

const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' }) : '—');

/** The latest follow-ups: which order, what happened, when, and why one was held back or skipped. */
export function RecentFollowupsCard({ jobs }: { jobs: FollowupJobRow[] }) {
  return (
    <Card>
      <BlockStack gap="200">
        <Text as="h2" variant="headingMd">
          Recent follow-ups
        </Text>
        {jobs.length === 0 ? (
          <Text as="p" tone="subdued">
            None yet. Once follow-ups are on, each fulfilled order of a subscribed customer gets one here.
          </Text>
        ) : (
          <DataTable
            columnContentTypes={['text', 'text', 'text', 'text']}
            headings={['Order', 'Status', 'Due or sent', 'Why']}
            rows={jobs.map((job) => {
              const badge = STATUS_BADGE[job.status] ?? { label: job.status };
              return [
                `#${job.orderId}`,
                <Badge key="status" tone={badge.tone}>
                  {badge.label}
                </Badge>,
                job.sentAt ? `Sent ${when(job.sentAt)}` : job.status === 'scheduled' || job.status === 'sending' ? `Due ${when(job.dueAt)}` : `Was due ${when(job.dueAt)}`,
                reasonText(job.reason),
              ];
            })}
          />
        )}
      </BlockStack>
    </Card>
  );
}
