import { SimulatedBrowser } from './browser.ts';
import { playJourney } from './journey.ts';
import { loopbackUrl, simulationOptions, type SimulationInput, type SimulationOptions } from './options.ts';
import { loginCustomerIds } from './page-reading.ts';
import { planShoppers } from './plan.ts';
import { summarize, type ShopperOutcome, type SimulationSummary } from './summary.ts';

export interface SimulationRun {
  options: SimulationOptions;
  summary: SimulationSummary;
  requests: number;
  elapsedMs: number;
  /** Stopped before every shopper had their turn: the summary covers those who had. */
  stopped: boolean;
}

/**
 * Plays a simulated day of shoppers against a running sandbox storefront (and, through its app proxy and webhooks,
 * the app): at most `concurrency` journeys at once, each in its own browser. The orders reach the app through the
 * sandbox's webhooks afterwards, as on Shopify: Analytics shows them once the app has taken them in.
 */
export async function runSimulation(
  input: SimulationInput,
  hooks: { onProgress?(done: number, total: number, orders: number): void; signal?: AbortSignal } = {},
): Promise<SimulationRun> {
  const options = simulationOptions.parse(input);
  if (!options.url) throw new Error('The simulator needs the sandbox storefront\'s URL.');
  const origin = loopbackUrl(options.url);
  const started = performance.now();
  // Also the check that a sandbox answers there at all, before any journey starts.
  const customers = await storeCustomers(origin);
  const plans = planShoppers(options, customers);
  const outcomes: ShopperOutcome[] = new Array(plans.length);
  let next = 0;
  let done = 0;
  let orders = 0;
  let requests = 0;
  const worker = async () => {
    // A stop lets the journeys under way finish (a half-played one would leave the ground truth unknown).
    while (next < plans.length && !hooks.signal?.aborted) {
      const plan = plans[next++]!;
      const outcome = await playJourney({ origin, plan, options });
      requests += outcome.requests;
      outcomes[plan.index] = outcome;
      done++;
      if (outcome.order) orders++;
      hooks.onProgress?.(done, plans.length, orders);
    }
  };
  await Promise.all(Array.from({ length: Math.min(options.concurrency, plans.length) }, worker));
  const played = outcomes.filter((outcome) => outcome !== undefined);
  return { options, summary: summarize(played, options), requests, elapsedMs: performance.now() - started, stopped: played.length < plans.length };
}

/** The customers a shopper can log in as: the storefront's "browse as" page. */
async function storeCustomers(origin: URL): Promise<number[]> {
  const browser = new SimulatedBrowser(origin);
  let page: string;
  try {
    page = await browser.text('/account/login');
  } catch (error) {
    throw new Error(`No sandbox storefront answered at ${origin.origin} (${error instanceof Error ? error.message : error}). Start it with \`npm start\`, or pass --url.`);
  }
  return loginCustomerIds(page);
}
