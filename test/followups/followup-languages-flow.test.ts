/**
 * Done when (issue 16): a Spanish buyer, a Brazilian buyer and an English buyer of the same kind of order each get
 * their follow-up in their own language, through the real flow — sandbox orders, webhooks, the scheduler, the
 * worker, SMTP — read back from the sandbox's sink with mailparser.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { placeOrder } from '../../sandbox/store/place-order.ts';
import type { SandboxOrder } from '../../sandbox/store/types.ts';
import { DEFAULT_TEMPLATES, MAIL_WORDS } from '../../server/followups/compose/words.ts';
import { chooseGuide } from '../../server/followups/guides/choose-guide.ts';
import { DEFAULT_GUIDES } from '../../server/followups/guides/default-guides.ts';
import { DEFAULT_FLOW_SETTINGS, firstSendTime, resolveSendTimeZone } from '../../server/followups/scheduler/index.ts';
import type { Locale } from '../../server/i18n/locales.ts';
import { startInstalledApp, type AppAndSandbox } from '../support/sandbox.ts';
import { adminApi, confirmedPersona, headerLines, parse } from './support.ts';

let env: AppAndSandbox;
const api = adminApi(() => env);
const shop = () => env.sandbox.shop.myshopifyDomain;
const customerOf = (email: string) => [...env.sandbox.store.customers.values()].find((c) => c.email === email)!;
const productOf = (handle: string) => [...env.sandbox.store.products.values()].find((p) => p.handle === handle)!;
/**
 * When the worker first sends an order's follow-up: in the buyer's time zone, else the shop's, as the app decides
 * (a buyer without one is mailed in the shop's daytime, whatever the hour this test runs at).
 */
async function firstSendOf(order: SandboxOrder): Promise<number> {
  const context = await env.app.storage.followups.sendContext(shop(), order.id);
  const fulfilledAt = Math.floor(Date.parse(order.fulfillments[0]!.createdAt) / 1000) * 1000;
  const timeZone = resolveSendTimeZone(context?.customer?.timeZone ?? null, env.sandbox.shop.ianaTimezone);
  return firstSendTime({ fulfilledAt, timeZone, settings: DEFAULT_FLOW_SETTINGS });
}
const followupsAbout = (orderId: number) =>
  env.sandbox.smtp!.messages().filter((m) => headerLines(m, 'Message-ID').some((line) => line.includes(`<followup.${orderId}@`)));

/** The merchant's own Spanish note; English and Portuguese stay on their starting templates. */
const SPANISH = {
  subject: 'Cuidados para tu {{ product.title }}',
  body: 'Hola{% if customer.first_name %}, {{ customer.first_name }}{% endif %}:\n\nGracias por tu pedido. Te dejo unas ideas para cuidarlo.\n\nSi tienes dudas, responde a este correo.',
};

const BUYERS: { locale: Locale; email: string; firstName: string; greeting: string }[] = [
  { locale: 'es', email: 'carlos.ruiz@example.com', firstName: 'Carlos', greeting: 'Hola, Carlos:' },
  { locale: 'pt-BR', email: 'mariana.costa@example.com', firstName: 'Mariana', greeting: 'Olá, Mariana!' },
  { locale: 'en', email: 'olivia.bennett@example.com', firstName: 'Olivia', greeting: 'Hi Olivia,' },
];

beforeAll(async () => {
  env = await startInstalledApp({ smtpPort: 0 });
  await confirmedPersona(env);
});
afterAll(() => env?.close());

describe('follow-ups in the buyer’s language', () => {
  it('a Spanish, a Brazilian and an English buyer of knitted mittens each read theirs in their own language', async () => {
    const saved = await api('PUT', '/followups/flow', { settings: { ...DEFAULT_FLOW_SETTINGS, enabled: true }, templates: { es: SPANISH } });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    // Spanish is the merchant's now; the other two still send their starters, and the page says so.
    expect((saved.body.templates as { locale: string; starter: boolean }[]).map((t) => [t.locale, t.starter])).toEqual([
      ['en', true],
      ['es', false],
      ['pt-BR', true],
    ]);

    const mittens = productOf('knit-mittens');
    const orders = new Map<Locale, SandboxOrder>();
    for (const buyer of BUYERS) {
      const order = placeOrder(env.sandbox.store, { customerId: customerOf(buyer.email).id, productIds: [mittens.id] });
      env.sandbox.store.fulfillOrder(order.id);
      orders.set(buyer.locale, order);
    }
    await env.sandbox.webhooks.idle();
    await env.app.webhookWorker.idle();
    // The order webhooks carried each checkout's language; the app keeps it beside the order.
    for (const buyer of BUYERS) {
      expect((await env.app.storage.followups.sendContext(shop(), orders.get(buyer.locale)!.id))?.order.customerLocale).toBe(buyer.locale);
    }

    // A round at each buyer's first moment to send (their own daytime, or the shop's), earliest first as time runs.
    const sendTimes = await Promise.all(BUYERS.map((buyer) => firstSendOf(orders.get(buyer.locale)!)));
    for (const at of sendTimes.sort((x, y) => x - y)) await env.app.followups.worker.round(at);

    // The demo catalog names the mittens in each language, so a mail that ignored translations would show.
    expect(new Set(BUYERS.map((buyer) => mittens.translations[buyer.locale]?.title ?? mittens.title)).size).toBe(3);
    const guide = chooseGuide({ products: [{ productType: mittens.productType, collectionHandles: [], sensitive: false }], guides: DEFAULT_GUIDES })!;
    expect(guide).not.toBeNull();
    for (const buyer of BUYERS) {
      const mails = followupsAbout(orders.get(buyer.locale)!.id);
      expect(mails, buyer.locale).toHaveLength(1);
      const mail = await parse(mails[0]!);
      const others = BUYERS.filter((b) => b.locale !== buyer.locale);
      const words = MAIL_WORDS[buyer.locale];

      // Subject and note: the template written in the buyer's language (the merchant's Spanish, the others' starters).
      // …naming the product as the shop translated it for that language (Shopify's translations, as picks do).
      const title = mittens.translations[buyer.locale]?.title ?? mittens.title;
      const expectedSubject = (buyer.locale === 'es' ? SPANISH.subject : DEFAULT_TEMPLATES[buyer.locale].subject).replace('{{ product.title }}', title);
      expect(mail.subject, buyer.locale).toBe(expectedSubject);
      expect(mail.text!.split('\n')[0], buyer.locale).toBe(buyer.greeting);
      // The guide, the footer and the unsubscribe link's page in the same language, and the page marked with it.
      expect(mail.html, buyer.locale).toContain(`<html lang="${buyer.locale}">`);
      expect(mail.text, buyer.locale).toContain(guide.title[buyer.locale]);
      expect(mail.text, buyer.locale).toContain(words.why.replace('{shop}', env.sandbox.shop.name));
      expect(mail.text, buyer.locale).toContain(`${words.unsubscribe}: `);
      expect(mail.text, buyer.locale).toMatch(new RegExp(`/unsubscribe/[^\\s?]+\\?locale=${buyer.locale}\\b`));
      for (const other of others) {
        expect(mail.text, `${buyer.locale} mail holds no ${other.locale} guide`).not.toContain(guide.title[other.locale]);
        expect(mail.text, `${buyer.locale} mail holds no ${other.locale} footer`).not.toContain(MAIL_WORDS[other.locale].why.replace('{shop}', env.sandbox.shop.name));
      }
    }
  });

  it('a buyer whose language Tacto does not speak, who checked out in it too, reads the shop’s primary language', async () => {
    const { store } = env.sandbox;
    const jean = store.addCustomer({
      firstName: 'Jean',
      lastName: 'Martin',
      email: 'jean.martin@example.com',
      phone: null,
      locale: 'fr',
      addresses: [{ address1: '5 rue des Lilas', city: 'Lyon', zip: '69001', countryCode: 'FR' }],
      note: null,
      emailMarketingConsent: { marketingState: 'NOT_SUBSCRIBED', marketingOptInLevel: null, consentUpdatedAt: null },
    });
    // Subscribing reaches the app by the consent webhook, which reads the customer (locale included) back.
    store.updateEmailMarketingConsent(jean.id, { marketingState: 'SUBSCRIBED', marketingOptInLevel: 'SINGLE_OPT_IN' });
    // The shop's primary language, as Shopify's shopLocales says (read again: the app keeps the profile an hour).
    store.shop.primaryLocale = 'pt-BR';
    env.app.followups.shopAdmin.forget(shop());
    const order = placeOrder(store, { customerId: jean.id, productIds: [productOf('knit-mittens').id], customerLocale: 'fr-CA' });
    store.fulfillOrder(order.id);
    await env.sandbox.webhooks.idle();
    await env.app.webhookWorker.idle();
    const context = await env.app.storage.followups.sendContext(shop(), order.id);
    // Not a language Tacto speaks: nothing kept for the order.
    expect(context?.order.customerLocale).toBeNull();
    await env.app.followups.worker.round(await firstSendOf(order));
    const [mail] = followupsAbout(order.id);
    expect(mail).toBeDefined();
    const parsed = await parse(mail!);
    expect(parsed.html).toContain('<html lang="pt-BR">');
    expect(parsed.text!.split('\n')[0]).toBe('Olá, Jean!');
  });
});
