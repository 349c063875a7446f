import { BlockStack, Page } from '@shopify/polaris';
import { useTranslation } from 'react-i18next';
import { DataRequestsCard } from '../components/DataRequestsCard.tsx';
import { ErasureCard } from '../components/privacy/ErasureCard.tsx';
import { NoticePreviewCard } from '../components/privacy/NoticePreviewCard.tsx';
import { PrivacyReportCard } from '../components/privacy/PrivacyReportCard.tsx';
import { StoredTablesCard } from '../components/privacy/StoredTablesCard.tsx';

/**
 * Privacy: the notice exactly as shoppers read it, what Tacto stores per table with live counts and retention,
 * customer data and erasure requests, and a report to hand on — all in the admin's language.
 */
export function PrivacyPage({ description }: { description: string }) {
  const { t } = useTranslation('privacy');
  return (
    <Page title={t('page.title')} subtitle={description}>
      <BlockStack gap="400">
        <PrivacyReportCard />
        <NoticePreviewCard />
        <StoredTablesCard />
        <DataRequestsCard />
        <ErasureCard />
      </BlockStack>
    </Page>
  );
}
