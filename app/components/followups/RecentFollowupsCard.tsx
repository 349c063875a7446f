import { Badge, BlockStack, Card, DataTable, Text } from '@shopify/polaris';
import { reasonText, STATUS_BADGE, type FollowupJobRow } from '../../lib/followups.ts';

const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' }) : '—');

/** The latest follow-ups: which order (by its name, as in Orders), whose, about what, what happened, when, and why. */
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
            columnContentTypes={['text', 'text', 'text', 'text', 'text', 'text']}
            headings={['Order', 'Buyer', 'Product', 'Status', 'Due or sent', 'Why']}
            rows={jobs.map((job) => {
              const badge = STATUS_BADGE[job.status] ?? { label: job.status };
              return [
                job.orderName ?? `Order ${job.orderId}`,
                job.buyerFirstName ?? '—',
                job.productTitle ?? '—',
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
