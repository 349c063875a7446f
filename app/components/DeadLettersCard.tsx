import { BlockStack, Card, DataTable, Text } from '@shopify/polaris';
import { useEffect, useState } from 'react';
import { apiFetch } from '../lib/api.ts';

interface DeadLetter {
  topic: string;
  eventId: string;
  receivedAt: string;
  error: string | null;
}

/** Signed updates from Shopify that Tacto could not apply: shown, not hidden; nothing else was touched. */
export function DeadLettersCard() {
  const [items, setItems] = useState<DeadLetter[]>([]);
  useEffect(() => {
    apiFetch<{ deadLetters: DeadLetter[] }>('/webhooks/dead-letters').then((r) => setItems(r.deadLetters), () => undefined);
  }, []);
  if (items.length === 0) return null;
  return (
    <Card>
      <BlockStack gap="200">
        <Text as="h2" variant="headingMd">
          Updates Tacto could not read
        </Text>
        <Text as="p" tone="subdued">
          Shopify sent these updates correctly signed, but their content was not what Tacto expects. They were set aside
          and changed nothing.
        </Text>
        <DataTable
          columnContentTypes={['text', 'text', 'text']}
          headings={['Received', 'Update', 'Problem']}
          rows={items.map((d) => [new Date(d.receivedAt).toLocaleString(), d.topic, d.error ?? ''])}
        />
      </BlockStack>
    </Card>
  );
}
