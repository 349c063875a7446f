import { BlockStack, Card, Page, Text } from '@shopify/polaris';

/** A page whose feature is not built yet: it says plainly what it will hold. */
export function PlannedPage({ title, description }: { title: string; description: string }) {
  return (
    <Page title={title}>
      <Card>
        <BlockStack gap="200">
          <Text as="h2" variant="headingMd">
            What this page will hold
          </Text>
          <Text as="p">{description}</Text>
          <Text as="p" tone="subdued">
            This part of Tacto is not available yet.
          </Text>
        </BlockStack>
      </Card>
    </Page>
  );
}
