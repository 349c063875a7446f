/**
 * The sandbox's theme editor deep links: what an app links a merchant to so they can turn its embed on or place its
 * block. Saving changes the live theme, and the storefront shows it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../sandbox/server.ts';
import { tempDir } from '../support/temp.ts';

let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await startSandbox({ appUrl: new URL('http://127.0.0.1:9'), port: 0, smtpPort: null, dataDir: tempDir(), theme: 'bare' });
});
afterAll(() => sandbox?.close());

const editor = (query: Record<string, string>) => fetch(new URL(`/admin/themes/current/editor?${new URLSearchParams(query)}`, sandbox.url));
const save = (form: Record<string, string>) =>
  fetch(new URL('/admin/themes/current/editor', sandbox.url), { method: 'POST', body: new URLSearchParams(form), redirect: 'manual' });
const productPage = async () => {
  const product = [...sandbox.store.products.values()][0]!;
  return (await fetch(new URL(`/products/${product.handle}`, sandbox.url))).text();
};

describe('sandbox theme editor', () => {
  it('starts bare: the storefront shows neither the notice nor the picks block', async () => {
    const html = await productPage();
    expect(html).not.toContain('tacto-notice');
    expect(html).not.toContain('tacto-picks');
  });

  it('shows what an activateAppId link will change, and changes nothing until Save', async () => {
    const response = await editor({ context: 'apps', activateAppId: `${sandbox.app.apiKey}/tacto-notice` });
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('Turn on the app embed <strong>Tacto privacy notice</strong>');
    expect(sandbox.store.theme.isEmbedOn('tacto-notice')).toBe(false);
    expect((await save({ action: 'activate', handle: 'tacto-notice' })).headers.get('location')).toBe('/admin/themes/current/editor?saved=1');
    expect(sandbox.store.theme.isEmbedOn('tacto-notice')).toBe(true);
  });

  it('adds the picks block to the product template from an addAppBlockId link', async () => {
    const html = await (await editor({ template: 'product', addAppBlockId: `${sandbox.app.apiKey}/tacto-picks`, target: 'mainSection' })).text();
    expect(html).toContain("to the <strong>product</strong> template's main section");
    expect((await save({ action: 'add', handle: 'tacto-picks', template: 'product' })).status).toBe(303);
    expect(sandbox.store.theme.blocksOn('product')).toEqual(['tacto-picks']);
    expect(await productPage()).toContain('tacto-picks');
  });

  it('refuses another app\'s key, an embed as a block, and a template the block does not allow', async () => {
    expect((await editor({ context: 'apps', activateAppId: 'someone-else/tacto-notice' })).status).toBe(400);
    expect((await editor({ template: 'product', addAppBlockId: `${sandbox.app.apiKey}/tacto-notice` })).status).toBe(400);
    const wrongTemplate = await editor({ template: 'cart', addAppBlockId: `${sandbox.app.apiKey}/tacto-preferences` });
    expect(wrongTemplate.status).toBe(400);
    expect(await wrongTemplate.text()).toContain('cannot be added to the cart template');
    expect((await save({ action: 'add', handle: 'tacto-preferences', template: 'cart' })).status).toBe(422);
  });

  it('resets to the bare or demo theme', async () => {
    const reset = (start: string) => fetch(new URL('/admin/themes/current/editor/reset', sandbox.url), { method: 'POST', body: new URLSearchParams({ start }), redirect: 'manual' });
    expect((await reset('demo')).status).toBe(303);
    expect(sandbox.store.theme.blocksOn('index')).toEqual(['tacto-picks', 'tacto-preferences']);
    expect((await reset('bare')).status).toBe(303);
    expect(sandbox.store.theme.isEmbedOn('tacto-notice')).toBe(false);
  });
});
