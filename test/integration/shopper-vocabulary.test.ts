/**
 * One vocabulary for shoppers: a sensitive topic, "Not for me" and its reasons, the personalization switch and
 * "Your orders" read the same way on every surface that names them — the storefront blocks (rendered from the
 * extension's own Liquid, as Shopify renders them), the data page and the unsubscribe page (through the app's
 * routes) — in each language, and every topic the engine knows has a name in each language.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PERSONAS } from '../../sandbox/seed/demo-customers.ts';
import { MAIL_WORDS } from '../../server/followups/compose/words.ts';
import { LOCALES, type Locale } from '../../server/i18n/locales.ts';
import { reasonKey, STOREFRONT_LOCALES_DIR, topicKey } from '../../server/i18n/shopper-words.ts';
import { decodeEntities } from '../../server/privacy/notice/notice-html.ts';
import { createNoticeEngine, EXTENSION_DIR, renderBlock } from '../../server/privacy/notice/notice-engine.ts';
import { SENSITIVE_TOPICS } from '../../server/recommend/sensitive-topics.ts';
import { DECLARABLE_TOPICS } from '../../server/recommend/store-topics.ts';
import { FEEDBACK_REASONS } from '../../server/recommend/types.ts';
import { signedProxyUrl } from '../support/app-proxy.ts';
import { startInstalledApp, type AppAndSandbox } from '../support/sandbox.ts';

type Tree = { [key: string]: string | Tree };
const FILES: Record<Locale, string> = { en: 'en.default.json', es: 'es.json', 'pt-BR': 'pt-BR.json' };
const file = (locale: Locale) => JSON.parse(readFileSync(join(STOREFRONT_LOCALES_DIR, FILES[locale]), 'utf8')) as Tree;
/** The text of a key straight from the file: what every surface must show. */
function word(locale: Locale, key: string): string {
  let node: string | Tree | undefined = file(locale);
  for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined;
  if (typeof node !== 'string') throw new Error(`${FILES[locale]} has no ${key}`);
  return node;
}

/** The text inside each match's first group, entities decoded and spaces collapsed, by the second group when given. */
const texts = (html: string, pattern: RegExp) => [...html.matchAll(pattern)].map((m) => decodeEntities(m[1]!).replace(/\s+/g, ' ').trim());
const byValue = (html: string, pattern: RegExp) =>
  Object.fromEntries([...html.matchAll(pattern)].map((m) => [m[1]!, decodeEntities(m[2]!).replace(/\s+/g, ' ').trim()]));

const { engine } = createNoticeEngine();
/** A storefront block as Shopify renders it on an index page in `locale`. */
function block(name: string, locale: Locale, settings: Record<string, unknown> = {}): Promise<string> {
  const language = { iso_code: locale, primary: locale === 'en', root_url: '/' };
  return renderBlock(engine, EXTENSION_DIR, name, {
    request: { locale: language, page_type: 'index', design_mode: false },
    localization: { language },
    template: { name: 'index' },
    block: { id: 'b1', settings, shopify_attributes: '' },
    shop: { currency: 'USD' },
    cart: { currency: { iso_code: 'USD' }, item_count: 0, items: [] },
    collections: [],
  });
}

let env: AppAndSandbox;
const customerOf = (email: string) => [...env.sandbox.store.customers.values()].find((c) => c.email === email)!.id;
const send = (path: string, customerId: number, method: string, body: unknown) =>
  fetch(signedProxyUrl(env, path, customerId), { method, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });

beforeAll(async () => {
  env = await startInstalledApp();
});
afterAll(() => env.close());

describe('one vocabulary for shoppers', () => {
  it('names every sensitive topic and every "Not for me" reason in every language, each differently from the others', () => {
    for (const locale of LOCALES) {
      const topics = SENSITIVE_TOPICS.map((topic) => word(locale, topicKey(topic)));
      expect(topics.every((name) => name.trim() !== ''), locale).toBe(true);
      expect(new Set(topics).size, `${locale}: two topics share a name`).toBe(topics.length);
      const reasons = FEEDBACK_REASONS.map((reason) => word(locale, reasonKey(reason)));
      expect(new Set(reasons).size, `${locale}: two reasons share a name`).toBe(reasons.length);
      // The forms of "Your orders" are one family: the notice's longer line starts with the heading's words.
      expect(word(locale, 'tacto.terms.orders.in_store').startsWith(word(locale, 'tacto.terms.orders.heading')), locale).toBe(true);
    }
  });

  it('says each term identically in the blocks, the notice and the data page, in each language', async () => {
    const lucia = customerOf(PERSONAS.STROLLER_BUYER);
    // Every topic declared, one product hidden for each reason: the data page then names all of them.
    expect((await send('/proxy/preferences', lucia, 'POST', { personalization: 'on', declaredTopics: [...DECLARABLE_TOPICS] })).status).toBe(200);
    const hidden = [...env.sandbox.store.products.values()].filter((p) => p.status === 'ACTIVE').slice(-FEEDBACK_REASONS.length);
    for (const [k, reason] of FEEDBACK_REASONS.entries()) {
      expect((await send('/proxy/feedback', lucia, 'POST', { handle: hidden[k]!.handle, reason })).status).toBeLessThan(300);
    }
    const dataPage = async (locale: Locale) => (await fetch(signedProxyUrl(env, '/proxy/data', lucia, { locale }))).text();

    for (const locale of LOCALES) {
      const preferences = await block('tacto-preferences', locale);
      const picks = await block('tacto-picks', locale, { heading: '', items_count: 2, layout: 'grid', show_guides: true, quick_add: false });
      const notice = await block('tacto-notice', locale);
      const page = await dataPage(locale);
      expect(page, locale).toContain(`<html lang="${locale}">`);

      // Sensitive topics: the preference block's labels are the data page's.
      const blockTopics = byValue(preferences, /value="([a-z-]+)"> ([^<]+)<\/label>/g);
      const pageTopics = byValue(page, /name="topic" value="([a-z-]+)"(?: checked)?> ([^<]+)<\/label>/g);
      expect(Object.keys(pageTopics).sort(), locale).toEqual([...DECLARABLE_TOPICS].sort());
      for (const topic of DECLARABLE_TOPICS) {
        expect(pageTopics[topic], `${locale}: ${topic}`).toBe(word(locale, topicKey(topic)));
        expect(blockTopics[topic], `${locale}: ${topic}`).toBe(pageTopics[topic]);
      }
      // The block's heading, as the data page refers to the block and as the picks' intro would.
      expect(texts(preferences, /<h2[^>]*>([^<]+)<\/h2>/g), locale).toEqual([word(locale, 'tacto.terms.shopping_for')]);

      // "Not for me" and its reasons: the picks block's disclosure, and the data page's list of hidden items.
      const notForMe = word(locale, 'tacto.terms.not_for_me');
      expect(texts(picks, /<summary>([^<]+)<\/summary>/g), locale).toEqual([notForMe]);
      const blockReasons = byValue(picks, /data-reason="([a-z-]+)">([^<]+)<\/button>/g);
      expect(Object.keys(blockReasons).sort(), locale).toEqual([...FEEDBACK_REASONS].sort());
      const dismissedHeading = texts(page, /<h2 id="dismissed">([^<]+)<\/h2>/g)[0];
      expect(dismissedHeading, locale).toContain(notForMe);
      const pageReasons = texts(page, /<li>[^<]* — ([^<]+)<\/li>/g);
      for (const reason of FEEDBACK_REASONS) {
        expect(blockReasons[reason], `${locale}: ${reason}`).toBe(word(locale, reasonKey(reason)));
        expect(pageReasons, `${locale}: ${reason}`).toContain(blockReasons[reason]);
      }

      // The personalization switch: the notice's button and the data page's, on and off.
      const noticeOff = texts(notice, /data-label-off="([^"]+)"/g)[0];
      const noticeOn = texts(notice, /data-label-on="([^"]+)"/g)[0];
      expect(noticeOff, locale).toBe(word(locale, 'tacto.terms.personalization.turn_off'));
      expect(texts(page, /<button type="button" data-personalization="off">([^<]+)<\/button>/g), locale).toEqual([noticeOff]);

      // "Your orders": the data page's heading opens the notice's line about them.
      const ordersHeading = texts(page, /<h2 id="orders">([^<]+)<\/h2>/g)[0]!;
      expect(ordersHeading, locale).toBe(word(locale, 'tacto.terms.orders.heading'));
      expect(texts(notice, /<li data-tacto-used-orders>([^<]+)<\/li>/g)[0]!.startsWith(ordersHeading), locale).toBe(true);

      expect((await send('/proxy/preferences', lucia, 'POST', { personalization: 'off' })).status).toBe(200);
      const offPage = await dataPage(locale);
      expect(texts(offPage, /<button type="button" data-personalization="on">([^<]+)<\/button>/g), locale).toEqual([noticeOn]);
      expect(noticeOn, locale).toBe(word(locale, 'tacto.terms.personalization.turn_on'));
      await send('/proxy/preferences', lucia, 'POST', { personalization: 'on' });
    }
  });

  it('answers the unsubscribe page in the link\'s locale, else the browser\'s, else English, in the same words', async () => {
    const page = async (query: string, headers: Record<string, string> = {}) => {
      const html = await (await fetch(new URL(`/unsubscribe/test-mail${query}`, env.app.url), { headers })).text();
      return { lang: /<html lang="([^"]+)">/.exec(html)?.[1], title: texts(html, /<h1>([^<]+)<\/h1>/g)[0], html };
    };
    for (const locale of LOCALES) {
      const answer = await page(`?locale=${locale}`, { 'Accept-Language': 'fr' });
      expect(answer.lang).toBe(locale);
      expect(answer.title).toBe(word(locale, 'tacto.terms.unsubscribe'));
      expect(answer.html).toContain(word(locale, 'tacto.unsubscribe.test'));
      // The follow-up's link names the page as the page names itself.
      expect(MAIL_WORDS[locale].unsubscribe).toBe(answer.title);
    }
    // A buyer's regional tag (es-AR, pt_PT) is their language; the link's locale wins over the browser's.
    expect((await page('?locale=es-AR')).lang).toBe('es');
    expect((await page('?locale=pt_PT', { 'Accept-Language': 'es' })).lang).toBe('pt-BR');
    // Without one: the browser's first language Tacto speaks, else English.
    expect((await page('', { 'Accept-Language': 'fr;q=1, pt-PT;q=0.8, es;q=0.5' })).lang).toBe('pt-BR');
    expect((await page('', { 'Accept-Language': 'fr' })).lang).toBe('en');
    // A malformed locale is ignored, never an error: unsubscribing must always work.
    const odd = await fetch(new URL('/unsubscribe/test-mail?locale=%3Cscript%3E', env.app.url), { headers: { 'Accept-Language': 'es' } });
    expect(odd.status).toBe(200);
    expect(await odd.text()).toContain('<html lang="es">');
  });

  it('writes the data page in the language a storefront tag or the browser names', async () => {
    const lang = async (params: Record<string, string>, headers: Record<string, string> = {}) =>
      /<html lang="([^"]+)">/.exec(await (await fetch(signedProxyUrl(env, '/proxy/data', null, params), { headers })).text())?.[1];
    expect(await lang({ locale: 'pt-PT' })).toBe('pt-BR');
    expect(await lang({ locale: 'es-MX' }, { 'Accept-Language': 'pt-BR' })).toBe('es');
    expect(await lang({}, { 'Accept-Language': 'es-419' })).toBe('es');
    expect(await lang({ locale: 'fr' }, { 'Accept-Language': 'de' })).toBe('en');
  });
});
