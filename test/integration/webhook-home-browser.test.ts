/**
 * Home, in the sandbox admin: an update waiting for Shopify is shown as retrying, apart from one Tacto gave
 * up on (with the order id to look up and why).
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_APP_PATH } from '../../sandbox/admin/routes.ts';
import { SANDBOX_API_SECRET } from '../../sandbox/credentials.ts';
import type { RetrySchedule } from '../../server/webhooks/retry-schedule.ts';
import { closeWithBrowser, seriousAccessibilityViolations, startWithBrowser } from '../support/browser.ts';
import { queryDb } from '../support/db.ts';
import { startInstalledApp, type AppAndSandbox } from '../support/sandbox.ts';
import { postWebhook } from '../support/signed-requests.ts';

/** A minute between runs: the refund is still retrying while the page is looked at, Shopify back up or not. */
const SLOW_RETRY: RetrySchedule = { maxAttempts: 8, baseDelayMs: 60_000, factor: 2, maxDelayMs: 60_000, jitter: 0 };
const POLL = { timeout: 10_000, interval: 20 };

let env: AppAndSandbox;
let browser: Browser;

beforeAll(async () => ({ env, browser } = await startWithBrowser(() => startInstalledApp({}, undefined, { webhooks: { retry: SLOW_RETRY } }))));
afterAll(() => closeWithBrowser(browser, env));

describe('Home', () => {
  it('shows updates waiting for Shopify apart from updates that failed', async () => {
    const shop = env.sandbox.shop.myshopifyDomain;
    const send = (topic: string, body: unknown, eventId: string) => postWebhook(env.app.url, { topic, shop, body, secret: SANDBOX_API_SECRET, eventId });
    const state = (eventId: string) => queryDb<{ state: string }>(env.app.databasePath, 'select state from webhook_events where event_id = ?', eventId)[0]?.state;
    const order = [...env.sandbox.store.orders.values()][0]!;

    env.sandbox.adminApi.outage(503);
    expect((await send('refunds/create', { id: 424242, order_id: order.id, refund_line_items: [] }, 'evt-home-retrying')).status).toBe(200);
    expect((await send('orders/updated', { id: 8_080_808, line_items: 'none' }, 'evt-home-failed')).status).toBe(200);
    await expect.poll(() => [state('evt-home-retrying'), state('evt-home-failed')], POLL).toEqual(['retrying', 'dead']);
    // Shopify answers again (the admin page itself needs it); the refund's next run is a minute away.
    env.sandbox.adminApi.outage(null);
    // Shopify answers again (the admin page itself needs it); the refund's next run is a minute away.
    env.sandbox.adminApi.outage(null);

    const page = await browser.newPage();
    await page.goto(new URL(ADMIN_APP_PATH, env.sandbox.url).toString());
    const frame = page.frameLocator('iframe[name="app-iframe"]');
    const waiting = frame.getByRole('region', { name: 'Updates waiting for Shopify' });
    const failed = frame.getByRole('region', { name: 'Updates Tacto could not apply' });
    await waiting.waitFor();
    await failed.waitFor();
    expect(await waiting.getByRole('listitem').allInnerTexts()).toEqual([expect.stringMatching(/^refunds\/create — Shopify answered 503; 1 attempt so far, next try /)]);
    expect(await failed.getByRole('listitem').allInnerTexts()).toEqual([
      expect.stringMatching(/^orders\/updated \(Order 8080808\) — Invalid payload: created_at: invalid_type \(string\).*; given up /),
    ]);
    expect(await seriousAccessibilityViolations(page.frame({ name: 'app-iframe' })!)).toEqual([]);
    await page.close();
  });
});
