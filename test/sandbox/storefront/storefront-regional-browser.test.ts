/**
 * The notice's regional paragraph, chosen by the storefront's country (`localization.country`), in Chromium: a
 * shopper picks Brazil or Mexico with the theme's localization form and reads, at the end of the notice and in the
 * page's language, what that country's law asks for; from the United States (or the shop's own Spain) there is none.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, seriousAccessibilityViolations } from '../../support/browser.ts';
import { startStorefront, type RunningStorefront } from './storefront-fixture.ts';

let storefront: RunningStorefront;
let browser: Browser;

beforeAll(async () => {
  storefront = await startStorefront();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await storefront?.close();
});

const url = (path: string) => new URL(path, storefront.url).toString();

/** Opens `path`, chooses `country` with the header's form (as a shopper does), then opens the notice. */
async function noticeFrom(page: Page, path: string, labels: { country: string; update: string; trigger: string }, country: string) {
  await page.goto(url(path), { waitUntil: 'load' });
  await page.getByLabel(labels.country, { exact: true }).selectOption(country);
  await Promise.all([page.waitForURL(url(path)), page.getByRole('button', { name: labels.update, exact: true }).click()]);
  // The notice's own trigger (a picks block has another one that opens the same dialog).
  const trigger = page.locator('.tacto-notice__trigger');
  await expect(trigger.innerText()).resolves.toBe(labels.trigger);
  await trigger.click();
  const dialog = page.getByRole('dialog');
  await dialog.waitFor({ state: 'visible' });
  return dialog;
}

/** The dialog's regional section as read: heading and every paragraph or item, in order; null when absent. */
const regionalText = (page: Page) =>
  page.evaluate(() => {
    const section = document.querySelector('dialog#tacto-notice [data-tacto-regional]');
    return section ? [...section.querySelectorAll('h3, p, li')].map((node) => node.textContent!.trim()) : null;
  });

/** The last element of the dialog is the regional section: the other parts of the notice come before it. */
const regionalIsLast = (page: Page) =>
  page.evaluate(() => document.querySelector('dialog#tacto-notice')!.lastElementChild?.hasAttribute('data-tacto-regional') ?? false);

describe('the notice’s regional duties', () => {
  it('from Brazil, in Portuguese: the criteria behind the automatic suggestions and the right to ask and to a review', async () => {
    const page = await browser.newPage();
    const dialog = await noticeFrom(page, '/products/wool-overcoat?locale=pt-BR', { country: 'País', update: 'Atualizar', trigger: 'Por que estou vendo isso?' }, 'BR');
    const text = await regionalText(page);
    expect(text?.[0]).toBe('Sugestões escolhidas automaticamente (LGPD, art. 20)');
    expect(text?.[1]).toMatch(/^As sugestões são escolhidas automaticamente, pelas mesmas regras para todos: produtos comprados juntos/);
    expect(text?.[2]).toMatch(/informações claras sobre esses critérios e a revisão de uma decisão tomada automaticamente/);
    await expect(dialog.getByRole('region', { name: 'Sugestões escolhidas automaticamente (LGPD, art. 20)' }).isVisible()).resolves.toBe(true);
    expect(await regionalIsLast(page)).toBe(true);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.close();
  });

  it('from Mexico, in Spanish: necessary and optional purposes, and how to refuse the optional ones', async () => {
    const page = await browser.newPage();
    await noticeFrom(page, '/?locale=es', { country: 'País', update: 'Actualizar', trigger: '¿Por qué veo esto?' }, 'MX');
    expect(await regionalText(page)).toEqual([
      'Finalidades necesarias y opcionales (LFPDPPP)',
      'Finalidad necesaria: procesar, enviar y atender tus pedidos. La tienda la necesita para venderte.',
      'Finalidades opcionales: las sugerencias personalizadas y el correo de seguimiento después de una compra.',
      'Puedes negarte a las finalidades opcionales sin que afecte tus compras: desactiva la personalización arriba y date de baja con el enlace de cualquier correo de seguimiento.',
    ]);
    expect(await regionalIsLast(page)).toBe(true);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.close();
  });

  it('from the United States there is no regional paragraph, nor from the shop’s own country before any choice', async () => {
    const page = await browser.newPage();
    await page.goto(url('/'), { waitUntil: 'load' });
    expect(await page.getByLabel('Country', { exact: true }).inputValue()).toBe('ES');
    await noticeFrom(page, '/', { country: 'Country', update: 'Update', trigger: 'Why am I seeing this?' }, 'US');
    expect(await page.getByLabel('Country', { exact: true }).inputValue()).toBe('US');
    expect(await regionalText(page)).toBeNull();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.close();
  });
});

describe('the sandbox’s localization form', () => {
  it('refuses a country the shop does not sell to, and never redirects off the store', async () => {
    const post = (body: Record<string, string>) =>
      fetch(url('/localization'), { method: 'POST', body: new URLSearchParams(body), redirect: 'manual' });
    expect((await post({ country_code: 'ZZ', return_to: '/' })).status).toBe(422);
    const offsite = await post({ country_code: 'br', return_to: '//elsewhere.example/' });
    expect(offsite.status).toBe(303);
    expect(offsite.headers.get('location')).toBe('/');
    expect(offsite.headers.get('set-cookie')).toMatch(/^localization=BR;/);
  });
});
