/**
 * Follow-ups on the installed demo store, mailed through real SMTP to the sandbox's sink and parsed back: the
 * persona and its verified Reply-To, one mail per fulfilled order after the delay and inside the buyer's daytime,
 * its headers and content, the cap, and the orders and buyers that must get nothing.
 */
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PERSONAS } from '../../sandbox/seed/demo-customers.ts';
import { placeOrder } from '../../sandbox/store/place-order.ts';
import type { SandboxOrder } from '../../sandbox/store/types.ts';
import { sensitiveTopicsOf } from '../../server/recommend/sensitive-topics.ts';
import { DAY_MS, DEFAULT_FLOW_SETTINGS, firstSendTime, instantOfLocalTime, localDate, nextSendTime, RECHECK_AFTER_MS } from '../../server/followups/scheduler/index.ts';
import { DEFAULT_GUIDES } from '../../server/followups/guides/default-guides.ts';
import { queryDb } from '../support/db.ts';
import { startInstalledApp, type AppAndSandbox } from '../support/sandbox.ts';
import { adminApi, headerLines, parse, PERSONA, verificationCode } from './support.ts';

let env: AppAndSandbox;
const api = adminApi(() => env);
const shop = () => env.sandbox.shop.myshopifyDomain;
const products = () => [...env.sandbox.store.products.values()];
const productOf = (handle: string) => products().find((p) => p.handle === handle)!;
const customerOf = (email: string) => [...env.sandbox.store.customers.values()].find((c) => c.email === email)!;
/** Follow-ups about one order: each carries a Message-ID of its own, `<followup.<order id>@<shop>>`. */
const followupsAbout = (orderId: number) =>
  env.sandbox.smtp!.messages().filter((m) => headerLines(m, 'Message-ID').some((line) => line.includes(`<followup.${orderId}@`)));
const LONDON = 'Europe/London';

/** A new order of `handles` for the customer, fulfilled now; resolves once the app has stored it. */
async function fulfilledOrder(email: string, handles: string[]): Promise<SandboxOrder> {
  const { store } = env.sandbox;
  const order = placeOrder(store, { customerId: customerOf(email).id, productIds: handles.map((handle) => productOf(handle).id) });
  store.fulfillOrder(order.id);
  await settle();
  return order;
}

async function settle() {
  await env.sandbox.webhooks.idle();
  await env.app.webhookWorker.idle();
}

/** When the app recorded the order's fulfillment (Shopify's timestamps have whole seconds). */
const fulfilledAt = (order: SandboxOrder) => Math.floor(Date.parse(order.fulfillments[0]!.createdAt) / 1000) * 1000;
const jobOf = async (orderId: number) => (await env.app.storage.followups.jobs(shop(), 100)).find((j) => j.orderId === orderId);

beforeAll(async () => {
  env = await startInstalledApp({ smtpPort: 0 });
});
afterAll(() => env?.close());

describe('the sender persona', () => {
  it('refuses a noreply Reply-To, and cannot turn the flow on until its Reply-To is confirmed by code', async () => {
    const refused = await api('PUT', '/followups/persona', { ...PERSONA, replyTo: 'No-Reply@tacto-demo.example' });
    expect(refused.status).toBe(400);
    expect(refused.body.message).toMatch(/Reply-To/);
    expect(await env.app.storage.followups.persona(shop())).toBeNull();

    const saved = await api('PUT', '/followups/persona', PERSONA);
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ verificationSent: true, persona: { fullName: 'Marta Ruiz', replyToVerifiedAt: null } });
    const code = await verificationCode(env, PERSONA.replyTo);
    // Only the code's HMAC is stored: a copy of the database cannot confirm a mailbox.
    const stored = queryDb<Record<string, unknown>>(env.app.databasePath, 'select * from followup_personas');
    expect(stored).toHaveLength(1);
    expect(Object.values(stored[0]!).map(String)).not.toContain(code);
    expect(JSON.stringify(stored)).not.toContain(code);

    const early = await api('PUT', '/followups/flow', { locale: 'en', subject: 'Tips for your {{ product.title }}', body: 'Hi!', settings: { ...DEFAULT_FLOW_SETTINGS, enabled: true } });
    expect(early.status).toBe(422);
    expect(early.body.error).toBe('persona_unverified');

    const wrong = await api('POST', '/followups/persona/verify', { code: code === '000000' ? '111111' : '000000' });
    expect(wrong.status).toBe(422);
    const right = await api('POST', '/followups/persona/verify', { code });
    expect(right.status).toBe(200);
    // Her photo: any picture in, a 128 px JPEG stored.
    const png = await sharp({ create: { width: 600, height: 400, channels: 3, background: '#c08040' } }).png().toBuffer();
    const photo = await api('PUT', '/followups/persona/photo', { image: `data:image/png;base64,${png.toString('base64')}` });
    expect(photo.status).toBe(200);
    expect(await sharp((await env.app.storage.followups.personaPhoto(shop()))!).metadata()).toMatchObject({ format: 'jpeg', width: 128, height: 128 });
    expect((await api('PUT', '/followups/persona/photo', { image: 'data:image/png;base64,bm90IGFuIGltYWdl' })).status).toBe(422);
    expect((right.body.persona as { replyToVerifiedAt: string | null }).replyToVerifiedAt).not.toBeNull();
  });

  it('refuses a template whose copy tells the buyer they were watched', async () => {
    const watched = await api('PUT', '/followups/flow', {
      locale: 'en',
      subject: 'Still thinking about it?',
      body: 'We saw you looked at our scarves. Because you bought a coat, here are gloves.',
      settings: DEFAULT_FLOW_SETTINGS,
    });
    expect(watched.status).toBe(422);
    expect(watched.body.error).toBe('copy_rejected');
    expect((watched.body.findings as { rule: string }[]).map((f) => f.rule)).toEqual(expect.arrayContaining(['behaviour-exposure', 'because-you-bought']));
  });
});

describe('a fulfilled order', () => {
  beforeAll(async () => {
    const turnedOn = await api('PUT', '/followups/flow', { locale: 'en', subject: 'A few tips for your {{ product.title }}', body: 'Hi {{ customer.first_name }},\n\nI hope it arrived well.', settings: { ...DEFAULT_FLOW_SETTINGS, enabled: true } });
    expect(turnedOn.status, JSON.stringify(turnedOn.body)).toBe(200);
  });

  it('gets one mail from the persona, a week later, in the buyer’s daytime, with the guide and honest complements', async () => {
    const olivia = customerOf(PERSONAS.COAT_BUYER);
    const order = await fulfilledOrder(olivia.email!, ['merino-scarf']);
    const { worker } = env.app.followups;
    const sendAt = firstSendTime({ fulfilledAt: fulfilledAt(order), timeZone: LONDON, settings: DEFAULT_FLOW_SETTINGS });

    await worker.round(fulfilledAt(order) + 6 * DAY_MS);
    const night = instantOfLocalTime(localDate(sendAt + DAY_MS, LONDON), 23 * 60, LONDON);
    expect(followupsAbout(order.id)).toHaveLength(0);
    await worker.round(sendAt - 1);
    expect(followupsAbout(order.id)).toHaveLength(0);
    await worker.round(sendAt);
    await worker.round(night);
    const sent = followupsAbout(order.id);
    expect(sent).toHaveLength(1);
    expect((await jobOf(order.id))?.status).toBe('sent');

    const mail = sent[0]!;
    const parsed = await parse(mail);
    expect(parsed.from?.value[0]).toEqual({ name: 'Marta Ruiz', address: PERSONA.fromAddress });
    expect(parsed.replyTo?.value[0]?.address).toBe(PERSONA.replyTo);
    const unsubscribe = headerLines(mail, 'List-Unsubscribe');
    expect(unsubscribe).toHaveLength(1);
    expect(headerLines(mail, 'List-Unsubscribe-Post')).toEqual([expect.stringContaining('List-Unsubscribe=One-Click')]);
    expect(parsed.text).toContain('Marta Ruiz');
    expect(parsed.text).toContain('Head of customer care');
    // The care guide for a scarf, in the template's language.
    const guide = DEFAULT_GUIDES.find((g) => g.productTypes.includes(productOf('merino-scarf').productType))!;
    expect(parsed.text).toContain(guide.title.en);
    expect(parsed.subject).toBe(`A few tips for your ${productOf('merino-scarf').title}`);
    expect(parsed.html).not.toMatch(/<img[^>]+src="https?:/i);
    // The photo travels inside the mail, referenced by Content-ID: opening it fetches nothing.
    const inline = parsed.attachments.find((a) => a.contentType === 'image/jpeg');
    expect(inline?.cid).toBeTruthy();
    expect(mail.raw).toContain(`cid:${inline!.cid}`);

    // Complements: never something she owns, nor a substitute of what she bought, nor anything sensitive.
    const owned = new Set([...env.sandbox.store.orders.values()].filter((o) => o.customerId === olivia.id).flatMap((o) => o.lineItems.map((l) => l.productId)));
    const links = [...(parsed.html as string).matchAll(/\/products\/([a-z0-9-]+)\?tacto=email"/g)].map((m) => productOf(m[1]!));
    expect(links.length).toBeGreaterThan(0);
    // They link to the store's storefront (the sandbox's own preview here), so they open in a browser.
    expect(parsed.html).toContain(`href="${env.sandbox.url.origin}/products/`);
    expect(links.length).toBeLessThanOrEqual(3);
    for (const p of links) {
      expect(owned.has(p.id)).toBe(false);
      expect(p.productType).not.toBe(productOf('merino-scarf').productType);
      expect(sensitiveTopicsOf({ title: p.title, productType: p.productType, categoryId: p.category?.id ?? null, tags: p.tags })).toEqual([]);
    }
  });

  it('respects the cap: a second order the next day gets no mail', async () => {
    const olivia = customerOf(PERSONAS.COAT_BUYER);
    const order = await fulfilledOrder(olivia.email!, ['leather-gloves']);
    await env.app.followups.worker.round(firstSendTime({ fulfilledAt: fulfilledAt(order), timeZone: LONDON, settings: DEFAULT_FLOW_SETTINGS }));
    expect(followupsAbout(order.id)).toHaveLength(0);
    expect(await jobOf(order.id)).toMatchObject({ status: 'skipped', reason: 'cap' });
  });

  it('sends nothing for a cancelled or a refunded order', async () => {
    const daniel = customerOf(PERSONAS.CAMERA_BUYER);
    const cancelled = await fulfilledOrder(daniel.email!, ['travel-tripod']);
    env.sandbox.store.cancelOrder(cancelled.id);
    const refunded = await fulfilledOrder(daniel.email!, ['travel-tripod']);
    env.sandbox.store.refundOrder(refunded.id, refunded.lineItems.map((l) => ({ lineItemId: l.id, quantity: l.quantity })));
    await settle();
    await env.app.followups.worker.round(fulfilledAt(refunded) + 7.5 * DAY_MS);
    expect([...followupsAbout(cancelled.id), ...followupsAbout(refunded.id)]).toEqual([]);
    // A cancelled order is never even scheduled; a refunded one is dropped when it comes due.
    expect(await jobOf(cancelled.id)).toBeUndefined();
    expect(await jobOf(refunded.id)).toMatchObject({ status: 'skipped', reason: 'refunded' });
  });
});

describe('the buyer', () => {
  it('is mailed in their own daytime (Buenos Aires), not the shop’s (Madrid)', async () => {
    const isabel = customerOf('isabel.romero@example.com');
    const order = await fulfilledOrder(isabel.email!, ['knit-mittens']);
    const zone = 'America/Argentina/Buenos_Aires';
    const due = fulfilledAt(order) + 7 * DAY_MS;
    const sendAt = firstSendTime({ fulfilledAt: fulfilledAt(order), timeZone: zone, settings: DEFAULT_FLOW_SETTINGS });
    // Buenos Aires is four or five hours behind Madrid: for most of the day, one zone's window is open while the
    // other's is shut, and only the buyer's may decide. (Run in the hours both windows share, this checks less.)
    await env.app.followups.worker.round(Math.min(due, sendAt - 1));
    if (sendAt > due) await env.app.followups.worker.round(sendAt - 1);
    expect(followupsAbout(order.id)).toHaveLength(0);
    await env.app.followups.worker.round(sendAt);
    expect(followupsAbout(order.id)).toHaveLength(1);
    const hour = Number(new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', hour12: false }).format(Date.parse((await jobOf(order.id))!.sentAt!)));
    expect(hour).toBeGreaterThanOrEqual(9);
    expect(hour).toBeLessThan(19);
  });

  it('who turned personalization off gets the guide without complements', async () => {
    const lucia = customerOf(PERSONAS.STROLLER_BUYER);
    await env.app.storage.recommendations.saveSettings(shop(), lucia.id, { personalization: 'off', declaredTopics: [] }, new Date().toISOString());
    const order = await fulfilledOrder(lucia.email!, ['city-stroller']);
    await env.app.followups.worker.round(firstSendTime({ fulfilledAt: fulfilledAt(order), timeZone: 'Europe/Madrid', settings: DEFAULT_FLOW_SETTINGS }));
    const [mail] = followupsAbout(order.id);
    expect(mail).toBeDefined();
    const parsed = await parse(mail!);
    // The stroller's care, not more strollers — in her language (Spanish) — and no picks at all, since she said no.
    expect(parsed.text).toContain(DEFAULT_GUIDES.find((g) => g.id === 'stroller-care')!.title.es);
    expect(parsed.html).not.toMatch(/\/products\//);
  });

  it('unsubscribes in one click (POST), not by opening the link (GET); Shopify is told, and the next order gets nothing', async () => {
    const daniel = customerOf(PERSONAS.CAMERA_BUYER);
    const first = await fulfilledOrder(daniel.email!, ['camera-battery']);
    await env.app.followups.worker.round(firstSendTime({ fulfilledAt: fulfilledAt(first), timeZone: LONDON, settings: DEFAULT_FLOW_SETTINGS }));
    const [mail] = followupsAbout(first.id);
    expect(mail).toBeDefined();
    const link = /<(https?:\/\/[^>]+\/unsubscribe\/[^>]+)>/.exec(headerLines(mail!, 'List-Unsubscribe')[0]!)![1]!;
    expect((await parse(mail!)).text).toContain(link);

    // Opening the link (GET) only shows the page, in the mail's language whatever the browser's (Daniel's is English).
    const page = await fetch(link, { headers: { 'Accept-Language': 'es' } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<html lang="en">');
    expect(daniel.emailMarketingConsent.marketingState).toBe('SUBSCRIBED');

    // The page answers in the mail's language (`?locale=`); the token is the path's last segment.
    expect(new URL(link).searchParams.get('locale')).toBe('en');
    const forged = await fetch(link.replace(/.(?=\?)/, (c) => (c === 'A' ? 'B' : 'A')), { method: 'POST', body: 'List-Unsubscribe=One-Click', headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
    expect(forged.status).toBe(400);
    expect(daniel.emailMarketingConsent.marketingState).toBe('SUBSCRIBED');

    const oneClick = await fetch(link, { method: 'POST', body: 'List-Unsubscribe=One-Click', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, redirect: 'manual' });
    expect(oneClick.status).toBe(200);
    expect(daniel.emailMarketingConsent.marketingState).toBe('UNSUBSCRIBED');
    // Tacto keeps no address for someone who said no.
    expect(queryDb(env.app.databasePath, 'select marketing_state, email, first_name from customers where id = ?', daniel.id)).toEqual([
      { marketing_state: 'UNSUBSCRIBED', email: null, first_name: null },
    ]);

    const next = await fulfilledOrder(daniel.email!, ['travel-tripod']);
    await env.app.followups.worker.round(firstSendTime({ fulfilledAt: fulfilledAt(next), timeZone: LONDON, settings: DEFAULT_FLOW_SETTINGS }) + 31 * DAY_MS - 8 * DAY_MS);
    expect(followupsAbout(next.id)).toEqual([]);
  });
});

describe('a persona whose Reply-To changed', () => {
  it('sends nothing until the new mailbox is confirmed, then the waiting mail goes out', async () => {
    const carlos = customerOf('carlos.ruiz@example.com');
    const moved = { ...PERSONA, replyTo: 'care@tacto-demo.example' };
    expect((await api('PUT', '/followups/persona', moved)).body).toMatchObject({ verificationSent: true, persona: { replyToVerifiedAt: null } });
    const order = await fulfilledOrder(carlos.email!, ['winter-beanie']);
    const sendAt = firstSendTime({ fulfilledAt: fulfilledAt(order), timeZone: 'Europe/Madrid', settings: DEFAULT_FLOW_SETTINGS });
    await env.app.followups.worker.round(sendAt);
    expect(followupsAbout(order.id)).toEqual([]);
    expect(await jobOf(order.id)).toMatchObject({ status: 'scheduled', reason: 'persona-unverified' });

    const code = await verificationCode(env, moved.replyTo);
    expect((await api('POST', '/followups/persona/verify', { code })).status).toBe(200);
    // The job looks again an hour later (RECHECK_AFTER_MS), at the next moment the window is open.
    await env.app.followups.worker.round(nextSendTime(sendAt + RECHECK_AFTER_MS, 'Europe/Madrid', DEFAULT_FLOW_SETTINGS));
    const [mail] = followupsAbout(order.id);
    expect((await parse(mail!)).replyTo?.value[0]?.address).toBe(moved.replyTo);
  });
});

describe('privacy', () => {
  it('customers/redact erases a customer’s follow-ups; shop/redact erases the persona, the flow and every job', async () => {
    const { storage } = env.app;
    const olivia = customerOf(PERSONAS.COAT_BUYER);
    expect((await storage.followups.jobs(shop(), 500)).some((j) => j.customerId === olivia.id)).toBe(true);
    expect((await storage.privacy.exportCustomer(shop(), olivia.id)).other?.followup_jobs?.length).toBeGreaterThan(0);
    await storage.privacy.eraseCustomer(shop(), olivia.id, [], olivia.email);
    expect((await storage.followups.jobs(shop(), 500)).some((j) => j.customerId === olivia.id)).toBe(false);
    expect((await storage.followups.jobs(shop(), 500)).length).toBeGreaterThan(0);

    await storage.privacy.eraseShop(shop());
    expect(await storage.followups.persona(shop())).toBeNull();
    expect(await storage.followups.flow(shop())).toBeNull();
    expect(await storage.followups.jobs(shop(), 500)).toEqual([]);
  });
});
