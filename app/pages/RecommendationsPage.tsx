import { BlockStack, Card, List, Page, Text } from '@shopify/polaris';
import { ExplainCard } from '../components/ExplainCard.tsx';
import { TooPersonalCard } from '../components/TooPersonalCard.tsx';
import { DEFAULT_POLICY as policy, maxHistorySlots } from '../../server/recommend/policy.ts';

/**
 * The rules every pick passes, in the merchant's words (server/recommend/rules/ holds them as code). The numbers
 * come from the engine's own policy, so this text cannot drift from what the engine does.
 */
const RULES = [
  'Never the item a shopper already owns, nor another one that does the same job — not even an everyday consumable: a block on a screen must not show what someone bought.',
  'Never a sensitive topic (pregnancy, health conditions, intimacy, weight loss, money trouble, grief, religion) because of what someone bought — only from the page they are looking at or a preference they told you.',
  `At most ${maxHistorySlots(10, policy)} of 10 picks come from a shopper’s own orders, mixed in among picks anyone would see.`,
  `Purchases older than ${policy.historyWindowDays} days no longer count; a wedding dress stops counting the day it is bought.`,
  `No pick is shown to the same shopper more than ${policy.frequencyCapViews} times in ${policy.frequencyCapDays} days.`,
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
