import { BlockStack, Card, DataTable, Text } from '@shopify/polaris';
import { useTranslation } from 'react-i18next';
import { blockSettingName, formatCount, formatMoney, formatShare, rate, surfaceName, type AnalyticsReport } from '../../lib/analytics.ts';

/** Where the picks work: per surface (with attributed orders) and per block setting. */
export function SurfaceTables({ report }: { report: AnalyticsReport }) {
  const { t, i18n } = useTranslation('analytics');
  const locale = i18n.language;
  const { bySurface, byBlock, totals } = report.blocks;
  const count = (n: number) => formatCount(n, locale);
  const money = (n: number) => formatMoney(n, report.currency, locale);
  return (
    <Card>
      <BlockStack gap="400">
        <Text as="h2" variant="headingMd">
          {t('surfaces.title')}
        </Text>
        <DataTable
          columnContentTypes={['text', 'numeric', 'numeric', 'numeric', 'numeric', 'numeric', 'numeric']}
          headings={[t('surfaces.surface'), t('surfaces.shown'), t('surfaces.clicked'), t('surfaces.clickRate'), t('surfaces.added'), t('surfaces.orders'), t('surfaces.revenue')]}
          rows={bySurface.map((row) => [
            surfaceName(row.surface, i18n),
            count(row.shown),
            count(row.clicked),
            formatShare(rate(row.clicked, row.shown), locale),
            count(row.added),
            count(row.orders),
            money(row.revenue),
          ])}
          totals={['', count(totals.shown), count(totals.clicked), formatShare(rate(totals.clicked, totals.shown), locale), count(totals.added), count(totals.orders), money(totals.revenue)]}
          totalsName={{ singular: t('surfaces.total'), plural: t('surfaces.total') }}
          showTotalsInFooter
        />
        {byBlock.length > 0 && (
          <BlockStack gap="200">
            <Text as="h3" variant="headingSm">
              {t('surfaces.byBlock')}
            </Text>
            <Text as="p" tone="subdued">
              {t('surfaces.byBlockIntro')}
            </Text>
            <DataTable
              columnContentTypes={['text', 'text', 'numeric', 'numeric', 'numeric', 'numeric']}
              headings={[t('surfaces.surface'), t('surfaces.blockSetting'), t('surfaces.shown'), t('surfaces.clicked'), t('surfaces.clickRate'), t('surfaces.added')]}
              rows={byBlock.map((row) => [
                surfaceName(row.surface, i18n),
                blockSettingName(row.block, i18n),
                count(row.shown),
                count(row.clicked),
                formatShare(rate(row.clicked, row.shown), locale),
                count(row.added),
              ])}
            />
          </BlockStack>
        )}
      </BlockStack>
    </Card>
  );
}
