import { apiDownloadFile, apiFetch } from './api.ts';
import type { AnalyticsReport, AnalyticsSettings } from './analytics.ts';
import type { DayRange } from './date-range.ts';

const query = (range: DayRange) => `from=${encodeURIComponent(range.from)}&to=${encodeURIComponent(range.to)}`;

/** The analytics endpoints, behind the session token like every /api call. */
export const analyticsApi = {
  report: (range: DayRange) => apiFetch<AnalyticsReport>(`/analytics/report?${query(range)}`),
  settings: () => apiFetch<AnalyticsSettings>('/analytics/settings'),
  saveSettings: (settings: AnalyticsSettings) =>
    apiFetch<AnalyticsSettings>('/analytics/settings', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(settings),
    }),
  downloadCsv: (range: DayRange) => apiDownloadFile(`/analytics/report.csv?${query(range)}`, `tacto-analytics-${range.from}-to-${range.to}.csv`),
};
