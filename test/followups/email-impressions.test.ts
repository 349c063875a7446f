/**
 * A follow-up's complements count as shown to its buyer (the frequency cap) only once the SMTP server accepted the
 * mail, and once per mail: a try that failed before the message left, then succeeded, counts once; a mail the
 * server refused counts not at all.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { PERSONAS } from '../../sandbox/seed/demo-customers.ts';
import { placeOrder } from '../../sandbox/store/place-order.ts';
import type { SandboxOrder } from '../../sandbox/store/types.ts';
import { COMPLEMENTS } from '../../server/followups/followup-mail.ts';
import { DEFAULT_FLOW_SETTINGS, firstSendTime } from '../../server/followups/scheduler/index.ts';
import { queryDb } from '../support/db.ts';
import { startInstalledApp, type AppAndSandbox } from '../support/sandbox.ts';
import { adminApi, confirmedPersona, headerLines } from './support.ts';

let env: AppAndSandbox;
const api = adminApi(() => env);
const shop = () => env.sandbox.shop.myshopifyDomain;
const customerOf = (email: string) => [...env.sandbox.store.customers.values()].find((c) => c.email === email)!;
const productOf = (handle: string) => [...env.sandbox.store.products.values()].find((p) => p.handle === handle)!;
const jobOf = async (orderId: number) => (await env.app.storage.followups.jobs(shop(), 100)).find((j) => j.orderId === orderId);
const followupsAbout = (orderId: number) =>
  env.sandbox.smtp!.messages().filter((m) => headerLines(m, 'Message-ID').some((line) => line.includes(`<followup.${orderId}@`)));
const impressionsOf = (customerId: number) =>
  queryDb<{ product_id: number; view_id: string; surface: string }>(
    env.app.databasePath,
    'select product_id, view_id, surface from recommendation_impressions where shop = ? and customer_id = ? order by rowid',
    shop(),
    customerId,
  );
/** The retry delay after an SMTP error before the message (worker.ts), and a second. */
const AFTER_RETRY_DELAY_MS = 15 * 60_000 + 1_000;

async function fulfilledOrder(email: string, handle: string): Promise<SandboxOrder> {
  const order = placeOrder(env.sandbox.store, { customerId: customerOf(email).id, productIds: [productOf(handle).id] });
  env.sandbox.store.fulfillOrder(order.id);
  await env.sandbox.webhooks.idle();
  await env.app.webhookWorker.idle();
  return order;
}
const sendTimeOf = (order: SandboxOrder, timeZone: string) =>
  firstSendTime({ fulfilledAt: Math.floor(Date.parse(order.fulfillments[0]!.createdAt) / 1000) * 1000, timeZone, settings: DEFAULT_FLOW_SETTINGS });

beforeAll(async () => {
  env = await startInstalledApp({ smtpPort: 0 });
  await confirmedPersona(env);
  const flow = { locale: 'en', subject: 'A few tips for your {{ product.title }}', body: 'Hi {{ customer.first_name }},\n\nI hope it arrived well.' };
  const saved = await api('PUT', '/followups/flow', { ...flow, settings: { ...DEFAULT_FLOW_SETTINGS, enabled: true } });
  if (saved.status !== 200) throw new Error(`flow not saved: ${JSON.stringify(saved.body)}`);
});
afterAll(() => env?.close());

describe("a follow-up's complements as impressions", () => {
  it('count once, when the mail is accepted — not for the try that failed before the message, nor twice after the retry', async () => {
    const olivia = customerOf(PERSONAS.COAT_BUYER);
    const order = await fulfilledOrder(PERSONAS.COAT_BUYER, 'wool-overcoat');
    const mailer = env.app.followups.mailer!;
    // The relay refuses the recipient for now (before DATA): nothing left, the job waits for another try.
    const send = vi.spyOn(mailer, 'send').mockRejectedValueOnce(Object.assign(new Error('451 try again later'), { code: 'EENVELOPE', command: 'RCPT TO' }));
    const at = sendTimeOf(order, 'Europe/London');
    await env.app.followups.worker.round(at);
    expect(await jobOf(order.id)).toMatchObject({ status: 'scheduled', reason: 'smtp-error' });
    expect(impressionsOf(olivia.id)).toEqual([]);

    await env.app.followups.worker.round(at + AFTER_RETRY_DELAY_MS);
    expect(await jobOf(order.id)).toMatchObject({ status: 'sent' });
    expect(followupsAbout(order.id)).toHaveLength(1);
    expect(send).toHaveBeenCalledTimes(2);
    const rows = impressionsOf(olivia.id);
    // As many as the order's related complements allow, up to the mail's three.
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.length).toBeLessThanOrEqual(COMPLEMENTS);
    expect(rows.every((row) => row.view_id === `mail:${order.id}` && row.surface === 'email')).toBe(true);
    // The products the mail offered, each once.
    const links = [...followupsAbout(order.id)[0]!.text!.matchAll(/\/products\/([a-z0-9-]+)/g)].map((m) => productOf(m[1]!).id);
    expect(rows.map((row) => row.product_id).sort()).toEqual([...new Set(links)].sort());

    // Later rounds send nothing more and record nothing more.
    await env.app.followups.worker.round(at + 2 * AFTER_RETRY_DELAY_MS);
    expect(impressionsOf(olivia.id)).toEqual(rows);
    send.mockRestore();
  });

  it('count not at all for a mail the SMTP server refused', async () => {
    const isabel = customerOf('isabel.romero@example.com');
    const order = await fulfilledOrder('isabel.romero@example.com', 'knit-mittens');
    const send = vi.spyOn(env.app.followups.mailer!, 'send').mockResolvedValueOnce({ messageId: '<refused@x>', accepted: [], rejected: [isabel.email!] });
    await env.app.followups.worker.round(sendTimeOf(order, 'America/Argentina/Buenos_Aires'));
    expect(await jobOf(order.id)).toMatchObject({ status: 'skipped', reason: 'rejected-by-smtp' });
    expect(impressionsOf(isabel.id)).toEqual([]);
    send.mockRestore();
  });
});
