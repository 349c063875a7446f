import { Badge, BlockStack, Card, InlineStack, List, Text } from '@shopify/polaris';
import type { TFunction } from 'i18next';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SubjectIds } from '../../server/webhooks/subject-ids.ts';
import type { DeadLetter, FailureReason, RetryingWebhook, WebhookStatusResponse } from '../../server/webhooks/webhook-status.ts';
import { useFormat } from '../i18n/format.ts';
import { apiFetch } from '../lib/api.ts';

/** `Order 4501 · Customer 77`: what to look up in Shopify admin. */
function subjects(ids: SubjectIds, t: TFunction<'home'>): string {
  return (Object.entries(ids) as [keyof SubjectIds, number[] | undefined][])
    .filter(([, values]) => values && values.length > 0)
    .map(([kind, values]) => t(`webhooks.subjects.${kind}`, { ids: values!.join(', ') }))
    .join(' · ');
}

const reasonText = (reason: FailureReason, t: TFunction<'home'>) => t(`webhooks.reasons.${reason.code}`, reason.params);

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
  const { t } = useTranslation('home');
  const format = useFormat();
  return (
    <Card>
      <section aria-labelledby="webhooks-retrying">
        <BlockStack gap="200">
          <InlineStack gap="200" blockAlign="center">
            <Text as="h2" variant="headingMd" id="webhooks-retrying">
              {t('webhooks.retrying.title')}
            </Text>
            <Badge tone="attention">{t('webhooks.retrying.badge')}</Badge>
          </InlineStack>
          <Text as="p" tone="subdued">
            {t('webhooks.retrying.body')}
          </Text>
          <List>
            {items.map((r) => (
              <List.Item key={r.eventId}>
                <Text as="span" fontWeight="semibold">
                  {r.topic}
                </Text>
                {` — ${t('webhooks.retrying.item', { reason: reasonText(r.reason, t), count: r.attempts, next: format.dateTime(r.nextAttemptAt) })}`}
              </List.Item>
            ))}
          </List>
        </BlockStack>
      </section>
    </Card>
  );
}

function FailedCard({ items }: { items: DeadLetter[] }) {
  const { t } = useTranslation('home');
  const format = useFormat();
  return (
    <Card>
      <section aria-labelledby="webhooks-failed">
        <BlockStack gap="200">
          <InlineStack gap="200" blockAlign="center">
            <Text as="h2" variant="headingMd" id="webhooks-failed">
              {t('webhooks.failed.title')}
            </Text>
            <Badge tone="critical">{t('webhooks.failed.badge')}</Badge>
          </InlineStack>
          <Text as="p" tone="subdued">
            {t('webhooks.failed.body')}
          </Text>
          <List>
            {items.map((d) => (
              <List.Item key={d.eventId}>
                <Text as="span" fontWeight="semibold">
                  {d.topic}
                </Text>
                {subjects(d.subjectIds, t) && ` (${subjects(d.subjectIds, t)})`}
                {` — ${t('webhooks.failed.item', { reason: reasonText(d.reason, t), when: format.dateTime(d.failedAt ?? d.receivedAt) })}`}
              </List.Item>
            ))}
          </List>
        </BlockStack>
      </section>
    </Card>
  );
}
