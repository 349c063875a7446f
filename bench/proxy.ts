/**
 * Storefront picks through the app proxy (issue "Storefront blocks"): throughput and latency of
 * GET /proxy/picks, signed exactly as Shopify signs it, measured with autocannon against an express hello-world
 * answering the same path with a same-size body; and the extension's asset sizes against their budget.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import autocannon from 'autocannon';
import { appProxyQuery } from '../sandbox/app-proxy/forward.ts';
import { SANDBOX_API_SECRET } from '../sandbox/credentials.ts';
import { startServerChild } from './child.ts';
import type { Section } from './report.ts';

const THROUGHPUT = { connections: 50, duration: 8 };
const PACED = { connections: 20, duration: 8, overallRate: 500 };

interface AppReady {
  origin: string;
  shop: string;
  productId: number;
}

/** A fresh signed URL: the signature's timestamp is valid for 90 seconds, longer than any one run. */
function signedPicksUrl(ready: AppReady): string {
  const original = new URLSearchParams({ template: 'product', product_id: String(ready.productId), limit: '4' });
  const query = appProxyQuery({ original, shop: ready.shop, customerId: null, pathPrefix: '/apps/tacto', secret: SANDBOX_API_SECRET });
  return `${ready.origin}/proxy/picks?${query}`;
}

async function load(url: string, options: { connections: number; duration: number; overallRate?: number }) {
  const result = await autocannon({ url, ...options });
  if (result.errors > 0 || result.non2xx > 0) throw new Error(`${url}: ${result.errors} errors, ${result.non2xx} non-2xx answers`);
  return { perSecond: result.requests.average, p99: result.latency.p99, total: result.requests.total };
}

export async function proxyBenchmark(): Promise<Section[]> {
  const hello = await startServerChild<{ origin: string }>('proxy-server-child.ts', ['hello']);
  const app = await startServerChild<AppReady>('proxy-server-child.ts', ['app']);
  try {
    const helloUrl = `${hello.ready.origin}/proxy/picks?template=product&limit=4`;
    // Warm-up, then the measured runs; each party alone on the machine while it is measured.
    await load(helloUrl, { connections: 10, duration: 2 });
    await load(signedPicksUrl(app.ready), { connections: 10, duration: 2 });
    const helloMax = await load(helloUrl, THROUGHPUT);
    const appMax = await load(signedPicksUrl(app.ready), THROUGHPUT);
    const helloPaced = await load(helloUrl, PACED);
    const appPaced = await load(signedPicksUrl(app.ready), PACED);
    return [
      {
        title: 'Storefront picks — GET /apps/tacto/picks through the app proxy (signed), a visitor on a product page',
        baseline: 'express 5 hello-world answering the same path with a same-size body, same load, same run',
        figures: [
          {
            name: `throughput, ${THROUGHPUT.connections} connections`,
            value: appMax.perSecond,
            baseline: helloMax.perSecond,
            unit: '/s',
            goal: { text: '≥ 60 % of hello-world', pass: appMax.perSecond >= 0.6 * helloMax.perSecond },
          },
          {
            name: `p99 latency at ${PACED.overallRate}/s`,
            value: appPaced.p99,
            baseline: helloPaced.p99,
            unit: 'ms',
            goal: { text: '≤ 10 ms', pass: appPaced.p99 <= 10 },
          },
        ],
        checks: [`${(appMax.total + appPaced.total).toLocaleString('en-US')} answers from Tacto, every one a 200 with a valid signature check`],
        notes: ['Signature check, query validation, the engine and the product cards run on every request; nothing is cached.'],
      },
      assetSection(),
    ];
  } finally {
    await Promise.allSettled([hello.close(), app.close()]);
  }
}

const ASSETS = fileURLToPath(new URL('../extensions/tacto/assets/', import.meta.url));
const BUDGET = { js: 4 * 1024, css: 3 * 1024 };

function gzipped(extension: 'js' | 'css'): number {
  return readdirSync(ASSETS)
    .filter((file) => file.endsWith(`.${extension}`))
    .reduce((sum, file) => sum + gzipSync(readFileSync(`${ASSETS}${file}`), { level: 9 }).length, 0);
}

function assetSection(): Section {
  const js = gzipped('js');
  const css = gzipped('css');
  return {
    title: 'Theme extension weight — every storefront page pays for these bytes',
    baseline: 'the budget',
    figures: [
      { name: 'JavaScript, gzip', value: js, baseline: BUDGET.js, unit: 'B', goal: { text: '≤ 4 KB', pass: js <= BUDGET.js } },
      { name: 'CSS, gzip', value: css, baseline: BUDGET.css, unit: 'B', goal: { text: '≤ 3 KB', pass: css <= BUDGET.css } },
    ],
    checks: ['both assets load deferred (script `defer`, no render-blocking script)'],
  };
}
