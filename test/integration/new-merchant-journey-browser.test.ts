/**
 * The "done when", as a new merchant lives it in Chromium: a shop with a fresh-install theme installs Tacto
 * from the sandbox admin and, following only Home's "Get Tacto ready" steps and the links they give, turns the
 * notice on, places the picks block, verifies the sender with the code mailed to the Reply-To, and turns
 * follow-ups on — ending on a Home that says every step is done. Nothing is typed into an address bar after the
 * first page.
 */
import type { Browser, FrameLocator, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ADMIN_APP_PATH } from '../../sandbox/admin/routes.ts';
import { closeWithBrowser, seriousAccessibilityViolations, startWithBrowser } from '../support/browser.ts';
import { startAppWithSandbox, type AppAndSandbox } from '../support/sandbox.ts';

let env: AppAndSandbox;
let browser: Browser;

beforeAll(async () => ({ env, browser } = await startWithBrowser(() => startAppWithSandbox({ theme: 'bare', smtpPort: 0 }))));
afterAll(() => closeWithBrowser(browser, env));

const app = (page: Page): FrameLocator => page.frameLocator('iframe[name="app-iframe"]');
const step = (page: Page, title: string) => app(page).getByRole('listitem', { name: title });

it('takes a new merchant from install to a ready store through Home\'s steps alone', { timeout: 120_000 }, async () => {
  const page = await browser.newPage();
  await page.goto(new URL(ADMIN_APP_PATH, env.sandbox.url).toString());
  await page.getByRole('button', { name: 'Install Tacto' }).click();

  // The import runs by itself after install; the theme steps start open, read from the bare live theme.
  await step(page, 'Import your orders and catalog').getByText('Imported.').waitFor({ timeout: 30_000 });
  await step(page, 'Turn on the privacy notice').getByText('To do').waitFor();
  expect(await seriousAccessibilityViolations(page.frame({ name: 'app-iframe' })!)).toEqual([]);

  await step(page, 'Turn on the privacy notice').getByRole('link', { name: 'Turn on in the theme editor' }).click();
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByRole('link', { name: 'Back to Tacto' }).click();
  await step(page, 'Turn on the privacy notice').getByText('Done').waitFor();

  await step(page, 'Place the picks block').getByRole('link', { name: 'Add to product pages' }).click();
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByRole('link', { name: 'Back to Tacto' }).click();
  await step(page, 'Place the picks block').getByText('Placed on: product pages.').waitFor();

  // The sender: Home leads to Follow-ups, where the Reply-To is proven with the code mailed to it.
  await step(page, 'Verify who follow-ups come from').getByRole('button', { name: 'Set up the sender' }).click();
  const frame = app(page);
  await frame.getByRole('heading', { name: 'Who the email comes from' }).waitFor();
  await frame.getByLabel('Full name', { exact: true }).fill('Anna Lima');
  await frame.getByLabel('Role', { exact: true }).fill('Head of customer care');
  await frame.getByLabel('From address', { exact: true }).fill('anna@tacto-demo.example');
  await frame.getByLabel('Reply-To address', { exact: true }).fill('anna@tacto-demo.example');
  await frame.getByRole('button', { name: 'Save sender' }).click();
  const mail = await env.sandbox.smtp!.waitFor((m) => m.envelope.to.includes('anna@tacto-demo.example') && /code/i.test(m.subject ?? ''), 15_000);
  await frame.getByLabel('Code from the email', { exact: true }).fill(/\b(\d{6})\b/.exec(mail.subject ?? '')![1]!);
  await frame.getByRole('button', { name: 'Confirm', exact: true }).click();
  await frame.getByText('Confirmed', { exact: true }).waitFor();
  await frame.getByLabel('Send follow-ups', { exact: true }).check();
  await frame.getByRole('button', { name: 'Save', exact: true }).click();
  await frame.getByText('On', { exact: true }).waitFor();

  // Back on Home (the admin's own link to the app), everything reads done.
  await page.getByRole('navigation', { name: 'Sandbox admin' }).getByRole('link', { name: 'Tacto', exact: true }).click();
  await app(page).getByText(/^5 of 5 steps done/).waitFor();
  await expect(app(page).getByText('To do', { exact: true }).count()).resolves.toBe(0);
  const product = [...env.sandbox.store.products.values()][0]!;
  const storefront = await (await fetch(new URL(`/products/${product.handle}`, env.sandbox.url))).text();
  expect(storefront).toContain('tacto-picks');
  expect(storefront).toContain('tacto-notice');
  await page.close();
});
