import { BlockStack, Card, Select, Text } from '@shopify/polaris';
import { LineChart, type DataSeries } from '@shopify/polaris-viz';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatCount, formatMoney, surfaceName, type AnalyticsReport } from '../../lib/analytics.ts';
import { daysOf } from '../../lib/date-range.ts';
import { ChartFigure, useChartWords } from './ChartFigure.tsx';

type Metric = 'shown' | 'clicked' | 'added';
const METRICS: Metric[] = ['shown', 'clicked', 'added'];

/** The day with the highest value, or null when every day is zero. */
function busiestDay(values: Map<string, number>): [string, number] | null {
  let best: [string, number] | null = null;
  for (const entry of values) if (entry[1] > 0 && (!best || entry[1] > best[1])) best = entry;
  return best;
}

/** Daily picks per surface (one metric at a time) and daily attributed revenue. */
export function BlockCharts({ report }: { report: AnalyticsReport }) {
  const { t, i18n } = useTranslation('analytics');
  const locale = i18n.language;
  const words = useChartWords();
  const [metric, setMetric] = useState<Metric>('shown');
  const days = daysOf(report.range);
  const surfaces = [...new Set(report.blocks.daily.map((row) => row.surface))].sort();
  // Rows are per day × surface × block setting: summed per day × surface once, read many times below.
  const cells = new Map<string, Record<Metric | 'revenue', number>>();
  for (const row of report.blocks.daily) {
    const cell = cells.get(`${row.surface}|${row.day}`) ?? { shown: 0, clicked: 0, added: 0, revenue: 0 };
    cell.shown += row.shown;
    cell.clicked += row.clicked;
    cell.added += row.added;
    cell.revenue += row.revenue;
    cells.set(`${row.surface}|${row.day}`, cell);
  }
  const value = (surface: string, day: string, key: Metric | 'revenue') => cells.get(`${surface}|${day}`)?.[key] ?? 0;

  const series: DataSeries[] = surfaces.map((surface) => ({
    name: surfaceName(surface, i18n),
    data: days.map((day) => ({ key: day, value: value(surface, day, metric) })),
  }));
  const dayTotals = new Map(days.map((day) => [day, surfaces.reduce((sum, s) => sum + value(s, day, metric), 0)]));
  const revenueByDay = new Map(days.map((day) => [day, surfaces.reduce((sum, s) => sum + value(s, day, 'revenue'), 0)]));
  const money = (n: number) => formatMoney(n, report.currency, locale);
  const count = (n: number) => formatCount(n, locale);
  const summary = (total: number, values: Map<string, number>, format: (n: number) => string) => {
    const best = busiestDay(values);
    return best
      ? t('charts.summaryBusiest', { total: format(total), day: words.day(best[0]), value: format(best[1]) })
      : t('charts.summary', { total: format(total) });
  };

  return (
    <Card>
      <BlockStack gap="400">
        <Text as="h2" variant="headingMd">
          {t('charts.title')}
        </Text>
        <Select
          label={t('charts.metric')}
          options={METRICS.map((key) => ({ label: t(`charts.metrics.${key}`), value: key }))}
          value={metric}
          onChange={(next) => setMetric(next as Metric)}
        />
        <ChartFigure
          title={t(`charts.perSurface.${metric}`)}
          summary={summary([...dayTotals.values()].reduce((a, b) => a + b, 0), dayTotals, count)}
          headings={[t('charts.day'), ...surfaces.map((surface) => surfaceName(surface, i18n)), t('charts.total')]}
          rows={days.map((day) => [words.day(day), ...surfaces.map((s) => count(value(s, day, metric))), count(dayTotals.get(day) ?? 0)])}
        >
          <LineChart
            data={series}
            xAxisOptions={words.xAxis}
            yAxisOptions={{ integersOnly: true, labelFormatter: (v) => count(Number(v ?? 0)) }}
            tooltipOptions={{ ...words.tooltip, valueFormatter: (v) => count(Number(v ?? 0)) }}
            emptyStateText={t('charts.empty')}
            isAnimated={false}
          />
        </ChartFigure>
        <ChartFigure
          title={t('charts.revenue')}
          summary={summary([...revenueByDay.values()].reduce((a, b) => a + b, 0), revenueByDay, money)}
          headings={[t('charts.day'), t('charts.revenue')]}
          rows={days.map((day) => [words.day(day), money(revenueByDay.get(day) ?? 0)])}
        >
          <LineChart
            data={[{ name: t('charts.revenue'), data: days.map((day) => ({ key: day, value: revenueByDay.get(day) ?? 0 })) }]}
            xAxisOptions={words.xAxis}
            yAxisOptions={{ labelFormatter: (v) => money(Number(v ?? 0)) }}
            tooltipOptions={{ ...words.tooltip, valueFormatter: (v) => money(Number(v ?? 0)) }}
            emptyStateText={t('charts.empty')}
            isAnimated={false}
            showLegend={false}
          />
        </ChartFigure>
      </BlockStack>
    </Card>
  );
}
