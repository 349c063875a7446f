import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_APP_PATH } from '../../sandbox/admin/routes.ts';
import { PERSONAS } from '../../sandbox/seed/demo-customers.ts';
import { DEFAULT_POLICY } from '../../server/recommend/policy.ts';
import { closeWithBrowser, seriousAccessibilityViolations, settledAppFrame, startWithBrowser } from '../support/browser.ts';
import { startAppWithSandbox, startInstalledApp, type AppAndSandbox } from '../support/sandbox.ts';

let env: AppAndSandbox;
let browser: Browser;

beforeAll(async () => ({ env, browser } = await startWithBrowser(() => startInstalledApp())));
afterAll(() => closeWithBrowser(browser, env));

describe('the embedded admin in the sandbox', () => {
  it('shows the installed shop\'s name read through the Admin API, accessibly', async () => {
    const page = await browser.newPage();
    await page.goto(new URL(ADMIN_APP_PATH, env.sandbox.url).toString());
    const frame = page.frameLocator('iframe[name="app-iframe"]');
    await expect(frame.getByRole('heading', { name: 'Installed on Tacto Demo Store' }).waitFor()).resolves.toBeUndefined();
    const appFrame = page.frame({ name: 'app-iframe' })!;
    expect(await seriousAccessibilityViolations(appFrame)).toEqual([]);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.close();
  });

  it('lists the app\'s pages in the admin sidebar and opens them', async () => {
    const page = await browser.newPage();
    await page.goto(new URL(ADMIN_APP_PATH, env.sandbox.url).toString());
    const nav = page.getByRole('navigation', { name: 'Sandbox admin' });
    for (const label of ['Recommendations', 'Follow-ups', 'Privacy', 'Analytics']) {
      await expect(nav.getByRole('link', { name: label }).waitFor()).resolves.toBeUndefined();
    }
    await nav.getByRole('link', { name: 'Follow-ups' }).click();
    const frame = page.frameLocator('iframe[name="app-iframe"]');
    await expect(frame.getByRole('heading', { name: 'Follow-ups', level: 1 }).waitFor()).resolves.toBeUndefined();
    await expect(frame.getByRole('heading', { name: 'Who the email comes from' }).waitFor()).resolves.toBeUndefined();
    await page.close();
  });

  it('gives every page one main landmark and no serious or critical accessibility violation', async () => {
    const page = await browser.newPage();
    for (const label of ['Home', 'Recommendations', 'Follow-ups', 'Privacy', 'Analytics']) {
      await page.goto(new URL(ADMIN_APP_PATH, env.sandbox.url).toString());
      if (label !== 'Home') await page.getByRole('navigation', { name: 'Sandbox admin' }).getByRole('link', { name: label }).click();
      await page.frameLocator('iframe[name="app-iframe"]').getByRole('heading', { name: label, level: 1 }).waitFor();
      // Checked once the page's data has arrived, so what the merchant works with is checked, not a skeleton.
      const frame = await settledAppFrame(page);
      expect(await frame.getByRole('main').count(), label).toBe(1);
      expect(await seriousAccessibilityViolations(frame), label).toEqual([]);
    }
    await page.close();
  });

  it('explains to the merchant why a shopper sees each pick, and what the rules held back', async () => {
    const olivia = [...env.sandbox.store.customers.values()].find((c) => c.email === PERSONAS.COAT_BUYER)!;
    const page = await browser.newPage();
    await page.goto(new URL(ADMIN_APP_PATH, env.sandbox.url).toString());
    await page.getByRole('navigation', { name: 'Sandbox admin' }).getByRole('link', { name: 'Recommendations' }).click();
    const frame = page.frameLocator('iframe[name="app-iframe"]');
    await frame.getByLabel('Customer (optional)').fill(olivia.firstName);
    await frame.getByRole('option', { name: `${olivia.firstName} ${olivia.lastName} (${olivia.email})` }).click();
    await frame.getByRole('button', { name: 'Explain' }).click();
    await expect(frame.getByText('Held back by a privacy rule').waitFor()).resolves.toBeUndefined();
    await expect(frame.getByText('The shopper already owns it or something that does the same job.').first().waitFor()).resolves.toBeUndefined();
    // The rules as the merchant reads them carry the engine's own numbers.
    const p = DEFAULT_POLICY;
    for (const text of [`more than ${p.deniabilityRatio} times as likely`, `older than ${p.historyWindowDays} days`, `more than ${p.frequencyCapViews} times in ${p.frequencyCapDays} days`]) {
      // In the list of rules (the settings card above states some of the same numbers beside its controls).
      await expect(frame.getByRole('listitem').filter({ hasText: text }).waitFor()).resolves.toBeUndefined();
    }
    expect(await seriousAccessibilityViolations(page.frame({ name: 'app-iframe' })!)).toEqual([]);
    await page.close();
  });

  it('shows what the backfill imported and the dates it covers', async () => {
    const page = await browser.newPage();
    await page.goto(new URL(ADMIN_APP_PATH, env.sandbox.url).toString());
    const frame = page.frameLocator('iframe[name="app-iframe"]');
    const orders = env.sandbox.store.orders.size;
    await expect(frame.getByText(new RegExp(`^${orders.toLocaleString('en-US')} orders \\(\\d+ line items\\), \\d+ products and \\d+ customers, from .+ to .+\\.$`)).waitFor()).resolves.toBeUndefined();
    await expect(frame.getByRole('button', { name: 'Import again' }).isEnabled()).resolves.toBe(true);
    await page.close();
  });

  it('refuses to be framed by another origin', async () => {
    const response = await fetch(new URL(`/?shop=${env.sandbox.shop.myshopifyDomain}&embedded=1&host=x`, env.app.url));
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain(`frame-ancestors https://${env.sandbox.shop.myshopifyDomain} https://admin.shopify.com ${env.sandbox.apiOrigin}`);
  });
});

describe('while the backfill runs', () => {
  it('shows a progress bar with orders imported of the estimated total', async () => {
    // Paced so that the backfill runs for tens of seconds (one order, product or customer per 300 ms), longer than a
    // loaded machine takes to open the page; the test ends as soon as the bar is seen, so the pace costs nothing.
    const slow = await startAppWithSandbox({ bulkPacing: { chunkSize: 1, pauseMs: 300 } }, { pollIntervalMs: 20, batchRecords: 5 });
    try {
      await slow.sandbox.install();
      const page = await browser.newPage();
      await page.goto(new URL(ADMIN_APP_PATH, slow.sandbox.url).toString());
      const frame = page.frameLocator('iframe[name="app-iframe"]');
      await expect(frame.getByRole('progressbar').waitFor({ timeout: 30_000 })).resolves.toBeUndefined();
      await expect(frame.getByText(/of (\d+|…) orders imported/).waitFor()).resolves.toBeUndefined();
      expect(await seriousAccessibilityViolations(page.frame({ name: 'app-iframe' })!)).toEqual([]);
      await page.close();
    } finally {
      await slow.close();
    }
  }, 90_000);
});
