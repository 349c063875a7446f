import { Router } from 'express';
import { z } from 'zod';
import type { AnalyticsService } from '../analytics/analytics-service.ts';
import { customerArm } from '../analytics/holdout.ts';
import { beaconBlock, beaconSurface } from './beacon-fields.ts';
import { requireJson, smallJsonBody } from './json-body.ts';
import { proxyShopper } from './verify-signature.ts';

const countBeacon = z.object({ event: z.enum(['click', 'add']), surface: beaconSurface, block: beaconBlock }).strict();

const enrolBeacon = z
  .object({
    experiment: z.string().regex(/^\d{1,9}$/, 'an experiment id').transform(Number),
    arm: z.enum(['treatment', 'holdout']),
  })
  .strict();

/** `personalization=0`: the storefront's consent does not allow personalization (tacto.js then acts as a visitor). */
const consentQuery = z.object({ personalization: z.enum(['0', '1']).default('1') });

/**
 * The storefront's analytics beacons (tacto.js), both answered with an empty 204 and both adding to daily counters
 * only (analytics/counter-buffer.ts): nothing in them names the shopper, and nothing about the shopper is kept.
 * - POST /proxy/count `{ event: "click" | "add", surface, block }`: a pick clicked, or added to the cart.
 * - POST /proxy/enroll `{ experiment, arm }`: a browser entering the running holdout experiment, once. A logged-in
 *   customer's arm is the app's own (a hash of shop and customer), whatever the body says.
 * Like every storefront write they are JSON only and bounded (json-body.ts). Anyone can post counts, as with any
 * storefront analytics; a count is one map update, so a flood costs little, and it cannot touch orders or revenue.
 */
export function analyticsBeacons(deps: { analytics: AnalyticsService }): Router {
  const router = Router();
  router.post('/proxy/count', requireJson, smallJsonBody, (req, res) => {
    const { shop } = proxyShopper(res);
    const { event, surface, block } = countBeacon.parse(req.body);
    deps.analytics.countEvent(shop, event, surface, block);
    res.set('Cache-Control', 'no-store').status(204).end();
  });
  router.post('/proxy/enroll', requireJson, smallJsonBody, async (req, res) => {
    const { shop, customerId } = proxyShopper(res);
    const { experiment, arm } = enrolBeacon.parse(req.body);
    const consent = consentQuery.parse(req.query).personalization === '1';
    const running = await deps.analytics.experiment(shop);
    const own = customerId !== null && consent ? customerArm(shop, customerId, running.holdoutPercent) : arm;
    await deps.analytics.enrol(shop, experiment, own);
    res.set('Cache-Control', 'no-store').status(204).end();
  });
  return router;
}
