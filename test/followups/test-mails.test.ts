/**
 * The preview and "Send a test to me" are built from a real buyer's latest order, but act on nobody: the test
 * mail's unsubscribe link (header and body, GET and RFC 8058 one-click POST) leaves that buyer subscribed in Tacto
 * and in Shopify, and neither the preview nor the test records impressions for them. A real follow-up to the same
 * buyer, sent afterwards, does both — so each assertion here could fail.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PERSONAS } from '../../sandbox/seed/demo-customers.ts';
import { placeOrder } from '../../sandbox/store/place-order.ts';
import type { SandboxOrder } from '../../sandbox/store/types.ts';
import { DEFAULT_FLOW_SETTINGS, firstSendTime } from '../../server/followups/scheduler/index.ts';
import { queryDb } from '../support/db.ts';
import { startInstalledApp, type AppAndSandbox } from '../support/sandbox.ts';
import { adminApi, confirmedPersona, headerLines, parse, PERSONA } from './support.ts';

let env: AppAndSandbox;
const api = adminApi(() => env);
const shop = () => env.sandbox.shop.myshopifyDomain;
const customerOf = (email: string) => [...env.sandbox.store.customers.values()].find((c) => c.email === email)!;
const productOf = (handle: string) => [...env.sandbox.store.products.values()].find((p) => p.handle === handle)!;
const DRAFT = { locale: 'en' as const, subject: 'A few tips for your {{ product.title }}', body: 'Hi {{ customer.first_name }},\n\nI hope it arrived well.' };

/** Every customer as Tacto stores them and as Shopify (the sandbox) holds their consent. */
function consentEverywhere() {
  return {
    tacto: queryDb<{ id: number; marketing_state: string; email: string | null }>(env.app.databasePath, 'select id, marketing_state, email from customers where shop = ? order by id', shop()),
    shopify: [...env.sandbox.store.customers.values()].map((c) => ({ id: c.id, consent: { ...c.emailMarketingConsent } })),
  };
}
const impressionsOf = (customerId: number) =>
  queryDb<{ n: number }>(env.app.databasePath, 'select count(*) as n from recommendation_impressions where shop = ? and customer_id = ?', shop(), customerId)[0]!.n;
const unsubscribeLinkOf = (mail: Parameters<typeof headerLines>[0]) => /<(https?:\/\/[^>]+)>/.exec(headerLines(mail, 'List-Unsubscribe')[0]!)![1]!;

let order: SandboxOrder;

beforeAll(async () => {
  env = await startInstalledApp({ smtpPort: 0 });
  await confirmedPersona(env);
  // Olivia's order, fulfilled now, is the shop's latest: the preview and the test are built from it.
  order = placeOrder(env.sandbox.store, { customerId: customerOf(PERSONAS.COAT_BUYER).id, productIds: [productOf('merino-scarf').id] });
  env.sandbox.store.fulfillOrder(order.id);
  await env.sandbox.webhooks.idle();
  await env.app.webhookWorker.idle();
});
afterAll(() => env?.close());

describe('the preview and the test mail', () => {
  it('unsubscribe nobody, by link or one-click, in Tacto or in Shopify, and record no impressions', async () => {
    const olivia = customerOf(PERSONAS.COAT_BUYER);
    expect(olivia.emailMarketingConsent.marketingState).toBe('SUBSCRIBED');
    const before = consentEverywhere();
    expect(before.tacto.find((c) => c.id === olivia.id)).toMatchObject({ marketing_state: 'SUBSCRIBED', email: olivia.email });
    const impressionsBefore = impressionsOf(olivia.id);

    const preview = await api('POST', '/followups/preview', DRAFT);
    expect(preview.status, JSON.stringify(preview.body)).toBe(200);
    const shown = preview.body.preview as { html: string; text: string };
    // Built from Olivia's order, complements included: the engine ran for her.
    expect(shown.text).toContain('Hi Olivia');
    expect(shown.html).toMatch(/\/products\/[a-z0-9-]+\?tacto=email"/);
    // The test link, with the mail's language for the page behind it.
    const previewLink = new URL('/unsubscribe/test-mail?locale=en', env.app.url).toString();
    expect(shown.text).toContain(previewLink);
    expect(shown.html).toContain(`href="${previewLink}"`);

    const sent = await api('POST', '/followups/test', DRAFT);
    expect(sent.status, JSON.stringify(sent.body)).toBe(200);
    const mail = await env.sandbox.smtp!.waitFor((m) => m.envelope.to.includes(PERSONA.replyTo) && /^\[Test\]/.test(m.subject ?? ''), 30_000);
    const parsed = await parse(mail);
    expect(parsed.text).toContain('Hi Olivia');
    expect(headerLines(mail, 'List-Unsubscribe-Post')).toEqual([expect.stringContaining('List-Unsubscribe=One-Click')]);
    const link = unsubscribeLinkOf(mail);
    expect(link).toBe(previewLink);
    expect(parsed.text).toContain(link);

    const page = await fetch(link);
    expect(page.status).toBe(200);
    expect(await page.text()).toMatch(/test email or a preview: it unsubscribes nobody/);
    const oneClick = await fetch(link, { method: 'POST', body: 'List-Unsubscribe=One-Click', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, redirect: 'manual' });
    expect(oneClick.status).toBe(200);
    expect(await oneClick.text()).toMatch(/unsubscribes nobody/);
    // A Spanish mail's link: the page answers in the mail's language, whatever the browser says.
    const button = await fetch(link.replace(/locale=en$/, 'locale=es'), { method: 'POST', body: 'List-Unsubscribe=One-Click', headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'text/html', 'Accept-Language': 'en' } });
    expect(button.status).toBe(200);
    expect(await button.text()).toMatch(/no da de baja a nadie/);

    expect(consentEverywhere()).toEqual(before);
    expect(olivia.emailMarketingConsent.marketingState).toBe('SUBSCRIBED');
    expect(impressionsOf(olivia.id)).toBe(impressionsBefore);
  });

  it('mark a test in the language of the template being tried', async () => {
    const spanish = { locale: 'es' as const, subject: 'Unos consejos para tu {{ product.title }}', body: 'Hola, {{ customer.first_name }}:\n\nEspero que haya llegado bien.' };
    const sent = await api('POST', '/followups/test', spanish);
    expect(sent.status, JSON.stringify(sent.body)).toBe(200);
    const mail = await env.sandbox.smtp!.waitFor((m) => m.envelope.to.includes(PERSONA.replyTo) && /^\[Prueba\] Unos consejos/.test(m.subject ?? ''), 30_000);
    expect((await parse(mail)).html).toContain('<html lang="es">');
  });

  it('while the real follow-up to the same buyer records impressions and carries her own unsubscribe link', async () => {
    const olivia = customerOf(PERSONAS.COAT_BUYER);
    const impressionsBefore = impressionsOf(olivia.id);
    const on = await api('PUT', '/followups/flow', { ...DRAFT, settings: { ...DEFAULT_FLOW_SETTINGS, enabled: true } });
    expect(on.status, JSON.stringify(on.body)).toBe(200);
    const fulfilledAt = Math.floor(Date.parse(order.fulfillments[0]!.createdAt) / 1000) * 1000;
    await env.app.followups.worker.round(firstSendTime({ fulfilledAt, timeZone: 'Europe/London', settings: DEFAULT_FLOW_SETTINGS }));
    const [mail] = env.sandbox.smtp!.messages().filter((m) => headerLines(m, 'Message-ID').some((line) => line.includes(`<followup.${order.id}@`)));
    expect(mail).toBeDefined();
    expect(unsubscribeLinkOf(mail!)).toMatch(/\/unsubscribe\/v1\./);
    expect(impressionsOf(olivia.id)).toBeGreaterThan(impressionsBefore);
  });
});
