/**
 * Regional duties end to end on the installed demo store: the buyer's country travels from the default address
 * (backfill and webhook refetch) into Tacto only while they are subscribed, and the real worker mails Argentine,
 * Brazilian and Mexican buyers their country's duty through SMTP to the sandbox's sink — a US buyer none of it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PERSONAS } from '../../sandbox/seed/demo-customers.ts';
import { placeOrder } from '../../sandbox/store/place-order.ts';
import type { SandboxOrder } from '../../sandbox/store/types.ts';
import { DEFAULT_FLOW_SETTINGS, firstSendTime } from '../../server/followups/scheduler/index.ts';
import { queryDb } from '../support/db.ts';
import { startInstalledApp, type AppAndSandbox } from '../support/sandbox.ts';
import { adminApi, confirmedPersona, headerLines, parse } from './support.ts';

let env: AppAndSandbox;
const api = adminApi(() => env);
const productOf = (handle: string) => [...env.sandbox.store.products.values()].find((p) => p.handle === handle)!;
const customerOf = (email: string) => [...env.sandbox.store.customers.values()].find((c) => c.email === email)!;
const followupsAbout = (orderId: number) =>
  env.sandbox.smtp!.messages().filter((m) => headerLines(m, 'Message-ID').some((line) => line.includes(`<followup.${orderId}@`)));
const storedCustomer = (id: number) =>
  queryDb<{ marketing_state: string; email: string | null; country: string | null }>(env.app.databasePath, 'select marketing_state, email, country from customers where id = ?', id)[0];
const fulfilledAt = (order: SandboxOrder) => Math.floor(Date.parse(order.fulfillments[0]!.createdAt) / 1000) * 1000;

async function settle() {
  await env.sandbox.webhooks.idle();
  await env.app.webhookWorker.idle();
}

/** A fulfilled order of `handle` for the buyer, mailed by the real worker once it is due; the parsed mail. */
async function followupFor(email: string, handle: string, timeZone: string) {
  const { store } = env.sandbox;
  const order = placeOrder(store, { customerId: customerOf(email).id, productIds: [productOf(handle).id] });
  store.fulfillOrder(order.id);
  await settle();
  await env.app.followups.worker.round(firstSendTime({ fulfilledAt: fulfilledAt(order), timeZone, settings: DEFAULT_FLOW_SETTINGS }));
  const sent = followupsAbout(order.id);
  expect(sent, `one follow-up about order ${order.id}`).toHaveLength(1);
  return { order, mail: sent[0]!, parsed: await parse(sent[0]!) };
}

const ARGENTINA = 'isabel.romero@example.com';
const MEXICO = 'carlos.ruiz@example.com';
const BRAZIL = PERSONAS.PET_OWNER;
const US = 'jordan.lee@example.com';
const BUENOS_AIRES = 'America/Argentina/Buenos_Aires';
const shopZone = () => env.sandbox.store.shop.ianaTimezone;
const ARTICLE_27 = '«El titular podrá en cualquier momento solicitar el retiro o bloqueo de su nombre de los bancos de datos a los que se refiere el presente artículo.»';

beforeAll(async () => {
  env = await startInstalledApp({ smtpPort: 0 });
  await confirmedPersona(env);
  // An English template: the duties stay in their country's language, with a translation.
  const flow = await api('PUT', '/followups/flow', { locale: 'en', subject: 'A few tips for your {{ product.title }}', body: 'Hi {{ customer.first_name }},\n\nI hope it arrived well.', settings: { ...DEFAULT_FLOW_SETTINGS, enabled: true } });
  expect(flow.status, JSON.stringify(flow.body)).toBe(200);
});
afterAll(() => env?.close());

describe('the buyer’s country', () => {
  it('comes from the default address, only for subscribed buyers (backfill), and through a consent webhook', async () => {
    expect(storedCustomer(customerOf(ARGENTINA).id)).toMatchObject({ marketing_state: 'SUBSCRIBED', country: 'AR' });
    expect(storedCustomer(customerOf(MEXICO).id)).toMatchObject({ country: 'MX' });
    // Beatriz lives in Lisbon but never subscribed: Tacto keeps her id and consent state, not where she lives.
    expect(storedCustomer(customerOf('beatriz.lima@example.com').id)).toEqual({ marketing_state: 'NOT_SUBSCRIBED', email: null, country: null });

    // A customer who joins after the import subscribes: the consent webhook's refetch brings the country.
    const { store } = env.sandbox;
    const jordan = store.addCustomer({
      firstName: 'Jordan',
      lastName: 'Lee',
      email: US,
      phone: null,
      locale: 'en',
      addresses: [{ address1: '500 Market Street', city: 'San Francisco', zip: '94105', countryCode: 'US' }],
      note: null,
      emailMarketingConsent: { marketingState: 'NOT_SUBSCRIBED', marketingOptInLevel: null, consentUpdatedAt: null },
    });
    store.updateEmailMarketingConsent(jordan.id, { marketingState: 'SUBSCRIBED', marketingOptInLevel: 'SINGLE_OPT_IN' });
    await settle();
    expect(storedCustomer(jordan.id)).toMatchObject({ marketing_state: 'SUBSCRIBED', email: US, country: 'US' });
  });
});

describe('a follow-up', () => {
  it('to an Argentine buyer carries the removal legend in Spanish, with the rules quoted, in a mail in her Spanish', async () => {
    const { parsed } = await followupFor(ARGENTINA, 'merino-scarf', BUENOS_AIRES);
    expect(parsed.text).toContain(ARTICLE_27);
    expect(parsed.text).toContain('Disposición DNPDP 4/2009');
    expect(parsed.text).toContain('Decreto 1558/2001, Anexo I, artículo 27, párrafo tercero');
    expect(parsed.text).toContain(`de la base de datos de ${env.sandbox.store.shop.name}`);
    // Her mail is in Spanish (her Shopify locale): the legend needs no translation.
    expect(parsed.text).not.toContain('In English');
    expect(parsed.html).toContain('data-tacto-duty="ar-marketing-removal"');
    // After the note and the signature, before the unsubscribe footer it points to.
    const text = parsed.text as string;
    expect(text.indexOf(ARTICLE_27)).toBeGreaterThan(text.indexOf('Espero que tu pedido haya llegado bien.'));
    expect(text.indexOf(ARTICLE_27)).toBeLessThan(text.lastIndexOf('/unsubscribe/'));
  });

  it('to a Brazilian buyer says, in Portuguese, how its suggestions were chosen and how to ask for a review', async () => {
    const { parsed } = await followupFor(BRAZIL, 'merino-scarf', shopZone());
    expect(parsed.html).toMatch(/\/products\/[a-z0-9-]+\?tacto=email"/);
    expect(parsed.text).toContain('Como as sugestões deste e-mail foram escolhidas (LGPD, art. 20)');
    expect(parsed.text).toContain('a revisão desta escolha respondendo a este e-mail');
    expect(parsed.text).not.toContain(ARTICLE_27);
  });

  it('to a Mexican buyer says the mail is an optional purpose and how to refuse it', async () => {
    const { parsed } = await followupFor(MEXICO, 'knit-mittens', shopZone());
    expect(parsed.text).toContain('Finalidad opcional de este correo (LFPDPPP)');
    expect(parsed.text).toContain('date de baja con el enlace al pie de este correo');
    // His mail is in Spanish: the duty's own words, no translation.
    expect(parsed.text).not.toContain('This email and its suggestions serve optional purposes');
  });

  it('to a US buyer carries none of them', async () => {
    const { parsed } = await followupFor(US, 'merino-scarf', shopZone());
    expect(parsed.html).not.toContain('data-tacto-duty');
    expect(parsed.text).not.toMatch(/25\.326|LGPD|LFPDPPP/);
  });
});

describe('the email editor', () => {
  it('previews a sample order of each buyer with that buyer’s duty, as the mail would carry it', async () => {
    const draft = { locale: 'es', subject: 'Unos consejos', body: 'Hola{% if customer.first_name %}, {{ customer.first_name }}{% endif %}:\n\nGracias.' };
    const orderOf = (email: string) => [...env.sandbox.store.orders.values()].filter((o) => o.customerId === customerOf(email).id).at(-1)!;
    const argentine = await api('POST', '/followups/preview', { ...draft, orderId: orderOf(ARGENTINA).id });
    const { text, html } = argentine.body.preview as { text: string; html: string };
    expect(text).toContain(ARTICLE_27);
    // A Spanish template: the legend needs no translation.
    expect(text).not.toContain('In English');
    expect(html).toContain('data-tacto-duty="ar-marketing-removal"');
    // The English template previewed for her order: the legend as the rule writes it, then an English translation.
    const inEnglish = await api('POST', '/followups/preview', { locale: 'en', subject: 'A few tips', body: 'Hi!', orderId: orderOf(ARGENTINA).id });
    const englishText = (inEnglish.body.preview as { text: string }).text;
    expect(englishText).toContain(ARTICLE_27);
    expect(englishText.indexOf('In English')).toBeGreaterThan(englishText.indexOf(ARTICLE_27));
    const american = await api('POST', '/followups/preview', { ...draft, orderId: orderOf(US).id });
    expect((american.body.preview as { html: string }).html).not.toContain('data-tacto-duty');
  });
});

describe('unsubscribing', () => {
  it('clears the country with the other contact fields', async () => {
    const isabel = customerOf(ARGENTINA);
    const [mail] = env.sandbox.smtp!.messages().filter((m) => m.envelope.to.includes(ARGENTINA));
    const link = /<(https?:\/\/[^>]+\/unsubscribe\/[^>]+)>/.exec(headerLines(mail!, 'List-Unsubscribe')[0]!)![1]!;
    const oneClick = await fetch(link, { method: 'POST', body: 'List-Unsubscribe=One-Click', headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
    expect(oneClick.status).toBe(200);
    expect(isabel.emailMarketingConsent.marketingState).toBe('UNSUBSCRIBED');
    await settle();
    expect(storedCustomer(isabel.id)).toEqual({ marketing_state: 'UNSUBSCRIBED', email: null, country: null });
  });
});
