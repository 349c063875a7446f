import { BlockStack, Card, Page, Text } from '@shopify/polaris';
import { DataRequestsCard } from '../components/DataRequestsCard.tsx';

export function PrivacyPage({ description }: { description: string }) {
  return (
    <Page title="Privacy">
      <BlockStack gap="400">
        <DataRequestsCard />
        <Card>
          <BlockStack gap="200">
            <Text as="h2" variant="headingMd">
              Coming to this page
            </Text>
            <Text as="p">{description}</Text>
          </BlockStack>
        </Card>
      </BlockStack>
    </Page>
  );
}
