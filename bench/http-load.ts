import { Agent, request } from 'node:http';
import type { LatencySummary } from './stats.ts';
import type { PreparedRequest } from './webhook-delivery.ts';

/**
 * One scenario for the load generator: deliveries `first … first + count - 1` to `origin`.
 *   closed:  `concurrency` deliveries always in flight
 *   bursts:  `concurrency` deliveries at once, all answered, a pause, the next burst
 *   paced:   one delivery every 1/`perSecond` s over up to `concurrency` connections (open loop)
 */
export interface LoadCommand {
  origin: string;
  mode: 'closed' | 'bursts' | 'paced';
  first: number;
  count: number;
  concurrency: number;
  perSecond: number;
  /** When set, every request is a GET of this path instead of a webhook delivery. */
  get?: string;
}

/** What a scenario reports: latencies (ms), wall time, non-200 answers, deliveries per second. */
export type LoadResult = LatencySummary & { seconds: number; failures: number; perSecond: number };

export interface LoadRun {
  /** Per request, ms from writing the request to the response's last byte. */
  latencies: number[];
  /** Requests not answered 200. */
  failures: number;
  seconds: number;
}

/** A request that gets no answer within this time counts as an error: no loop below can wait forever. */
const REQUEST_TIMEOUT_MS = 30_000;

/** Sends one request (a POST unless it says GET) and resolves with its status once the whole response has been read. */
function send(origin: URL, item: PreparedRequest, agent: Agent): Promise<number> {
  return new Promise<number>((resolve, reject) => {
    const req = request(
      {
        host: origin.hostname,
        port: origin.port,
        path: item.path,
        method: item.method ?? 'POST',
        agent,
        timeout: REQUEST_TIMEOUT_MS,
        headers: item.method === 'GET' ? item.headers : { ...item.headers, 'Content-Length': Buffer.byteLength(item.body) },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('timeout', () => req.destroy(new Error(`no answer within ${REQUEST_TIMEOUT_MS} ms`)));
    req.on('error', reject);
    req.end(item.method === 'GET' ? undefined : item.body);
  });
}

/** Kept-alive loopback connections, at most `sockets` of them, as a webhook sender keeps its pool open. */
export const keepAliveAgent = (sockets: number) => new Agent({ keepAlive: true, maxSockets: sockets });

/** Closed loop: `concurrency` requests always in flight until the list is done (one pass: bounded). */
export async function runClosedLoop(origin: URL, requests: PreparedRequest[], concurrency: number, agent: Agent): Promise<LoadRun> {
  const latencies: number[] = [];
  let failures = 0;
  let next = 0;
  const started = performance.now();
  const sender = async () => {
    while (next < requests.length) {
      const item = requests[next++]!;
      const sent = performance.now();
      const status = await send(origin, item, agent);
      latencies.push(performance.now() - sent);
      if (status !== 200) failures += 1;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, sender));
  return { latencies, failures, seconds: (performance.now() - started) / 1000 };
}

/** Bursts: `size` requests at once, all answered, a short pause, the next burst (as after a busy moment). */
export async function runBursts(origin: URL, requests: PreparedRequest[], size: number, agent: Agent): Promise<LoadRun> {
  const run: LoadRun = { latencies: [], failures: 0, seconds: 0 };
  for (let i = 0; i < requests.length; i += size) {
    const burst = await runClosedLoop(origin, requests.slice(i, i + size), size, agent);
    run.latencies.push(...burst.latencies);
    run.failures += burst.failures;
    run.seconds += burst.seconds;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return run;
}

/**
 * Open loop: starts a request every 1/rate s whatever the answers (queueing then comes from the server,
 * not from the load generator waiting for its own requests).
 */
export async function runPaced(origin: URL, requests: PreparedRequest[], perSecond: number, agent: Agent): Promise<LoadRun> {
  const latencies: number[] = [];
  let failures = 0;
  const started = performance.now();
  const inFlight: Promise<void>[] = [];
  for (let i = 0; i < requests.length; i += 1) {
    const wait = started + (i * 1000) / perSecond - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    const sent = performance.now();
    inFlight.push(
      send(origin, requests[i]!, agent).then((status) => {
        latencies.push(performance.now() - sent);
        if (status !== 200) failures += 1;
      }),
    );
  }
  await Promise.all(inFlight);
  return { latencies, failures, seconds: (performance.now() - started) / 1000 };
}
