/**
 * Every HTTP route of one real installed app (sandbox shop, demo seed, SMTP sink), fuzzed: thousands of random
 * and malformed requests — forged and stale signatures, random session tokens, random JSON shapes, huge and deep
 * bodies, wrong content types, invalid UTF-8, odd methods, traversal paths, long and repeated headers and query
 * keys, prototype keys — sent over keep-alive connections, a dozen at a time.
 *
 * Three batches: requests that fail authentication (or need none), checked against a snapshot of every table;
 * requests signed as Shopify signs them with random input behind the signature; and follow-up sequences (persona,
 * preview, test mail, flow) sent in order, for state that single random requests rarely line up.
 *
 * What an attacker would notice if it broke: a 5xx (something the app did not expect), a server that stops
 * answering, a forged request that gets through, a row written by a request that failed authentication, a
 * polluted prototype, or an error that is not the app's JSON `{ error, message }`. The inputs are fixed by SEED
 * (fast-check), so a failure replays with the same requests; each 5xx is listed with its request and stack.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SANDBOX_API_KEY, SANDBOX_API_SECRET } from '../../sandbox/credentials.ts';
import { derivedSecret } from '../../server/followups/setup.ts';
import { ADMIN_BUILD_DIR } from '../../server/frontend/admin-html.ts';
import { adminApi, PERSONA, verificationCode } from '../followups/support.ts';
import { startInstalledApp, type AppAndSandbox } from '../support/sandbox.ts';
import { apiProbe, followupSequence, oauthProbe, proxyProbe, publicProbe, unsubscribeProbe, webhookProbe, type FuzzTarget } from './fuzz/probes.ts';
import { describeFindings, runBatch, watchHealth, type BatchResult, type Finding, type LoggedError, type Probe } from './fuzz/runner.ts';
import { diffSnapshots } from './fuzz/snapshot-diff.ts';
import { WireClient } from './fuzz/wire.ts';

const SEED = 20_260_712;
/** Requests per family and kind; the sum is the suite's request count (asserted below). */
const FORGED = { webhooks: 650, proxy: 800, api: 800, unsubscribe: 250, oauth: 200, public: 300 };
const SIGNED = { webhooks: 500, proxy: 900, api: 750, unsubscribe: 150, oauth: 100 };
/** Follow-up sequences of four requests each, sent in order. */
const SEQUENCES = 40;
const MIN_REQUESTS = 5_000;
/** Requests in flight at once: enough to overlap, few enough for a 2-core machine shared with other tests. */
const CONCURRENCY = 12;

let env: AppAndSandbox;
let target: FuzzTarget;
let client: WireClient;
let healthClient: WireClient;
let pngBase64: string;
const serverLog: LoggedError[] = [];
const sent = { forged: 0, signed: 0, sequences: 0 };

/**
 * One authorization started as the merchant's browser starts it. The library keeps no server-side state for it
 * (the state travels in a signed cookie), so every signed callback probe reuses it.
 */
let oauthStarted: Promise<{ state: string; cookie: string }> | undefined;
async function beginOAuth(shop: string): Promise<{ state: string; cookie: string }> {
  // A browser's User-Agent: Shopify's library turns bots away (410).
  const headers = { 'User-Agent': 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36' };
  const response = await fetch(new URL(`/api/auth?shop=${shop}`, env.app.url), { redirect: 'manual', headers });
  expect(response.status).toBe(302);
  const state = new URL(response.headers.get('location')!).searchParams.get('state')!;
  return { state, cookie: response.headers.getSetCookie().map((line) => line.split(';')[0]).join('; ') };
}

/** Fixed draws: the same seed gives the same requests on every run. */
function draw(arbitrary: fc.Arbitrary<Probe>, numRuns: number, offset: number): Probe[] {
  return numRuns === 0 ? [] : fc.sample(arbitrary, { seed: SEED + offset, numRuns });
}

/** Nothing in flight that could write on its own: webhook deliveries, the webhook queue, a backfill. */
async function settle(): Promise<void> {
  for (let round = 0; round < 3; round += 1) {
    await env.sandbox.webhooks.idle();
    await env.app.webhookWorker.idle();
  }
  expect(env.app.backfills.isRunning(target.shop)).toBe(false);
}

/**
 * The persona saved as PERSONA and verified, so previews, test mails and the flow reach past "create the persona
 * first" (the signed batch may have changed or unverified it).
 */
async function verifiedPersona(): Promise<void> {
  const api = adminApi(() => env);
  expect((await api('PUT', '/followups/persona', PERSONA)).status).toBe(200);
  const current = (await api('GET', '/followups')).body as { persona: { replyToVerifiedAt: string | null } };
  if (current.persona.replyToVerifiedAt) return;
  env.sandbox.smtp!.clear();
  expect((await api('POST', '/followups/persona/verification')).status).toBe(200);
  const code = await verificationCode(env, PERSONA.replyTo);
  expect((await api('POST', '/followups/persona/verify', { code })).status).toBe(200);
}

/** CPU this process (app, sandbox and client together) spent since `since`: the suite's cost whatever the machine's load. */
const cpuMs = (since: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(since);
  return Math.round((used.user + used.system) / 1000);
};

/** The server runs in this process: a polluted prototype would show here. */
const PROTOTYPES = { Object: Object.prototype, Array: Array.prototype, Function: Function.prototype };
const prototypeKeys = () => Object.entries(PROTOTYPES).map(([name, proto]) => `${name}: ${Reflect.ownKeys(proto).map(String).sort().join(',')}`);
const pristinePrototypes = prototypeKeys();

function expectClean(result: BatchResult, health: { checks: number; failures: string[] }) {
  expect.soft(prototypeKeys(), 'a request added keys to a built-in prototype').toEqual(pristinePrototypes);
  expect.soft(describeFindings('5xx answers', result.serverErrors)).toBe('5xx answers: none');
  expect.soft(describeFindings('forged requests that got through', result.accepted)).toBe('forged requests that got through: none');
  expect.soft(describeFindings('requests without an answer', result.unanswered)).toBe('requests without an answer: none');
  expect.soft(describeFindings('4xx that are not JSON { error }', result.malformedErrors)).toBe('4xx that are not JSON { error }: none');
  expect.soft(health.failures, '/healthz failed while the batch ran').toEqual([]);
  expect(health.checks).toBeGreaterThan(1);
}

beforeAll(async () => {
  env = await startInstalledApp({ smtpPort: 0 });
  // Stack traces of 5xx answers, for the report: the error responder logs each one at error level (silent here).
  const logger = env.app.logger;
  const logError = logger.error.bind(logger);
  logger.error = ((obj: unknown, ...rest: unknown[]) => {
    const { err, path } = (obj ?? {}) as { err?: unknown; path?: string };
    if (err && path) serverLog.push({ path, stack: err instanceof Error ? (err.stack ?? err.message) : String(err) });
    return (logError as (...args: unknown[]) => void)(obj, ...rest);
  }) as typeof logger.error;

  await verifiedPersona();
  // No follow-up round during the suite: a round writes jobs on its own schedule, which is not a request's doing.
  await env.app.followups.worker.stop();

  const shop = env.sandbox.shop.myshopifyDomain;
  target = {
    appOrigin: env.app.url,
    shop,
    apiKey: SANDBOX_API_KEY,
    apiSecret: SANDBOX_API_SECRET,
    customerIds: [...env.sandbox.store.customers.keys()],
    productHandles: [...env.sandbox.store.products.values()].map((p) => p.handle),
    unsubscribeSecret: derivedSecret(SANDBOX_API_SECRET, 'unsubscribe'),
    assetNames: readdirSync(join(ADMIN_BUILD_DIR, 'assets')),
    persona: PERSONA,
    beginOAuth: () => (oauthStarted ??= beginOAuth(shop)),
  };
  pngBase64 = (await sharp({ create: { width: 16, height: 16, channels: 3, background: '#c0ffee' } }).png().toBuffer()).toString('base64');
  client = new WireClient(env.app.url, { maxSockets: CONCURRENCY, timeoutMs: 30_000 });
  healthClient = new WireClient(env.app.url, { maxSockets: 1, timeoutMs: 15_000 });
});

afterAll(async () => {
  client?.close();
  healthClient?.close();
  await env?.close();
});

describe('endpoint fuzz: every route, random and malformed input', () => {
  it('refuses every request that fails authentication without a 5xx, and writes no row for any of them', { timeout: 120_000 }, async () => {
    const probes = [
      ...draw(webhookProbe(target, 'forged'), FORGED.webhooks, 1),
      ...draw(proxyProbe(target, 'forged'), FORGED.proxy, 2),
      ...draw(apiProbe(target, 'forged', pngBase64), FORGED.api, 3),
      ...draw(unsubscribeProbe(target, 'forged'), FORGED.unsubscribe, 4),
      ...draw(oauthProbe(target, 'forged'), FORGED.oauth, 5),
      ...draw(publicProbe(target), FORGED.public, 6),
    ];
    // Interleaved, so every family runs while the others load the server.
    const shuffled = fc.sample(fc.shuffledSubarray(probes, { minLength: probes.length }), { seed: SEED, numRuns: 1 })[0]!;

    await settle();
    const before = env.app.snapshot();
    const cpu = process.cpuUsage();
    const health = watchHealth(healthClient, { everyMs: 250 });
    const result = await runBatch(shuffled, { client, concurrency: CONCURRENCY, serverErrorsLogged: () => serverLog.splice(0) });
    const healthResult = await health.stop();
    await settle();
    const after = env.app.snapshot();
    sent.forged = result.sent;
    console.info(`forged: ${result.sent} requests in ${Math.round(result.ms)} ms (${cpuMs(cpu)} ms CPU)`, result.statusesByFamily, `healthz checks ${healthResult.checks}, slowest ${Math.round(healthResult.slowestMs)} ms`);

    expect(result.sent).toBe(probes.length);
    expectClean(result, healthResult);
    expect.soft(after.webhook_events, 'the webhook queue gained or lost events').toEqual(before.webhook_events);
    expect(diffSnapshots(before, after), 'rows written by requests that failed authentication').toEqual([]);
  });

  it('answers signed requests with random input without a 5xx, and keeps answering', { timeout: 120_000 }, async () => {
    const probes = [
      ...draw(webhookProbe(target, 'signed'), SIGNED.webhooks, 11),
      ...draw(proxyProbe(target, 'signed'), SIGNED.proxy, 12),
      ...draw(apiProbe(target, 'signed', pngBase64), SIGNED.api, 13),
      ...draw(unsubscribeProbe(target, 'signed'), SIGNED.unsubscribe, 14),
      ...draw(oauthProbe(target, 'signed'), SIGNED.oauth, 15),
    ];
    const shuffled = fc.sample(fc.shuffledSubarray(probes, { minLength: probes.length }), { seed: SEED + 10, numRuns: 1 })[0]!;

    const cpu = process.cpuUsage();
    const health = watchHealth(healthClient, { everyMs: 250 });
    const result = await runBatch(shuffled, { client, concurrency: CONCURRENCY, serverErrorsLogged: () => serverLog.splice(0) });
    const healthResult = await health.stop();
    sent.signed = result.sent;
    console.info(`signed: ${result.sent} requests in ${Math.round(result.ms)} ms (${cpuMs(cpu)} ms CPU)`, result.statusesByFamily, `healthz checks ${healthResult.checks}, slowest ${Math.round(healthResult.slowestMs)} ms`);

    expect(result.sent).toBe(probes.length);
    // Signed input reached past authentication: a good share of it was answered 2xx (about 40% at this seed).
    expect(result.byStatus['2xx'] ?? 0).toBeGreaterThan(probes.length / 4);
    expectClean(result, healthResult);
  });

  it('keeps hostile persona names and templates from breaking previews, test mails and the flow', { timeout: 120_000 }, async () => {
    await verifiedPersona();
    const probes = fc.sample(followupSequence(target), { seed: SEED + 20, numRuns: SEQUENCES }).flat();
    const health = watchHealth(healthClient, { everyMs: 250 });
    const result = await runBatch(probes, { client, concurrency: 1, serverErrorsLogged: () => serverLog.splice(0) });
    const healthResult = await health.stop();
    sent.sequences = result.sent;
    console.info(`sequences: ${result.sent} requests in ${Math.round(result.ms)} ms`, result.statusesByFamily);

    expect(result.sent).toBe(probes.length);
    // The sequences got somewhere: previews and test mails went through (about half the answers are 2xx).
    expect(result.byStatus['2xx'] ?? 0).toBeGreaterThan(probes.length / 4);
    expectClean(result, healthResult);
  });

  it(`sent at least ${MIN_REQUESTS} requests in all`, () => {
    expect(sent.forged + sent.signed + sent.sequences).toBeGreaterThanOrEqual(MIN_REQUESTS);
  });
});
