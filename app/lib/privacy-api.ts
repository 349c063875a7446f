import type { TableCount } from '../../server/privacy/stored-tables.ts';
import { NOTICE_LOCALES, type NoticeLocale } from '../../server/privacy/notice/notice-locales.ts';
import { apiDownloadFile, apiFetch } from './api.ts';

export { NOTICE_LOCALES, type NoticeLocale, type TableCount };

export interface NoticePreview {
  locale: NoticeLocale;
  country: string | null;
  /** A whole HTML document for a frame that runs no script. */
  document: string;
}

/** The Privacy page's calls (server/api/privacy/route.ts). */
export const privacyApi = {
  notice: (locale: NoticeLocale, country: string | null) =>
    apiFetch<NoticePreview>(`/privacy/notice?${new URLSearchParams({ locale, ...(country ? { country } : {}) }).toString()}`),
  tables: () => apiFetch<{ tables: TableCount[] }>('/privacy/tables').then((body) => body.tables),
  /** The report in `locale` (the admin's language). */
  downloadReport: (locale: string) =>
    apiDownloadFile(`/privacy/report?${new URLSearchParams({ locale }).toString()}`, `tacto-privacy-report-${new Date().toISOString().slice(0, 10)}.html`),
};
