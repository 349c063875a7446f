/**
 * End to end in Chromium: the sandbox storefront renders the theme extension, tacto.js asks /apps/tacto/picks,
 * the sandbox forwards it signed through the app proxy, and the app's engine answers.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CUSTOMER_COOKIE } from '../../sandbox/app-proxy/forward.ts';
import { PERSONAS } from '../../sandbox/seed/demo-customers.ts';
import { launchBrowser, seriousAccessibilityViolations } from '../support/browser.ts';
import { startInstalledApp, type AppAndSandbox } from '../support/sandbox.ts';

let env: AppAndSandbox;
let browser: Browser;

beforeAll(async () => {
  env = await startInstalledApp();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await env?.close();
});

async function pickTitles(path: string, customerId: number | null): Promise<string[]> {
  const context = await browser.newContext();
  if (customerId !== null) {
    await context.addCookies([{ name: CUSTOMER_COOKIE, value: String(customerId), url: env.sandbox.url.toString() }]);
  }
  const page = await context.newPage();
  await page.goto(new URL(path, env.sandbox.url).toString());
  await page.locator('.tacto-picks__list[aria-busy="false"]').waitFor();
  const titles = await page.locator('.tacto-picks__title').allInnerTexts();
  expect(await seriousAccessibilityViolations(page)).toEqual([]);
  await context.close();
  return titles;
}

describe('Tacto picks on the sandbox storefront, served by the app', () => {
  it('fills the product page block with complements for a visitor', async () => {
    const titles = await pickTitles('/products/wool-overcoat', null);
    expect(titles.length).toBeGreaterThan(0);
    const coats = [...env.sandbox.store.products.values()].filter((p) => p.productType === 'Coat').map((p) => p.title);
    for (const title of titles) expect(coats).not.toContain(title);
  });

  it('fills it for a logged-in shopper too, never with what they bought', async () => {
    const olivia = [...env.sandbox.store.customers.values()].find((c) => c.email === PERSONAS.COAT_BUYER)!;
    const titles = await pickTitles('/', olivia.id);
    expect(titles.length).toBeGreaterThan(0);
    expect(titles).not.toContain('Charcoal Wool Overcoat');
  });
});
