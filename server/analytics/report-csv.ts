import type { AnalyticsReport } from './report-types.ts';

const COLUMNS = ['section', 'day', 'surface', 'block', 'group', 'reason', 'product_type', 'metric', 'value'] as const;
type Row = Partial<Record<(typeof COLUMNS)[number], string | number | null>>;

/**
 * Pure: the report as one long CSV table (RFC 4180, a row per figure), which any spreadsheet can pivot. Product
 * types are the merchant's own text: a cell that a spreadsheet would run as a formula (=, +, -, @, tab, CR) is
 * written with a leading apostrophe, as OWASP advises against CSV injection.
 */
export function reportCsv(report: AnalyticsReport): string {
  const rows: Row[] = [];
  const { range } = report;
  rows.push({ section: 'range', metric: 'from', value: range.from }, { section: 'range', metric: 'to', value: range.to });
  if (report.currency) rows.push({ section: 'range', metric: 'currency', value: report.currency });
  for (const [metric, value] of Object.entries(report.blocks.totals)) rows.push({ section: 'totals', metric, value });
  for (const row of report.blocks.daily) {
    for (const metric of ['shown', 'clicked', 'added', 'revenue'] as const) rows.push({ section: 'daily', day: row.day, surface: row.surface, metric, value: row[metric] });
  }
  for (const row of report.blocks.bySurface) {
    for (const metric of ['shown', 'clicked', 'added', 'orders', 'revenue'] as const) rows.push({ section: 'surface', surface: row.surface, metric, value: row[metric] });
  }
  for (const row of report.blocks.byBlock) {
    for (const metric of ['shown', 'clicked', 'added'] as const) rows.push({ section: 'block', surface: row.surface, block: row.block, metric, value: row[metric] });
  }
  if (report.experiment) {
    rows.push(
      { section: 'experiment', metric: 'id', value: report.experiment.id },
      { section: 'experiment', metric: 'question', value: report.experiment.question },
      { section: 'experiment', metric: 'holdout_percent', value: report.experiment.holdoutPercent },
    );
  }
  for (const [group, arm] of Object.entries(report.lift.arms ?? {})) {
    for (const [metric, value] of Object.entries(arm)) rows.push({ section: 'lift', group, metric, value });
  }
  for (const [name, comparison] of Object.entries({ conversion: report.lift.conversion, revenue_per_shopper: report.lift.revenuePerShopper, followup_repeat: report.followups.repeat.comparison })) {
    rows.push(
      { section: name, metric: 'lift', value: comparison.lift },
      { section: name, metric: 'interval_low', value: comparison.interval?.[0] ?? null },
      { section: name, metric: 'interval_high', value: comparison.interval?.[1] ?? null },
      { section: name, metric: 'verdict', value: comparison.verdict },
      { section: name, metric: 'minimum_detectable_lift', value: comparison.minimumDetectableLift },
    );
  }
  const f = report.followups;
  rows.push({ section: 'followups', metric: 'sent', value: f.sent }, { section: 'followups', metric: 'unsubscribed', value: f.unsubscribed });
  for (const row of f.skipped) rows.push({ section: 'followups', reason: row.reason, metric: 'skipped', value: row.count });
  for (const [group, figures] of Object.entries({ followed_up: f.repeat.followedUp, holdout: f.repeat.holdout })) {
    rows.push({ section: 'followup_repeat', group, metric: 'orders', value: figures.orders }, { section: 'followup_repeat', group, metric: 'repeated', value: figures.repeated });
  }
  for (const row of report.feedback.byProductType) {
    rows.push({ section: 'feedback', reason: row.reason, product_type: row.productType, metric: 'count', value: row.count });
  }
  return [COLUMNS.join(','), ...rows.map((row) => COLUMNS.map((column) => cell(row[column])).join(','))].join('\r\n') + '\r\n';
}

function cell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
