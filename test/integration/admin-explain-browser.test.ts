/**
 * The Recommendations page's explain tool as a merchant uses it in the sandbox admin: the product chosen with App
 * Bridge's resource picker (the sandbox admin draws it, above the app's frame, as Shopify admin does), the customer
 * found by name, and the rule that held a product back named in words. No id is typed or shown.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_APP_PATH } from '../../sandbox/admin/routes.ts';
import { PERSONAS } from '../../sandbox/seed/demo-customers.ts';
import { closeWithBrowser, seriousAccessibilityViolations, startWithBrowser } from '../support/browser.ts';
import { startInstalledApp, type AppAndSandbox } from '../support/sandbox.ts';

let env: AppAndSandbox;
let browser: Browser;

beforeAll(async () => ({ env, browser } = await startWithBrowser(() => startInstalledApp())));
afterAll(() => closeWithBrowser(browser, env));

async function openRecommendations(): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(new URL(`${ADMIN_APP_PATH}/recommendations`, env.sandbox.url).toString());
  await page.frameLocator('iframe[name="app-iframe"]').getByRole('heading', { name: 'Why did a shopper see this?' }).waitFor();
  return page;
}

describe('explaining picks with pickers', () => {
  it('picks a product and a customer, then names the rule that held a product back', async () => {
    const page = await openRecommendations();
    const frame = page.frameLocator('iframe[name="app-iframe"]');
    await frame.getByLabel('Where').selectOption('product');
    await frame.getByRole('button', { name: 'Choose a product' }).click();

    const picker = page.getByRole('dialog', { name: 'Select product' });
    await picker.getByLabel('Search products').fill('merino');
    await picker.getByRole('radio', { name: 'Merino Wool Scarf' }).check();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await picker.getByRole('button', { name: 'Select' }).click();
    await picker.waitFor({ state: 'detached' });
    await frame.getByText('Merino Wool Scarf', { exact: true }).waitFor();
    await expect(frame.getByRole('button', { name: 'Change product on the page' }).isVisible()).resolves.toBe(true);

    await frame.getByLabel('Customer (optional)').fill('Bennett');
    await frame.getByRole('option', { name: `Olivia Bennett (${PERSONAS.COAT_BUYER})` }).click();
    await frame.getByText(`Olivia Bennett (${PERSONAS.COAT_BUYER})`).waitFor();

    await frame.getByRole('button', { name: 'Explain' }).click();
    const heldBack = frame.getByRole('row').filter({ hasText: 'Charcoal Wool Overcoat' });
    await heldBack.filter({ hasText: 'Never what they own' }).waitFor();
    await expect(heldBack.first().textContent()).resolves.toContain('The shopper already owns it or something that does the same job.');
    // No numeric id anywhere the merchant reads.
    const customerId = [...env.sandbox.store.customers.values()].find((c) => c.email === PERSONAS.COAT_BUYER)!.id;
    const text = await frame.locator('body').textContent();
    expect(text).not.toContain(String(customerId));
    expect(text).not.toMatch(/#\d{3,}/);
    expect(await seriousAccessibilityViolations(page.frame({ name: 'app-iframe' })!)).toEqual([]);
    await page.close();
  });

  it('works the product picker and the customer search from the keyboard, and Escape keeps the earlier choice', async () => {
    const page = await openRecommendations();
    const frame = page.frameLocator('iframe[name="app-iframe"]');
    await frame.getByLabel('Where').selectOption('product');
    await frame.getByRole('button', { name: 'Choose a product' }).focus();
    await page.keyboard.press('Enter');

    const picker = page.getByRole('dialog', { name: 'Select product' });
    const search = picker.getByLabel('Search products');
    await expect.poll(() => search.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type('cashmere scarf');
    // The whole catalog first, then (once typing pauses) only the match.
    const listed = picker.getByRole('group', { name: 'Products' }).locator('label');
    await expect.poll(async () => (await listed.allTextContents()).map((t) => t.trim())).toEqual(['Cashmere Scarf']);
    await picker.getByRole('status').filter({ hasText: '1 product.' }).waitFor();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    await expect(picker.getByRole('radio', { name: 'Cashmere Scarf' }).isChecked()).resolves.toBe(true);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await expect(picker.getByRole('button', { name: 'Select' }).evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    await page.keyboard.press('Enter');
    await picker.waitFor({ state: 'detached' });
    await frame.getByText('Cashmere Scarf', { exact: true }).waitFor();
    // Focus comes back to the button that opened the picker, now offering to change the choice.
    const change = frame.getByRole('button', { name: 'Change product on the page' });
    await expect.poll(() => change.evaluate((el) => el === document.activeElement && document.hasFocus())).toBe(true);

    // The customer, from the keyboard too: type, arrow down to the match, Enter; "Change" brings the search back.
    const customerSearch = frame.getByLabel('Customer (optional)');
    await customerSearch.focus();
    await page.keyboard.type('Bennett');
    await frame.getByRole('option', { name: `Olivia Bennett (${PERSONAS.COAT_BUYER})` }).waitFor();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    const changeCustomer = frame.getByRole('button', { name: 'Change customer' });
    await expect.poll(() => changeCustomer.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(() => customerSearch.evaluate((el) => el === document.activeElement)).toBe(true);

    await frame.getByRole('button', { name: 'Change product on the page' }).click();
    await picker.getByRole('radio', { name: 'Cashmere Scarf' }).waitFor();
    await expect(picker.getByRole('radio', { name: 'Cashmere Scarf' }).isChecked()).resolves.toBe(true);
    await page.keyboard.press('Escape');
    await picker.waitFor({ state: 'detached' });
    await expect(frame.getByText('Cashmere Scarf', { exact: true }).isVisible()).resolves.toBe(true);
    await page.close();
  });

  it('says what is missing when asked to explain a product page with no product chosen', async () => {
    const page = await openRecommendations();
    const frame = page.frameLocator('iframe[name="app-iframe"]');
    await frame.getByLabel('Where').selectOption('product');
    await frame.getByRole('button', { name: 'Explain' }).click();
    await frame.getByText('Choose the product on the page first.').waitFor();
    await expect(frame.getByText(/Too small|expected number/).count()).resolves.toBe(0);
    await page.close();
  });
});
