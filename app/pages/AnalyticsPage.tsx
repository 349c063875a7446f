import '@shopify/polaris-viz/build/esm/styles.css';
import { Banner, BlockStack, Card, InlineStack, Layout, Page, SkeletonBodyText, Text } from '@shopify/polaris';
import { PolarisVizProvider } from '@shopify/polaris-viz';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../i18n/error-text.ts';
import { BlockCharts } from '../components/analytics/BlockCharts.tsx';
import { DateRangePicker } from '../components/analytics/DateRangePicker.tsx';
import { FeedbackCard } from '../components/analytics/FeedbackCard.tsx';
import { FollowupOutcomesCard } from '../components/analytics/FollowupOutcomesCard.tsx';
import { HoldoutSettingsCard } from '../components/analytics/HoldoutSettingsCard.tsx';
import { LiftCard } from '../components/analytics/LiftCard.tsx';
import { SummaryCard } from '../components/analytics/SummaryCard.tsx';
import { SurfaceTables } from '../components/analytics/SurfaceTables.tsx';
import { type AnalyticsReport, type AnalyticsSettings } from '../lib/analytics.ts';
import { analyticsApi } from '../lib/analytics-api.ts';
import { lastDays, type DayRange } from '../lib/date-range.ts';

const DEFAULT_DAYS = 30;

/**
 * Analytics: attributed orders beside the causal lift measured against a random holdout, follow-up outcomes and
 * shopper feedback, for a range of UTC days. Loaded on demand (the charts library is large).
 */
export function AnalyticsPage() {
  const { t } = useTranslation('analytics');
  const errorText = useErrorText('analytics');
  const [range, setRange] = useState<DayRange>(() => lastDays(DEFAULT_DAYS));
  const [report, setReport] = useState<AnalyticsReport | null>(null);
  const [settings, setSettings] = useState<AnalyticsSettings | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);
  const [exporting, setExporting] = useState(false);
  // Only the latest request may fill the page: an older, slower answer for another range is dropped.
  const latest = useRef(0);

  const load = useCallback(async (wanted: DayRange) => {
    const request = ++latest.current;
    setError(null);
    try {
      const loaded = await analyticsApi.report(wanted);
      if (request === latest.current) setReport(loaded);
    } catch (failure) {
      if (request === latest.current) setError(errorText(failure));
    }
  }, [errorText]);

  useEffect(() => {
    void load(range);
  }, [load, range]);
  useEffect(() => {
    analyticsApi.settings().then(setSettings, (failure: unknown) => setError(errorText(failure)));
  }, [errorText]);

  const save = async (next: AnalyticsSettings) => {
    setSaving(true);
    setSaveError(null);
    try {
      setSettings(await analyticsApi.saveSettings(next));
      window.shopify?.toast.show(t('page.saved'));
      await load(range);
    } catch (failure) {
      setSaveError(errorText(failure));
    } finally {
      setSaving(false);
    }
  };

  const exportCsv = async () => {
    setExporting(true);
    try {
      await analyticsApi.downloadCsv(range);
    } catch (failure) {
      window.shopify?.toast.show(t('page.exportFailed', { reason: errorText(failure) }), { isError: true });
    } finally {
      setExporting(false);
    }
  };

  const question = settings?.question ?? report?.experiment?.question ?? 'block';
  return (
    <Page
      title={t('page.title')}
      subtitle={t('page.subtitle')}
      primaryAction={{ content: t('page.export'), onAction: () => void exportCsv(), loading: exporting }}
    >
      <PolarisVizProvider>
        <BlockStack gap="400">
          <InlineStack align="space-between" blockAlign="center" gap="200">
            <DateRangePicker range={range} onChange={setRange} />
          </InlineStack>
          {error && (
            <Banner tone="critical" title={t('page.loadFailed')}>
              <p>{error}</p>
            </Banner>
          )}
          {report && report.blocks.totals.shown === 0 && (
            <Banner tone="info" title={t('page.noPicksTitle')}>
              <p>{t('page.noPicks')}</p>
            </Banner>
          )}
          {!report ? (
            !error && (
              <Card>
                <SkeletonBodyText lines={6} />
              </Card>
            )
          ) : (
            <Layout>
              <Layout.Section variant="oneHalf">
                <SummaryCard report={report} question={question} />
              </Layout.Section>
              <Layout.Section variant="oneHalf">
                <LiftCard report={report} question={question} />
              </Layout.Section>
              <Layout.Section>
                <BlockStack gap="400">
                  {settings && <HoldoutSettingsCard saved={settings} onSave={(next) => void save(next)} saving={saving} error={saveError} />}
                  {/* Before any pick is shown or order attributed, empty charts and tables say nothing the banner does not. */}
                  {(report.blocks.totals.shown > 0 || report.blocks.totals.orders > 0) && (
                    <>
                      <BlockCharts report={report} />
                      <SurfaceTables report={report} />
                    </>
                  )}
                  <FollowupOutcomesCard report={report} />
                  <FeedbackCard report={report} />
                  <Text as="p" tone="subdued">
                    {t('page.counted')}
                  </Text>
                </BlockStack>
              </Layout.Section>
            </Layout>
          )}
        </BlockStack>
      </PolarisVizProvider>
    </Page>
  );
}
