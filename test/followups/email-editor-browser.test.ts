/**
 * The email editor and the recent follow-ups on the real Follow-ups page in Chromium, inside the sandbox admin's
 * frame: a life-stage phrase blocks Save and "Send a test"; the preview is written for a chosen sample order and
 * buyer, as tall as the mail at desktop and phone widths; complements carry their picture (inline by Content-ID
 * in the mail sent) and their price in the shop's currency; the recent follow-ups name the order as the merchant
 * knows it, the buyer, the product, the state and the reason. axe finds no serious violation.
 */
import type { Browser, FrameLocator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reasonText, STATUS_BADGE } from '../../app/lib/followup-words.ts';
import { ADMIN_APP_PATH } from '../../sandbox/admin/routes.ts';
import { PERSONAS } from '../../sandbox/seed/demo-customers.ts';
import { placeOrder } from '../../sandbox/store/place-order.ts';
import type { SandboxOrder } from '../../sandbox/store/types.ts';
import { formatPrice } from '../../server/followups/compose/compose.ts';
import { DEFAULT_TEMPLATES } from '../../server/followups/compose/words.ts';
import { DAY_MS, DEFAULT_FLOW_SETTINGS } from '../../server/followups/scheduler/index.ts';
import { launchBrowser, seriousAccessibilityViolations } from '../support/browser.ts';
import { queryDb } from '../support/db.ts';
import { startInstalledApp, type AppAndSandbox } from '../support/sandbox.ts';
import { adminApi, confirmedPersona, headerLines, parse, PERSONA } from './support.ts';

let env: AppAndSandbox;
let browser: Browser;
let order: SandboxOrder;
const shop = () => env.sandbox.shop.myshopifyDomain;
const buyer = () => [...env.sandbox.store.customers.values()].find((c) => c.email === PERSONAS.COAT_BUYER)!;
const product = () => [...env.sandbox.store.products.values()].find((p) => p.handle === 'merino-scarf')!;

beforeAll(async () => {
  env = await startInstalledApp({ smtpPort: 0 });
  await confirmedPersona(env);
  const flow = (enabled: boolean) => adminApi(() => env)('PUT', '/followups/flow', { locale: 'en', ...DEFAULT_TEMPLATES.en, settings: { ...DEFAULT_FLOW_SETTINGS, enabled } });
  const on = await flow(true);
  if (on.status !== 200) throw new Error(JSON.stringify(on.body));
  order = placeOrder(env.sandbox.store, { customerId: buyer().id, productIds: [product().id] });
  env.sandbox.store.fulfillOrder(order.id);
  await env.sandbox.webhooks.idle();
  await env.app.webhookWorker.idle();
  // Scheduled now; the merchant turns follow-ups off, so a week on, when it is due, it waits with that reason.
  await env.app.followups.worker.round(Date.now());
  await flow(false);
  await env.app.followups.worker.round(Date.now() + 8 * DAY_MS);
  browser = await launchBrowser();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await env?.close();
});

async function openFollowups(): Promise<{ page: Page; frame: FrameLocator }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(new URL(ADMIN_APP_PATH, env.sandbox.url).toString());
  await page.getByRole('navigation', { name: 'Sandbox admin' }).getByRole('link', { name: 'Follow-ups' }).click();
  const frame = page.frameLocator('iframe[name="app-iframe"]');
  await frame.frameLocator('iframe[title="Preview of the follow-up email"]').getByText('Marta Ruiz', { exact: false }).first().waitFor({ timeout: 20_000 });
  return { page, frame };
}

/** The preview frame's height on the page, and the height of the mail inside it. */
const heights = (frame: FrameLocator) =>
  frame.locator('iframe[title="Preview of the follow-up email"]').evaluate((element: HTMLIFrameElement) => {
    const doc = element.contentDocument!;
    return { frame: element.clientHeight, mail: doc.documentElement.scrollHeight, width: element.clientWidth };
  });

describe('the email editor', () => {
  it('blocks Save and Send a test on a life-stage phrase, and both come back once it is gone', { timeout: 60_000 }, async () => {
    const { page, frame } = await openFollowups();
    const body = frame.getByLabel('Body', { exact: true });
    const save = frame.getByRole('button', { name: 'Save', exact: true });
    const sendTest = frame.getByRole('button', { name: 'Send a test to me' });
    await expect.poll(() => sendTest.isDisabled(), { timeout: 15_000 }).toBe(false);
    const original = await body.inputValue();

    await body.fill(`${original}\n\nAs a new mum you will love this.`);
    await frame.getByText('“As a new mum”').first().waitFor({ timeout: 15_000 });
    expect(await save.isDisabled()).toBe(true);
    expect(await sendTest.isDisabled()).toBe(true);
    await frame.getByText('Fix the errors above first', { exact: false }).waitFor();

    await body.fill(original);
    await expect.poll(() => sendTest.isDisabled(), { timeout: 15_000 }).toBe(false);
    expect(await save.isDisabled()).toBe(false);
    await page.close();
  });

  it('previews a chosen order for its buyer, full height at desktop and phone widths, with pictures and prices', { timeout: 90_000 }, async () => {
    const { page, frame } = await openFollowups();
    const preview = frame.frameLocator('iframe[title="Preview of the follow-up email"]');
    const sample = frame.getByLabel('Sample order and buyer');
    const option = (await sample.locator('option').allTextContents()).find((label) => label.startsWith(`${order.name} ·`));
    expect(option).toBe(`${order.name} · ${buyer().firstName} · ${product().title} · English`);
    await sample.selectOption({ label: option! });
    await preview.getByText(`Hi ${buyer().firstName},`).waitFor({ timeout: 15_000 });

    // Complements: a picture each (a data URL in the admin, the mail's cid: attachment) and the price in the shop's currency.
    const titles = await preview.locator('table a').allTextContents();
    expect(titles.length).toBeGreaterThan(0);
    expect(await preview.locator('table img[src^="data:image/jpeg;base64,"]').count()).toBe(titles.length);
    const prices = new Map(queryDb<{ title: string; price: string }>(env.app.databasePath, 'select title, price from products where shop = ?', shop()).map((p) => [p.title, p.price]));
    const mailText = await preview.locator('body').innerText();
    for (const title of titles) expect(mailText).toContain(formatPrice(prices.get(title)!, env.sandbox.store.shop.currencyCode, 'en')!);

    // As tall as the mail, with no inner scrolling, at both widths; the phone's narrower column is taller.
    await expect.poll(async () => { const h = await heights(frame); return h.frame >= h.mail && h.mail > 400; }, { timeout: 10_000 }).toBe(true);
    const desktop = await heights(frame);
    expect(desktop.width).toBeGreaterThan(600);
    await frame.getByRole('button', { name: 'Phone width' }).click();
    await expect.poll(async () => (await heights(frame)).width, { timeout: 10_000 }).toBe(375);
    await expect.poll(async () => { const h = await heights(frame); return h.frame >= h.mail && h.frame > desktop.frame; }, { timeout: 10_000 }).toBe(true);
    expect(await frame.getByRole('button', { name: 'Phone width' }).getAttribute('aria-pressed')).toBe('true');

    // The test mail is built from the same order: pictures attached by Content-ID, nothing remote.
    await frame.getByRole('button', { name: 'Send a test to me' }).click();
    const mail = await env.sandbox.smtp!.waitFor((m) => m.envelope.to.includes(PERSONA.replyTo) && (m.subject ?? '').startsWith('[Test]'), 20_000);
    const parsed = await parse(mail);
    const html = parsed.html as string;
    expect(html).toContain(`Hi ${buyer().firstName},`);
    // (mailparser shows cid: pictures as data: URLs; the raw message is what was sent.)
    const pictures = parsed.attachments.filter((a) => /^product-\d+@tacto$/.test(a.cid ?? ''));
    expect(pictures.map((a) => a.contentType)).toEqual(titles.map(() => 'image/jpeg'));
    for (const picture of pictures) expect(mail.raw).toContain(`cid:${picture.cid}`);
    expect(html).not.toMatch(/<img[^>]+src="https?:/);
    expect(headerLines(mail, 'Message-ID').join('')).toContain('followup-test.');

    expect(await seriousAccessibilityViolations(page.frame({ name: 'app-iframe' })!)).toEqual([]);
    await page.close();
  });

  it('lists recent follow-ups by order name, buyer, product, state and reason', { timeout: 60_000 }, async () => {
    const { page, frame } = await openFollowups();
    const job = (await env.app.storage.followups.jobs(shop(), 100)).find((j) => j.orderId === order.id)!;
    expect(job).toBeDefined();
    const row = frame.getByRole('row').filter({ hasText: order.name });
    await row.waitFor({ timeout: 15_000 });
    const cells = (await row.getByRole('cell').allInnerTexts()).concat(await row.getByRole('rowheader').allInnerTexts());
    const text = cells.join(' | ');
    expect(text).toContain(order.name);
    expect(text).not.toContain(`#${order.id}`);
    expect(text).toContain(buyer().firstName);
    expect(text).toContain(product().title);
    expect(job).toMatchObject({ status: 'scheduled', reason: 'flow-off' });
    expect(text).toContain(STATUS_BADGE.scheduled.label);
    // The reason in the admin's words, not the stored code.
    expect(text).toContain(reasonText('flow-off'));
    expect(reasonText('flow-off')).toBe('Follow-ups were turned off');
    expect(text).not.toContain('flow-off');
    await page.close();
  });
});
