import { BlockStack, Card, List, Text } from '@shopify/polaris';

/** What Tacto does when Shopify asks it to erase a customer or the whole store; nothing for the merchant to do. */
export function ErasureCard() {
  return (
    <Card>
      <BlockStack gap="200">
        <Text as="h2" variant="headingMd">
          Erasure requests
        </Text>
        <Text as="p" tone="subdued">
          Shopify sends these on its own; Tacto answers them at once, and there is nothing for you to do.
        </Text>
        <List>
          <List.Item>
            When a customer asks your store to erase their data, Shopify sends customers/redact: Tacto deletes every row
            that identifies them in every table (orders, preferences, feedback, follow-ups, data requests and any update
            still waiting), and keeps only an opaque code so that no later import writes them again. From then on, the
            storefront treats them as a visitor.
          </List.Item>
          <List.Item>
            When you uninstall Tacto, Shopify deletes its access at once and sends shop/redact 48 hours later: Tacto then
            deletes every row of your store, in every table.
          </List.Item>
        </List>
      </BlockStack>
    </Card>
  );
}
