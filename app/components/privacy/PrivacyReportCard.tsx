import { BlockStack, Button, Card, Text } from '@shopify/polaris';
import { useState } from 'react';
import { privacyApi } from '../../lib/privacy-api.ts';

const TEXT = {
  title: 'Privacy report',
  intro:
    'One printable page to hand to a customer or an auditor: what Tacto uses and never uses, the notice in each language, every table with its row count and how long it is kept, the settings in force, the data requests received (dates only) and who processes data. It names no customer.',
  download: 'Download privacy report',
  failed: (message: string) => `The download failed: ${message}`,
};

/** The privacy report (GET /api/privacy/report), downloaded with the session token like Analytics' CSV. */
export function PrivacyReportCard() {
  const [downloading, setDownloading] = useState(false);
  const download = async () => {
    setDownloading(true);
    try {
      await privacyApi.downloadReport();
    } catch (failure) {
      window.shopify?.toast.show(TEXT.failed(failure instanceof Error ? failure.message : String(failure)), { isError: true });
    } finally {
      setDownloading(false);
    }
  };
  return (
    <Card>
      <BlockStack gap="200">
        <Text as="h2" variant="headingMd">
          {TEXT.title}
        </Text>
        <Text as="p" tone="subdued">
          {TEXT.intro}
        </Text>
        <div>
          <Button variant="primary" onClick={() => void download()} loading={downloading}>
            {TEXT.download}
          </Button>
        </div>
      </BlockStack>
    </Card>
  );
}
