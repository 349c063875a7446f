import { Agent, request } from 'node:http';

export interface PreparedRequest {
  path: string;
  headers: Record<string, string>;
  body: string;
}

/**
 * Sends every request with at most `concurrency` in flight over kept-alive loopback connections; returns
 * each request's latency in ms (send to last byte) and the wall time. Bounded: one pass over the list.
 */
const agents = new Map<number, Agent>();

/** Sends one request and resolves with its status. */
function send(origin: URL, item: PreparedRequest, agent: Agent): Promise<number> {
  return new Promise<number>((resolve, reject) => {
    const req = request(
      { host: origin.hostname, port: origin.port, path: item.path, method: 'POST', agent, headers: { ...item.headers, 'Content-Length': Buffer.byteLength(item.body) } },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    req.end(item.body);
  });
}

function agentFor(concurrency: number): Agent {
  // One kept-alive pool per concurrency level, reused across bursts as a webhook sender's would be.
  const agent = agents.get(concurrency) ?? new Agent({ keepAlive: true, maxSockets: concurrency });
  agents.set(concurrency, agent);
  return agent;
}

/** Open loop: starts a request every 1/rate seconds whatever the answers, so latency is not queueing we made. */
export async function runPaced(origin: URL, requests: PreparedRequest[], concurrency: number, perSecond: number): Promise<{ latencies: number[]; failures: number }> {
  const agent = agentFor(concurrency);
  const latencies: number[] = [];
  let failures = 0;
  const started = performance.now();
  const pending: Promise<void>[] = [];
  for (let i = 0; i < requests.length; i += 1) {
    const due = started + (i * 1000) / perSecond;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    const sent = performance.now();
    pending.push(
      send(origin, requests[i]!, agent).then((status) => {
        latencies.push(performance.now() - sent);
        if (status !== 200) failures += 1;
      }),
    );
  }
  await Promise.all(pending);
  return { latencies, failures };
}

export async function runLoad(origin: URL, requests: PreparedRequest[], concurrency: number): Promise<{ latencies: number[]; seconds: number; failures: number }> {
  const agent = agentFor(concurrency);
  const latencies: number[] = [];
  let failures = 0;
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < requests.length) {
      const item = requests[next++]!;
      const sent = performance.now();
      const status = await send(origin, item, agent);
      latencies.push(performance.now() - sent);
      if (status !== 200) failures += 1;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { latencies, seconds: (performance.now() - started) / 1000, failures };
}

export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}
