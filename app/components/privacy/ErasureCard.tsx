import { BlockStack, Card, List, Text } from '@shopify/polaris';
import { useTranslation } from 'react-i18next';

/** What Tacto does when Shopify asks it to erase a customer or the whole store; nothing for the merchant to do. */
export function ErasureCard() {
  const { t } = useTranslation('privacy');
  return (
    <Card>
      <BlockStack gap="200">
        <Text as="h2" variant="headingMd">
          {t('erasure.title')}
        </Text>
        <Text as="p" tone="subdued">
          {t('erasure.intro')}
        </Text>
        <List>
          <List.Item>{t('erasure.customer')}</List.Item>
          <List.Item>{t('erasure.shop')}</List.Item>
        </List>
      </BlockStack>
    </Card>
  );
}
