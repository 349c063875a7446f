/**
 * End to end in Chromium: tacto.js reports only the picks a shopper really had in view. A block rendered below the
 * fold sends nothing until it is scrolled to, then exactly one beacon (POST /apps/tacto/seen, through the sandbox's
 * signed app proxy) naming its cards, its surface and its block setting, once per page view. Every beacon adds to
 * the day's "shown" counter; only a logged-in shopper's, with personalization allowed, also feeds the frequency cap
 * — a visitor's, or one whose consent withholds it, says `?personalization=0` and leaves nothing about them.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CUSTOMER_COOKIE } from '../../sandbox/app-proxy/forward.ts';
import { PERSONAS } from '../../sandbox/seed/demo-customers.ts';
import { closeWithBrowser, startWithBrowser } from '../support/browser.ts';
import { queryDb } from '../support/db.ts';
import { waitFor } from '../support/eventually.ts';
import { startInstalledApp, type AppAndSandbox } from '../support/sandbox.ts';

let env: AppAndSandbox;
let browser: Browser;

beforeAll(async () => ({ env, browser } = await startWithBrowser(() => startInstalledApp())));
afterAll(() => closeWithBrowser(browser, env));

const shop = () => env.sandbox.shop.myshopifyDomain;
const customerOf = (email: string) => [...env.sandbox.store.customers.values()].find((c) => c.email === email)!.id;
const idOf = (handle: string) => [...env.sandbox.store.products.values()].find((p) => p.handle === handle)!.id;
const shownToday = () =>
  queryDb<{ shown: number }>(
    env.app.databasePath,
    "select shown from block_counters where shop = ? and surface = 'product-page' and block = '4-grid-g-q'",
    shop(),
  )[0]?.shown ?? 0;
const allImpressions = () => queryDb<{ n: number }>(env.app.databasePath, 'select count(*) as n from recommendation_impressions')[0]!.n;
const impressionRows = (customerId: number) =>
  queryDb<{ product_id: number; view_id: string }>(
    env.app.databasePath,
    'select product_id, view_id from recommendation_impressions where shop = ? and customer_id = ? order by rowid',
    shop(),
    customerId,
  );

/** Short enough that the product page's block starts below the fold, tall enough for its row of cards. */
const VIEWPORT = { width: 1280, height: 640 };

interface Beacon {
  view: string;
  handles: string[];
  surface: string;
  block: string;
  /** The beacon's query: `personalization=0` unless the frequency cap may use it. */
  query: string;
}

/**
 * A page of the sandbox storefront as `customerId` (null: a visitor) sees it, with every beacon tacto.js hands to
 * the browser kept in `window.__beacons` (the real sendBeacon still sends it) and every one the app proxy got.
 */
async function openPage(customerId: number | null, path: string, options: { consentDenied?: boolean } = {}) {
  const context = await browser.newContext({ viewport: VIEWPORT });
  if (customerId !== null) await context.addCookies([{ name: CUSTOMER_COOKIE, value: String(customerId), url: env.sandbox.url.toString() }]);
  if (options.consentDenied) {
    // Shopify's storefront API, as a store with a consent banner the shopper declined exposes it.
    await context.addInitScript(() => {
      (window as unknown as { Shopify: unknown }).Shopify = {
        customerPrivacy: { preferencesProcessingAllowed: () => false, analyticsProcessingAllowed: () => true },
      };
    });
  }
  await context.addInitScript(() => {
    const calls: unknown[] = [];
    (window as unknown as { __beacons: unknown[] }).__beacons = calls;
    const send = navigator.sendBeacon.bind(navigator);
    navigator.sendBeacon = (url, data) => {
      calls.push({ url: String(url), data: data instanceof Blob ? null : String(data) });
      if (data instanceof Blob) void data.text().then((text) => ((calls[calls.length - 1] as { data: string | null }).data = text));
      return send(url, data);
    };
  });
  const page = await context.newPage();
  const posted: string[] = [];
  const answered: number[] = [];
  page.on('request', (request) => {
    if (request.method() === 'POST' && new URL(request.url()).pathname === '/apps/tacto/seen') posted.push(request.postData() ?? '');
  });
  page.on('requestfinished', async (request) => {
    if (request.method() === 'POST' && new URL(request.url()).pathname === '/apps/tacto/seen') answered.push((await request.response())!.status());
  });
  await page.goto(new URL(path, env.sandbox.url).toString());
  await page.locator('.tacto-picks__list[aria-busy="false"]').first().waitFor();
  return { context, page, posted, answered };
}

/**
 * Resolves after the browser's next intersection update for the cards: an observer of the test's, made after
 * tacto.js's, gets its first notice in the same update as tacto.js's, and after it. Whatever tacto.js decided to
 * send by then is in `__beacons`.
 */
async function intersectionsSettled(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const observer = new IntersectionObserver(() => {
          observer.disconnect();
          requestAnimationFrame(() => resolve());
        });
        for (const card of document.querySelectorAll('.tacto-picks__item')) observer.observe(card);
      }),
  );
}

async function beacons(page: Page): Promise<Beacon[]> {
  const calls = await waitFor(() =>
    page.evaluate(() => {
      const calls = (window as unknown as { __beacons: { url: string; data: string | null }[] }).__beacons;
      return calls.every((call) => call.data !== null) ? calls : undefined;
    }),
  );
  for (const call of calls) expect(new URL(call.url, env.sandbox.url).pathname).toBe('/apps/tacto/seen');
  return calls.map((call) => ({ ...(JSON.parse(call.data!) as Omit<Beacon, 'query'>), query: new URL(call.url, env.sandbox.url).search }));
}

const cardHandles = (page: Page) => page.locator('.tacto-picks__item').evaluateAll((cards) => cards.map((card) => (card as HTMLElement).dataset.handle!));

async function scrollToPicks(page: Page): Promise<void> {
  await page.locator('.tacto-picks').evaluate((section) => section.scrollIntoView({ block: 'center' }));
  await intersectionsSettled(page);
}

describe('tacto.js reports the picks a shopper had in view', () => {
  it('sends nothing for a block below the fold or a quarter in view, exactly one beacon once it is scrolled into view, and nothing more on that page', async () => {
    const daniel = customerOf(PERSONAS.CAMERA_BUYER);
    const { context, page, posted } = await openPage(daniel, '/products/wool-overcoat');
    const top = await page.locator('.tacto-picks__item').first().boundingBox();
    expect(top!.y).toBeGreaterThan(VIEWPORT.height);
    await intersectionsSettled(page);
    expect(await beacons(page)).toEqual([]);
    // A quarter of the row on screen is not "seen": a card counts once at least half of it was in view.
    await page.evaluate(
      ({ top, height, viewport }) => window.scrollTo(0, top + height / 4 - viewport),
      { top: top!.y, height: top!.height, viewport: VIEWPORT.height },
    );
    await intersectionsSettled(page);
    expect(await beacons(page)).toEqual([]);

    const shownBefore = shownToday();
    await scrollToPicks(page);
    const handles = await cardHandles(page);
    expect(handles.length).toBeGreaterThan(0);
    const [beacon, ...more] = await beacons(page);
    expect(more).toEqual([]);
    expect(beacon!.view).toMatch(/^[0-9a-f]{32}$/);
    expect([...beacon!.handles].sort()).toEqual([...handles].sort());
    // Where and how the block is set (the sandbox's defaults: 4 items, grid, guides, quick add), nothing else.
    expect(beacon).toMatchObject({ surface: 'product-page', block: '4-grid-g-q', query: '' });
    await waitFor(() => shownToday() === shownBefore + handles.length, { message: 'the day\'s "shown" counter to add the cards' });
    // Through the storefront's app proxy, signed as Shopify signs it, into the app: one row per card.
    const rows = await waitFor(() => {
      const found = impressionRows(daniel);
      return found.length === handles.length ? found : undefined;
    });
    expect(rows.map((row) => row.product_id).sort()).toEqual(handles.map(idOf).sort());
    expect(new Set(rows.map((row) => row.view_id))).toEqual(new Set([`page:${beacon!.view}`]));

    // Away and back again: the same cards, the same page view — nothing new to say.
    await page.evaluate(() => window.scrollTo(0, 0));
    await intersectionsSettled(page);
    await scrollToPicks(page);
    expect(await beacons(page)).toHaveLength(1);
    expect(posted).toHaveLength(1);

    // A new page view (the shopper comes back to the page) counts again, once in view, with an id of its own.
    await page.goto(new URL('/products/wool-overcoat', env.sandbox.url).toString());
    await page.locator('.tacto-picks__list[aria-busy="false"]').first().waitFor();
    await intersectionsSettled(page);
    expect(await beacons(page)).toEqual([]);
    await scrollToPicks(page);
    const [again, ...moreAgain] = await beacons(page);
    expect(moreAgain).toEqual([]);
    expect(again!.view).not.toBe(beacon!.view);
    await waitFor(() => impressionRows(daniel).length === handles.length + again!.handles.length);
    await context.close();
  });

  it("counts what a visitor had in view, once, and keeps nothing about them", async () => {
    const impressionsBefore = allImpressions();
    const { context, page, posted, answered } = await openPage(null, '/products/wool-overcoat');
    await intersectionsSettled(page);
    expect(await beacons(page)).toEqual([]);
    const shownBefore = shownToday();
    await scrollToPicks(page);
    const handles = await cardHandles(page);
    expect(handles).not.toEqual([]);
    const [beacon, ...more] = await beacons(page);
    expect(more).toEqual([]);
    expect(beacon).toMatchObject({ surface: 'product-page', block: '4-grid-g-q', query: '?personalization=0' });
    expect([...beacon!.handles].sort()).toEqual([...handles].sort());
    await waitFor(() => shownToday() === shownBefore + handles.length, { message: 'the day\'s "shown" counter to add the cards' });
    await page.evaluate(() => window.scrollTo(0, 0));
    await intersectionsSettled(page);
    await scrollToPicks(page);
    expect(posted).toHaveLength(1);
    expect(await waitFor(() => answered[0])).toBe(204);
    expect(allImpressions()).toBe(impressionsBefore);
    await context.close();
  });

  it('when the Customer Privacy API withholds consent, counts the cards but records no impression', async () => {
    const olivia = customerOf(PERSONAS.COAT_BUYER);
    const { context, page, posted, answered } = await openPage(olivia, '/products/wool-overcoat', { consentDenied: true });
    const shownBefore = shownToday();
    await scrollToPicks(page);
    const handles = await cardHandles(page);
    expect(handles).not.toEqual([]);
    const [beacon, ...more] = await beacons(page);
    expect(more).toEqual([]);
    expect(beacon).toMatchObject({ surface: 'product-page', block: '4-grid-g-q', query: '?personalization=0' });
    await waitFor(() => shownToday() === shownBefore + handles.length, { message: 'the day\'s "shown" counter to add the cards' });
    expect(posted).toHaveLength(1);
    // Answered (the app had done all it would with it): still nothing about her.
    expect(await waitFor(() => answered[0])).toBe(204);
    expect(impressionRows(olivia)).toEqual([]);
    await context.close();
  });
});
