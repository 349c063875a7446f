import type { RequestHandler } from 'express';
import { throttledError } from '../graphql/errors.ts';

/**
 * How the Admin GraphQL endpoint fails while an outage lasts:
 * - `unreachable`: the connection is closed without an answer (what a network failure looks like to a client);
 * - `throttled`: Shopify's 200 with a `THROTTLED` error and an empty cost bucket;
 * - a number: that HTTP status (503, 502, 429 …) with Shopify's JSON error body.
 */
export type AdminApiOutage = 'unreachable' | 'throttled' | number;

/** The switch tests flip: `sandbox.adminApi.outage(503)` … `sandbox.adminApi.outage(null)`. */
export class OutageSwitch {
  private mode: AdminApiOutage | null = null;
  /** Admin GraphQL requests refused since the sandbox started (tests check the app really called). */
  refused = 0;

  constructor(private readonly throttle: { maximumAvailable: number; restoreRate: number }) {}

  set(mode: AdminApiOutage | null): void {
    this.mode = mode;
  }

  get current(): AdminApiOutage | null {
    return this.mode;
  }

  /** Runs before the GraphQL route: lets everything through unless an outage is on. */
  readonly gate: RequestHandler = (req, res, next) => {
    const mode = this.mode;
    if (mode === null) return next();
    this.refused += 1;
    if (mode === 'unreachable') {
      req.socket.destroy();
      return;
    }
    if (mode === 'throttled') {
      res.json({
        errors: [throttledError()],
        extensions: {
          cost: {
            requestedQueryCost: 1,
            actualQueryCost: null,
            throttleStatus: { maximumAvailable: this.throttle.maximumAvailable, currentlyAvailable: 0, restoreRate: this.throttle.restoreRate },
          },
        },
      });
      return;
    }
    if (mode === 429) res.set('Retry-After', '1');
    res.status(mode).json({ errors: mode === 429 ? 'Exceeded 2 calls per second for api client. Reduce request rates to resume uninterrupted service.' : 'Service Unavailable' });
  };
}
