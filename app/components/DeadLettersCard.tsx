import { Badge, BlockStack, Card, InlineStack, List, Text } from '@shopify/polaris';
import { useEffect, useState } from 'react';
import type { SubjectIds } from '../../server/webhooks/subject-ids.ts';
import type { DeadLetter, RetryingWebhook, WebhookStatusResponse } from '../../server/webhooks/webhook-status.ts';
import { apiFetch } from '../lib/api.ts';

const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString() : '');
const SUBJECT_NAMES: Record<keyof SubjectIds, string> = {
  order: 'Order',
  customer: 'Customer',
  product: 'Product',
  collection: 'Collection',
  refund: 'Refund',
};

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
      <section aria-labelledby="webhooks-retrying">
        <BlockStack gap="200">
          <InlineStack gap="200" blockAlign="center">
            <Text as="h2" variant="headingMd" id="webhooks-retrying">
              Updates waiting for Shopify
            </Text>
            <Badge tone="attention">Retrying</Badge>
          </InlineStack>
          <Text as="p" tone="subdued">
            Tacto could not reach Shopify to complete these updates. It tries again on its own, for about a day; you
            have nothing to do.
          </Text>
          <List>
            {items.map((r) => (
              <List.Item key={r.eventId}>
                <Text as="span" fontWeight="semibold">
                  {r.topic}
                </Text>
                {` — ${r.error ?? 'failed'}; ${r.attempts} ${r.attempts === 1 ? 'attempt' : 'attempts'} so far, next try ${when(r.nextAttemptAt)}`}
              </List.Item>
            ))}
          </List>
        </BlockStack>
      </section>
    </Card>
  );
}

function FailedCard({ items }: { items: DeadLetter[] }) {
  return (
    <Card>
      <section aria-labelledby="webhooks-failed">
        <BlockStack gap="200">
          <InlineStack gap="200" blockAlign="center">
            <Text as="h2" variant="headingMd" id="webhooks-failed">
              Updates Tacto could not apply
            </Text>
            <Badge tone="critical">Failed</Badge>
          </InlineStack>
          <Text as="p" tone="subdued">
            Shopify sent these updates correctly signed, but Tacto could not apply them. Look up the ids in your Shopify
            admin if something seems out of date. Their content is not kept, and they disappear after 30 days.
          </Text>
          <List>
            {items.map((d) => (
              <List.Item key={d.eventId}>
                <Text as="span" fontWeight="semibold">
                  {d.topic}
                </Text>
                {subjects(d.subjectIds) && ` (${subjects(d.subjectIds)})`}
                {` — ${d.error ?? 'failed'}; given up ${when(d.failedAt ?? d.receivedAt)}`}
              </List.Item>
            ))}
          </List>
        </BlockStack>
      </section>
    </Card>
  );
}
