import { BlockStack, Button, Card, Text } from '@shopify/polaris';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../i18n/error-text.ts';
import { privacyApi } from '../../lib/privacy-api.ts';

/**
 * The privacy report (GET /api/privacy/report), downloaded with the session token like Analytics' CSV, written in
 * the admin's language.
 */
export function PrivacyReportCard() {
  const { t, i18n } = useTranslation('privacy');
  const errorText = useErrorText('privacy');
  const [downloading, setDownloading] = useState(false);
  const download = async () => {
    setDownloading(true);
    try {
      await privacyApi.downloadReport(i18n.language);
    } catch (failure) {
      window.shopify?.toast.show(t('report.failed', { reason: errorText(failure) }), { isError: true });
    } finally {
      setDownloading(false);
    }
  };
  return (
    <Card>
      <BlockStack gap="200">
        <Text as="h2" variant="headingMd">
          {t('report.title')}
        </Text>
        <Text as="p" tone="subdued">
          {t('report.intro')}
        </Text>
        <div>
          <Button variant="primary" onClick={() => void download()} loading={downloading}>
            {t('report.download')}
          </Button>
        </div>
      </BlockStack>
    </Card>
  );
}
