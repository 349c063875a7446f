import { Router } from 'express';
import { authOf } from '../../auth/session-token.ts';
import type { Storage } from '../../db/storage.ts';

/** GET /api/webhooks/dead-letters: signed events Tacto could not apply, with why (newest first). */
export function deadLettersRoute(deps: { storage: Storage }): Router {
  const router = Router();
  router.get('/webhooks/dead-letters', async (_req, res) => {
    const { shop } = authOf(res);
    const dead = await deps.storage.webhookQueue.deadLetters(shop);
    res.set('Cache-Control', 'no-store').json({
      deadLetters: dead.map((d) => ({ topic: d.topic, eventId: d.eventId, receivedAt: d.receivedAt, error: d.error })),
    });
  });
  return router;
}
