import { BlockStack, Card, DataTable, Text } from '@shopify/polaris';
import { useEffect, useState } from 'react';
import { apiFetch } from '../lib/api.ts';

interface Report {
  productId: number;
  title: string | null;
  reports: number;
}

/** Products shoppers dismissed as "too personal": a signal to tag them sensitive or rethink where they show. */
export function TooPersonalCard() {
  const [reports, setReports] = useState<Report[] | null>(null);
  useEffect(() => {
    apiFetch<{ tooPersonal: Report[] }>('/recommendations/signals').then((r) => setReports(r.tooPersonal), () => setReports([]));
  }, []);
  return (
    <Card>
      <BlockStack gap="200">
        <Text as="h2" variant="headingMd">
          Reported as too personal
        </Text>
        {reports === null ? null : reports.length === 0 ? (
          <Text as="p" tone="subdued">
            No shopper has said a suggestion felt too personal.
          </Text>
        ) : (
          <>
            <Text as="p" tone="subdued">
              Tacto already hides these, and their kind, from the shoppers who said so. Tag a product
              <code> tacto:sensitive</code> to keep it out of suggestions drawn from anyone's history.
            </Text>
            <DataTable
              columnContentTypes={['text', 'numeric']}
              headings={['Product', 'Reports']}
              rows={reports.map((r) => [r.title ?? `#${r.productId}`, r.reports])}
            />
          </>
        )}
      </BlockStack>
    </Card>
  );
}
