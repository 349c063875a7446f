/**
 * End to end in Chromium: the sandbox storefront renders the theme extension, tacto.js asks /apps/tacto/picks,
 * the sandbox forwards it signed through the app proxy, and the app's engine answers.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CUSTOMER_COOKIE } from '../../sandbox/app-proxy/forward.ts';
import { PERSONAS } from '../../sandbox/seed/demo-customers.ts';
import { DEFAULT_POLICY } from '../../server/recommend/policy.ts';
import { closeWithBrowser, seriousAccessibilityViolations, startWithBrowser } from '../support/browser.ts';
import { startInstalledApp, type AppAndSandbox } from '../support/sandbox.ts';

let env: AppAndSandbox;
let browser: Browser;

beforeAll(async () => ({ env, browser } = await startWithBrowser(() => startInstalledApp())));
afterAll(() => closeWithBrowser(browser, env));

async function shopperContext(customerId: number | null) {
  const context = await browser.newContext();
  if (customerId !== null) {
    await context.addCookies([{ name: CUSTOMER_COOKIE, value: String(customerId), url: env.sandbox.url.toString() }]);
  }
  return context;
}

const titlesOn = async (page: import('playwright-core').Page) => {
  await page.locator('.tacto-picks__list[aria-busy="false"]').first().waitFor();
  return page.locator('.tacto-picks__title').allInnerTexts();
};

async function pickTitles(path: string, customerId: number | null): Promise<string[]> {
  const context = await shopperContext(customerId);
  const page = await context.newPage();
  await page.goto(new URL(path, env.sandbox.url).toString());
  const titles = await titlesOn(page);
  expect(await seriousAccessibilityViolations(page)).toEqual([]);
  await context.close();
  return titles;
}

describe('Tacto picks on the sandbox storefront, served by the app', () => {
  it('fills the product page block with complements for a visitor', async () => {
    const titles = await pickTitles('/products/wool-overcoat', null);
    expect(titles.length).toBeGreaterThan(0);
    const coats = [...env.sandbox.store.products.values()].filter((p) => p.productType === 'Coat').map((p) => p.title);
    for (const title of titles) expect(coats).not.toContain(title);
  });

  it("on the cart page, goes with what is in the cart — never the cart's items or their substitutes — priced in the shop's currency", async () => {
    const context = await shopperContext(null);
    const page = await context.newPage();
    await page.goto(new URL('/products/wool-overcoat?locale=es', env.sandbox.url).toString());
    const asked = page.waitForRequest((r) => r.url().includes('/apps/tacto/picks') && r.url().includes('template=cart'));
    // The theme's button (the picks' quick adds are "Agregar al carrito: …").
    await page.getByRole('button', { name: 'Añadir al carrito', exact: true }).click();
    const overcoat = [...env.sandbox.store.products.values()].find((p) => p.handle === 'wool-overcoat')!;
    expect(new URL((await asked).url()).searchParams.get('cart')).toBe(String(overcoat.id));
    const titles = await titlesOn(page);
    expect(titles.length).toBeGreaterThan(0);
    const coats = [...env.sandbox.store.products.values()].filter((p) => p.productType === 'Coat').map((p) => p.title);
    for (const title of titles) expect(coats).not.toContain(title);
    // The euro, written as a Spanish page writes it: "59,00 €".
    const prices = await page.locator('.tacto-picks__price').allInnerTexts();
    expect(prices.length).toBe(titles.length);
    for (const price of prices) expect(price).toMatch(/^\d{1,3}(\.\d{3})*,\d{2}\s€$/);
    await context.close();
  });

  it('fills it for a logged-in shopper too, and nothing of Tacto on the page names what they bought', async () => {
    for (const email of [PERSONAS.COAT_BUYER, PERSONAS.STROLLER_BUYER, PERSONAS.PET_OWNER]) {
      const customer = [...env.sandbox.store.customers.values()].find((c) => c.email === email)!;
      const boughtIds = new Set(
        [...env.sandbox.store.orders.values()].filter((o) => o.customerId === customer.id).flatMap((o) => o.lineItems.map((l) => l.productId)),
      );
      const bought = [...env.sandbox.store.products.values()].filter((p) => boughtIds.has(p.id));
      const context = await shopperContext(customer.id);
      const page = await context.newPage();
      await page.goto(new URL('/', env.sandbox.url).toString());
      expect((await titlesOn(page)).length).toBeGreaterThan(0);
      // Everything Tacto put on the page once its script has run: the blocks, the notice, the preference form.
      const tacto = await page.evaluate(() =>
        [...document.querySelectorAll('[data-tacto-picks], [data-tacto-notice], [data-tacto-preferences]')].map((el) => el.outerHTML).join(''),
      );
      for (const product of bought) {
        expect(tacto, email).not.toContain(product.title);
        expect(tacto, email).not.toContain(product.handle);
        expect(tacto, email).not.toContain(String(product.id));
      }
      await context.close();
    }
  });

  it('turns personalization off from the notice: the visitor view at once and after reload, and back on', async () => {
    const olivia = [...env.sandbox.store.customers.values()].find((c) => c.email === PERSONAS.COAT_BUYER)!;
    const visitor = await pickTitles('/', null);
    const context = await shopperContext(olivia.id);
    const page = await context.newPage();
    await page.goto(new URL('/', env.sandbox.url).toString());
    const personal = await titlesOn(page);
    expect(personal).not.toEqual(visitor);
    await page.getByRole('button', { name: 'Why am I seeing this?' }).first().click();
    const dialog = page.getByRole('dialog');
    await expect(dialog.getByText(/180 days/).waitFor()).resolves.toBeUndefined();
    await dialog.getByRole('button', { name: 'Turn personalization off' }).click();
    await expect(dialog.getByText('Personalization is off: you see what every visitor sees, which may include things you already bought.').waitFor()).resolves.toBeUndefined();
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.tacto-picks__title').allInnerTexts()).toEqual(visitor);
    await page.reload();
    await expect.poll(() => titlesOn(page)).toEqual(visitor);
    await page.getByRole('button', { name: 'Why am I seeing this?' }).first().click();
    await page.getByRole('dialog').getByRole('button', { name: 'Turn personalization back on' }).click();
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.tacto-picks__title').allInnerTexts()).toEqual(personal);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await context.close();
  });

  it("the notice states the engine's own deniability bound r and retention, in the page's language and number format", async () => {
    const context = await shopperContext(null);
    const page = await context.newPage();
    const bound = page.locator('[data-tacto-bound]');
    const retention = page.locator('[data-tacto-retention]');
    const open = async (path: string, trigger: string) => {
      const answered = page.waitForResponse((r) => r.url().includes('/apps/tacto/preferences'));
      await page.goto(new URL(path, env.sandbox.url).toString());
      await answered;
      await page.getByRole('button', { name: trigger }).first().click();
    };
    await open('/', 'Why am I seeing this?');
    await expect.poll(() => bound.innerText()).toContain('a product is at most 2 times as likely to appear as it would be for a visitor, and at most 2 times as likely to be missing');
    expect(await bound.innerText()).toContain('This limit does not apply to sensitive topics you told us you shop for');
    expect(await retention.innerText()).toContain('Your orders shape suggestions for up to 180 days.');
    expect(await retention.innerText()).toContain('forgotten after 14 days');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    // The number is the engine's: change the policy and the sentence follows, written as each language writes it.
    const chosen = DEFAULT_POLICY.deniabilityRatio;
    DEFAULT_POLICY.deniabilityRatio = 2.5;
    try {
      await open('/?locale=es', '¿Por qué veo esto?');
      await expect.poll(() => bound.innerText()).toContain('la probabilidad de que un producto aparezca es, como mucho, 2,5 veces la que tendría para un visitante');
      expect(await bound.innerText()).toContain('Este límite no se aplica a los temas sensibles que nos dijiste que buscas');
      expect(await retention.innerText()).toContain('Tus pedidos influyen en las sugerencias durante un máximo de 180 días.');
      await open('/?locale=pt-BR', 'Por que estou vendo isso?');
      await expect.poll(() => bound.innerText()).toContain('a chance de um produto aparecer é no máximo 2,5 vezes a que ele teria para um visitante');
      expect(await retention.innerText()).toContain('As sugestões que você teve na tela ou recebeu por e-mail são esquecidas após 14 dias.');
      await open('/', 'Why am I seeing this?');
      await expect.poll(() => bound.innerText()).toContain('at most 2.5 times as likely to appear');
    } finally {
      DEFAULT_POLICY.deniabilityRatio = chosen;
    }
    await context.close();
  });

  it('"Not for me" with a reason removes the pick, and it stays gone after reload', async () => {
    const daniel = [...env.sandbox.store.customers.values()].find((c) => c.email === PERSONAS.CAMERA_BUYER)!;
    const context = await shopperContext(daniel.id);
    const page = await context.newPage();
    await page.goto(new URL('/', env.sandbox.url).toString());
    const [first] = await titlesOn(page);
    const item = page.locator('.tacto-picks__item').filter({ hasText: first! }).first();
    await item.getByText('Not for me').click();
    await item.getByRole('button', { name: 'Not my style' }).click();
    await expect.poll(() => page.locator('.tacto-picks__title').allInnerTexts()).not.toContain(first);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.reload();
    await expect.poll(() => titlesOn(page)).not.toContain(first);
    // Stored by the store for this customer, not only in this browser.
    await expect.poll(async () => (await env.app.storage.recommendations.shopper(env.sandbox.shop.myshopifyDomain, daniel.id, new Date().toISOString(), new Date().toISOString())).feedback.length).toBe(1);
    await context.close();
  });

  it('when the Customer Privacy API withholds consent, a logged-in shopper gets the visitor picks and the notice says why', async () => {
    const olivia = [...env.sandbox.store.customers.values()].find((c) => c.email === PERSONAS.COAT_BUYER)!;
    const visitor = await pickTitles('/', null);
    const context = await shopperContext(olivia.id);
    // Shopify's storefront API, as a store with a consent banner the shopper declined exposes it.
    await context.addInitScript(() => {
      (window as unknown as { Shopify: unknown }).Shopify = {
        customerPrivacy: { preferencesProcessingAllowed: () => false, analyticsProcessingAllowed: () => true },
      };
    });
    const page = await context.newPage();
    await page.goto(new URL('/', env.sandbox.url).toString());
    await expect.poll(() => titlesOn(page)).toEqual(visitor);
    await page.getByRole('button', { name: 'Why am I seeing this?' }).first().click();
    await expect(page.getByRole('dialog').getByText('Your privacy choices on this store do not allow personalization').isVisible()).resolves.toBe(true);
    await context.close();
  });

  it('the preference block saves what a customer shops for, opens that topic to them, and deletes it', async () => {
    const ana = [...env.sandbox.store.customers.values()].find((c) => c.email === PERSONAS.PREGNANCY_TEST_BUYER)!;
    const pregnancy = [...env.sandbox.store.products.values()].filter(
      (p) => /^(hb-1-15-5|hb-1-4-8|aa-2-21)/.test(p.category?.id ?? '') || p.handle === 'prenatal-vitamins',
    );
    const pregnancyTitles = pregnancy.map((p) => p.title);
    const context = await shopperContext(ana.id);
    const page = await context.newPage();
    await page.goto(new URL('/', env.sandbox.url).toString());
    const before = await titlesOn(page);
    expect(before.filter((t) => pregnancyTitles.includes(t))).toEqual([]);
    // Her home block is one draw a day: whether one draw shows a product of the topic is chance (each has a
    // probability below 1), so the topic's opening is read off the draw's probabilities, not one draw.
    const chanceOfTopic = async () => {
      const home = await env.app.recommendations.inclusion({
        shop: env.sandbox.shop.myshopifyDomain,
        surface: { kind: 'home' },
        customerId: ana.id,
        limit: before.length,
        consentAllowsPersonalization: true,
      });
      return Math.max(...pregnancy.map((p) => home.shopper?.get(p.id) ?? 0));
    };
    expect(await chanceOfTopic()).toBe(0);
    const form = page.getByRole('region', { name: 'What are you shopping for?' });
    await form.getByLabel('Pregnancy and fertility').check();
    await form.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => form.getByRole('status').innerText()).toBe('Saved.');
    await expect.poll(chanceOfTopic).toBeGreaterThan(0);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.reload();
    // tacto.js ticks the saved topics once the app has answered.
    await expect.poll(() => page.getByLabel('Pregnancy and fertility').isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Delete my preferences' }).click();
    await expect.poll(() => page.getByRole('region', { name: 'What are you shopping for?' }).getByRole('status').innerText()).toBe('Deleted.');
    await expect.poll(() => page.locator('.tacto-picks__title').allInnerTexts()).toEqual(before);
    await context.close();
  });

  it("the notice links to the shopper's own data page, which saves topics and deletes what is kept, accessibly", async () => {
    const daniel = [...env.sandbox.store.customers.values()].find((c) => c.email === PERSONAS.CAMERA_BUYER)!;
    const context = await shopperContext(daniel.id);
    const page = await context.newPage();
    await page.goto(new URL('/?locale=pt-BR', env.sandbox.url).toString());
    await page.getByRole('button', { name: 'Por que estou vendo isso?' }).first().click();
    await page.getByRole('dialog').getByRole('link', { name: 'Ver ou apagar seus dados' }).click();
    await expect(page.getByRole('heading', { name: 'Seus dados e suas escolhas', level: 1 }).waitFor()).resolves.toBeUndefined();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.getByRole('checkbox', { name: 'Bebê' }).check();
    await page.getByRole('button', { name: 'Salvar' }).click();
    await expect(page.getByRole('status').getByText('Salvo.').waitFor()).resolves.toBeUndefined();
    expect((await env.app.storage.recommendations.settings(env.sandbox.shop.myshopifyDomain, daniel.id)).declaredTopics).toEqual(['baby']);
    await page.getByRole('button', { name: 'Apagar o que é guardado sobre mim' }).click();
    await expect(page.getByRole('status').getByText('Apagado.').waitFor()).resolves.toBeUndefined();
    await expect.poll(() => page.getByRole('checkbox', { name: 'Bebê' }).isChecked()).toBe(false);
    expect((await env.app.storage.recommendations.settings(env.sandbox.shop.myshopifyDomain, daniel.id)).declaredTopics).toEqual([]);
    await context.close();
  });

  it('asks a visitor to log in before declaring anything', async () => {
    const context = await shopperContext(null);
    const page = await context.newPage();
    await page.goto(new URL('/', env.sandbox.url).toString());
    const form = page.getByRole('region', { name: 'What are you shopping for?' });
    await expect.poll(() => form.getByRole('status').innerText()).toBe('Log in to tell the store what you are shopping for.');
    await expect(form.getByLabel('Baby').isDisabled()).resolves.toBe(true);
    await context.close();
  });
});
