/**
 * The Follow-ups page end to end in Chromium, inside the sandbox admin's frame: the merchant creates the sender
 * persona (a "no reply" Reply-To is refused beside its field), confirms the Reply-To with the code the app mails
 * to the sandbox's SMTP sink, writes copy the linter refuses and fixes it, reads the preview, and turns the flow on.
 */
import type { Browser, FrameLocator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_APP_PATH } from '../../sandbox/admin/routes.ts';
import EN_FOLLOWUPS from '../../app/locales/en/followups.json' with { type: 'json' };
import { launchBrowser, seriousAccessibilityViolations } from '../support/browser.ts';
import { startInstalledApp, type AppAndSandbox } from '../support/sandbox.ts';

let env: AppAndSandbox;
let browser: Browser;

beforeAll(async () => {
  // An SMTP sink on a free port: the app is started with SMTP_URL pointing at it.
  env = await startInstalledApp({ smtpPort: 0 });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await env?.close();
});

const NAME = 'Anna Lima';
const ADDRESS = 'anna@tacto-demo.example';
// A 1×1 PNG: the server crops and resizes whatever it gets.
const PIXEL_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

async function openFollowups(): Promise<{ page: Page; frame: FrameLocator }> {
  const page = await browser.newPage();
  await page.goto(new URL(ADMIN_APP_PATH, env.sandbox.url).toString());
  await page.getByRole('navigation', { name: 'Sandbox admin' }).getByRole('link', { name: 'Follow-ups' }).click();
  const frame = page.frameLocator('iframe[name="app-iframe"]');
  await frame.getByRole('heading', { name: 'Follow-ups', level: 1 }).waitFor();
  await frame.getByRole('heading', { name: 'Who the email comes from' }).waitFor();
  return { page, frame };
}

/** The text of the elements an input's aria-describedby points at: what a screen reader reads with the field. */
async function descriptionOf(frame: FrameLocator, label: string): Promise<string> {
  const ids = (await frame.getByLabel(label, { exact: true }).getAttribute('aria-describedby')) ?? '';
  const texts = await Promise.all(ids.split(/\s+/).filter(Boolean).map((id) => frame.locator(`[id="${id}"]`).innerText()));
  return texts.join(' ');
}

describe('the Follow-ups page in the sandbox admin', () => {
  it('creates a confirmed sender, refuses watched-you copy, previews the mail and turns follow-ups on, accessibly', { timeout: 120_000 }, async () => {
    const { page, frame } = await openFollowups();
    const shop = env.sandbox.shop.myshopifyDomain;
    const appFrame = () => page.frame({ name: 'app-iframe' })!;
    expect(await seriousAccessibilityViolations(appFrame())).toEqual([]);

    // A "no reply" Reply-To is refused, with the reason beside the field.
    await frame.getByLabel('Full name', { exact: true }).fill(NAME);
    await frame.getByLabel('Role', { exact: true }).fill('Head of customer care');
    await frame.getByLabel('From address', { exact: true }).fill(ADDRESS);
    await frame.getByLabel('Reply-To address', { exact: true }).fill('no-reply@tacto-demo.example');
    await frame.getByRole('button', { name: 'Save sender' }).click();
    const refusal = EN_FOLLOWUPS.lint.codes.noreply_sender;
    await frame.getByText(refusal).waitFor();
    expect(await descriptionOf(frame, 'Reply-To address')).toContain(refusal);
    expect(await env.app.storage.followups.persona(shop)).toBeNull();

    // Fixed, it is saved and a code goes to the Reply-To mailbox.
    await frame.getByLabel('Reply-To address', { exact: true }).fill(ADDRESS);
    await frame.getByRole('button', { name: 'Save sender' }).click();
    await frame.getByText('Waiting for the code', { exact: true }).waitFor();
    expect(await frame.getByText(refusal).count()).toBe(0);

    const mail = await env.sandbox.smtp!.waitFor((m) => m.envelope.to.includes(ADDRESS) && /code/i.test(m.subject ?? ''), 15_000);
    const code = /\b(\d{6})\b/.exec(mail.subject ?? '')?.[1];
    expect(code).toMatch(/^\d{6}$/);
    await frame.getByLabel('Code from the email', { exact: true }).fill(code!);
    await frame.getByRole('button', { name: 'Confirm', exact: true }).click();
    await frame.getByText('Confirmed', { exact: true }).waitFor();
    expect((await env.app.storage.followups.persona(shop))?.replyToVerifiedAt).not.toBeNull();

    // The photo: read in the browser, resized and stored by the server, shown with its alt text.
    await frame.locator('input[type="file"]').setInputFiles({ name: 'anna.png', mimeType: 'image/png', buffer: PIXEL_PNG });
    await frame.getByRole('img', { name: `Photo of ${NAME}` }).waitFor();
    expect((await env.app.storage.followups.persona(shop))?.hasPhoto).toBe(true);

    // Copy that tells the buyer they were watched is an error, quoted, and Save is disabled while it stands.
    const body = frame.getByLabel('Body', { exact: true });
    const original = await body.inputValue();
    await body.fill(`${original}\n\nBy the way, we saw you looked at our gloves.`);
    await frame.getByText('“we saw you looked at', { exact: false }).first().waitFor();
    await frame.getByText('Error', { exact: true }).first().waitFor();
    const save = frame.getByRole('button', { name: 'Save', exact: true });
    expect(await save.isDisabled()).toBe(true);
    expect(await seriousAccessibilityViolations(appFrame())).toEqual([]);

    // Fixed, the check passes and the preview shows the mail as it will be sent, signed by the persona.
    await body.fill(original);
    await frame.getByText('No problems found', { exact: false }).waitFor();
    const preview = frame.frameLocator('iframe[title="Preview of the follow-up email"]');
    await preview.getByText(NAME, { exact: false }).first().waitFor({ timeout: 15_000 });
    await frame.getByText(`${NAME} <${ADDRESS}>`, { exact: false }).waitFor();

    // The Spanish tab holds the Spanish starter; the preview is the Spanish mail. Edited, it is marked unsaved.
    await frame.getByRole('tab', { name: /Español/ }).click();
    await expect.poll(() => frame.getByLabel('Subject', { exact: true }).inputValue()).toBe('Unos consejos para tu {{ product.title }}');
    await preview.getByText('Combina bien con esto', { exact: false }).first().waitFor({ timeout: 15_000 });
    await frame.getByLabel('Subject', { exact: true }).fill('Consejos para tu {{ product.title }}');
    await frame.getByRole('tab', { name: /Español.*Not saved/ }).waitFor();

    // Turned on and saved.
    await frame.getByLabel('Send follow-ups', { exact: true }).check();
    await save.click();
    await frame.getByText('On', { exact: true }).waitFor();
    const flow = await env.app.storage.followups.flow(shop);
    expect(flow?.settings.enabled).toBe(true);
    // Only the language edited is stored; English and Portuguese still send their starters.
    expect(flow?.templates.es?.subject).toBe('Consejos para tu {{ product.title }}');
    expect(flow?.templates.en).toBeUndefined();
    expect(flow?.templates['pt-BR']).toBeUndefined();
    expect(flow?.settings).toMatchObject({ delayDays: 7, capCount: 1, capDays: 30, sendWindow: { start: '09:00', end: '19:00' } });

    expect(await seriousAccessibilityViolations(appFrame())).toEqual([]);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.close();
  });
});
