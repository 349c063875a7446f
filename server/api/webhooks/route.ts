import { Router } from 'express';
import { authOf } from '../../auth/session-token.ts';
import type { Storage } from '../../db/storage.ts';
import { failureReason, type WebhookStatusResponse } from '../../webhooks/webhook-status.ts';

/**
 * GET /api/webhooks/dead-letters: signed events Tacto has not applied — those waiting for Shopify to come back
 * (`retrying`, soonest first) apart from those given up (`deadLetters`, newest first, with the ids and why).
 */
const codeOf = (error: string | null) => {
  const { code, params } = failureReason(error);
  return { code, params };
};

export function deadLettersRoute(deps: { storage: Storage }): Router {
  const router = Router();
  router.get('/webhooks/dead-letters', async (_req, res) => {
    const { shop } = authOf(res);
    const [retrying, dead] = await Promise.all([deps.storage.webhookQueue.retrying(shop), deps.storage.webhookQueue.deadLetters(shop)]);
    const body: WebhookStatusResponse = {
      retrying: retrying.map((r) => ({
        topic: r.topic,
        eventId: r.eventId,
        receivedAt: r.receivedAt,
        attempts: r.attempts,
        nextAttemptAt: r.nextAttemptAt ?? r.receivedAt,
        error: r.error,
        reason: codeOf(r.error),
      })),
      deadLetters: dead.map((d) => ({
        topic: d.topic,
        eventId: d.eventId,
        receivedAt: d.receivedAt,
        failedAt: d.finishedAt,
        attempts: d.attempts,
        error: d.error,
        reason: codeOf(d.error),
        subjectIds: d.subjectIds,
      })),
    };
    res.set('Cache-Control', 'no-store').json(body);
  });
  return router;
}
