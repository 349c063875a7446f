import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createShopifyLiquid } from '../../../sandbox/storefront/liquid-engine.ts';
import { readLocaleFolder } from '../../../sandbox/storefront/translations.ts';

/** A throwaway locales folder: English by default, Spanish partly translated. */
function engine() {
  const root = mkdtempSync(join(tmpdir(), 'tacto-filters-'));
  mkdirSync(join(root, 'locales'));
  writeFileSync(
    join(root, 'locales', 'en.default.json'),
    JSON.stringify({ cart: { count: { one: '{{ count }} item', other: '{{ count }} items' }, hello: 'Hi {{ name }}', note_html: '<b>bold</b>', only_en: 'Only English' } }),
  );
  writeFileSync(join(root, 'locales', 'es.json'), JSON.stringify({ cart: { hello: 'Hola {{ name }}' } }));
  return createShopifyLiquid({
    root,
    partialsDir: root,
    translations: () => readLocaleFolder(join(root, 'locales'), 'storefront'),
    assetBase: '/cdn/extensions/tacto/assets',
  });
}

const render = (source: string, locale = 'en', scope: Record<string, unknown> = {}) =>
  engine().parseAndRender(source, { request: { locale: { iso_code: locale } }, shop: { currency: 'EUR' }, ...scope });

describe('Shopify filters in the sandbox', () => {
  it('t translates in the page language, escapes what it interpolates, and falls back to the default language', async () => {
    await expect(render(`{{ 'cart.hello' | t: name: who }}`, 'es', { who: '<Ana>' })).resolves.toBe('Hola &#60;Ana&#62;');
    await expect(render(`{{ 'cart.only_en' | t }}`, 'es')).resolves.toBe('Only English');
    await expect(render(`{{ 'cart.count' | t: count: 1 }} / {{ 'cart.count' | t: count: 3 }}`)).resolves.toBe('1 item / 3 items');
    await expect(render(`{{ 'cart.note_html' | t }}`)).resolves.toBe('<b>bold</b>');
  });

  it('t shows a missing key the way Shopify does, so the gap is visible in the preview', async () => {
    await expect(render(`{{ 'cart.nope' | t }}`, 'es')).resolves.toBe('translation missing: es.cart.nope');
  });

  it('money formats cents in the shop currency and the page language', async () => {
    await expect(render('{{ 23900 | money }}', 'en')).resolves.toBe('€239.00');
    await expect(render('{{ 23900 | money }}', 'es')).resolves.toBe('239,00\u00a0€');
  });

  it('asset_url, stylesheet_tag and image_url give Shopify-shaped output', async () => {
    await expect(render(`{{ 'tacto.css' | asset_url | stylesheet_tag }}`)).resolves.toBe(
      '<link href="/cdn/extensions/tacto/assets/tacto.css" rel="stylesheet" type="text/css" media="all" />',
    );
    await expect(render(`{{ product | image_url: width: 400 }}`, 'en', { product: { featured_image: { src: '/images/coat.svg' } } })).resolves.toBe(
      '/images/coat.svg?width=400',
    );
  });

  it('the schema tag prints nothing', async () => {
    await expect(render(`a{% schema %}{ "name": "x" }{% endschema %}b`)).resolves.toBe('ab');
  });
});
