import { Router } from 'express';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, seriousAccessibilityViolations } from '../../support/browser.ts';
import { startStorefront, type RunningStorefront } from './storefront-fixture.ts';

let storefront: RunningStorefront;
let browser: Browser;

/** Holds the stand-in app's next answer back, so a test can look at the page before the picks arrive. */
interface Hold {
  arrived: Promise<void>;
  release(): void;
}
let pendingHold: { arrived(): void; released: Promise<void> } | null = null;
function holdNextPicks(): Hold {
  let arrived!: () => void;
  let release!: () => void;
  const hold = { arrived: new Promise<void>((done) => (arrived = done)), release: () => release() };
  pendingHold = { arrived, released: new Promise<void>((done) => (release = done)) };
  return hold;
}

/**
 * A stand-in for the app behind `/apps/tacto` (others build the real one): four picks for the coat, nothing for
 * anything else.
 */
function appProxyStandIn(): Router {
  const router = Router();
  router.get('/apps/tacto/picks', async (req, res) => {
    const hold = pendingHold;
    pendingHold = null;
    if (hold) {
      hold.arrived();
      await hold.released;
    }
    const coat = [...storefront.store.products.values()].find((p) => p.handle === 'wool-overcoat')!;
    if (req.query.product_id !== String(coat.id)) {
      res.status(404).json({ error: 'not_found' });
      return;
    }
    res.json({
      items: [
        { kind: 'product', title: 'Merino Touchscreen Gloves', url: '/products/merino-gloves', image: '/images/gloves.svg', price: '35.00' },
        { kind: 'product', title: 'Cashmere Scarf', url: '/products/cashmere-scarf', image: '/images/scarf.svg', price: '89.00' },
        { kind: 'guide', title: 'How to care for a wool coat through a long, wet winter', url: '/blogs/guides/wool-care' },
        { kind: 'product', title: 'Offsite link', url: 'https://elsewhere.example/phish', price: '1.00' },
        { kind: 'product', title: 'Lined Leather Boots', url: '/products/leather-boots', price: '149.00' },
      ],
    });
  });
  router.get('/images/:file', (_req, res) => {
    res.type('image/svg+xml').send('<svg xmlns="http://www.w3.org/2000/svg" width="400" height="400"><rect width="400" height="400" fill="#ddd"/></svg>');
  });
  return router;
}

beforeAll(async () => {
  storefront = await startStorefront(undefined, appProxyStandIn());
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await storefront?.close();
});

const url = (path: string) => new URL(path, storefront.url).toString();
const footerTop = (page: Page) => page.evaluate(() => document.querySelector('footer')!.getBoundingClientRect().top + window.scrollY);
const activeInDialog = (page: Page) => page.evaluate(() => Boolean(document.activeElement?.closest('dialog#tacto-notice')));

describe('the product page in Chromium', () => {
  it('reserves the block\'s space, fills it without moving the page, and stays accessible', async () => {
    const page = await browser.newPage({ viewport: { width: 1024, height: 800 } });
    const hold = holdNextPicks();
    await page.goto(url('/products/wool-overcoat'), { waitUntil: 'load' });
    await hold.arrived;

    const block = page.getByRole('region', { name: 'You might also like' });
    await expect(block.isVisible()).resolves.toBe(true);
    const list = block.locator('.tacto-picks__list');
    const pendingHeight = (await list.boundingBox())!.height;
    expect(pendingHeight).toBeGreaterThan(150);
    const footerBefore = await footerTop(page);

    hold.release();
    await page.locator('.tacto-picks__list[aria-busy="false"]').waitFor();
    const links = block.getByRole('link');
    // The offsite link is dropped, and the block keeps to the four places it reserved.
    await expect(links.allInnerTexts()).resolves.toEqual([
      expect.stringContaining('Merino Touchscreen Gloves'),
      expect.stringContaining('Cashmere Scarf'),
      expect.stringContaining('Guide'),
      expect.stringContaining('Lined Leather Boots'),
    ]);
    // Pictures arriving (lazily, once scrolled to) must not move anything either.
    await block.scrollIntoViewIfNeeded();
    await page.waitForFunction(() => [...document.querySelectorAll<HTMLImageElement>('img.tacto-picks__media')].every((img) => img.complete));
    expect((await list.boundingBox())!.height).toBeCloseTo(pendingHeight, 0);
    expect(await footerTop(page)).toBeCloseTo(footerBefore, 0);
    await expect(block.getByRole('button', { name: 'Why am I seeing this?' }).isVisible()).resolves.toBe(true);

    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.close();
  });

  it('opens the notice from the keyboard, keeps focus inside it, and closes it with Esc', async () => {
    const page = await browser.newPage();
    await page.goto(url('/products/wool-overcoat'), { waitUntil: 'load' });
    const dialog = page.getByRole('dialog', { name: 'How this store chooses suggestions' });
    await expect(dialog.isVisible()).resolves.toBe(false);

    const trigger = page.locator('.tacto-notice__trigger');
    await trigger.focus();
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'visible' });
    expect(await activeInDialog(page)).toBe(true);
    await expect(dialog.getByText('Your orders in this store').isVisible()).resolves.toBe(true);

    // The rest of the page is inert while the dialog is open: Tab only walks the dialog's own controls.
    const visited = new Set<string>();
    for (let press = 0; press < 6; press += 1) {
      await page.keyboard.press('Tab');
      const inside = await activeInDialog(page);
      const onPage = await page.evaluate(() => document.activeElement !== document.body && document.activeElement !== null);
      expect(inside || !onPage, `focus left the dialog after ${press + 1} Tab presses`).toBe(true);
      // A notice taller than the screen scrolls, and the browser makes the dialog itself a stop so keys can scroll it.
      if (inside) visited.add(await page.evaluate(() => (document.activeElement!.id === 'tacto-notice' ? '(the dialog)' : document.activeElement!.textContent!.trim())));
    }
    visited.delete('(the dialog)');
    expect([...visited].sort()).toEqual(['Close', 'Edit what you told us you shop for', 'See or delete your data', 'Turn personalization off']);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect(await page.evaluate(() => document.activeElement?.classList.contains('tacto-notice__trigger'))).toBe(true);
    await page.close();
  });

  it('hides the block when the app has nothing to show, rather than leaving empty boxes', async () => {
    const page = await browser.newPage();
    await page.goto(url('/products/merino-gloves'), { waitUntil: 'load' });
    await page.locator('[data-tacto-picks]').waitFor({ state: 'hidden' });
    await page.close();
  });

  it('every other storefront page passes axe, in each language, with something in the cart', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(url('/products/wool-overcoat'), { waitUntil: 'load' });
    // The theme's own button ("Add to cart: …" are the picks' quick adds).
    await page.getByRole('button', { name: 'Add to cart', exact: true }).click();
    await page.waitForURL(/\/cart$/);
    for (const path of ['/?locale=es', '/cart?locale=pt-BR', '/cart', '/account/login', '/products/nothing-here']) {
      await page.goto(url(path), { waitUntil: 'load' });
      expect(await seriousAccessibilityViolations(page), path).toEqual([]);
    }
    await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe('Page not found');
    await context.close();
  });

  it('shows no block at all without JavaScript, and the notice trigger still opens the dialog', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(url('/products/wool-overcoat'), { waitUntil: 'load' });
    await expect(page.locator('[data-tacto-picks]').isVisible()).resolves.toBe(false);
    await page.getByRole('button', { name: 'Why am I seeing this?' }).click();
    await expect(page.getByRole('dialog').isVisible()).resolves.toBe(true);
    await context.close();
  });
});
