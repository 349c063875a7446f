import { Router } from 'express';
import { z } from 'zod';
import { authOf } from '../../auth/session-token.ts';
import type { Storage } from '../../db/storage.ts';
import { HttpError } from '../../http/errors.ts';

/**
 * Customer data requests received through Shopify (customers/data_request): the list, and each export as a
 * JSON download the merchant hands to the customer.
 */
export function privacyRoute(deps: { storage: Storage }): Router {
  const router = Router();
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
  return router;
}
