import { Router } from 'express';
import { z } from 'zod';
import { authOf } from '../../auth/session-token.ts';
import type { Storage } from '../../db/storage.ts';
import { HttpError } from '../../http/errors.ts';
import { policyNoticeValues, type NoticeValuesOf } from '../../privacy/notice/notice-values.ts';
import { countryCode, NOTICE_LOCALES, noticeLocale, noticeRenderer, type NoticeRenderer } from '../../privacy/notice/render-notice.ts';
import { privacyReportHtml, reportFilename } from '../../privacy/report/report-html.ts';
import { DEFAULT_LOCALE, matchLocale } from '../../i18n/locales.ts';

const noticeQuery = z.object({ locale: noticeLocale.default('en'), country: countryCode.optional() }).strict();
/** The report's language: the admin's (`locale` as Shopify admin writes it, `es-419` → `es`); English otherwise. */
const reportQuery = z.object({ locale: z.string().max(35).optional() }).transform((q) => ({ locale: matchLocale(q.locale) ?? DEFAULT_LOCALE }));

export interface PrivacyRouteDeps {
  storage: Storage;
  /** The host follow-ups are sent through (SMTP_URL's), named in the report; null without a mail server. */
  mailHost?: string | null;
  /** The numbers the storefront notice is filled with, per shop (as GET /proxy/preferences answers them). */
  noticeValues?: NoticeValuesOf;
  renderNotice?: NoticeRenderer;
  now?: () => Date;
}

/**
 * The Privacy page's API: the notice as shoppers see it, the rows held per table, customer data requests (the list,
 * and each export as a JSON download the merchant hands to the customer), and the privacy report.
 */
export function privacyRoute(deps: PrivacyRouteDeps): Router {
  const router = Router();
  const renderNotice = deps.renderNotice ?? noticeRenderer();
  const noticeValues = deps.noticeValues ?? policyNoticeValues;
  const now = deps.now ?? (() => new Date());

  router.get('/privacy/data-requests', async (_req, res) => {
    const { shop } = authOf(res);
    res.set('Cache-Control', 'no-store').json({ dataRequests: await deps.storage.privacy.listDataRequests(shop) });
  });
  router.get('/privacy/data-requests/:id', async (req, res) => {
    const { shop } = authOf(res);
    const id = z.coerce.number().int().positive().parse(req.params.id);
    const exported = await deps.storage.privacy.dataRequest(shop, id);
    if (!exported) throw new HttpError(404, 'not_found', `No data request ${id} for this shop.`);
    res
      .set('Cache-Control', 'no-store')
      .set('Content-Disposition', `attachment; filename="tacto-data-request-${id}.json"`)
      .json(exported);
  });
  // The notice block rendered from the extension's own files, for a sandboxed frame in the admin.
  router.get('/privacy/notice', async (req, res) => {
    const { shop } = authOf(res);
    const { locale, country } = noticeQuery.parse(req.query);
    const notice = await renderNotice({ locale, country: country ?? null, values: await noticeValues(shop) });
    res.set('Cache-Control', 'no-store').json({ locale, country: notice.country, document: notice.document, locales: NOTICE_LOCALES });
  });
  // Codes and numbers: the admin words each table (server/privacy/stored-tables.ts).
  router.get('/privacy/tables', async (_req, res) => {
    const { shop } = authOf(res);
    res.set('Cache-Control', 'no-store').json({ tables: await deps.storage.privacy.tableCounts(shop) });
  });
  router.get('/privacy/report', async (req, res) => {
    const { shop } = authOf(res);
    const { locale } = reportQuery.parse(req.query);
    const at = now();
    const values = await noticeValues(shop);
    const [tables, settings, requests, notices] = await Promise.all([
      deps.storage.privacy.tableCounts(shop),
      deps.storage.shopSettings.all(shop),
      deps.storage.privacy.listDataRequests(shop),
      Promise.all(NOTICE_LOCALES.map((locale) => renderNotice({ locale, country: null, values }))),
    ]);
    const html = privacyReportHtml({
      shop,
      generatedAt: at,
      locale,
      tables,
      notices,
      settings,
      dataRequestTimes: requests.map((request) => request.requestedAt).sort(),
      mailHost: deps.mailHost ?? null,
    });
    res
      .set('Cache-Control', 'no-store')
      .set('Content-Disposition', `attachment; filename="${reportFilename(shop, at)}"`)
      .type('text/html; charset=utf-8')
      .send(html);
  });
  return router;
}
