import { Banner, BlockStack, Card, InlineStack, Badge, Layout, Page, SkeletonBodyText, Text } from '@shopify/polaris';
import { useEffect, useState } from 'react';
import { BackfillCard } from '../components/BackfillCard.tsx';
import { DeadLettersCard } from '../components/DeadLettersCard.tsx';
import { SetupChecklistCard } from '../components/SetupChecklistCard.tsx';
import { apiFetch } from '../lib/api.ts';

interface ShopResponse {
  shop: { name: string; myshopifyDomain: string; currencyCode: string; ianaTimezone: string };
  installation: { installedAt: string; scopes: string[] } | null;
}

export function HomePage() {
  const [data, setData] = useState<ShopResponse | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    apiFetch<ShopResponse>('/shop')
      .then(setData)
      .catch((e: Error) => setError(e.message));
  }, []);

  return (
    <Page title="Home">
      <Layout>
        <Layout.Section>
          <SetupChecklistCard />
        </Layout.Section>
        <Layout.Section>
          {error && (
            <Banner tone="critical" title="Tacto could not reach your store">
              <p>{error}</p>
            </Banner>
          )}
          <Card>
            {data ? (
              <BlockStack gap="300">
                <InlineStack gap="200" blockAlign="center">
                  <Text as="h2" variant="headingLg">
                    Installed on {data.shop.name}
                  </Text>
                  <Badge tone="success">Active</Badge>
                </InlineStack>
                <Text as="p" tone="subdued">
                  {data.shop.myshopifyDomain} · {data.shop.currencyCode} · {data.shop.ianaTimezone}
                </Text>
                {data.installation && (
                  <Text as="p">
                    Installed {new Date(data.installation.installedAt).toLocaleString()} with access to:{' '}
                    {data.installation.scopes.join(', ')}.
                  </Text>
                )}
              </BlockStack>
            ) : (
              !error && <SkeletonBodyText lines={3} />
            )}
          </Card>
        </Layout.Section>
        <Layout.Section>
          <BlockStack gap="400">
            <BackfillCard />
            <DeadLettersCard />
          </BlockStack>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
