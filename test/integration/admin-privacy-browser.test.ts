/**
 * The Privacy page in Chromium, inside the sandbox admin's frame, against the real app: the storefront notice
 * rendered from the extension in Spanish with the numbers the engine runs with, live row counts that follow an order
 * arriving through the sandbox's signed webhook, and the privacy report downloaded with those counts.
 */
import { readFile } from 'node:fs/promises';
import type { Browser, FrameLocator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_APP_PATH } from '../../sandbox/admin/routes.ts';
import { placeOrder } from '../../sandbox/store/place-order.ts';
import { DEFAULT_POLICY } from '../../server/recommend/policy.ts';
import { closeWithBrowser, seriousAccessibilityViolations, startWithBrowser } from '../support/browser.ts';
import { queryDb } from '../support/db.ts';
import { startInstalledApp, type AppAndSandbox } from '../support/sandbox.ts';
import { ENGLISH_WORDS, englishLeftIn } from './admin-analytics-i18n.ts';

let env: AppAndSandbox;
let browser: Browser;

beforeAll(async () => ({ env, browser } = await startWithBrowser(() => startInstalledApp())));
afterAll(() => closeWithBrowser(browser, env));

async function openPrivacy(): Promise<{ page: Page; frame: FrameLocator }> {
  const page = await browser.newPage({ locale: 'en-US', acceptDownloads: true });
  await page.goto(new URL(ADMIN_APP_PATH, env.sandbox.url).toString());
  await page.getByRole('navigation', { name: 'Sandbox admin' }).getByRole('link', { name: 'Privacy' }).click();
  const frame = page.frameLocator('iframe[name="app-iframe"]');
  await frame.getByRole('heading', { name: 'Privacy', level: 1 }).waitFor();
  return { page, frame };
}

const storedOrders = () =>
  queryDb<{ n: number }>(env.app.databasePath, 'select count(*) as n from orders where shop = ?', env.sandbox.shop.myshopifyDomain)[0]!.n;
const count = (n: number) => new Intl.NumberFormat('en-US').format(n);

describe('the Privacy page', () => {
  it('shows the storefront notice in Spanish with the live numbers, open, and has no serious accessibility violation', async () => {
    const { page, frame } = await openPrivacy();
    await frame.getByRole('tab', { name: 'Spanish' }).click();
    const notice = frame.frameLocator('iframe[title="Storefront notice in Spanish"]');
    await notice.getByRole('heading', { name: 'Cómo elige esta tienda sus sugerencias', level: 2 }).waitFor();
    await notice.getByText(`como mucho, ${DEFAULT_POLICY.deniabilityRatio} veces la que tendría para un visitante`, { exact: false }).waitFor();
    await notice
      .getByText(`durante un máximo de ${DEFAULT_POLICY.historyWindowDays} días`, { exact: false })
      .and(notice.getByText(`se olvidan a los ${DEFAULT_POLICY.frequencyCapDays} días`, { exact: false }))
      .waitFor();
    // Shown open as a shopper reads it after "Why am I seeing this?", and nothing in it runs.
    expect(await notice.locator('dialog').getAttribute('open')).toBe('');
    expect(await frame.locator('iframe[title="Storefront notice in Spanish"]').getAttribute('sandbox')).toBe('allow-same-origin');
    expect(await notice.locator('script').count()).toBe(0);

    await frame.getByRole('tab', { name: 'Portuguese (Brazil)' }).click();
    await frame
      .frameLocator('iframe[title="Storefront notice in Portuguese (Brazil)"]')
      .getByRole('heading', { name: 'O que nunca é usado' })
      .waitFor();
    // The buyer's country reaches the Liquid as `localization.country`, for wording that depends on it.
    const [request] = await Promise.all([
      page.waitForRequest((r) => new URL(r.url()).pathname === '/api/privacy/notice' && new URL(r.url()).searchParams.get('country') === 'AR'),
      frame.getByLabel("Buyer's country").selectOption('AR'),
    ]);
    expect(new URL(request.url()).searchParams.get('locale')).toBe('pt-BR');
    await frame
      .frameLocator('iframe[title="Storefront notice in Portuguese (Brazil)"]')
      .getByRole('heading', { name: 'O que nunca é usado' })
      .waitFor();
    await frame.getByRole('columnheader', { name: 'Rows' }).waitFor();
    expect(await seriousAccessibilityViolations(page.frame({ name: 'app-iframe' })!)).toEqual([]);
    await page.close();
  });

  it('counts one more order after one arrives through the signed webhook, and the report holds the counts', async () => {
    const { page, frame } = await openPrivacy();
    const ordersRow = frame.locator('tr[data-table="orders"]');
    const before = storedOrders();
    await expect.poll(() => ordersRow.locator('td').last().innerText(), { timeout: 15_000 }).toBe(count(before));
    await expect(ordersRow.locator('td').nth(3).innerText()).resolves.toMatch(/^Until the customer asks Shopify to erase their data/);
    await expect(frame.locator('tr[data-table="block_counters"] td').nth(2).innerText()).resolves.toBe('No');

    const customer = [...env.sandbox.store.customers.values()][0]!;
    const product = [...env.sandbox.store.products.values()][0]!;
    placeOrder(env.sandbox.store, { customerId: customer.id, productIds: [product.id] });
    await expect.poll(storedOrders, { timeout: 15_000 }).toBe(before + 1);
    await frame.getByRole('button', { name: 'Refresh counts' }).click();
    await expect.poll(() => ordersRow.locator('td').last().innerText(), { timeout: 15_000 }).toBe(count(before + 1));

    const [download] = await Promise.all([page.waitForEvent('download'), frame.getByRole('button', { name: 'Download privacy report' }).click()]);
    expect(download.suggestedFilename()).toBe(`tacto-privacy-report-${env.sandbox.shop.myshopifyDomain}-${new Date().toISOString().slice(0, 10)}.html`);
    const report = await readFile((await download.path())!, 'utf8');
    expect(report).toMatch(new RegExp(`<code>orders</code></th>.*<td class="n">${count(before + 1)}</td>`));
    expect(report).toContain('<h4>Qué no se usa nunca</h4>');
    expect(report).not.toContain(customer.email);
    await page.close();
  });
});

describe('the Privacy page in Spanish and Portuguese', () => {
  const LANGUAGES = [
    { locale: 'es', title: 'Privacidad', tab: 'Portugués (Brasil)', kept: /^Hasta que el cliente le pida a Shopify borrar sus datos/, no: 'No', report: 'Informe de privacidad: Tacto en' },
    { locale: 'pt-BR', title: 'Privacidade', tab: 'Espanhol', kept: /^Até o cliente pedir à Shopify que apague seus dados/, no: 'Não', report: 'Relatório de privacidade: Tacto em' },
  ] as const;

  for (const language of LANGUAGES) {
    it(`${language.locale}: the tables, notice tabs, requests and report are in the language; no English outside codes`, async () => {
      const page = await browser.newPage({ locale: 'en-US', acceptDownloads: true });
      await page.goto(new URL(`${ADMIN_APP_PATH}/privacy?locale=${language.locale}`, env.sandbox.url).toString());
      const frame = page.frameLocator('iframe[name="app-iframe"]');
      await frame.getByRole('heading', { name: language.title, level: 1 }).waitFor();
      const ordersRow = frame.locator('tr[data-table="orders"]');
      await expect.poll(() => ordersRow.locator('td').nth(3).innerText(), { timeout: 15_000 }).toMatch(language.kept);
      await expect(frame.locator('tr[data-table="block_counters"] td').nth(2).innerText()).resolves.toBe(language.no);
      await frame.getByRole('tab', { name: language.tab }).waitFor();
      await frame.locator('iframe[title]').first().waitFor();

      const text = await frame.locator('body').innerText();
      expect(englishLeftIn(text, language.locale, ['privacy'])).toEqual([]);
      // Table names and mail header names (From, Reply-To) are codes; everything else must read as the language.
      const codes = /\b[a-z]+(?:_[a-z]+)+\b|\b(orders|products|customers|shops|backfills|experiments|From|Reply-To|Message-ID)\b/g;
      const english = text.split('\n').filter((line) => ENGLISH_WORDS.test(line.replace(codes, '')));
      expect(english).toEqual([]);

      const [download] = await Promise.all([page.waitForEvent('download'), frame.getByRole('button', { name: /privacidad|privacidade/ }).click()]);
      const report = await readFile((await download.path())!, 'utf8');
      expect(report).toContain(`<html lang="${language.locale}">`);
      expect(report).toContain(`${language.report} ${env.sandbox.shop.myshopifyDomain}`);
      expect(await seriousAccessibilityViolations(page.frame({ name: 'app-iframe' })!)).toEqual([]);
      await page.close();
    });
  }
});
