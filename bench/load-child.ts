/**
 * Load generator for the webhook benchmark, in its own process so that it does not share an event loop
 * with the server it measures. Prints latency percentiles (ms), wall time and failures as JSON.
 *   burst:      bursts of `concurrency` simultaneous deliveries, each burst acknowledged before the next
 *   sustained:  `concurrency` deliveries always in flight
 *   paced:      deliveries started at a steady 500 per second over up to `concurrency` connections
 */
import { signWebhookBody } from '../sandbox/oauth/signing.ts';
import { percentile, runLoad, runPaced, type PreparedRequest } from './http-load.ts';

const [origin, mode, totalText, concurrencyText, secret, shop, offsetText] = process.argv.slice(2);
const total = Number(totalText);
const concurrency = Number(concurrencyText);
const offset = Number(offsetText);

function delivery(i: number): PreparedRequest {
  const n = offset + i;
  const body = JSON.stringify({
    id: 10_000_000 + n,
    created_at: '2026-11-01T10:00:00-05:00',
    updated_at: '2026-11-01T10:00:00-05:00',
    cancelled_at: null,
    customer: { id: 500 + (n % 300) },
    line_items: [
      { id: 20_000_000 + 2 * n, product_id: 1 + (n % 97), variant_id: 1, quantity: 1 },
      { id: 20_000_001 + 2 * n, product_id: 2 + (n % 89), variant_id: 2, quantity: 2 },
    ],
    refunds: [],
    fulfillments: [],
  });
  return {
    path: '/webhooks',
    body,
    headers: {
      'Content-Type': 'application/json',
      'X-Shopify-Topic': 'orders/create',
      'X-Shopify-Hmac-Sha256': signWebhookBody(body, secret!),
      'X-Shopify-Shop-Domain': shop!,
      'X-Shopify-Webhook-Id': `wh-${n}`,
      'X-Shopify-Event-Id': `ev-${n}`,
      'X-Shopify-Triggered-At': new Date().toISOString(),
      'X-Shopify-API-Version': '2026-07',
    },
  };
}

const requests = Array.from({ length: total }, (_, i) => delivery(i));
const target = new URL(origin!);
const latencies: number[] = [];
let failures = 0;
const started = performance.now();
if (mode === 'burst') {
  for (let i = 0; i < requests.length; i += concurrency) {
    const burst = await runLoad(target, requests.slice(i, i + concurrency), concurrency);
    latencies.push(...burst.latencies);
    failures += burst.failures;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
} else if (mode === 'paced') {
  const run = await runPaced(target, requests, concurrency, 500);
  latencies.push(...run.latencies);
  failures += run.failures;
} else {
  const run = await runLoad(target, requests, concurrency);
  latencies.push(...run.latencies);
  failures += run.failures;
}
const seconds = (performance.now() - started) / 1000;
latencies.sort((a, b) => a - b);
process.stdout.write(
  JSON.stringify({ p50: percentile(latencies, 50), p90: percentile(latencies, 90), p99: percentile(latencies, 99), max: latencies.at(-1), seconds, failures, count: latencies.length }),
);
