import { Banner, BlockStack, Card, InlineStack, Badge, Layout, Page, SkeletonBodyText, Text } from '@shopify/polaris';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BackfillCard } from '../components/BackfillCard.tsx';
import { DeadLettersCard } from '../components/DeadLettersCard.tsx';
import { SetupChecklistCard } from '../components/SetupChecklistCard.tsx';
import { useErrorText } from '../i18n/error-text.ts';
import { useFormat } from '../i18n/format.ts';
import { apiFetch } from '../lib/api.ts';

interface ShopResponse {
  shop: { name: string; myshopifyDomain: string; currencyCode: string; ianaTimezone: string };
  installation: { installedAt: string; scopes: string[] } | null;
}

export function HomePage() {
  const { t } = useTranslation(['home', 'common']);
  const format = useFormat();
  const errorText = useErrorText('home');
  const [data, setData] = useState<ShopResponse | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    apiFetch<ShopResponse>('/shop').then(setData, setError);
  }, []);

  return (
    <Page title={t('common:nav.home.label')}>
      <Layout>
        <Layout.Section>
          <SetupChecklistCard />
        </Layout.Section>
        <Layout.Section>
          {error !== null && (
            <Banner tone="critical" title={t('shop.unreachable')}>
              <p>{errorText(error)}</p>
            </Banner>
          )}
          <Card>
            {data ? (
              <BlockStack gap="300">
                <InlineStack gap="200" blockAlign="center">
                  <Text as="h2" variant="headingLg">
                    {t('shop.installedOn', { shop: data.shop.name })}
                  </Text>
                  <Badge tone="success">{t('shop.active')}</Badge>
                </InlineStack>
                <Text as="p" tone="subdued">
                  {data.shop.myshopifyDomain} · {data.shop.currencyCode} · {data.shop.ianaTimezone}
                </Text>
                {data.installation && (
                  <Text as="p">
                    {t('shop.installedWith', { date: format.dateTime(data.installation.installedAt), scopes: data.installation.scopes.join(', ') })}
                  </Text>
                )}
              </BlockStack>
            ) : (
              error === null && <SkeletonBodyText lines={3} />
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
