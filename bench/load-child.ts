/**
 * Load generator of the webhook benchmark, in its own process so that it shares no event loop with the
 * servers it measures. Long-lived: the warm-up also warms its own JIT, and each server keeps one pool of
 * kept-alive connections across scenarios, as Shopify's sender would. Answers one LoadCommand at a time
 * with a LoadResult; deliveries `first … first + count - 1` are built and signed before the clock starts.
 */
import type { Agent } from 'node:http';
import { keepAliveAgent, runBursts, runClosedLoop, runPaced, type LoadCommand, type LoadResult } from './http-load.ts';
import { summarize } from './stats.ts';
import { orderCreatedDelivery } from './webhook-delivery.ts';

const agents = new Map<string, Agent>();

async function run(command: LoadCommand): Promise<LoadResult> {
  const { origin, mode, first, count, concurrency, perSecond, get } = command;
  const requests = Array.from({ length: count }, (_, i) =>
    get === undefined ? orderCreatedDelivery(first + i) : { method: 'GET' as const, path: get, headers: {}, body: '' },
  );
  const agent = agents.get(origin) ?? keepAliveAgent(concurrency);
  agents.set(origin, agent);
  const target = new URL(origin);
  const done =
    mode === 'paced'
      ? await runPaced(target, requests, perSecond, agent)
      : mode === 'bursts'
        ? await runBursts(target, requests, concurrency, agent)
        : await runClosedLoop(target, requests, concurrency, agent);
  return { ...summarize(done.latencies), seconds: done.seconds, failures: done.failures, perSecond: count / done.seconds };
}

process.on('message', async (command) => {
  if (command === 'close') {
    for (const agent of agents.values()) agent.destroy();
    process.exit(0);
  }
  process.send!(await run(command as LoadCommand));
});
process.send!({ ready: true });
