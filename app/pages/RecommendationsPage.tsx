import { BlockStack, Card, List, Page, Text } from '@shopify/polaris';
import { useState } from 'react';
import { ExplainCard } from '../components/ExplainCard.tsx';
import { RecommendationSettingsCard } from '../components/RecommendationSettingsCard.tsx';
import { MerchandisingCard } from '../components/MerchandisingCard.tsx';
import { TooPersonalCard } from '../components/TooPersonalCard.tsx';
import type { RecommendPolicy } from '../../server/recommend/policy.ts';
import { policyFor } from '../../server/recommend/settings/policy-for.ts';
import { DEFAULT_SETTINGS, type RecommendationSettings } from '../../server/recommend/settings/values.ts';

/**
 * The rules every pick passes, in the merchant's words (server/recommend/rules/ holds them as code). The numbers
 * come from the policy the engine runs with under the saved settings, so this text cannot drift from what it does.
 */
const rulesOf = (policy: RecommendPolicy) => [
  `Never the item a shopper already owns, however long ago they bought it; another one that does the same job rests for ${policy.substituteRestDays} days. Not even an everyday consumable comes back: a block on a screen must not show what someone bought.`,
  'On a product page, in the cart and in a follow-up, every pick goes with what is in view: bought with it in other orders, or sharing a collection or tags with it. Never a store-wide best-seller that has nothing to do with it.',
  'Never a sensitive topic (pregnancy, health conditions, intimacy, weight loss, money trouble, grief, religion) because of what someone bought — only from the page they are looking at or a preference they told you.',
  policy.deniabilityRatio <= 1
    ? 'Every block is a fresh draw from the same pool of products any visitor of that page could see. With no personal picks, every shopper gets exactly a visitor’s block: their orders are not read for suggestions.'
    : `Every block is a fresh draw from the same pool of products any visitor of that page could see, and has the same number of picks for everyone. A shopper’s orders only make some picks likelier — never more than ${policy.deniabilityRatio} times as likely, nor any absence more than ${policy.deniabilityRatio} times as likely, as for a visitor — so nothing on the screen proves what they bought.`,
  `Purchases older than ${policy.historyWindowDays} days no longer shape picks; a one-off or event purchase (a wedding dress, a trip) shapes them for ${policy.eventWindowDays} days, then nothing that goes with it is shown to that shopper.`,
  `No pick is shown to the same shopper more than ${policy.frequencyCapViews} times in ${policy.frequencyCapDays} days.`,
  '“Not for me” removes a pick for that shopper; “too personal” removes its whole kind.',
  'A shopper who turns personalization off sees exactly what a visitor sees.',
];

export function RecommendationsPage() {
  const [settings, setSettings] = useState<RecommendationSettings>(DEFAULT_SETTINGS);
  const rules = rulesOf(policyFor(settings));
  return (
    <Page title="Recommendations">
      <BlockStack gap="400">
        <RecommendationSettingsCard onSaved={setSettings} />
        <ExplainCard />
        <MerchandisingCard />
        <TooPersonalCard />
        <Card>
          <BlockStack gap="200">
            <Text as="h2" variant="headingMd">
              The rules behind every pick
            </Text>
            <List>
              {rules.map((rule) => (
                <List.Item key={rule}>{rule}</List.Item>
              ))}
            </List>
          </BlockStack>
        </Card>
      </BlockStack>
    </Page>
  );
}
