/**
 * End to end in Chromium: the "What are you shopping for?" block offers what the store sells. On the demo store it
 * lists the sensitive topics its catalog holds (pregnancy tests, strollers, health aids — never funerals or
 * religion) and its telling collections, titled in the page's language; a logged-in customer saves an interest.
 * On a store of coats and cameras it offers no sensitive topic at all, shows nothing until the store has a
 * collection worth offering, and offers "Baby" once the store sells a stroller.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CUSTOMER_COOKIE } from '../../sandbox/app-proxy/forward.ts';
import { PERSONAS } from '../../sandbox/seed/demo-customers.ts';
import { TAXONOMY } from '../../sandbox/seed/taxonomy.ts';
import type { SandboxStore } from '../../sandbox/store/store.ts';
import type { TaxonomyCategory } from '../../sandbox/store/types.ts';
import { launchBrowser, seriousAccessibilityViolations } from '../support/browser.ts';
import { backfillSettled, startAppWithSandbox, startInstalledApp, type AppAndSandbox } from '../support/sandbox.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** The home page as a visitor (customerId null) or a logged-in customer, once the block has heard from the app. */
async function openHome(env: AppAndSandbox, customerId: number | null, query = ''): Promise<Page> {
  const context = await browser.newContext();
  if (customerId !== null) await context.addCookies([{ name: CUSTOMER_COOKIE, value: String(customerId), url: env.sandbox.url.toString() }]);
  const page = await context.newPage();
  const answered = page.waitForResponse((r) => r.url().includes('/apps/tacto/topics'));
  await page.goto(new URL(`/${query}`, env.sandbox.url).toString());
  await answered;
  return page;
}

/** The topics the block offers, by their visible labels (none when the block is hidden). */
async function offered(page: Page, heading: string): Promise<string[]> {
  const region = page.getByRole('region', { name: heading });
  if (!(await region.isVisible())) return [];
  const boxes = await region.getByRole('checkbox').all();
  return Promise.all(boxes.map(async (box) => (await box.evaluate((el) => el.parentElement!.textContent!)).trim()));
}

async function offeredOnFreshPage(env: AppAndSandbox, query: string, heading: string): Promise<string[]> {
  const page = await openHome(env, null, query);
  try {
    return await offered(page, heading);
  } finally {
    await page.context().close();
  }
}

describe('on the demo store', () => {
  let env: AppAndSandbox;
  beforeAll(async () => {
    env = await startInstalledApp();
  });
  afterAll(() => env?.close());

  it('offers the sensitive topics its catalog holds and its telling collections, in Spanish, accessibly', async () => {
    const page = await openHome(env, null, '?locale=es');
    await expect.poll(() => offered(page, '¿Qué estás buscando?')).toEqual([
      'Embarazo y fertilidad',
      'Bebé',
      'Problemas de salud',
      'Invierno',
      'Fotografía',
      'Mascotas',
      'Bodas',
      'Viajes',
    ]);
    // Nothing for funerals or worship is sold here; "Baby & Stroller" and "Health & Wellness" hold sensitive products.
    const text = await page.getByRole('region', { name: '¿Qué estás buscando?' }).innerText();
    for (const absent of ['Funerales y duelo', 'Religión', 'Bebé y cochecito', 'Salud y bienestar']) expect(text).not.toContain(absent);
    expect(text).toContain('Una colección de la tienda que elijas solo hace que sus productos sean algo más probables');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('a logged-in customer saves an interest in a collection, in Portuguese, and finds it ticked after a reload', async () => {
    const olivia = [...env.sandbox.store.customers.values()].find((c) => c.email === PERSONAS.COAT_BUYER)!;
    const winter = [...env.sandbox.store.collections.values()].find((c) => c.handle === 'winter')!;
    const page = await openHome(env, olivia.id, '?locale=pt-BR');
    const region = page.getByRole('region', { name: 'O que você está procurando?' });
    await expect.poll(() => offered(page, 'O que você está procurando?')).toContain('Inverno');
    await region.getByRole('checkbox', { name: 'Inverno' }).check();
    await region.getByRole('button', { name: 'Salvar' }).click();
    await expect.poll(() => region.getByRole('status').innerText()).toBe('Salvo.');
    const settings = () => env.app.storage.recommendations.settings(env.sandbox.shop.myshopifyDomain, olivia.id);
    expect((await settings()).declaredTopics).toEqual([`collection:${winter.id}`]);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.reload();
    await expect.poll(() => region.getByRole('checkbox', { name: 'Inverno' }).isChecked()).toBe(true);

    // Her data page offers the store's sensitive topics only, says the interest is kept, and saving there keeps it.
    const data = await page.context().newPage();
    await data.goto(new URL('/apps/tacto/data?locale=pt-BR', env.sandbox.url).toString());
    const choices = data.getByRole('region', { name: 'O que você nos disse que procura' });
    expect(await choices.getByRole('checkbox').count()).toBe(3);
    expect(await choices.innerText()).not.toContain('Funerais e luto');
    expect(await choices.innerText()).toContain('Você também escolheu 1 das coleções desta loja');
    await choices.getByRole('checkbox', { name: 'Bebê' }).check();
    await choices.getByRole('button', { name: 'Salvar' }).click();
    await expect.poll(async () => (await settings()).declaredTopics).toEqual(['baby', `collection:${winter.id}`]);
    expect(await seriousAccessibilityViolations(data)).toEqual([]);
    await data.close();

    await region.getByRole('button', { name: 'Apagar minhas preferências' }).click();
    await expect.poll(async () => (await settings()).declaredTopics).toEqual([]);
    await page.context().close();
  });
});

describe('on a store of coats and cameras', () => {
  let env: AppAndSandbox;
  const product = (store: SandboxStore, title: string, category: TaxonomyCategory, collectionIds: number[] = []) =>
    store.addProduct({
      title,
      translations: {},
      description: '',
      handle: title.toLowerCase().replace(/[^a-z0-9]+/g, '-'),
      vendor: 'Test',
      productType: category.name,
      category,
      tags: [],
      collectionIds,
      imageUrl: null,
      imageAlt: title,
      status: 'ACTIVE',
      variants: [{ title: 'Default Title', sku: title, price: '100.00', availableForSale: true, inventoryQuantity: 5 }],
    });

  beforeAll(async () => {
    env = await startAppWithSandbox({ seed: 'empty' });
    const { store } = env.sandbox;
    product(store, 'Wool Overcoat', TAXONOMY.overcoats);
    product(store, 'Down Parka', TAXONOMY.parkas);
    product(store, 'Leather Gloves', TAXONOMY.glovesMittens);
    product(store, 'Mirrorless Camera', TAXONOMY.mirrorlessCameras);
    product(store, 'Compact Camera', TAXONOMY.compactCameras);
    product(store, 'Prime Lens', TAXONOMY.cameraLenses);
    await env.sandbox.install();
    await backfillSettled(env.app, env.sandbox.shop.myshopifyDomain);
  });
  afterAll(() => env?.close());

  it('shows no block while there is nothing to offer, then only its own collections, then "Baby" once it sells a stroller', async () => {
    const { store } = env.sandbox;
    const heading = 'What are you shopping for?';
    const page = await openHome(env, null);
    expect(await page.locator('[data-tacto-preferences]').count()).toBe(1);
    expect(await page.getByRole('region', { name: heading }).isVisible()).toBe(false);

    const coats = [...store.products.values()].filter((p) => /Overcoat|Parka|Gloves/.test(p.title)).map((p) => p.id);
    store.addCollection({ handle: 'outerwear', title: 'Outerwear', translations: { es: { title: 'Abrigos' } }, productIds: coats });
    // The catalog reaches the app by webhook: each look is a fresh page, as a shopper arriving later would see it.
    await expect.poll(() => offeredOnFreshPage(env, '?locale=es', '¿Qué estás buscando?'), { timeout: 15_000 }).toEqual(['Abrigos']);
    const spanish = await openHome(env, null, '?locale=es');
    expect(await offered(spanish, '¿Qué estás buscando?')).toEqual(['Abrigos']);
    expect(await seriousAccessibilityViolations(spanish)).toEqual([]);
    await spanish.context().close();

    product(store, 'City Stroller', TAXONOMY.fullSizedStrollers);
    await expect.poll(() => offeredOnFreshPage(env, '', heading), { timeout: 15_000 }).toEqual(['Baby', 'Outerwear']);
    await page.context().close();
  });
});
