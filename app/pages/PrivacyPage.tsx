import { BlockStack, Page } from '@shopify/polaris';
import { DataRequestsCard } from '../components/DataRequestsCard.tsx';
import { ErasureCard } from '../components/privacy/ErasureCard.tsx';
import { NoticePreviewCard } from '../components/privacy/NoticePreviewCard.tsx';
import { PrivacyReportCard } from '../components/privacy/PrivacyReportCard.tsx';
import { StoredTablesCard } from '../components/privacy/StoredTablesCard.tsx';
import { merchantLocale } from '../lib/analytics.ts';

/**
 * Privacy: the notice exactly as shoppers read it, what Tacto stores per table with live counts and retention,
 * customer data and erasure requests, and a report to hand on.
 */
export function PrivacyPage({ description }: { description: string }) {
  const locale = merchantLocale();
  return (
    <Page title="Privacy" subtitle={description}>
      <BlockStack gap="400">
        <PrivacyReportCard />
        <NoticePreviewCard />
        <StoredTablesCard locale={locale} />
        <DataRequestsCard />
        <ErasureCard />
      </BlockStack>
    </Page>
  );
}
