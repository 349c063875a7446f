import { BlockStack, Button, Card, ResourceItem, ResourceList, Text } from '@shopify/polaris';
import { useEffect, useState } from 'react';
import { apiDownload, apiFetch } from '../lib/api.ts';

interface DataRequest {
  id: number;
  customerId: number;
  requestedAt: string;
}

/** Customer data requests received through Shopify, each with its export to download. */
export function DataRequestsCard() {
  const [items, setItems] = useState<DataRequest[] | null>(null);
  useEffect(() => {
    apiFetch<{ dataRequests: DataRequest[] }>('/privacy/data-requests').then((r) => setItems(r.dataRequests), () => setItems([]));
  }, []);
  return (
    <Card>
      <BlockStack gap="200">
        <Text as="h2" variant="headingMd">
          Customer data requests
        </Text>
        <Text as="p" tone="subdued">
          When a customer asks your store for their data, Shopify tells Tacto and Tacto prepares everything it holds
          about them here, ready to send.
        </Text>
        {items && items.length === 0 && <Text as="p">No requests so far.</Text>}
        {items && items.length > 0 && (
          <ResourceList
            items={items}
            renderItem={(item) => (
              <ResourceItem id={String(item.id)} onClick={() => undefined} accessibilityLabel={`Data request ${item.id}`}>
                <BlockStack gap="100">
                  <Text as="span">
                    Customer {item.customerId}, requested {new Date(item.requestedAt).toLocaleString()}
                  </Text>
                  <div>
                    <Button onClick={() => void apiDownload(`/privacy/data-requests/${item.id}`, `tacto-data-request-${item.id}.json`)}>
                      Download export
                    </Button>
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
