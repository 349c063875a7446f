import { BlockStack, Card, List, Page, Text } from '@shopify/polaris';
import { ExplainCard } from '../components/ExplainCard.tsx';
import { TooPersonalCard } from '../components/TooPersonalCard.tsx';

/** The rules every pick passes, in the merchant's words (server/recommend/rules/ holds them as code). */
const RULES = [
  'Never the item a shopper already owns, nor another one that does the same job; everyday consumables come back only when they would need more.',
  'Never a sensitive topic (pregnancy, health conditions, intimacy, weight loss, money trouble, grief, religion) because of what someone bought — only from the page they are looking at or a preference they told you.',
  'At most 3 of 10 picks come from a shopper’s own orders, mixed in among picks anyone would see.',
  'Purchases older than 180 days no longer count; a wedding dress stops counting the day it is bought.',
  'No pick is shown to the same shopper more than 6 times in 14 days.',
  '“Not for me” removes a pick for that shopper; “too personal” removes its whole kind.',
  'A shopper who turns personalization off sees exactly what a visitor sees.',
];

export function RecommendationsPage() {
  return (
    <Page title="Recommendations">
      <BlockStack gap="400">
        <ExplainCard />
        <TooPersonalCard />
        <Card>
          <BlockStack gap="200">
            <Text as="h2" variant="headingMd">
              The rules behind every pick
            </Text>
            <List>
              {RULES.map((rule) => (
                <List.Item key={rule}>{rule}</List.Item>
              ))}
            </List>
          </BlockStack>
        </Card>
      </BlockStack>
    </Page>
  );
}
