import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminGraphql } from '../../server/shopify/admin-graphql.ts';
import { throttleWaitMs } from '../../server/shopify/throttle.ts';
import { startAppWithSandbox, type AppAndSandbox } from '../support/sandbox.ts';

let env: AppAndSandbox;

beforeAll(async () => {
  // A bucket two product pages nearly empty, refilling slowly enough that no loaded machine's pace outruns it. A page
  // asks 27 points and uses 26: after two pages 8 are left, so the third is THROTTLED unless the two round trips
  // before it took (27 − 8) / 40 ≈ 0.48 s (at 200 points/s, 95 ms: a loaded CI machine could take that, and then
  // nothing was throttled). The install's backfill drains the same bucket, which only makes throttling likelier.
  // A wait is at most 27 / 40 s + 100 ms ≈ 0.78 s, under the 2 s the test allows.
  env = await startAppWithSandbox({ throttle: { maximumAvailable: 60, restoreRate: 40 } }, { pollIntervalMs: 20 });
  await env.sandbox.install();
});
afterAll(() => env.close());

describe('cost-based throttling', () => {
  it('computes the wait from the missing points and the restore rate', () => {
    const cost = { requestedQueryCost: 52, actualQueryCost: null, throttleStatus: { maximumAvailable: 1000, currentlyAvailable: 2, restoreRate: 50 } };
    expect(throttleWaitMs(cost)).toBe(1_100);
  });

  it('waits out THROTTLED answers and then gets the data', async () => {
    const session = (await env.app.storage.sessions.loadSession(env.app.shopify.api.session.getOfflineId(env.sandbox.shop.myshopifyDomain)))!;
    const waits: number[] = [];
    // The client's own wait, observed: the timer under test (the bucket refills while it runs), not a sleep.
    const sleep = (ms: number) => {
      waits.push(ms);
      return new Promise<void>((resolve) => setTimeout(resolve, ms));
    };
    const query = '{ products(first: 25) { nodes { id title } } }';
    const results = [];
    for (let i = 0; i < 4; i += 1) results.push(await adminGraphql<{ products: { nodes: unknown[] } }>(env.app.shopify, session, query, { sleep }));
    expect(results.every((r) => r.products.nodes.length === 25)).toBe(true);
    expect(waits.length).toBeGreaterThan(0);
    expect(waits.every((ms) => ms > 0 && ms < 2_000)).toBe(true);
  });
});
