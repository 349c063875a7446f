/**
 * End to end in Chromium, the storefront half of Analytics: tacto.js on the sandbox storefront, the sandbox's cart
 * (Shopify's Ajax API and checkout), the signed app proxy and the app's counters. Quick add puts a pick in the cart
 * marked with its surface (a variant chosen first where there are several), a click is counted and the product page
 * it opens marks the theme's own form, an order placed through checkout is attributed; the holdout hides the block
 * from a drawn share of visitors, enrols each browser once and marks the cart — and without consent, none of that.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CUSTOMER_COOKIE } from '../../sandbox/app-proxy/forward.ts';
import type { SandboxProduct } from '../../sandbox/store/types.ts';
import { customerArm } from '../../server/analytics/holdout.ts';
import { signedProxyUrl } from '../support/app-proxy.ts';
import { closeWithBrowser, seriousAccessibilityViolations, startWithBrowser } from '../support/browser.ts';
import { queryDb } from '../support/db.ts';
import { waitFor } from '../support/eventually.ts';
import { startInstalledApp, type AppAndSandbox } from '../support/sandbox.ts';

let env: AppAndSandbox;
let browser: Browser;

beforeAll(async () => ({ env, browser } = await startWithBrowser(() => startInstalledApp())));
afterAll(() => closeWithBrowser(browser, env));

const shop = () => env.sandbox.shop.myshopifyDomain;
const products = () => [...env.sandbox.store.products.values()].filter((p) => p.status === 'ACTIVE');
const byHandle = (handle: string) => products().find((p) => p.handle === handle)!;
const forSale = (product: SandboxProduct) => product.variants.filter((v) => v.availableForSale && v.inventoryQuantity > 0);
const utcDay = () => new Date().toISOString().slice(0, 10).replaceAll('-', '');

/** The day's counters of one surface and block setting (zeros before anything was counted). */
function counters(surface: string, block: string) {
  const row = queryDb<{ shown: number; clicked: number; added: number }>(
    env.app.databasePath,
    'select sum(shown) as shown, sum(clicked) as clicked, sum(added) as added from block_counters where shop = ? and surface = ? and block = ?',
    shop(),
    surface,
    block,
  )[0];
  return { shown: row?.shown ?? 0, clicked: row?.clicked ?? 0, added: row?.added ?? 0 };
}

const enrolments = (experiment: number) =>
  Object.fromEntries(
    queryDb<{ arm: string; shoppers: number }>(env.app.databasePath, 'select arm, sum(shoppers) as shoppers from experiment_enrolments where shop = ? and experiment_id = ? group by arm', shop(), experiment).map(
      (row) => [row.arm, row.shoppers],
    ),
  );

/** A new experiment with these settings (any change of settings starts one); returns its id. */
async function experiment(question: 'block' | 'personalization', holdoutPercent: number): Promise<number> {
  await env.app.analytics.saveSettings(shop(), { question, holdoutPercent: 0 });
  return (await env.app.analytics.saveSettings(shop(), { question, holdoutPercent })).id;
}

/** A visitor's picks on a product page, as the block asks for them (the sandbox's draws are fixed). */
async function visitorPicks(product: SandboxProduct): Promise<SandboxProduct[]> {
  const query = { template: 'product', limit: '4', guides: '1', locale: 'en', product_id: String(product.id) };
  const answer = (await (await fetch(signedProxyUrl(env, '/proxy/picks', null, query))).json()) as { items: { url: string }[] };
  return answer.items.map((item) => byHandle(decodeURIComponent(item.url.replace('/products/', ''))));
}

interface Shopper {
  customerId?: number;
  /** The Customer Privacy API as a store whose banner the shopper declined analytics on exposes it. */
  consentDenied?: boolean;
  /** What this browser already keeps for the holdout (`tacto:exp`), set once before its first page. */
  kept?: Record<string, unknown>;
  /** Personalization turned off in this browser before its first page (the notice's switch). */
  off?: boolean;
}

async function shopper(options: Shopper = {}): Promise<{ context: BrowserContext; page: Page; requests: string[] }> {
  const context = await browser.newContext();
  if (options.customerId !== undefined) {
    await context.addCookies([{ name: CUSTOMER_COOKIE, value: String(options.customerId), url: env.sandbox.url.toString() }]);
  }
  if (options.consentDenied) {
    await context.addInitScript(() => {
      (window as unknown as { Shopify: unknown }).Shopify = {
        customerPrivacy: { preferencesProcessingAllowed: () => true, analyticsProcessingAllowed: () => false },
      };
    });
  }
  const stored = {
    ...(options.kept ? { 'tacto:exp': JSON.stringify(options.kept) } : {}),
    ...(options.off ? { 'tacto:personalization': 'off' } : {}),
  };
  await context.addInitScript((stored) => {
    if (!sessionStorage.getItem('seeded')) {
      sessionStorage.setItem('seeded', '1');
      for (const [key, value] of Object.entries(stored)) localStorage.setItem(key, value);
    }
  }, stored);
  const page = await context.newPage();
  const requests: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (/^\/(apps\/tacto\/(enroll|count)|cart\.js|cart\/update\.js)$/.test(url.pathname)) requests.push(`${request.method()} ${url.pathname}`);
  });
  return { context, page, requests };
}

async function open(page: Page, path: string): Promise<void> {
  await page.goto(new URL(path, env.sandbox.url).toString());
  // tacto.js arrives after the page's load event: the block is done once its list is filled or it hid itself.
  await waitFor(() => page.locator('[data-tacto-picks]').evaluate((section) => (section as HTMLElement).hidden || section.querySelector('[aria-busy="false"]') !== null));
}

const cart = (page: Page) =>
  page.evaluate(() => fetch('/cart.js').then((r) => r.json())) as Promise<{ attributes: Record<string, string>; items: { variant_id: number; properties: Record<string, string> }[] }>;

/** Resolves once the page's idle work queued so far (enrolling, marking the cart) has run and sent its requests. */
const idleDone = (page: Page) => page.evaluate(() => new Promise<void>((resolve) => requestIdleCallback(() => setTimeout(resolve))));

describe('quick add', () => {
  it('adds a pick to the sandbox cart marked with its surface, asking which variant where there are several, and says so', async () => {
    // A product page whose visitor block holds a product with one variant for sale and one with several.
    let page$: { page: SandboxProduct; single: SandboxProduct; several: SandboxProduct; soldOut: SandboxProduct } | undefined;
    for (const page of products()) {
      const picks = await visitorPicks(page);
      const single = picks.find((p) => forSale(p).length === 1);
      const several = picks.find((p) => forSale(p).length >= 2);
      const soldOut = picks.find((p) => p !== single && p !== several);
      if (single && several && soldOut) {
        page$ = { page, single, several, soldOut };
        break;
      }
    }
    const { page: product, single, several, soldOut } = page$!;
    const { context, page } = await shopper();
    await open(page, `/products/${product.handle}`);
    const block = page.locator('[data-tacto-picks]');
    await env.app.analytics.flush();
    const before = counters('product-page', '4-grid-g-q');

    await block.getByRole('button', { name: `Add to cart: ${single.title}`, exact: true }).click();
    await expect.poll(() => block.getByRole('status').innerText()).toBe(`Added to cart: ${single.title}`);
    expect((await cart(page)).items).toEqual([expect.objectContaining({ variant_id: forSale(single)[0]!.id, properties: { _tacto: 'product-page' } })]);
    await waitFor(() => counters('product-page', '4-grid-g-q').added === before.added + 1, { message: 'the add to be counted' });

    // Several variants: a labelled choice first, by keyboard, focus kept on the way.
    const add = block.getByRole('button', { name: `Add to cart: ${several.title}`, exact: true });
    await add.focus();
    await page.keyboard.press('Enter');
    const choice = block.getByRole('combobox', { name: `Choose an option: ${several.title}` });
    await expect.poll(() => choice.evaluate((select) => select === document.activeElement)).toBe(true);
    const wanted = forSale(several).at(-1)!;
    await choice.selectOption(String(wanted.id));
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect.poll(() => block.getByRole('status').innerText()).toBe(`Added to cart: ${several.title}`);
    expect((await cart(page)).items.map((item) => [item.variant_id, item.properties])).toContainEqual([wanted.id, { _tacto: 'product-page' }]);
    await waitFor(() => counters('product-page', '4-grid-g-q').added === before.added + 2);

    // Sold out since the page was drawn: the button says so and adds nothing.
    const stock = soldOut.variants.map((v) => v.inventoryQuantity);
    for (const variant of soldOut.variants) variant.inventoryQuantity = 0;
    try {
      const button = block.getByRole('button', { name: `Add to cart: ${soldOut.title}`, exact: true });
      await button.click();
      await expect.poll(() => block.getByRole('status').innerText()).toBe(`Sold out: ${soldOut.title}`);
      expect(await block.getByRole('button', { name: `Sold out: ${soldOut.title}` }).getAttribute('aria-disabled')).toBe('true');
    } finally {
      soldOut.variants.forEach((variant, i) => (variant.inventoryQuantity = stock[i]!));
    }
    expect((await cart(page)).items).toHaveLength(2);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await context.close();
  });
});

describe('clicks and the product page they open', () => {
  it('counts the click, marks the theme’s own form with the surface, counts its add, and the order is attributed', async () => {
    const { context, page } = await shopper();
    await open(page, '/products/wool-overcoat');
    await env.app.analytics.flush();
    const before = { block: counters('product-page', '4-grid-g-q'), link: counters('product-page', 'link') };
    const link = page.locator('.tacto-picks__link').first();
    const handle = await link.evaluate((a) => (a.closest('li') as HTMLElement).dataset.handle!);
    expect(new URL((await link.getAttribute('href'))!).searchParams.get('tacto')).toBe('product-page');
    await link.click();
    await page.waitForURL((url) => url.pathname === `/products/${handle}`);
    await waitFor(() => counters('product-page', '4-grid-g-q').clicked === before.block.clicked + 1, { message: 'the click to be counted' });

    const form = page.locator('main form[action="/cart/add"]');
    await expect.poll(() => form.locator('input[name="properties[_tacto]"]').getAttribute('value')).toBe('product-page');
    await form.locator('button[type=submit]').click();
    await page.waitForURL((url) => url.pathname === '/cart');
    expect((await cart(page)).items).toEqual([expect.objectContaining({ properties: { _tacto: 'product-page' } })]);
    await waitFor(() => counters('product-page', 'link').added === before.link.added + 1, { message: 'the add from the form to be counted' });

    // Checkout: the order reaches the app through the webhooks, its line attributed to the product page.
    const orders = env.sandbox.store.orders.size;
    await page.locator('form[action="/checkout"] button').click();
    await page.waitForURL((url) => url.pathname.startsWith('/checkout/thank_you/'));
    expect(env.sandbox.store.orders.size).toBe(orders + 1);
    const order = [...env.sandbox.store.orders.values()].at(-1)!;
    const line = await waitFor(
      () => queryDb<{ surface: string | null; net_amount: number }>(env.app.databasePath, 'select surface, net_amount from order_lines where shop = ? and order_id = ?', shop(), order.id)[0],
      { message: 'the order to reach the app' },
    );
    expect(line).toEqual({ surface: 'product-page', net_amount: Number(order.lineItems[0]!.price) });
    await context.close();
  });

  it('a follow-up’s link is counted on arrival (not on a reload) and marks the form with "email"', async () => {
    const { context, page, requests } = await shopper();
    await env.app.analytics.flush();
    const before = counters('email', 'email').clicked;
    await open(page, '/products/merino-scarf?tacto=email');
    await expect.poll(() => page.locator('main form[action="/cart/add"] input[name="properties[_tacto]"]').getAttribute('value')).toBe('email');
    await waitFor(() => counters('email', 'email').clicked === before + 1);
    await page.reload();
    await expect.poll(() => page.locator('main form[action="/cart/add"] input[name="properties[_tacto]"]').count()).toBe(1);
    await idleDone(page);
    expect(requests).toEqual(['POST /apps/tacto/count']);
    await env.app.analytics.flush();
    expect(counters('email', 'email').clicked).toBe(before + 1);
    await context.close();
  });

  it('ignores a surface it does not know', async () => {
    const { context, page } = await shopper();
    await open(page, '/products/merino-scarf?tacto=checkout');
    expect(await page.locator('input[name="properties[_tacto]"]').count()).toBe(0);
    await context.close();
  });
});

describe('the holdout', () => {
  it('hides the block from a visitor drawn into the holdout, enrols the browser once and marks every new cart', async () => {
    const id = await experiment('block', 50);
    const { context, page, requests } = await shopper({ kept: { position: 0.1 } });
    const startDay = utcDay();
    await open(page, '/products/wool-overcoat');
    expect(await page.locator('[data-tacto-picks]').isHidden()).toBe(true);
    const kept = JSON.parse((await page.evaluate(() => localStorage.getItem('tacto:exp')))!);
    expect(kept).toEqual({ experiment: String(id), arm: 'holdout', day: expect.stringMatching(/^\d{8}$/), position: 0.1 });
    expect([startDay, utcDay()]).toContain(kept.day);
    const mark = `${id}.h.${kept.day}`;
    await expect.poll(async () => (await cart(page)).attributes._tacto_exp).toBe(mark);
    await waitFor(() => enrolments(id).holdout === 1, { message: 'the browser to be enrolled' });

    // Another page: the same arm, no second enrolment, the cart already marked.
    await open(page, '/');
    expect(await page.locator('[data-tacto-picks]').isHidden()).toBe(true);
    await idleDone(page);
    expect(requests.filter((r) => r === 'POST /apps/tacto/enroll')).toHaveLength(1);
    expect(requests.filter((r) => r === 'POST /cart/update.js')).toHaveLength(1);

    // An order placed with that cart carries the mark to the app; the next cart gets it again.
    await page.goto(new URL('/products/wool-overcoat?tacto=off', env.sandbox.url).toString());
    await page.locator('main form[action="/cart/add"] button[type=submit]').click();
    await page.locator('form[action="/checkout"] button').click();
    await page.waitForURL((url) => url.pathname.startsWith('/checkout/thank_you/'));
    const order = [...env.sandbox.store.orders.values()].at(-1)!;
    await waitFor(() => queryDb<{ experiment: string }>(env.app.databasePath, 'select experiment from orders where shop = ? and id = ?', shop(), order.id)[0]?.experiment === mark, {
      message: 'the order to reach the app with its mark',
    });
    await open(page, '/');
    await expect.poll(async () => (await cart(page)).attributes._tacto_exp).toBe(mark);
    await env.app.analytics.flush();
    expect(enrolments(id)).toEqual({ holdout: 1 });
    await context.close();
  });

  it('shows the block to a visitor in treatment, and enrols them there', async () => {
    const id = await experiment('block', 50);
    const { context, page } = await shopper({ kept: { position: 0.9 } });
    await open(page, '/products/wool-overcoat');
    expect(await page.locator('.tacto-picks__title').count()).toBeGreaterThan(0);
    await expect.poll(async () => (await cart(page)).attributes._tacto_exp).toMatch(new RegExp(`^${id}\\.t\\.\\d{8}$`));
    await waitFor(() => enrolments(id).treatment === 1);
    await context.close();
  });

  it('a logged-in customer takes the arm the app gives them', async () => {
    const id = await experiment('block', 50);
    const held = [...env.sandbox.store.customers.values()].find((c) => customerArm(shop(), c.id, 50) === 'holdout')!;
    const { context, page } = await shopper({ customerId: held.id });
    await open(page, '/');
    expect(await page.locator('[data-tacto-picks]').isHidden()).toBe(true);
    await expect.poll(async () => (await cart(page)).attributes._tacto_exp).toMatch(new RegExp(`^${id}\\.h\\.\\d{8}$`));
    await waitFor(() => enrolments(id).holdout === 1);
    expect(JSON.parse((await page.evaluate(() => localStorage.getItem('tacto:exp')))!)).not.toHaveProperty('position');
    await context.close();
  });

  it('counts the arm the browser drew for a customer who turned personalization off here', async () => {
    const id = await experiment('block', 50);
    const treated = [...env.sandbox.store.customers.values()].find((c) => customerArm(shop(), c.id, 50) === 'treatment')!;
    const { context, page } = await shopper({ customerId: treated.id, kept: { position: 0.1 }, off: true });
    await open(page, '/products/wool-overcoat');
    // Asked as a visitor, so in the visitor's experiment: the browser's draw decides, and is what the app counts.
    expect(await page.locator('[data-tacto-picks]').isHidden()).toBe(true);
    await waitFor(() => enrolments(id).holdout === 1);
    await env.app.analytics.flush();
    expect(enrolments(id)).toEqual({ holdout: 1 });
    await context.close();
  });

  it('leaves a visitor out of "does personalization help?": both arms would look the same to them', async () => {
    await experiment('personalization', 50);
    const { context, page, requests } = await shopper({ kept: { position: 0.1 } });
    await open(page, '/products/wool-overcoat');
    expect(await page.locator('.tacto-picks__title').count()).toBeGreaterThan(0);
    await idleDone(page);
    expect(requests).toEqual([]);
    await context.close();
  });

  it('without consent to analytics: the block, but no enrolment, nothing kept in the browser and no cart mark', async () => {
    const id = await experiment('block', 50);
    // Kept from before the shopper declined: it goes too.
    const { context, page, requests } = await shopper({ consentDenied: true, kept: { position: 0.1, experiment: String(id), arm: 'holdout', day: utcDay() } });
    await open(page, '/products/wool-overcoat');
    expect(await page.locator('.tacto-picks__title').count()).toBeGreaterThan(0);
    await idleDone(page);
    expect(await page.evaluate(() => localStorage.getItem('tacto:exp'))).toBeNull();
    expect(requests).toEqual([]);
    expect((await cart(page)).attributes).toEqual({});
    await env.app.analytics.flush();
    expect(enrolments(id)).toEqual({});
    await context.close();
    await experiment('block', 0);
  });
});
