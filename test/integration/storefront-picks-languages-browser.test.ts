/**
 * End to end in Chromium: a storefront page in Spanish or Portuguese shows Tacto's picks under their titles in that
 * language (read from the shop's translations), an English page the default titles, and a pick's link opens the
 * product at its translated handle, in the same language.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeWithBrowser, startWithBrowser } from '../support/browser.ts';
import { startInstalledApp, type AppAndSandbox } from '../support/sandbox.ts';

let env: AppAndSandbox;
let browser: Browser;

beforeAll(async () => ({ env, browser } = await startWithBrowser(() => startInstalledApp())));
afterAll(() => closeWithBrowser(browser, env));

const products = () => [...env.sandbox.store.products.values()];
const titlesIn = (locale: string) => new Set(products().map((p) => (locale === 'en' ? p.title : p.translations[locale]?.title)));

async function picksOn(page: Page): Promise<string[]> {
  await page.locator('.tacto-picks__list[aria-busy="false"]').first().waitFor();
  return page.locator('.tacto-picks__title').allInnerTexts();
}

async function open(path: string): Promise<{ page: Page; titles: string[]; close(): Promise<void> }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(new URL(path, env.sandbox.url).toString());
  return { page, titles: await picksOn(page), close: () => context.close() };
}

describe("picks in the storefront page's language", () => {
  for (const [locale, other] of [
    ['es', 'pt-BR'],
    ['pt-BR', 'es'],
    ['en', 'es'],
  ] as const) {
    it(`a ${locale} home page shows ${locale} titles`, async () => {
      const { titles, close } = await open(`/?locale=${locale}`);
      expect(titles.length).toBeGreaterThan(0);
      for (const title of titles) {
        expect(titlesIn(locale), title).toContain(title);
        expect(titlesIn(other), title).not.toContain(title);
      }
      await close();
    });
  }

  it("a Spanish product page's picks link to the products at their Spanish handles, opened in Spanish", async () => {
    const coat = products().find((p) => p.handle === 'wool-overcoat')!;
    const { page, titles, close } = await open(`/products/${coat.translations['es']!.handle}?locale=es`);
    expect(titles.length).toBeGreaterThan(0);
    const link = page.locator('.tacto-picks__link').first();
    const title = (await link.locator('.tacto-picks__title').innerText()).trim();
    const product = products().find((p) => p.translations['es']?.title === title)!;
    expect(new URL((await link.getAttribute('href'))!, env.sandbox.url).pathname).toBe(`/products/${product.translations['es']!.handle}`);
    await Promise.all([page.waitForURL((url) => url.searchParams.get('locale') === 'es'), link.click()]);
    expect(new URL(page.url()).pathname).toBe(`/products/${product.translations['es']!.handle}`);
    await expect(page.locator('h1').first().innerText()).resolves.toContain(title);
    await close();
  });
});
