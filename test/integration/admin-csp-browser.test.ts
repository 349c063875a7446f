/**
 * The embedded admin under its Content-Security-Policy, in Chromium inside the sandbox admin's frame: every page
 * loads and works — App Bridge's script, the built bundle and styles, the persona photo (a data: URL), the mail
 * preview in its sandboxed srcdoc frame — and the browser reports no violation. An inline script slipped into the
 * page is refused, which shows both that the policy holds and that a violation would have been seen.
 */
import sharp from 'sharp';
import type { Browser, ConsoleMessage, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_APP_PATH } from '../../sandbox/admin/routes.ts';
import { adminApi, PERSONA } from '../followups/support.ts';
import { launchBrowser } from '../support/browser.ts';
import { startInstalledApp, type AppAndSandbox } from '../support/sandbox.ts';

let env: AppAndSandbox;
let browser: Browser;
const api = adminApi(() => env);

beforeAll(async () => {
  env = await startInstalledApp();
  browser = await launchBrowser();
  // A sender with a photo, so the Follow-ups page shows the photo and the mail preview. Without SMTP the
  // persona is stored and only its verification mail cannot go out (409).
  expect([200, 409]).toContain((await api('PUT', '/followups/persona', PERSONA)).status);
  const photo = await sharp({ create: { width: 300, height: 300, channels: 3, background: '#4060a0' } }).png().toBuffer();
  expect((await api('PUT', '/followups/persona/photo', { image: `data:image/png;base64,${photo.toString('base64')}` })).status).toBe(200);
});
afterAll(async () => {
  await browser?.close();
  await env?.close();
});

/**
 * Opens the sandbox admin and collects every CSP violation in any of its frames: Chromium's own console report
 * ("Refused to …"), and the `securitypolicyviolation` event wherever a script can listen.
 */
async function openAdmin(): Promise<{ page: Page; violations: string[] }> {
  const page = await browser.newPage();
  const violations: string[] = [];
  page.on('console', (message: ConsoleMessage) => {
    const text = message.text();
    if (/Content Security Policy|securitypolicyviolation/i.test(text)) violations.push(`${message.location().url}: ${text}`);
  });
  await page.addInitScript(() => {
    document.addEventListener(
      'securitypolicyviolation',
      (event) => console.error(`securitypolicyviolation: ${event.violatedDirective} blocked ${event.blockedURI || 'inline'} in ${location.href}`),
      true,
    );
  });
  await page.goto(new URL(ADMIN_APP_PATH, env.sandbox.url).toString());
  return { page, violations };
}

describe('the embedded admin under its Content-Security-Policy', () => {
  it('loads and works on every page with no violation reported', { timeout: 90_000 }, async () => {
    const { page, violations } = await openAdmin();
    const frame = page.frameLocator('iframe[name="app-iframe"]');
    const nav = page.getByRole('navigation', { name: 'Sandbox admin' });

    // Home: App Bridge ran (the session token reached the API) and the shop's name came back.
    await frame.getByRole('heading', { name: 'Installed on Tacto Demo Store' }).waitFor();

    await nav.getByRole('link', { name: 'Recommendations' }).click();
    await frame.getByRole('heading', { name: 'Recommendations', level: 1 }).waitFor();

    await nav.getByRole('link', { name: 'Follow-ups' }).click();
    await frame.getByRole('heading', { name: 'Follow-ups', level: 1 }).waitFor();
    const photo = frame.getByRole('img', { name: `Photo of ${PERSONA.fullName}` });
    await photo.waitFor();
    // The data: URL really painted (a blocked image has no natural size).
    await expect.poll(() => photo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(128);
    const preview = frame.frameLocator('iframe[title="Preview of the follow-up email"]');
    await preview.getByText(PERSONA.fullName, { exact: false }).first().waitFor({ timeout: 15_000 });
    // Inside the preview the mail's own inline styles and the inline pictures apply: the photo, and the complements'.
    const signaturePhoto = preview.getByRole('img', { name: `Photo of ${PERSONA.fullName}` });
    await expect.poll(() => preview.locator('table img').first().evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(160);
    await expect.poll(() => signaturePhoto.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(128);
    expect(await signaturePhoto.evaluate((img) => getComputedStyle(img).borderRadius)).toBe('32px');

    for (const name of ['Privacy', 'Analytics']) {
      await nav.getByRole('link', { name }).click();
      await frame.getByRole('heading', { name, level: 1 }).waitFor();
    }

    expect(violations).toEqual([]);
    await page.close();
  });

  it('refuses an inline script injected into the page, and reports it', async () => {
    const { page, violations } = await openAdmin();
    const frame = page.frameLocator('iframe[name="app-iframe"]');
    await frame.getByRole('heading', { name: 'Installed on Tacto Demo Store' }).waitFor();
    const appFrame = page.frame({ name: 'app-iframe' })!;
    const ran = await appFrame.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.__injected = true';
      document.head.append(script);
      return (window as unknown as { __injected?: boolean }).__injected === true;
    });
    expect(ran).toBe(false);
    await expect.poll(() => violations.some((v) => /script-src/.test(v))).toBe(true);
    await page.close();
  });
});
