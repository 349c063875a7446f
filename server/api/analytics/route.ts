import { Router } from 'express';
import { z } from 'zod';
import type { AnalyticsService } from '../../analytics/analytics-service.ts';
import { MAX_HOLDOUT_PERCENT } from '../../analytics/holdout.ts';
import { buildReport } from '../../analytics/report.ts';
import { reportCsv } from '../../analytics/report-csv.ts';
import { REPEAT_WINDOW_DAYS } from '../../analytics/report-types.ts';
import { addDays, utcDay } from '../../analytics/utc-day.ts';
import { authOf } from '../../auth/session-token.ts';
import type { Storage } from '../../db/storage.ts';
import { HttpError } from '../../http/errors.ts';

/** The longest range one report covers: the counters' retention. */
const MAX_RANGE_DAYS = 400;
const DEFAULT_RANGE_DAYS = 30;
export { REPEAT_WINDOW_DAYS };

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a day as YYYY-MM-DD')
  .refine((text) => !Number.isNaN(Date.parse(`${text}T00:00:00Z`)) && utcDay(`${text}T00:00:00Z`) === text, 'a real calendar day');

const rangeQuery = z.object({ from: day.optional(), to: day.optional() });

/**
 * The report's days from the query, defaulting to the last 30; refused with a code the admin words
 * (`analytics:errors.<code>`): `invalid_range`, `range_reversed`, `range_too_long` (`params.maxDays`).
 */
function rangeOf(query: unknown): { from: string; to: string } {
  const parsed = rangeQuery.safeParse(query);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new HttpError(400, 'invalid_range', parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '), {}, { field: String(issue?.path[0] ?? 'from') });
  }
  const to = parsed.data.to ?? utcDay();
  const from = parsed.data.from ?? addDays(to, -(DEFAULT_RANGE_DAYS - 1));
  if (from > to) throw new HttpError(400, 'range_reversed', '`from` must not be after `to`', {}, { field: 'from' });
  if (Date.parse(to) - Date.parse(from) >= MAX_RANGE_DAYS * 86_400_000) {
    throw new HttpError(400, 'range_too_long', `at most ${MAX_RANGE_DAYS} days`, {}, { field: 'from', params: { maxDays: MAX_RANGE_DAYS } });
  }
  return { from, to };
}

const settingsBody = z
  .object({
    question: z.enum(['block', 'personalization']),
    holdoutPercent: z.number().int().min(0).max(MAX_HOLDOUT_PERCENT),
  })
  .strict();

/**
 * /api/analytics/*, behind the session token like all of /api: the report (JSON and CSV) and the holdout's
 * settings. The report carries numbers and codes; the admin words them.
 */
export function analyticsRoute(deps: { storage: Storage; analytics: AnalyticsService; currency?: (shop: string) => Promise<string | null> }): Router {
  const router = Router();
  const report = async (shop: string, query: unknown) => {
    const range = rangeOf(query);
    const { analytics } = deps.storage;
    await deps.analytics.flush();
    const experiment = await deps.analytics.experiment(shop);
    const [blocks, attributed, enrolments, experimentOrders, followupOutcomes, followupRepeats, unsubscribes, feedback, currency] = await Promise.all([
      analytics.blockCounts(shop, range.from, range.to),
      analytics.attributedLines(shop, range.from, range.to),
      analytics.enrolments(shop, experiment.id, range.from, range.to),
      analytics.experimentOrders(shop, experiment.id, range.to),
      analytics.followupOutcomes(shop, range.from, range.to),
      analytics.followupRepeats(shop, range.from, range.to, REPEAT_WINDOW_DAYS, new Date().toISOString()),
      analytics.unsubscribes(shop, range.from, range.to),
      analytics.feedbackCounts(shop, range.from, range.to),
      deps.currency ? deps.currency(shop).catch(() => null) : Promise.resolve(null),
    ]);
    return buildReport({ range, currency, experiment, blocks, attributed, enrolments, experimentOrders, followupOutcomes, followupRepeats, unsubscribes, feedback });
  };

  router.get('/analytics/report', async (req, res) => {
    const { shop } = authOf(res);
    res.set('Cache-Control', 'no-store').json(await report(shop, req.query));
  });
  router.get('/analytics/report.csv', async (req, res) => {
    const { shop } = authOf(res);
    const body = await report(shop, req.query);
    res
      .set('Cache-Control', 'no-store')
      .type('text/csv; charset=utf-8')
      .attachment(`tacto-analytics-${body.range.from}-to-${body.range.to}.csv`)
      .send(reportCsv(body));
  });
  router.get('/analytics/settings', async (_req, res) => {
    const { shop } = authOf(res);
    const running = await deps.analytics.experiment(shop);
    res.set('Cache-Control', 'no-store').json(settingsOf(running));
  });
  router.post('/analytics/settings', async (req, res) => {
    const { shop } = authOf(res);
    const parsed = settingsBody.safeParse(req.body);
    if (!parsed.success) {
      const message = parsed.error.issues.map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`).join('; ');
      const field = parsed.error.issues[0]?.path[0];
      throw new HttpError(400, 'invalid_settings', message, {}, { ...(typeof field === 'string' ? { field } : {}), params: { max: MAX_HOLDOUT_PERCENT } });
    }
    res.set('Cache-Control', 'no-store').json(settingsOf(await deps.analytics.saveSettings(shop, parsed.data)));
  });
  return router;
}

function settingsOf(running: { id: number; question: 'block' | 'personalization'; holdoutPercent: number; startedAt: string }) {
  return { question: running.question, holdoutPercent: running.holdoutPercent, experimentId: String(running.id), startedAt: running.startedAt };
}
