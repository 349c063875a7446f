import { BlockStack, Card, DataTable, Text } from '@shopify/polaris';
import { blockSettingName, formatCount, formatMoney, formatShare, rate, surfaceName, type AnalyticsReport } from '../../lib/analytics.ts';

const TEXT = {
  title: 'By surface',
  headings: ['Surface', 'Shown', 'Clicked', 'Click rate', 'Added', 'Orders', 'Revenue'],
  total: 'Total',
  byBlock: 'By block setting',
  byBlockIntro: 'The same surface with different block settings (number of picks, layout, guides, quick add), side by side.',
  blockHeadings: ['Surface', 'Block setting', 'Shown', 'Clicked', 'Click rate', 'Added'],
};

/** Where the picks work: per surface (with attributed orders) and per block setting. */
export function SurfaceTables({ report, locale }: { report: AnalyticsReport; locale: string }) {
  const { bySurface, byBlock, totals } = report.blocks;
  const count = (n: number) => formatCount(n, locale);
  const money = (n: number) => formatMoney(n, report.currency, locale);
  return (
    <Card>
      <BlockStack gap="400">
        <Text as="h2" variant="headingMd">
          {TEXT.title}
        </Text>
        <DataTable
          columnContentTypes={['text', 'numeric', 'numeric', 'numeric', 'numeric', 'numeric', 'numeric']}
          headings={TEXT.headings}
          rows={bySurface.map((row) => [
            surfaceName(row.surface),
            count(row.shown),
            count(row.clicked),
            formatShare(rate(row.clicked, row.shown), locale),
            count(row.added),
            count(row.orders),
            money(row.revenue),
          ])}
          totals={['', count(totals.shown), count(totals.clicked), formatShare(rate(totals.clicked, totals.shown), locale), count(totals.added), count(totals.orders), money(totals.revenue)]}
          totalsName={{ singular: TEXT.total, plural: TEXT.total }}
          showTotalsInFooter
        />
        {byBlock.length > 0 && (
          <BlockStack gap="200">
            <Text as="h3" variant="headingSm">
              {TEXT.byBlock}
            </Text>
            <Text as="p" tone="subdued">
              {TEXT.byBlockIntro}
            </Text>
            <DataTable
              columnContentTypes={['text', 'text', 'numeric', 'numeric', 'numeric', 'numeric']}
              headings={TEXT.blockHeadings}
              rows={byBlock.map((row) => [
                surfaceName(row.surface),
                blockSettingName(row.block),
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
