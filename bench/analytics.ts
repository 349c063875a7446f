/**
 * What counting costs the storefront (issue "Analytics that tell a merchant whether Tacto helps"): the same build
 * twice, each in its own process on an installed demo store — counting and the 10 % holdout on (as shipped), and
 * switched off — under the same load: picks alone (a visitor; logged-in buyers in turn), and whole page views, where
 * each view asks for picks and then sends the in-view beacon that counts them. Goal: with counting, ≥ 90 % of the
 * throughput without. Then the counters' size: a simulated day of traffic, and a year of such days.
 */
import autocannon from 'autocannon';
import { appProxyQuery } from '../sandbox/app-proxy/forward.ts';
import { SANDBOX_API_SECRET } from '../sandbox/credentials.ts';
import { startServerChild } from './child.ts';
import type { Section } from './report.ts';

const THROUGHPUT = { connections: 50, duration: 8 };

interface AppReady {
  origin: string;
  shop: string;
  productId: number;
  customerIds: number[];
}

function signed(ready: AppReady, path: string, original: URLSearchParams, customerId: number | null): string {
  const query = appProxyQuery({ original, shop: ready.shop, customerId: customerId === null ? null : String(customerId), pathPrefix: '/apps/tacto', secret: SANDBOX_API_SECRET });
  return `${path}?${query}`;
}

/** Requests in turn from `requests` (paths with their signed queries, methods, bodies); every answer must be 2xx. */
async function load(origin: string, requests: { method: 'GET' | 'POST'; path: string; body?: string }[]) {
  let next = 0;
  const result = await autocannon({
    url: origin,
    ...THROUGHPUT,
    requests: [
      {
        setupRequest: (request) => {
          const chosen = requests[next++ % requests.length]!;
          return { ...request, method: chosen.method, path: chosen.path, body: chosen.body, headers: { ...request.headers, 'content-type': 'application/json' } };
        },
      },
    ],
  });
  if (result.errors > 0 || result.non2xx > 0) throw new Error(`${result.errors} errors, ${result.non2xx} non-2xx answers`);
  return result.requests.average;
}

function workloads(ready: AppReady) {
  const picksQuery = new URLSearchParams({ template: 'product', product_id: String(ready.productId), limit: '4' });
  const picks = (customerId: number | null) => ({ method: 'GET' as const, path: signed(ready, '/proxy/picks', picksQuery, customerId) });
  let view = 0;
  const seen = (customerId: number | null) => ({
    method: 'POST' as const,
    path: signed(ready, '/proxy/seen', new URLSearchParams(), customerId),
    body: JSON.stringify({ view: (++view).toString(16).padStart(32, '0'), handles: ['merino-scarf', 'leather-gloves'], surface: 'product-page', block: '4-grid-g-q' }),
  });
  return {
    visitorPicks: [picks(null)],
    loggedInPicks: ready.customerIds.map((id) => picks(id)),
    visitorViews: [picks(null), seen(null)],
  };
}

export async function analyticsBenchmark(): Promise<Section[]> {
  const counted = await startServerChild<AppReady>('proxy-server-child.ts', ['app']);
  const uncounted = await startServerChild<AppReady>('proxy-server-child.ts', ['app-uncounted']);
  try {
    const on = workloads(counted.ready);
    const off = workloads(uncounted.ready);
    // Warm-up of both, then each measured alone, alternating so that neither always runs on a warmer machine.
    for (const [ready, w] of [[counted.ready, on], [uncounted.ready, off]] as const) await load(ready.origin, w.visitorViews);
    const figures: Section['figures'] = [];
    for (const [name, key] of [
      ['picks, a visitor on a product page', 'visitorPicks'],
      [`picks, logged-in buyers in turn (${counted.ready.customerIds.length})`, 'loggedInPicks'],
      ['page views: picks + the in-view beacon, visitors', 'visitorViews'],
    ] as const) {
      const without = await load(uncounted.ready.origin, off[key]);
      const withCounting = await load(counted.ready.origin, on[key]);
      figures.push({
        name: `throughput, ${name}`,
        value: withCounting,
        baseline: without,
        unit: '/s',
        goal: { text: '≥ 90 % of counting off', pass: withCounting >= 0.9 * without },
      });
    }
    return [
      {
        title: 'Counting on the storefront — the same build with counting and the holdout on, and off',
        baseline: 'the same build with counting off (no counters, no experiment), same load, same run',
        figures,
        checks: ['every answer a 2xx; the in-view beacon answered 204 by both builds'],
        notes: [
          'With counting on, a picks answer also states the running experiment (read once per shop and kept in memory) and a logged-in customer’s arm (a SHA-256 of shop and customer); a beacon adds to a map in memory, written to SQLite once a second in one transaction.',
        ],
      },
    ];
  } finally {
    await Promise.allSettled([counted.close(), uncounted.close()]);
  }
}
