import { Router } from 'express';
import { authOf } from '../../auth/session-token.ts';
import type { BackfillService } from '../../backfill/backfill-service.ts';
import type { Storage } from '../../db/storage.ts';

/**
 * GET /api/backfill: where the import of the shop's orders and catalog stands, and what it covers.
 * POST /api/backfill: imports everything again (upserts: nothing is doubled).
 */
export function backfillRoute(deps: { storage: Storage; backfills: BackfillService }): Router {
  const router = Router();
  router.get('/backfill', async (_req, res) => {
    const { shop } = authOf(res);
    const [record, summary] = await Promise.all([deps.storage.backfills.find(shop), deps.storage.backfills.summary(shop)]);
    res.set('Cache-Control', 'no-store').json({
      backfill: record && {
        status: record.status,
        stage: record.stage,
        startedAt: record.startedAt,
        finishedAt: record.finishedAt,
        ordersEstimated: record.ordersEstimated,
        allOrdersVisible: record.allOrdersVisible,
        error: record.error,
      },
      imported: summary,
    });
  });
  router.post('/backfill', async (_req, res) => {
    const { shop } = authOf(res);
    if (!deps.backfills.isRunning(shop)) deps.backfills.start(shop).catch(() => undefined);
    res.status(202).json({ started: true });
  });
  return router;
}
