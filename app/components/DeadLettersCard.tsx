import { Badge, BlockStack, Card, DataTable, InlineStack, Text } from '@shopify/polaris';
import { useEffect, useState } from 'react';
import type { SubjectIds } from '../../server/webhooks/subject-ids.ts';
import type { DeadLetter, RetryingWebhook, WebhookStatusResponse } from '../../server/webhooks/webhook-status.ts';
import { apiFetch } from '../lib/api.ts';

const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString() : '');
const SUBJECT_NAMES: Record<keyof SubjectIds, string> = { order: 'Order', customer: 'Customer', product: 'Product', refund: 'Refund' };

/** `Order 4501 · Customer 77`: what to look up in Shopify admin. */
function subjects(ids: SubjectIds): string {
  return (Object.entries(ids) as [keyof SubjectIds, number[] | undefined][])
    .filter(([, values]) => values && values.length > 0)
    .map(([kind, values]) => `${SUBJECT_NAMES[kind]} ${values!.join(', ')}`)
    .join(' · ');
}

/**
 * Signed updates from Shopify not applied yet: those waiting for Shopify to answer again (retried on their
 * own) apart from those Tacto gave up on (with the ids to look up and why; kept 30 days, without their content).
 */
export function DeadLettersCard() {
  const [status, setStatus] = useState<WebhookStatusResponse>({ retrying: [], deadLetters: [] });
  useEffect(() => {
    apiFetch<WebhookStatusResponse>('/webhooks/dead-letters').then(setStatus, () => undefined);
  }, []);
  if (status.retrying.length === 0 && status.deadLetters.length === 0) return null;
  return (
    <BlockStack gap="400">
      {status.retrying.length > 0 && <RetryingCard items={status.retrying} />}
      {status.deadLetters.length > 0 && <FailedCard items={status.deadLetters} />}
    </BlockStack>
  );
}

function RetryingCard({ items }: { items: RetryingWebhook[] }) {
  return (
    <Card>
      <BlockStack gap="200">
        <InlineStack gap="200" blockAlign="center">
          <Text as="h2" variant="headingMd">
            Updates waiting for Shopify
          </Text>
          <Badge tone="attention">Retrying</Badge>
        </InlineStack>
        <Text as="p" tone="subdued">
          Tacto could not reach Shopify to complete these updates. It tries again on its own, for about a day; you
          have nothing to do.
        </Text>
        <DataTable
          columnContentTypes={['text', 'text', 'numeric', 'text']}
          headings={['Update', 'Problem', 'Attempts', 'Next try']}
          rows={items.map((r) => [r.topic, r.error ?? '', r.attempts, when(r.nextAttemptAt)])}
        />
      </BlockStack>
    </Card>
  );
}

function FailedCard({ items }: { items: DeadLetter[] }) {
  return (
    <Card>
      <BlockStack gap="200">
        <InlineStack gap="200" blockAlign="center">
          <Text as="h2" variant="headingMd">
            Updates Tacto could not apply
          </Text>
          <Badge tone="critical">Failed</Badge>
        </InlineStack>
        <Text as="p" tone="subdued">
          Shopify sent these updates correctly signed, but Tacto could not apply them. Look up the ids in your Shopify
          admin if something seems out of date. Their content is not kept, and they disappear after 30 days.
        </Text>
        <DataTable
          columnContentTypes={['text', 'text', 'text', 'text']}
          headings={['Failed', 'Update', 'About', 'Problem']}
          rows={items.map((d) => [when(d.failedAt ?? d.receivedAt), d.topic, subjects(d.subjectIds), d.error ?? ''])}
        />
      </BlockStack>
    </Card>
  );
}
