import { Banner, BlockStack, Button, Card, InlineStack, ProgressBar, Text } from '@shopify/polaris';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../i18n/error-text.ts';
import { useFormat } from '../i18n/format.ts';
import { apiFetch } from '../lib/api.ts';

interface BackfillResponse {
  backfill: {
    status: 'running' | 'completed' | 'failed';
    stage: 'products' | 'customers' | 'orders';
    startedAt: string;
    finishedAt: string | null;
    ordersEstimated: number | null;
    allOrdersVisible: boolean;
    error: string | null;
  } | null;
  imported: { orders: number; orderLines: number; products: number; customers: number; firstOrderAt: string | null; lastOrderAt: string | null };
}

/** The import of the store's orders and catalog: progress while it runs, what it covers once done. */
export function BackfillCard() {
  const { t } = useTranslation('home');
  const format = useFormat();
  const errorText = useErrorText('home');
  const [data, setData] = useState<BackfillResponse | null>(null);
  const [error, setError] = useState<unknown>(null);
  const load = useCallback(() => apiFetch<BackfillResponse>('/backfill').then(setData, setError), []);

  useEffect(() => {
    void load();
  }, [load]);
  // Right after install the import may not have its record yet: keep asking until it has, then while it runs.
  const running = data !== null && (data.backfill === null || data.backfill.status === 'running');
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => void load(), 1_500);
    return () => clearInterval(timer);
  }, [running, load]);

  const rerun = async () => {
    await apiFetch('/backfill', { method: 'POST' });
    window.shopify?.toast.show(t('backfill.started'));
    await load();
  };

  const backfill = data?.backfill;
  const imported = data?.imported;
  const estimate = backfill?.ordersEstimated ?? null;
  const percent = backfill?.stage === 'orders' && estimate ? Math.min(100, Math.round(((imported?.orders ?? 0) / Math.max(estimate, 1)) * 100)) : 0;

  return (
    <Card>
      <BlockStack gap="300">
        <InlineStack align="space-between" blockAlign="center">
          <Text as="h2" variant="headingMd">
            {t('backfill.title')}
          </Text>
          <Button onClick={() => void rerun()} disabled={running || !data}>
            {t('backfill.importAgain')}
          </Button>
        </InlineStack>
        {error !== null && <Banner tone="critical">{errorText(error)}</Banner>}
        {backfill && !backfill.allOrdersVisible && (
          <Banner tone="warning" title={t('backfill.limited.title')}>
            <p>{t('backfill.limited.body')}</p>
          </Banner>
        )}
        {backfill?.status === 'failed' && (
          <Banner tone="critical" title={t('backfill.failed.title')}>
            {/* The server's technical detail (a Shopify status or code), for support: not worded, quoted. */}
            <p>
              {t('backfill.failed.body')} <code>{backfill.error}</code>
            </p>
          </Banner>
        )}
        {running && (
          <BlockStack gap="200">
            {backfill && <Text as="p">{t(`backfill.stage.${backfill.stage}`)}</Text>}
            <ProgressBar progress={percent} ariaLabelledBy="backfill-progress" />
            <Text as="p" id="backfill-progress" tone="subdued">
              {estimate === null
                ? t('backfill.progressUnknown', { imported: format.number(imported?.orders ?? 0) })
                : t('backfill.progress', { imported: format.number(imported?.orders ?? 0), count: estimate })}
            </Text>
          </BlockStack>
        )}
        {backfill?.status === 'completed' && imported && (
          <Text as="p">
            {(() => {
              const counts = {
                orders: t('backfill.orders', { count: imported.orders }),
                lines: t('backfill.lines', { count: imported.orderLines }),
                products: t('backfill.products', { count: imported.products }),
                customers: t('backfill.customers', { count: imported.customers }),
              };
              return imported.firstOrderAt && imported.lastOrderAt
                ? t('backfill.summaryWithRange', { ...counts, from: format.date(imported.firstOrderAt), to: format.date(imported.lastOrderAt) })
                : t('backfill.summary', counts);
            })()}
          </Text>
        )}
        {data && !backfill && <Text as="p">{t('backfill.none')}</Text>}
      </BlockStack>
    </Card>
  );
}
