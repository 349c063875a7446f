/**
 * A new merchant's Home on a bare theme: the checklist reads the live theme through the Admin API, and each open
 * theme step leads into the theme editor's deep link; saving there flips the step and changes the storefront.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_APP_PATH } from '../../sandbox/admin/routes.ts';
import { closeWithBrowser, seriousAccessibilityViolations, startWithBrowser } from '../support/browser.ts';
import { startInstalledApp, type AppAndSandbox } from '../support/sandbox.ts';

let env: AppAndSandbox;
let browser: Browser;

beforeAll(async () => ({ env, browser } = await startWithBrowser(() => startInstalledApp({ theme: 'bare' }))));
afterAll(() => closeWithBrowser(browser, env));

const step = (page: Page, title: string) => page.frameLocator('iframe[name="app-iframe"]').getByRole('listitem', { name: title });

async function openHome(page: Page) {
  await page.goto(new URL(ADMIN_APP_PATH, env.sandbox.url).toString());
  await step(page, 'Import your orders and catalog').getByText('Imported.').waitFor();
}

async function productPage(): Promise<string> {
  const product = [...env.sandbox.store.products.values()][0]!;
  return (await fetch(new URL(`/products/${product.handle}`, env.sandbox.url))).text();
}

describe('Get Tacto ready, on a theme without Tacto', () => {
  it('shows the notice off and the picks block not placed, read from the live theme, accessibly', async () => {
    const page = await browser.newPage();
    await openHome(page);
    const notice = step(page, 'Turn on the privacy notice');
    await notice.getByText('Not turned on in your live theme: shoppers do not see it.').waitFor();
    await expect(notice.getByText('To do').count()).resolves.toBe(1);
    await step(page, 'Place the picks block').getByText('Not placed on any page of your live theme yet.').waitFor();
    await step(page, 'Verify who follow-ups come from').getByRole('button', { name: 'Set up the sender' }).waitFor();
    const frame = page.frameLocator('iframe[name="app-iframe"]');
    await expect(frame.getByRole('main').count()).resolves.toBe(1);
    await expect(frame.getByText(/^1 of 5 steps done/).count()).resolves.toBe(1);
    expect(await seriousAccessibilityViolations(page.frame({ name: 'app-iframe' })!)).toEqual([]);
    await page.close();
  });

  it('turns the notice on through the theme editor link, and the step flips', async () => {
    const page = await browser.newPage();
    await openHome(page);
    await step(page, 'Turn on the privacy notice').getByRole('link', { name: 'Turn on in the theme editor' }).click();
    await page.waitForURL((url) => url.pathname === '/admin/themes/current/editor' && url.searchParams.get('activateAppId') === `${env.sandbox.app.apiKey}/tacto-notice`);
    await page.getByText('Turn on the app embed Tacto privacy notice').waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    expect(env.sandbox.store.theme.isEmbedOn('tacto-notice')).toBe(false);
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('link', { name: 'Back to Tacto' }).click();
    const notice = step(page, 'Turn on the privacy notice');
    await notice.getByText('On in your live theme.').waitFor();
    await expect(notice.getByText('Done').count()).resolves.toBe(1);
    await expect(notice.getByRole('link').count()).resolves.toBe(0);
    await page.close();
  });

  it('places the picks block on product pages through the editor link, and the storefront shows it', async () => {
    expect(await productPage()).not.toContain('tacto-picks');
    const page = await browser.newPage();
    await openHome(page);
    await step(page, 'Place the picks block').getByRole('link', { name: 'Add to product pages' }).click();
    await page.waitForURL((url) => url.searchParams.get('addAppBlockId') === `${env.sandbox.app.apiKey}/tacto-picks` && url.searchParams.get('template') === 'product');
    await page.getByText("Add the app block Tacto picks (Tacto) to the product template's main section.").waitFor();
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('link', { name: 'Back to Tacto' }).click();
    const picks = step(page, 'Place the picks block');
    await picks.getByText('Placed on: product pages.').waitFor();
    await expect(picks.getByText('Done').count()).resolves.toBe(1);
    expect(await productPage()).toContain('tacto-picks');
    await page.close();
  });

  it('sends the follow-up steps to the Follow-ups page', async () => {
    const page = await browser.newPage();
    await openHome(page);
    await step(page, 'Turn on follow-ups').getByRole('button', { name: 'Open Follow-ups' }).click();
    await page.frameLocator('iframe[name="app-iframe"]').getByRole('heading', { name: 'Follow-ups', level: 1 }).waitFor();
    await page.close();
  });
});
