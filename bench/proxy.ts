/**
 * Storefront picks through the app proxy (issue "Storefront blocks"): throughput and latency of
 * GET /proxy/picks, signed exactly as Shopify signs it, against an express hello-world answering the same path
 * with a same-size body — throughput with autocannon (closed loop), latency at 500 requests/s with the open-loop
 * generator of bench/http-load.ts in its own process (autocannon's rate limit sends each second's requests in
 * one burst, which measures queueing behind the burst rather than latency at that rate); and the extension's
 * asset sizes against their budget.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import autocannon from 'autocannon';
import { appProxyQuery } from '../sandbox/app-proxy/forward.ts';
import { SANDBOX_API_SECRET } from '../sandbox/credentials.ts';
import { startServerChild, type ServerChild } from './child.ts';
import type { LoadCommand, LoadResult } from './http-load.ts';
import type { Section } from './report.ts';

const THROUGHPUT = { connections: 50, duration: 8 };
const PACED = { perSecond: 500, seconds: 8, connections: 20 };

interface AppReady {
  origin: string;
  shop: string;
  productId: number;
  /** Demo customers with orders: the logged-in path, which is never cached, taken in turn. */
  customerIds: number[];
}

/** A fresh signed URL: the signature's timestamp is valid for 90 seconds, longer than any one run. */
function signedPicksUrl(ready: AppReady, customerId: number | null = null, locale = ''): string {
  const original = new URLSearchParams({ template: 'product', product_id: String(ready.productId), limit: '4', locale });
  const customer = customerId === null ? null : String(customerId);
  const query = appProxyQuery({ original, shop: ready.shop, customerId: customer, pathPrefix: '/apps/tacto', secret: SANDBOX_API_SECRET });
  return `${ready.origin}/proxy/picks?${query}`;
}

/** Each request the next of `urls` (same origin): many shoppers, as a store has, rather than one asking non-stop. */
async function loadRotating(urls: string[], options: { connections: number; duration: number }) {
  const paths = urls.map((url) => new URL(url).pathname + new URL(url).search);
  let next = 0;
  const result = await autocannon({
    url: urls[0]!,
    ...options,
    requests: [{ setupRequest: (request) => ({ ...request, path: paths[next++ % paths.length]! }) }],
  });
  if (result.errors > 0 || result.non2xx > 0) throw new Error(`${result.errors} errors, ${result.non2xx} non-2xx answers`);
  return { perSecond: result.requests.average, total: result.requests.total };
}

async function load(url: string, options: { connections: number; duration: number }) {
  const result = await autocannon({ url, ...options });
  if (result.errors > 0 || result.non2xx > 0) throw new Error(`${url}: ${result.errors} errors, ${result.non2xx} non-2xx answers`);
  return { perSecond: result.requests.average, p99: result.latency.p99, total: result.requests.total };
}

/**
 * The server's CPU time per answer during a run: unlike throughput, hardly moved by whatever else the machine
 * runs at the time (the load generator, other processes), so it says where a shortfall comes from. Time the event
 * loop spends blocked without using the CPU (a synchronous SQLite commit waiting for the disk) is not in it.
 */
async function withServerCpu<T extends { total: number }>(server: ServerChild<unknown>, run: () => Promise<T>): Promise<T & { cpuMicrosPerAnswer: number }> {
  const cpu = async () => (await server.ask<{ cpuMicros: number }>('cpu')).cpuMicros;
  const before = await cpu();
  const result = await run();
  return { ...result, cpuMicrosPerAnswer: ((await cpu()) - before) / result.total };
}

/** The language comparison: English and Spanish runs alternated, each language 2 × 4 s. */
const LANGUAGE_HALF = { connections: THROUGHPUT.connections, duration: 4 };
const LANGUAGE_ROUNDS = 4;

async function compareLanguages(app: ServerChild<unknown>, ready: AppReady) {
  const sums = { en: { total: 0, cpu: 0, seconds: 0 }, es: { total: 0, cpu: 0, seconds: 0 } };
  for (let round = 0; round < LANGUAGE_ROUNDS; round++) {
    const language = round % 2 === 0 ? 'en' : 'es';
    const urls = ready.customerIds.map((id) => signedPicksUrl(ready, id, language === 'en' ? '' : 'es'));
    const run = await withServerCpu(app, () => loadRotating(urls, LANGUAGE_HALF));
    sums[language].total += run.total;
    sums[language].cpu += run.cpuMicrosPerAnswer * run.total;
    sums[language].seconds += LANGUAGE_HALF.duration;
  }
  const of = (sum: { total: number; cpu: number; seconds: number }) => ({ perSecond: sum.total / sum.seconds, total: sum.total, cpuMicrosPerAnswer: sum.cpu / sum.total });
  return { en: of(sums.en), es: of(sums.es) };
}

export async function proxyBenchmark(): Promise<Section[]> {
  const hello = await startServerChild<{ origin: string }>('proxy-server-child.ts', ['hello']);
  const app = await startServerChild<AppReady>('proxy-server-child.ts', ['app']);
  const loader = await startServerChild<unknown>('load-child.ts', []);
  const paced = async (url: string): Promise<LoadResult> => {
    const target = new URL(url);
    const command: LoadCommand = {
      origin: target.origin,
      mode: 'paced',
      first: 0,
      count: PACED.perSecond * PACED.seconds,
      concurrency: PACED.connections,
      perSecond: PACED.perSecond,
      get: target.pathname + target.search,
    };
    const result = await loader.ask<LoadResult>(command);
    if (result.failures > 0) throw new Error(`${url}: ${result.failures} answers were not 200`);
    return result;
  };
  try {
    const helloUrl = `${hello.ready.origin}/proxy/picks?template=product&limit=4`;
    // Warm-up, then the measured runs; each party alone on the machine while it is measured.
    await load(helloUrl, { connections: 10, duration: 2 });
    await load(signedPicksUrl(app.ready), { connections: 10, duration: 2 });
    const helloMax = await withServerCpu(hello, () => load(helloUrl, THROUGHPUT));
    const appMax = await withServerCpu(app, () => load(signedPicksUrl(app.ready), THROUGHPUT));
    const loggedInMax = await withServerCpu(app, () => loadRotating(app.ready.customerIds.map((id) => signedPicksUrl(app.ready, id)), THROUGHPUT));
    // The same shoppers on the English and the Spanish page (titles and handles from the shop's translations, cards
    // kept per language), in alternating halves so that whatever else the machine runs weighs on both alike.
    const languages = await compareLanguages(app, app.ready);
    const spanishMax = languages.es;
    const cpuShare = (micros: number) => `${((helloMax.cpuMicrosPerAnswer / micros) * 100).toFixed(0)} %`;
    const helloPaced = await paced(helloUrl);
    const appPaced = await paced(signedPicksUrl(app.ready));
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
            name: `throughput, logged-in shoppers (${app.ready.customerIds.length} with orders, in turn)`,
            value: loggedInMax.perSecond,
            baseline: helloMax.perSecond,
            unit: '/s',
            goal: { text: '≥ 50 % of hello-world', pass: loggedInMax.perSecond >= 0.5 * helloMax.perSecond },
          },
          {
            name: 'throughput, the same logged-in shoppers on a Spanish page (translated titles and handles)',
            value: spanishMax.perSecond,
            baseline: languages.en.perSecond,
            unit: '/s',
            goal: { text: '≥ 90 % of the same shoppers on the English page', pass: spanishMax.perSecond >= 0.9 * languages.en.perSecond },
          },
          {
            name: `p99 latency, open loop ${PACED.perSecond}/s`,
            value: appPaced.p99,
            baseline: helloPaced.p99,
            unit: 'ms',
            goal: { text: '≤ 10 ms', pass: appPaced.p99 <= 10 },
          },
        ],
        checks: [`${(appMax.total + loggedInMax.total + languages.en.total + spanishMax.total + PACED.perSecond * PACED.seconds).toLocaleString('en-US')} answers from Tacto, every one a 200 with a valid signature check`],
        notes: [
          `Open loop ${PACED.perSecond}/s: Tacto p50 ${appPaced.p50.toFixed(1)} ms, hello-world p50 ${helloPaced.p50.toFixed(1)} ms.`,
          `Server CPU per answer during the throughput runs: hello-world ${helloMax.cpuMicrosPerAnswer.toFixed(0)} µs, visitor ${appMax.cpuMicrosPerAnswer.toFixed(0)} µs (${cpuShare(appMax.cpuMicrosPerAnswer)} of hello-world's throughput by CPU alone), logged in ${loggedInMax.cpuMicrosPerAnswer.toFixed(0)} µs (${cpuShare(loggedInMax.cpuMicrosPerAnswer)}), and, alternated in ${LANGUAGE_ROUNDS} halves of ${LANGUAGE_HALF.duration} s each, logged in on the English page ${languages.en.cpuMicrosPerAnswer.toFixed(0)} µs against the Spanish page ${spanishMax.cpuMicrosPerAnswer.toFixed(0)} µs. CPU time hardly depends on what else the machine runs; time blocked on the disk (a synchronous SQLite commit) is not in it.`,
          'Every request runs the signature check and query validation; a visitor answer is then served from memory (the same for every visitor of that page, kept a minute, dropped as soon as an order, a catalog change or a rebuild changes the model). A logged-in shopper’s answer is never cached: the redaction check, the shopper’s state and the engine run on every request (product cards are kept per model version; nothing is written: impressions come from the storefront’s seen beacon).',
        ],
      },
      assetSection(),
    ];
  } finally {
    await Promise.allSettled([hello.close(), app.close(), loader.close()]);
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
