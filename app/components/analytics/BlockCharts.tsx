import { BlockStack, Card, Select, Text } from '@shopify/polaris';
import { LineChart, type DataSeries } from '@shopify/polaris-viz';
import { useState } from 'react';
import { formatCount, formatDay, formatMoney, surfaceName, type AnalyticsReport } from '../../lib/analytics.ts';
import { daysOf } from '../../lib/date-range.ts';
import { ChartFigure } from './ChartFigure.tsx';

type Metric = 'shown' | 'clicked' | 'added';

const TEXT = {
  title: 'Day by day',
  metric: 'Show',
  metrics: { shown: 'Picks shown', clicked: 'Picks clicked', added: 'Picks added to cart' } satisfies Record<Metric, string>,
  perSurface: (metric: string) => `${metric} per day, by surface`,
  revenue: 'Attributed revenue per day',
  day: 'Day',
  total: 'Total',
  summary: (total: string, best: string | null) => (best ? `${total} in all; the busiest day was ${best}.` : `${total} in all.`),
};

/** The day with the highest value, as "Dec 3 (42)", or null when every day is zero. */
function busiestDay(values: Map<string, number>, locale: string, format: (n: number) => string): string | null {
  let best: [string, number] | null = null;
  for (const entry of values) if (entry[1] > 0 && (!best || entry[1] > best[1])) best = entry;
  return best && `${formatDay(best[0], locale)} (${format(best[1])})`;
}

/** Daily picks per surface (one metric at a time) and daily attributed revenue. */
export function BlockCharts({ report, locale }: { report: AnalyticsReport; locale: string }) {
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
    name: surfaceName(surface),
    data: days.map((day) => ({ key: day, value: value(surface, day, metric) })),
  }));
  const dayTotals = new Map(days.map((day) => [day, surfaces.reduce((sum, s) => sum + value(s, day, metric), 0)]));
  const revenueByDay = new Map(days.map((day) => [day, surfaces.reduce((sum, s) => sum + value(s, day, 'revenue'), 0)]));
  const money = (n: number) => formatMoney(n, report.currency, locale);
  const count = (n: number) => formatCount(n, locale);
  const xAxis = { labelFormatter: (key: string | number | null) => (key === null ? '' : formatDay(String(key), locale, false)) };

  return (
    <Card>
      <BlockStack gap="400">
        <Text as="h2" variant="headingMd">
          {TEXT.title}
        </Text>
        <Select
          label={TEXT.metric}
          options={(Object.keys(TEXT.metrics) as Metric[]).map((key) => ({ label: TEXT.metrics[key], value: key }))}
          value={metric}
          onChange={(next) => setMetric(next as Metric)}
        />
        <ChartFigure
          title={TEXT.perSurface(TEXT.metrics[metric])}
          summary={TEXT.summary(count([...dayTotals.values()].reduce((a, b) => a + b, 0)), busiestDay(dayTotals, locale, count))}
          headings={[TEXT.day, ...surfaces.map(surfaceName), TEXT.total]}
          rows={days.map((day) => [formatDay(day, locale), ...surfaces.map((s) => count(value(s, day, metric))), count(dayTotals.get(day) ?? 0)])}
        >
          <LineChart data={series} xAxisOptions={xAxis} yAxisOptions={{ integersOnly: true, labelFormatter: (v) => count(Number(v ?? 0)) }} isAnimated={false} />
        </ChartFigure>
        <ChartFigure
          title={TEXT.revenue}
          summary={TEXT.summary(money([...revenueByDay.values()].reduce((a, b) => a + b, 0)), busiestDay(revenueByDay, locale, money))}
          headings={[TEXT.day, TEXT.revenue]}
          rows={days.map((day) => [formatDay(day, locale), money(revenueByDay.get(day) ?? 0)])}
        >
          <LineChart
            data={[{ name: TEXT.revenue, data: days.map((day) => ({ key: day, value: revenueByDay.get(day) ?? 0 })) }]}
            xAxisOptions={xAxis}
            yAxisOptions={{ labelFormatter: (v) => money(Number(v ?? 0)) }}
            isAnimated={false}
            showLegend={false}
          />
        </ChartFigure>
      </BlockStack>
    </Card>
  );
}
