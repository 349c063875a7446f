/**
 * The merchant's recommendation settings end to end in Chromium: changed on the Recommendations page of the sandbox
 * admin (the app in its frame), then read by a shopper in the storefront's "Why am I seeing this?" notice. The page
 * has no serious or critical accessibility violation, and a refused value is named on its field.
 */
import type { Browser, FrameLocator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_APP_PATH } from '../../sandbox/admin/routes.ts';
import { CUSTOMER_COOKIE } from '../../sandbox/app-proxy/forward.ts';
import { PERSONAS } from '../../sandbox/seed/demo-customers.ts';
import { DEFAULT_SETTINGS, presetValues } from '../../server/recommend/settings/schema.ts';
import { signedProxyUrl } from '../support/app-proxy.ts';
import { closeWithBrowser, seriousAccessibilityViolations, startWithBrowser } from '../support/browser.ts';
import { startInstalledApp, type AppAndSandbox } from '../support/sandbox.ts';

let env: AppAndSandbox;
let browser: Browser;
const shop = () => env.sandbox.shop.myshopifyDomain;

beforeAll(async () => ({ env, browser } = await startWithBrowser(() => startInstalledApp())));
afterAll(() => closeWithBrowser(browser, env));

async function openSettings(): Promise<{ page: Page; frame: FrameLocator }> {
  const page = await browser.newPage();
  await page.goto(new URL(`${ADMIN_APP_PATH}/recommendations`, env.sandbox.url).toString());
  const frame = page.frameLocator('iframe[name="app-iframe"]');
  await frame.getByRole('heading', { name: 'Recommendation settings' }).waitFor();
  await frame.getByLabel('Market preset').waitFor();
  return { page, frame };
}

async function save(frame: FrameLocator): Promise<void> {
  await frame.getByRole('button', { name: 'Save settings' }).click();
  await frame.getByText('Saved. Shoppers get the new settings').waitFor();
}

/** The storefront's notice as a visitor reads it, once the app's values have come in. */
async function readNotice(): Promise<{ text: string; ordersListed: boolean }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const answered = page.waitForResponse((r) => r.url().includes('/apps/tacto/preferences'));
  await page.goto(new URL('/', env.sandbox.url).toString());
  await answered;
  await page.getByRole('button', { name: 'Why am I seeing this?' }).first().click();
  const dialog = page.getByRole('dialog');
  await expect.poll(() => dialog.locator('[data-tacto-retention]').innerText()).not.toContain('This store sets how long');
  const result = { text: await dialog.innerText(), ordersListed: await dialog.getByText('Your orders in this store').isVisible() };
  expect(await seriousAccessibilityViolations(page)).toEqual([]);
  await context.close();
  return result;
}

/**
 * The home page's picks for a shopper, with Shopify's Customer Privacy API as a store shows it: processing allowed,
 * and the shopper's recorded answer to preference cookies (`''` none given, `'yes'`).
 */
async function homeTitles(customerId: number | null, preferences: '' | 'yes' | null): Promise<{ titles: string[]; asked: string }> {
  const context = await browser.newContext();
  if (customerId !== null) await context.addCookies([{ name: CUSTOMER_COOKIE, value: String(customerId), url: env.sandbox.url.toString() }]);
  if (preferences !== null) {
    await context.addInitScript((answer) => {
      (window as unknown as { Shopify: unknown }).Shopify = {
        customerPrivacy: {
          preferencesProcessingAllowed: () => true,
          analyticsProcessingAllowed: () => true,
          currentVisitorConsent: () => ({ preferences: answer, analytics: answer, marketing: '', sale_of_data: '' }),
        },
      };
    }, preferences);
  }
  const page = await context.newPage();
  const request = page.waitForRequest((r) => r.url().includes('/apps/tacto/picks'));
  await page.goto(new URL('/', env.sandbox.url).toString());
  const asked = (await request).url();
  await page.locator('.tacto-picks__list[aria-busy="false"]').first().waitFor();
  const titles = await page.locator('.tacto-picks__list').first().locator('.tacto-picks__title').allInnerTexts();
  await context.close();
  return { titles, asked };
}

describe('recommendation settings, from the admin to the storefront notice', () => {
  it('a new frequency-cap period is stated beside the control, saved, and read in the notice\'s retention sentence', async () => {
    const { page, frame } = await openSettings();
    expect(await seriousAccessibilityViolations(page.frame({ name: 'app-iframe' })!)).toEqual([]);
    expect((await readNotice()).text).toContain('forgotten after 14 days');

    const period = frame.getByLabel('Frequency cap: within');
    await period.fill('9');
    // The consequence follows the value before anything is saved.
    await frame.getByText('A product a shopper saw 6 times within 9 days rests until the oldest of those views is 9 days old').waitFor();
    await save(frame);
    expect(await env.app.storage.shopSettings.get(shop(), 'recommendations')).toMatchObject({ frequencyCapDays: 9 });
    const notice = await readNotice();
    expect(notice.text).toContain('Suggestions you had on screen or were sent by email are forgotten after 9 days.');
    expect(notice.ordersListed).toBe(true);
    expect(notice.text).not.toContain('do not allow personalization');
    await page.close();
  });

  it('a share of 0 % takes "Your orders" out of the notice, which then says suggestions are the same for everyone', async () => {
    const { page, frame } = await openSettings();
    await frame.getByLabel('Share of personal picks').selectOption('0');
    await frame.getByText('At 0 %: every shopper sees exactly what a visitor sees.').waitFor();
    await save(frame);
    const notice = await readNotice();
    expect(notice.ordersListed).toBe(false);
    expect(notice.text).toContain('Suggestions here are the same for everyone');
    expect(notice.text).not.toContain('times as likely');

    // Back to 100 %, with reorder reminders: the orders come back, with the follow-up line.
    await frame.getByLabel('Share of personal picks').selectOption('100');
    await frame.getByLabel('Reorder reminders in follow-up emails').check();
    await save(frame);
    const again = await readNotice();
    expect(again.ordersListed).toBe(true);
    expect(again.text).toContain('Follow-up emails: one may remind you to restock something you buy regularly');
    expect(again.text).toContain('at most 2 times as likely to appear');
    await page.close();
  });

  it('Strict fills the form with its values, refuses more on the field itself, and the notice states the consent rule', async () => {
    const { page, frame } = await openSettings();
    await frame.getByLabel('Market preset').selectOption('strict');
    const history = frame.getByLabel('Orders shape picks for');
    await expect.poll(() => history.inputValue()).toBe('90');
    await expect.poll(() => frame.getByLabel('Share of personal picks').inputValue()).toBe('50');
    await expect.poll(() => frame.getByLabel('Frequency cap: views').inputValue()).toBe('3');
    await history.fill('120');
    const error = frame.getByText('Strict allows at most 90 days. Lower it, or choose Standard.');
    await error.waitFor();
    // The message is the field's own description, and the field says it is invalid.
    await expect(history.getAttribute('aria-invalid')).resolves.toBe('true');
    const describedBy = (await history.getAttribute('aria-describedby')) ?? '';
    const errorId = await error.evaluate((el) => el.closest('[id]')?.id ?? '');
    expect(describedBy.split(' ')).toContain(errorId);
    await expect(frame.getByRole('button', { name: 'Save settings' }).isDisabled()).resolves.toBe(true);
    expect(await seriousAccessibilityViolations(page.frame({ name: 'app-iframe' })!)).toEqual([]);

    await history.fill('60');
    await save(frame);
    expect(await env.app.storage.shopSettings.get(shop(), 'recommendations')).toMatchObject({ preset: 'strict', historyWindowDays: 60, personalShare: 50 });
    const notice = await readNotice();
    expect(notice.text).toContain('Suggestions are personalized only if you accept preference cookies on this store.');
    // No yes was given in this browser: the notice says this shopper sees what every visitor sees.
    expect(notice.text).toContain('Your privacy choices on this store do not allow personalization');
    expect(notice.text).toContain('Your orders shape suggestions for up to 60 days.');
    expect(notice.text).toContain('at most 1.5 times as likely to appear');

    await frame.getByLabel('Market preset').selectOption('standard');
    await expect.poll(() => history.inputValue()).toBe(String(DEFAULT_SETTINGS.historyWindowDays));
    await save(frame);
    await page.close();
  });

  it('under Strict the storefront asks for personal picks only with an explicit yes to preference cookies', async () => {
    await env.app.models.settings.save(shop(), presetValues('strict'));
    // A logged-in shopper whose consent is only the default "allowed" (no banner in their region) is not asked for as
    // themselves (the app then serves the visitor's picks: recommendation-settings.test.ts); after a yes, their own.
    const olivia = [...env.sandbox.store.customers.values()].find((c) => c.email === PERSONAS.COAT_BUYER)!.id;
    const unasked = await homeTitles(olivia, '');
    expect(new URL(unasked.asked).searchParams.get('consent')).toBeNull();
    const asked = await homeTitles(olivia, 'yes');
    const query = new URL(asked.asked).searchParams;
    expect(query.get('consent')).toBe('explicit');
    // Her own picks are one secret draw per page and day, so the same in every personal answer today.
    const own = await fetch(signedProxyUrl(env, '/proxy/picks', olivia, { template: 'index', limit: query.get('limit')!, consent: 'explicit' }));
    expect(own.headers.get('cache-control')).toBe('private, no-store');
    expect(asked.titles).toEqual(((await own.json()) as { items: { title: string }[] }).items.map((item) => item.title));

    await env.app.models.settings.save(shop(), DEFAULT_SETTINGS);
  });
});
