import { BlockStack, Box, Button, Collapsible, DataTable, Text } from '@shopify/polaris';
import { useMemo, useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDay } from '../../lib/analytics.ts';

/**
 * The days of a chart in the admin's language: the x axis ("3 dic"), the tooltip's title ("3 dic 2026") and the
 * table's first column. polaris-viz would otherwise print the raw keys ("2026-12-03").
 */
export function useChartWords() {
  const { i18n } = useTranslation();
  const locale = i18n.language;
  return useMemo(() => {
    const day = (key: string) => formatDay(key, locale);
    const shortDay = (key: string | number | null) => (key === null ? '' : formatDay(String(key), locale, false));
    return {
      day,
      xAxis: { labelFormatter: shortDay },
      tooltip: { titleFormatter: (key: string | number | null) => (key === null ? '' : day(String(key))) },
    };
  }, [locale]);
}

/**
 * A chart with its text alternative: a one-line summary read with the chart, and its numbers as a table the
 * merchant (or a screen reader) can open.
 *
 * The chart itself is inert, out of the accessibility tree and the tab order: polaris-viz 16 marks its SVG as a
 * table without rows and labels each point by a tooltip id that exists only while hovered (axe: serious), so the
 * summary and the table are what assistive technology reads. React 18 has no `inert` prop, hence the ref.
 */
export function ChartFigure({
  title,
  summary,
  headings,
  rows,
  children,
}: {
  title: string;
  summary: string;
  headings: string[];
  rows: (string | number)[][];
  children: ReactNode;
}) {
  const { t } = useTranslation('analytics');
  const [open, setOpen] = useState(false);
  const id = useId();
  return (
    <BlockStack gap="200">
      <Text as="h3" variant="headingSm">
        {title}
      </Text>
      <Text as="p" tone="subdued" id={`${id}-summary`}>
        {summary}
      </Text>
      <div style={{ height: 240 }} ref={(element) => element?.setAttribute('inert', '')}>
        {children}
      </div>
      <Box>
        <Button variant="plain" onClick={() => setOpen(!open)} ariaControls={`${id}-table`} ariaExpanded={open}>
          {open ? t('charts.hideTable') : t('charts.showTable')}
        </Button>
      </Box>
      <Collapsible id={`${id}-table`} open={open}>
        <DataTable
          columnContentTypes={headings.map((_, i) => (i === 0 ? 'text' : 'numeric'))}
          headings={headings}
          rows={rows}
        />
      </Collapsible>
    </BlockStack>
  );
}
