import { BlockStack, Card, List, Page, Text } from '@shopify/polaris';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ExplainCard } from '../components/ExplainCard.tsx';
import { RecommendationSettingsCard } from '../components/RecommendationSettingsCard.tsx';
import { MerchandisingCard } from '../components/MerchandisingCard.tsx';
import { TooPersonalCard } from '../components/TooPersonalCard.tsx';
import { units, type SettingsWords } from '../lib/recommendation-settings.ts';
import type { RecommendPolicy } from '../../server/recommend/policy.ts';
import { policyFor } from '../../server/recommend/settings/policy-for.ts';
import { DEFAULT_SETTINGS, type RecommendationSettings } from '../../server/recommend/settings/values.ts';

/**
 * The rules every pick passes, in the merchant's words (server/recommend/rules/ holds them as code). The numbers
 * come from the policy the engine runs with under the saved settings, so this text cannot drift from what it does.
 */
export function rulesOf(policy: RecommendPolicy, t: SettingsWords): string[] {
  const u = units(t);
  return [
    t('rules.neverOwned', { days: u.days(policy.substituteRestDays) }),
    t('rules.goesWith'),
    t('rules.sensitive'),
    policy.deniabilityRatio <= 1 ? t('rules.sameForEveryone') : t('rules.bounded', { ratio: t('units.number', { value: policy.deniabilityRatio }) }),
    t('rules.windows', { history: u.days(policy.historyWindowDays), event: u.days(policy.eventWindowDays) }),
    t('rules.frequency', { views: u.times(policy.frequencyCapViews), days: u.days(policy.frequencyCapDays) }),
    t('rules.feedback'),
    t('rules.off'),
  ];
}

export function RecommendationsPage() {
  const { t } = useTranslation('recommendations');
  const { t: common } = useTranslation('common');
  const [settings, setSettings] = useState<RecommendationSettings>(DEFAULT_SETTINGS);
  const rules = rulesOf(policyFor(settings), t);
  return (
    <Page title={common('nav.recommendations.label')}>
      <BlockStack gap="400">
        <RecommendationSettingsCard onSaved={setSettings} />
        <ExplainCard />
        <MerchandisingCard />
        <TooPersonalCard />
        <Card>
          <BlockStack gap="200">
            <Text as="h2" variant="headingMd">
              {t('rules.title')}
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
