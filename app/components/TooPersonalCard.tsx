import { BlockStack, Card, DataTable, Text } from '@shopify/polaris';
import { useEffect, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { useFormat } from '../i18n/format.ts';
import { apiFetch } from '../lib/api.ts';

interface Report {
  productId: number;
  title: string | null;
  reports: number;
}

/** Products shoppers dismissed as "too personal": a signal to tag them sensitive or rethink where they show. */
export function TooPersonalCard() {
  const { t } = useTranslation('recommendations');
  const format = useFormat();
  const [reports, setReports] = useState<Report[] | null>(null);
  useEffect(() => {
    apiFetch<{ tooPersonal: Report[] }>('/recommendations/signals').then((r) => setReports(r.tooPersonal), () => setReports([]));
  }, []);
  return (
    <Card>
      <BlockStack gap="200">
        <Text as="h2" variant="headingMd">
          {t('tooPersonal.title')}
        </Text>
        {reports === null ? null : reports.length === 0 ? (
          <Text as="p" tone="subdued">
            {t('tooPersonal.none')}
          </Text>
        ) : (
          <>
            <Text as="p" tone="subdued">
              <Trans t={t} i18nKey="tooPersonal.body" components={{ 1: <code /> }} />
            </Text>
            <DataTable
              columnContentTypes={['text', 'numeric']}
              headings={[t('tooPersonal.product'), t('tooPersonal.reports')]}
              rows={reports.map((r) => [r.title ?? t('tooPersonal.unknownProduct', { id: r.productId }), format.number(r.reports)])}
            />
          </>
        )}
      </BlockStack>
    </Card>
  );
}
