/**
 * The embedded admin in Spanish and Brazilian Portuguese, read as a merchant reads it: every page opened through the
 * sandbox admin with Shopify's `locale` parameter, on a backfilled demo store with merchandising rules, a "too
 * personal" report and an explanation on screen, and its visible text searched for any English sentence of Tacto's
 * or Polaris' translation files. Product titles, customer names and other store data are not in those files, so
 * they never count as English. Also: Shopify's regional tags (`es-419`) and a language Tacto does not speak (`fr`),
 * and the sandbox admin's language switch, remembered as the merchant moves between pages.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_APP_PATH } from '../../sandbox/admin/routes.ts';
import { SANDBOX_API_KEY, SANDBOX_API_SECRET } from '../../sandbox/credentials.ts';
import { signSessionToken } from '../../sandbox/oauth/signing.ts';
import { PERSONAS } from '../../sandbox/seed/demo-customers.ts';
import { closeWithBrowser, settledAppFrame, startWithBrowser } from '../support/browser.ts';
import { startInstalledApp, type AppAndSandbox } from '../support/sandbox.ts';

const ROOT = join(import.meta.dirname, '../..');
const PAGES = [
  { path: '/', nav: 'home' },
  { path: '/recommendations', nav: 'recommendations' },
  { path: '/follow-ups', nav: 'followups' },
  { path: '/privacy', nav: 'privacy' },
  { path: '/analytics', nav: 'analytics' },
] as const;
const LANGUAGES = ['es', 'pt-BR'] as const;

type Texts = Map<string, string>;

/** Every leaf of a translation tree as `prefix.a.b` → text. */
function leaves(tree: unknown, prefix: string, out: Texts = new Map()): Texts {
  if (typeof tree === 'string') out.set(prefix, tree);
  else if (tree && typeof tree === 'object') for (const [key, value] of Object.entries(tree)) leaves(value, `${prefix}.${key}`, out);
  return out;
}

const readJson = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8'));

/** Tacto's words (app/locales/<locale>/*.json) and Polaris' (its locales/<locale>.json), by key. */
function texts(locale: string): Texts {
  const all: Texts = new Map();
  const dir = join(ROOT, 'app/locales', locale);
  for (const file of readdirSync(dir)) leaves(readJson(join(dir, file)), file.replace(/\.json$/, ''), all);
  leaves(readJson(join(ROOT, 'node_modules/@shopify/polaris/locales', `${locale}.json`)), 'polaris', all);
  return all;
}

const PLURAL = /_(zero|one|two|few|many|other)$/;

/** A text's literal runs: what lies between `{{values}}`, `<1>` tags and nested `$t()`, trimmed of punctuation. */
function runs(text: string): string[] {
  return text
    .split(/\{\{[^}]*\}\}|<\/?\d+>|\$t\([^)]*\)/)
    .map((run) => run.replace(/\s+/g, ' ').trim().replace(/^[\s,.;:·—–()“”"'-]+|[\s,.;:·—–()“”"'-]+$/g, ''))
    .filter(Boolean);
}

/**
 * The English a page in `locale` must not show: each English text's literal runs (between `{{values}}` and `<1>`
 * tags) that are long enough not to be a word both languages share by chance (two words, or six letters), taken
 * from every key whose text in `locale` differs (or is missing: an untranslated page shows its English).
 */
function englishFragments(locale: string): string[] {
  const english = texts('en');
  const local = texts(locale);
  const fragments = new Set<string>();
  for (const [key, text] of english) {
    const localText = local.get(key) ?? (PLURAL.test(key) ? local.get(key.replace(PLURAL, '_other')) : undefined);
    if (localText === text) continue;
    // What the translation keeps as is (a code such as tacto:sensitive, a brand) is not English to report.
    const kept = new Set(localText ? runs(localText) : []);
    for (const fragment of runs(text)) {
      if (kept.has(fragment)) continue;
      const words = fragment.split(' ').filter((word) => /\p{L}/u.test(word));
      const letters = fragment.replace(/[^\p{L}]/gu, '').length;
      if (words.length >= 2 || letters >= 6) fragments.add(fragment);
    }
  }
  // A fragment the language's own texts use as words of theirs is that language's term too (Merchandising, Tacto,
  // the mail header Reply-To that Spanish and Portuguese write as is).
  const localWords = [...local.values()].join('\n');
  return [...fragments].filter((fragment) => englishIn(localWords, [fragment]).length === 0);
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The fragments found in `text` as whole words (so "Remove" is not found in "Removed"). */
function englishIn(text: string, fragments: string[]): string[] {
  return fragments.filter((fragment) => new RegExp(`(?<![\\p{L}\\p{N}_])${escape(fragment)}(?![\\p{L}\\p{N}_])`, 'u').test(text));
}

let env: AppAndSandbox;
let browser: Browser;
/** The store's own data (titles, names, tags, emails): shown as the merchant wrote it, in any language. */
let storeData: string[];

async function adminPut(path: string, body: unknown): Promise<void> {
  const token = await signSessionToken({ shop: env.sandbox.shop.myshopifyDomain, apiKey: SANDBOX_API_KEY, apiSecret: SANDBOX_API_SECRET, userId: '1' });
  const response = await fetch(new URL(path, env.app.url), {
    method: 'PUT',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(response.status, await response.clone().text()).toBe(200);
}

beforeAll(async () => {
  ({ env, browser } = await startWithBrowser(() => startInstalledApp()));
  const { store, shop } = env.sandbox;
  // Cards with content: each kind of merchandising rule, and one "too personal" report. The rules hold back
  // cameras and pet supplies, far from the coat buyer the explanation is for (so privacy rules hold back her coats).
  const products = [...store.products.values()].filter((p) => p.tags.includes('camera') || p.tags.includes('pets'));
  const collection = [...store.collections.values()].find((c) => /pet|camera|photo/i.test(c.title)) ?? [...store.collections.values()].at(-1)!;
  const tag = 'camera';
  await adminPut('/api/recommendations/merchandising', {
    excludedProducts: [products[0]!.id],
    excludedCollections: [{ id: collection.id, title: collection.title }],
    excludedTags: [tag],
    pins: [{ productId: products[1]!.id, complements: [products[2]!.id] }],
    neverTogether: [[products[3]!.id, products[4]!.id]],
  });
  const ana = [...store.customers.values()].find((c) => c.email === PERSONAS.PREGNANCY_TEST_BUYER)!;
  await env.app.storage.recommendations.saveFeedback(shop.myshopifyDomain, ana.id, products[5]!.id, 'too-personal', new Date().toISOString());
  storeData = [
    shop.name,
    ...products.flatMap((p) => [p.title, p.vendor, p.productType, ...p.tags, ...Object.values(p.translations).map((t) => t.title)]),
    ...[...store.collections.values()].flatMap((c) => [c.title, ...Object.values(c.translations).map((t) => t.title)]),
    ...[...store.customers.values()].flatMap((c) => [`${c.firstName} ${c.lastName}`, c.firstName, c.lastName, c.email ?? '']),
  ]
    .filter((text): text is string => typeof text === 'string' && text.length > 1)
    // Longest first, so a title is removed whole before a shorter title inside it.
    .sort((a, b) => b.length - a.length);
});
afterAll(() => closeWithBrowser(browser, env));

/** The app's frame once its page has loaded its data: no skeleton left, nothing on the network. */
async function openApp(page: Page, path: string, locale: string): Promise<Frame> {
  await page.goto(new URL(`${ADMIN_APP_PATH}${path === '/' ? '' : path}?locale=${encodeURIComponent(locale)}`, env.sandbox.url).toString());
  return settledAppFrame(page);
}


/**
 * The frame's visible text without the store's own data, and without code: what `<code>` and `<pre>` show and
 * Liquid's `{{ product.title }}` / `{% if %}` are identifiers the merchant writes, the same in every language.
 */
async function visibleText(frame: Frame): Promise<string> {
  const { text: shown, code } = await frame.evaluate(() => ({
    text: document.body.innerText,
    code: [...document.querySelectorAll('code, pre')].map((element) => (element as HTMLElement).innerText),
  }));
  let text = shown.replace(/\{\{[\s\S]*?\}\}|\{%[\s\S]*?%\}/g, ' ');
  for (const data of [...code, ...storeData].filter(Boolean)) text = text.split(data).join(' ');
  return text;
}

const heading = (locale: string, nav: string) => texts(locale).get(`common.nav.${nav}.label`)!;

describe('the admin in Spanish and Brazilian Portuguese', () => {
  for (const locale of LANGUAGES) {
    const fragments = englishFragments(locale);
    const local = texts(locale);
    for (const { path, nav } of PAGES) {
      it(`${locale} ${path}: every word is in ${locale}, none in English`, async () => {
        const page = await browser.newPage();
        try {
          const frame = await openApp(page, path, locale);
          if (path === '/') {
            await frame.getByRole('heading', { name: local.get('home.checklist.title')! }).waitFor();
            await frame.getByRole('heading', { name: local.get('home.backfill.title')! }).waitFor();
          }
          if (path === '/recommendations') {
            await frame.getByRole('heading', { name: local.get('recommendations.settings.title')! }).waitFor();
            // An explanation on screen: picks with their reasons, and what the rules held back, for a coat buyer.
            const olivia = [...env.sandbox.store.customers.values()].find((c) => c.email === PERSONAS.COAT_BUYER)!;
            await frame.getByLabel(local.get('recommendations.explain.customer.label')!).fill(olivia.firstName);
            await frame.getByRole('option', { name: new RegExp(escape(olivia.email!)) }).click();
            await frame.getByRole('button', { name: local.get('recommendations.explain.explain')!, exact: true }).click();
            await frame.getByText(local.get('recommendations.explain.heldByPrivacy')!).waitFor();
            await frame.getByText(local.get('recommendations.explain.heldByYou')!).waitFor();
          }
          // The English found, listed, before anything else: what an untranslated page fails with.
          expect(englishIn(await visibleText(frame), fragments), `English on ${path} in ${locale}`).toEqual([]);
          expect(await frame.evaluate(() => document.documentElement.lang)).toBe(locale);
          expect(await frame.getByRole('heading', { level: 1 }).innerText()).toBe(heading(locale, nav));
        } finally {
          await page.close();
        }
      }, 180_000);
    }
  }

  it('finds English on a page left untranslated (the check can fail)', () => {
    const fragments = englishFragments('es');
    expect(englishIn('Recomendaciones · Recommendation settings · Guardar ajustes', fragments)).toEqual(['Recommendation settings']);
    // Shared words and store data are not English to report.
    expect(englishIn('Merchandising · Tacto · Acme Overcoat', fragments)).toEqual([]);
  });
});

describe('the admin\'s language, as Shopify admin passes it', () => {
  it('speaks Spanish for a regional tag (es-419) and English for a language Tacto does not speak (fr)', async () => {
    const page = await browser.newPage();
    try {
      let frame = await openApp(page, '/', 'es-419');
      expect(await frame.evaluate(() => document.documentElement.lang)).toBe('es');
      expect(await frame.getByRole('heading', { level: 1 }).innerText()).toBe('Inicio');
      frame = await openApp(page, '/', 'fr');
      expect(await frame.evaluate(() => document.documentElement.lang)).toBe('en');
      expect(await frame.getByRole('heading', { level: 1 }).innerText()).toBe('Home');
      await frame.getByRole('heading', { name: 'Get Tacto ready' }).waitFor();
    } finally {
      await page.close();
    }
  }, 60_000);

  it('switches language from the sandbox admin and keeps it from page to page', async () => {
    const page = await browser.newPage();
    try {
      await page.goto(new URL(ADMIN_APP_PATH, env.sandbox.url).toString());
      let frame = await settledAppFrame(page);
      expect(await frame.getByRole('heading', { level: 1 }).innerText()).toBe('Home');
      await Promise.all([page.waitForURL(/locale=pt-BR/), page.getByLabel('Language').selectOption({ label: 'Português (Brasil)' })]);
      frame = await settledAppFrame(page);
      expect(await frame.getByRole('heading', { level: 1 }).innerText()).toBe('Início');
      // The app's own menu in the admin sidebar, in the chosen language; the page opened from it too.
      const sidebar = page.getByRole('navigation', { name: 'Sandbox admin' });
      await sidebar.getByRole('link', { name: 'Recomendações' }).click();
      await page.frameLocator('iframe[name="app-iframe"]').getByRole('heading', { level: 1, name: 'Recomendações' }).waitFor();
      // A full load from the sidebar (no ?locale=) keeps the choice, as Shopify admin keeps a staff member's language.
      await sidebar.getByRole('link', { name: 'Orders' }).click();
      await sidebar.getByRole('link', { name: 'Tacto', exact: true }).click();
      frame = await settledAppFrame(page);
      expect(await frame.evaluate(() => document.documentElement.lang)).toBe('pt-BR');
      expect(await page.getByLabel('Language').inputValue()).toBe('pt-BR');
    } finally {
      await page.close();
    }
  }, 60_000);
});
