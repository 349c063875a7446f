import { z } from 'zod';

/**
 * Pure: what a simulated day of traffic looks like, as `npm run simulate` and the sandbox admin's "Play traffic"
 * take it. Rates are shares (0–1); `effect` is the true relative effect of the tested experience on conversion
 * (0.2: the treatment converts 20 % more often than the holdout).
 */
const share = z.number().min(0).max(1);

export const simulationOptions = z
  .object({
    /** Simulated browsers, one journey each. */
    shoppers: z.number().int().min(1).max(100_000).default(200),
    effect: z.number().min(-1).max(10).default(0.2),
    seed: z.number().int().min(0).max(2 ** 32 - 1).default(1),
    /** Share of shoppers logged in as one of the store's customers. */
    loggedIn: share.default(0.1),
    /** Share whose Customer Privacy choice denies analytics: never enrolled, their cart never marked. */
    noConsent: share.default(0.1),
    /** Conversion of a shopper without the tested experience (the holdout's). */
    baseline: share.default(0.05),
    /** Of shoppers who have picks in view on the product page, the share who click one. */
    clickRate: share.default(0.15),
    /** Of those who clicked, the share who add the clicked product with the product page's own form. */
    clickAddRate: share.default(0.3),
    /** Of shoppers who have picks in view on the product page, the share who use a pick's quick add. */
    quickAddRate: share.default(0.05),
    /** Of page views with picks, the share where the shopper scrolls them into view. */
    viewRate: share.default(0.8),
    /** Of shoppers who have picks in view on the product page, the share who say "not for me" to one. */
    feedbackRate: share.default(0.02),
    /** Of orders not cancelled, the share fulfilled from the sandbox admin (which sets follow-ups going). */
    fulfilRate: share.default(0.5),
    /** Of orders, the share refunded in full from the sandbox admin; then of the rest, the share cancelled. */
    refundRate: share.default(0.05),
    cancelRate: share.default(0.03),
    /** Journeys in flight at once. */
    concurrency: z.number().int().min(1).max(64).default(8),
    /** The sandbox storefront (loopback only). */
    url: z.string().default(''),
  })
  .strict();

export type SimulationOptions = z.output<typeof simulationOptions>;
export type SimulationInput = z.input<typeof simulationOptions>;

/** The sandbox's storefront, as `npm start` runs it (SANDBOX_PORT, else 3457). */
export function defaultSandboxUrl(env: Record<string, string | undefined>): string {
  return `http://localhost:${env.SANDBOX_PORT ?? 3457}`;
}

/**
 * Only the sandbox: the simulator posts orders, refunds and cancellations, so it refuses any address that is not
 * this machine's (a real shop must never receive made-up traffic).
 */
export function loopbackUrl(text: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new SimulationOptionError(`--url "${text}" is not a URL (for example http://localhost:3457).`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new SimulationOptionError(`--url must be http(s), not ${url.protocol}`);
  if (!isLoopbackHost(url.hostname)) {
    throw new SimulationOptionError(`--url must point at the sandbox on this machine (localhost, 127.0.0.1 or [::1]), not ${url.hostname}.`);
  }
  return url;
}

export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, '');
  if (host === 'localhost' || host.endsWith('.localhost') || host === '::1') return true;
  return /^127(?:\.(?:25[0-5]|2[0-4]\d|1?\d?\d)){3}$/.test(host);
}

export class SimulationOptionError extends Error {}

/** The command line's flags, by option; each takes a value but `--storage` and `--help`. */
const FLAGS: Record<string, keyof SimulationInput> = {
  shoppers: 'shoppers',
  effect: 'effect',
  seed: 'seed',
  'logged-in': 'loggedIn',
  'no-consent': 'noConsent',
  baseline: 'baseline',
  'click-rate': 'clickRate',
  'click-add-rate': 'clickAddRate',
  'quick-add-rate': 'quickAddRate',
  'view-rate': 'viewRate',
  'feedback-rate': 'feedbackRate',
  'fulfil-rate': 'fulfilRate',
  'refund-rate': 'refundRate',
  'cancel-rate': 'cancelRate',
  concurrency: 'concurrency',
  url: 'url',
};

export interface SimulateCommand {
  options: SimulationOptions;
  storage: boolean;
  help: boolean;
}

/**
 * Pure: `npm run simulate -- --shoppers 500 --effect 20% …` as options. Shares and the effect take a fraction (0.2)
 * or a percentage (20%). Anything unknown or out of range is refused with a message naming the flag.
 */
export function parseSimulateArgs(argv: readonly string[], env: Record<string, string | undefined> = {}): SimulateCommand {
  const raw: Record<string, unknown> = {};
  let storage = false;
  let help = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--storage') storage = true;
    else if (arg === '--help' || arg === '-h') help = true;
    else if (arg.startsWith('--')) {
      const [name, inline] = arg.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
      const key = FLAGS[name];
      if (!key) throw new SimulationOptionError(`Unknown option --${name} (see --help).`);
      const value = inline ?? argv[++i];
      if (value === undefined) throw new SimulationOptionError(`--${name} needs a value.`);
      raw[key] = key === 'url' ? value : numberOf(name, value);
    } else throw new SimulationOptionError(`Unexpected argument "${arg}" (see --help).`);
  }
  const parsed = simulationOptions.safeParse(raw);
  if (!parsed.success) {
    const flagOf = (key: PropertyKey) => Object.entries(FLAGS).find(([, k]) => k === key)?.[0] ?? String(key);
    throw new SimulationOptionError(parsed.error.issues.map((issue) => `--${flagOf(issue.path[0] ?? '')}: ${issue.message}`).join('\n'));
  }
  const options = { ...parsed.data, url: parsed.data.url || defaultSandboxUrl(env) };
  loopbackUrl(options.url);
  return { options, storage, help };
}

function numberOf(flag: string, text: string): number {
  const percent = /^(-?\d+(?:\.\d+)?)%$/.exec(text.trim());
  const value = percent ? Number(percent[1]) / 100 : Number(text);
  if (text.trim() === '' || !Number.isFinite(value)) throw new SimulationOptionError(`--${flag} takes a number, not "${text}".`);
  return value;
}

export const SIMULATE_HELP = `npm run simulate -- [options]   plays shoppers through the running sandbox's storefront (npm start)

  --shoppers N         simulated browsers, one journey each (default 200)
  --effect X           true effect of the tested experience on conversion: 0.2 or 20% (default 20%)
  --baseline X         conversion without it, the holdout's (default 5%)
  --seed N             the run's seed: the same seed plays the same journeys (default 1)
  --logged-in X        share logged in as one of the store's customers (default 10%)
  --no-consent X       share whose privacy choice denies analytics: not enrolled, cart not marked (default 10%)
  --click-rate X       of shoppers with picks in view, the share who click one (default 15%)
  --click-add-rate X   of those, the share who add the clicked product with its page's form (default 30%)
  --quick-add-rate X   of shoppers with picks in view, the share who quick-add one (default 5%)
  --view-rate X        of page views with picks, the share where they come into view (default 80%)
  --feedback-rate X    of shoppers with picks in view, the share who say "not for me" (default 2%)
  --fulfil-rate X      of orders not cancelled, the share fulfilled from the sandbox admin (default 50%)
  --refund-rate X      of orders, the share refunded in full from the sandbox admin (default 5%)
  --cancel-rate X      of the other orders, the share cancelled (default 3%)
  --concurrency N      journeys in flight at once (default 8)
  --url URL            the sandbox storefront (default http://localhost:$SANDBOX_PORT, else 3457); loopback only
  --storage            also print the counter storage a day like this one costs per shop and year`;
