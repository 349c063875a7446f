/**
 * At most once across a crash: the app is killed with SIGKILL while its SMTP server holds a follow-up it has fully
 * received but not yet acknowledged, so the mail is out while the app never learns it was accepted. The job is
 * left `sending`; the next start marks it `unknown` and never sends it again, and the worker goes on mailing
 * orders fulfilled after the restart.
 *
 * The app runs as a child process (`node --import tsx server/main.ts`, as in backfill-crash.test.ts) so the kill is
 * a real one: no `finally`, no close(), no last write. Setup (install, persona, flow, first order) is done by the
 * in-process app through the admin API, which is then closed, leaving its SQLite file to the child. Each child
 * listens on a port of its own choosing and the sandbox is pointed at it.
 */
import type { ChildProcess } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_MASTER_KEY } from '../support/app.ts';
import { SANDBOX_API_KEY, SANDBOX_API_SECRET } from '../../sandbox/credentials.ts';
import { PERSONAS } from '../../sandbox/seed/demo-customers.ts';
import type { Sandbox } from '../../sandbox/server.ts';
import { placeOrder } from '../../sandbox/store/place-order.ts';
import type { SandboxOrder } from '../../sandbox/store/types.ts';
import { DEFAULT_FLOW_SETTINGS } from '../../server/followups/scheduler/index.ts';
import { exited, spawnAppProcess, type AppProcess } from '../support/app-process.ts';
import { queryDb } from '../support/db.ts';
import { waitFor } from '../support/eventually.ts';
import { startInstalledApp, type AppAndSandbox } from '../support/sandbox.ts';
import { adminApi, PERSONA, verificationCode } from './support.ts';

/**
 * How long a child may take from spawn to its first mail: it compiles the whole server with tsx on start, which
 * takes ~3 s on an idle machine and was seen past 30 s on a 2-core machine running two browser tests beside it.
 */
const CHILD_MAIL_MS = 90_000;

/** One message the test's SMTP server received, with the Message-ID it carried. */
interface Received {
  messageId: string | null;
  raw: string;
}

/**
 * A minimal SMTP server under the test's control. With `killOnNextMessage` set, it reads a whole message, keeps it,
 * SIGKILLs that process and only then answers 250: the mail is delivered, the sender never hears so.
 */
interface CrashingSmtp {
  port: number;
  received: Received[];
  killOnNextMessage: ChildProcess | null;
  waitFor(predicate: (mail: Received) => boolean, timeoutMs: number, what: string): Promise<Received>;
  close(): Promise<void>;
}

async function startCrashingSmtp(): Promise<CrashingSmtp> {
  const smtp: CrashingSmtp = {
    port: 0,
    received: [],
    killOnNextMessage: null,
    waitFor: (predicate, timeoutMs, what) => waitFor(() => smtp.received.find(predicate), { timeoutMs, message: what }),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  const server = new SMTPServer({
    authOptional: true,
    // Plain SMTP on loopback: nodemailer would otherwise try STARTTLS against a self-signed certificate.
    disabledCommands: ['AUTH', 'STARTTLS'],
    hideSTARTTLS: true,
    logger: false,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('error', (error) => callback(error));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const head = raw.split(/\r?\n\r?\n/, 1)[0] ?? '';
        smtp.received.push({ messageId: /^Message-ID:\s*(<[^>\s]+>)/im.exec(head)?.[1] ?? null, raw });
        const victim = smtp.killOnNextMessage;
        smtp.killOnNextMessage = null;
        if (!victim) return callback();
        // Kill, and wait until the process is gone, before the 250 is written: not even a racing CPU can let the
        // app read the acceptance and record `sent`.
        victim.kill('SIGKILL');
        void exited(victim).then(() => callback());
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  // The 250 written to the killed app's closed socket fails; that is the point, not a test failure.
  server.on('error', () => {});
  smtp.port = (server.server.address() as AddressInfo).port;
  return smtp;
}

/** Resolves within `ms`, or rejects: no step of this test may hang until vitest's own timeout. */
function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

let env: AppAndSandbox;
let sandbox: Sandbox;
let smtp: CrashingSmtp;
let childEnv: Record<string, string>;
let databasePath: string;
let firstOrder: SandboxOrder;
const children: ChildProcess[] = [];
const api = adminApi(() => env);
const shop = () => sandbox.shop.myshopifyDomain;
/** The Message-ID the worker gives the follow-up about an order (server/followups/followup-mail.ts). */
const messageIdOf = (orderId: number) => `<followup.${orderId}@${shop()}>`;
const mailsAbout = (orderId: number) => smtp.received.filter((m) => m.messageId === messageIdOf(orderId));
const jobRow = (orderId: number) =>
  queryDb<{ status: string; reason: string | null; message_id: string | null }>(
    databasePath,
    'select status, reason, message_id from followup_jobs where shop = ? and order_id = ?',
    shop(),
    orderId,
  )[0];

/** The app as its own process, on a port it picks and reports (`listening()`). */
function startApp(): AppProcess {
  const app = spawnAppProcess(childEnv);
  children.push(app.child);
  app.child.once('exit', (code, signal) => {
    if (signal !== 'SIGKILL' && signal !== 'SIGTERM' && code !== 0) console.error(`app child exited with ${code ?? signal}:\n${app.stderr()}`);
  });
  return app;
}

/** A new order of `handle` for the customer, fulfilled now, with the webhooks delivered to whichever app is up. */
async function fulfilledOrder(email: string, handle: string): Promise<SandboxOrder> {
  const { store } = sandbox;
  const customer = [...store.customers.values()].find((c) => c.email === email)!;
  const product = [...store.products.values()].find((p) => p.handle === handle)!;
  const order = placeOrder(store, { customerId: customer.id, productIds: [product.id] });
  // Each webhook delivered before the next change, so the two app processes never race over them.
  await within(sandbox.webhooks.idle(), 20_000, 'orders/create to be delivered');
  store.fulfillOrder(order.id);
  await within(sandbox.webhooks.idle(), 20_000, 'orders/updated to be delivered');
  return order;
}

beforeAll(async () => {
  env = await startInstalledApp({ smtpPort: 0 });
  sandbox = env.sandbox;
  databasePath = env.app.databasePath;

  // Persona with a confirmed Reply-To (the code goes to the sandbox's own sink), then the flow on.
  expect((await api('PUT', '/followups/persona', PERSONA)).status).toBe(200);
  const code = await verificationCode(env, PERSONA.replyTo);
  expect((await api('POST', '/followups/persona/verify', { code })).status).toBe(200);
  // Due the moment the order is fulfilled, at any hour CI runs: the child's worker uses the real clock.
  const settings = { ...DEFAULT_FLOW_SETTINGS, enabled: true, delayDays: 0, sendWindow: { start: '00:00', end: '24:00' } };
  const flow = await api('PUT', '/followups/flow', { locale: 'en', subject: 'A few tips for your {{ product.title }}', body: 'Hi {{ customer.first_name }},\n\nI hope it arrived well.', settings });
  expect(flow.status, JSON.stringify(flow.body)).toBe(200);

  firstOrder = await fulfilledOrder(PERSONAS.COAT_BUYER, 'merino-scarf');
  await env.app.webhookWorker.idle();
  // The app has stored the fulfillment the child's worker will find.
  expect(queryDb<{ fulfilled_at: string | null }>(databasePath, 'select fulfilled_at from orders where shop = ? and id = ?', shop(), firstOrder.id)[0]?.fulfilled_at).toBeTruthy();

  childEnv = {
    SHOPIFY_API_KEY: SANDBOX_API_KEY,
    SHOPIFY_API_SECRET: SANDBOX_API_SECRET,
    TOKEN_ENCRYPTION_KEY: TEST_MASTER_KEY,
    DATABASE_PATH: databasePath,
    SHOP_ORIGINS: `${shop()}=${sandbox.apiOrigin}`,
    APP_BRIDGE_URL: new URL('/cdn/app-bridge.js', sandbox.url).toString(),
    FOLLOWUP_TICK_MS: '100',
    LOG_LEVEL: 'silent',
  };
  // Only the app: the sandbox keeps serving the Admin API to the children, and is pointed at each child that must
  // receive its webhooks.
  await env.app.close();
  smtp = await startCrashingSmtp();
  childEnv.SMTP_URL = `smtp://127.0.0.1:${smtp.port}`;
  // The in-process app's worker ticks every 30 s (its default): it must not have scheduled or sent the follow-up,
  // or the crash below would not be where this test claims it is.
  expect(jobRow(firstOrder.id)).toBeUndefined();
}, 90_000);

afterAll(async () => {
  for (const child of children) {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await within(exited(child), 20_000, 'a child to exit');
  }
  await smtp?.close();
  await env?.close();
});

describe('a follow-up whose sender is killed after the SMTP server received it', () => {
  it('is left `sending`, becomes `unknown` at the next start and is never sent again; later orders still go out', async () => {
    // 1. The crash: the first child's worker schedules and sends the due follow-up; the SMTP server keeps it and
    //    kills the child before acknowledging.
    // It needs no webhooks, so the sandbox need not know where it listens.
    const first = startApp().child;
    smtp.killOnNextMessage = first;
    await smtp.waitFor((m) => m.messageId === messageIdOf(firstOrder.id), CHILD_MAIL_MS, 'the follow-up from the first child');
    await within(exited(first), 20_000, 'the first child to die');
    expect(first.signalCode).toBe('SIGKILL');
    expect(mailsAbout(firstOrder.id)).toHaveLength(1);
    // Claimed and committed before the SMTP conversation, never recorded as sent. (Soft, like the status check
    // after the restart: a broken claim or recovery should still go on to show the duplicate it causes.)
    expect.soft(jobRow(firstOrder.id)).toMatchObject({ status: 'sending', message_id: null });

    // 2. The restart, with the SMTP server answering normally.
    const restarted = startApp();
    const second = restarted.child;
    sandbox.setAppUrl((await restarted.listening()).appUrl);
    // Start-up turned the half-sent job into `unknown` before the worker's first round.
    expect.soft(jobRow(firstOrder.id)).toMatchObject({ status: 'unknown', reason: 'interrupted while sending: not sent again' });

    // An order fulfilled after the restart (another buyer: the cap counts the `unknown` mail to the first one).
    const secondOrder = await fulfilledOrder(PERSONAS.CAMERA_BUYER, 'camera-battery');
    await smtp.waitFor((m) => m.messageId === messageIdOf(secondOrder.id), CHILD_MAIL_MS, 'the follow-up about the order fulfilled after the restart').catch((error: Error) => {
      // What the worker made of each order says more than the timeout alone.
      const jobs = queryDb(databasePath, 'select order_id, status, reason, due_at from followup_jobs');
      const orders = queryDb(databasePath, 'select id, fulfilled_at, updated_at from orders where shop = ? and id = ?', shop(), secondOrder.id);
      const webhooks = sandbox.webhooks.log.slice(-4).map((d) => ({ topic: d.topic, state: d.state, attempts: d.attempts }));
      throw new Error(`${error.message}; jobs: ${JSON.stringify(jobs)}; order: ${JSON.stringify(orders)}; last webhooks: ${JSON.stringify(webhooks)}`);
    });
    // Recorded as sent once the SMTP server's 250 reaches the worker, a moment after the mail arrived.
    const recorded = await waitFor(() => (jobRow(secondOrder.id)?.status === 'sent' ? jobRow(secondOrder.id) : undefined), {
      message: () => `the follow-up about the second order to be recorded (job: ${JSON.stringify(jobRow(secondOrder.id))})`,
    });
    expect(recorded).toMatchObject({ status: 'sent', message_id: messageIdOf(secondOrder.id) });

    // About a dozen more rounds (tick 100 ms), in which a re-claimable job would have been sent again. Not a sleep
    // standing in for a condition: an observation window on the timer under test, in which *nothing* must happen,
    // which no condition can signal. A loaded machine runs fewer rounds in it (a weaker check), never a false failure.
    await new Promise((resolve) => setTimeout(resolve, 1_200));
    expect(second.exitCode).toBeNull();
    expect(mailsAbout(firstOrder.id)).toHaveLength(1);
    expect(mailsAbout(secondOrder.id)).toHaveLength(1);
    expect(jobRow(firstOrder.id)).toMatchObject({ status: 'unknown', reason: 'interrupted while sending: not sent again', message_id: null });
    // Nothing else went out: the two follow-ups, once each.
    expect(smtp.received.map((m) => m.messageId).sort()).toEqual([messageIdOf(firstOrder.id), messageIdOf(secondOrder.id)].sort());

    second.kill('SIGTERM');
    await within(exited(second), 20_000, 'the second child to stop');
    // Room for every deadline above on a loaded machine: they, not this, should say what hung.
  }, 300_000);
});
