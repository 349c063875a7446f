import { Banner, BlockStack, Button, Card, InlineStack, ProgressBar, Text } from '@shopify/polaris';
import { useCallback, useEffect, useState } from 'react';
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

const STAGE_TEXT = { products: 'Reading your catalog…', customers: 'Reading email consent…', orders: 'Importing orders…' };
const n = (value: number) => value.toLocaleString();
const day = (iso: string) => new Date(iso).toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' });

/** The import of the store's orders and catalog: progress while it runs, what it covers once done. */
export function BackfillCard() {
  const [data, setData] = useState<BackfillResponse | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(() => apiFetch<BackfillResponse>('/backfill').then(setData, (e: Error) => setError(e.message)), []);

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
    window.shopify?.toast.show('Import started');
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
            Orders and catalog
          </Text>
          <Button onClick={() => void rerun()} disabled={running || !data}>
            Import again
          </Button>
        </InlineStack>
        {error && <Banner tone="critical">{error}</Banner>}
        {backfill && !backfill.allOrdersVisible && (
          <Banner tone="warning" title="Only the last 60 days of orders are visible to Tacto">
            <p>
              Shopify shows apps orders older than 60 days only when they have been granted access to all orders
              (read_all_orders). Tacto imported what is visible; older orders are not used.
            </p>
          </Banner>
        )}
        {backfill?.status === 'failed' && (
          <Banner tone="critical" title="The import stopped">
            <p>{backfill.error}</p>
          </Banner>
        )}
        {running && (
          <BlockStack gap="200">
            <Text as="p">{STAGE_TEXT[backfill!.stage]}</Text>
            <ProgressBar progress={percent} ariaLabelledBy="backfill-progress" />
            <Text as="p" id="backfill-progress" tone="subdued">
              {n(imported?.orders ?? 0)} of {estimate === null ? '…' : n(estimate)} orders imported
            </Text>
          </BlockStack>
        )}
        {backfill?.status === 'completed' && imported && (
          <Text as="p">
            {n(imported.orders)} orders ({n(imported.orderLines)} line items), {n(imported.products)} products and {n(imported.customers)} customers
            {imported.firstOrderAt && imported.lastOrderAt ? `, from ${day(imported.firstOrderAt)} to ${day(imported.lastOrderAt)}` : ''}.
          </Text>
        )}
        {data && !backfill && <Text as="p">No import has run yet.</Text>}
      </BlockStack>
    </Card>
  );
}
