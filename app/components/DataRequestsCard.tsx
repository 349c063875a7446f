import { Banner, BlockStack, Button, Card, ResourceItem, ResourceList, SkeletonBodyText, Text } from '@shopify/polaris';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../i18n/error-text.ts';
import { useFormat } from '../i18n/format.ts';
import { apiDownload, apiFetch } from '../lib/api.ts';

interface DataRequest {
  id: number;
  customerId: number;
  requestedAt: string;
}

/**
 * Customer data requests received through Shopify, each with its export to download. A failed load says so: an
 * empty list there would hide a request the merchant must answer.
 */
export function DataRequestsCard() {
  const { t } = useTranslation('privacy');
  const format = useFormat();
  const errorText = useErrorText('privacy');
  const [items, setItems] = useState<DataRequest[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    apiFetch<{ dataRequests: DataRequest[] }>('/privacy/data-requests').then(
      (r) => setItems(r.dataRequests),
      (failure: unknown) => setError(errorText(failure)),
    );
  }, [errorText]);
  const download = (item: DataRequest) =>
    apiDownload(`/privacy/data-requests/${item.id}`, `tacto-data-request-${item.id}.json`).catch((failure: unknown) =>
      window.shopify?.toast.show(t('requests.downloadFailed', { reason: errorText(failure) }), { isError: true }),
    );
  return (
    <Card>
      <BlockStack gap="200">
        <Text as="h2" variant="headingMd">
          {t('requests.title')}
        </Text>
        <Text as="p" tone="subdued">
          {t('requests.intro')}
        </Text>
        {error && (
          <Banner tone="critical" title={t('requests.failed')}>
            <p>{error}</p>
          </Banner>
        )}
        {!items && !error && <SkeletonBodyText lines={2} />}
        {items && items.length === 0 && <Text as="p">{t('requests.none')}</Text>}
        {items && items.length > 0 && (
          <ResourceList
            items={items}
            renderItem={(item) => (
              <ResourceItem id={String(item.id)} onClick={() => undefined} accessibilityLabel={t('requests.itemLabel', { id: item.id })}>
                <BlockStack gap="100">
                  <Text as="span">{t('requests.item', { customerId: item.customerId, time: format.dateTime(item.requestedAt) })}</Text>
                  <div>
                    <Button onClick={() => void download(item)}>{t('requests.download')}</Button>
                  </div>
                </BlockStack>
              </ResourceItem>
            )}
          />
        )}
      </BlockStack>
    </Card>
  );
}
