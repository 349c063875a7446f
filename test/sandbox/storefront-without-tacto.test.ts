/**
 * The sandbox storefront's `?tacto=off`: the page as a theme where the merchant has added neither Tacto's app
 * block nor its app embed (the Lighthouse benchmark's baseline). Everything else on the page stays the same.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStorefront, type RunningStorefront } from './storefront/storefront-fixture.ts';

let storefront: RunningStorefront;

beforeAll(async () => {
  storefront = await startStorefront();
});
afterAll(async () => {
  await storefront?.close();
});

async function html(path: string): Promise<string> {
  const response = await fetch(new URL(path, storefront.url));
  expect(response.status).toBe(200);
  return response.text();
}

/** What the theme itself renders: the page title and the product with its form. */
const themeParts = (page: string) => [/<title>[\s\S]*?<\/title>/.exec(page)?.[0], /<div class="product">[\s\S]*?<\/form>/.exec(page)?.[0]];

describe('storefront pages with and without Tacto (?tacto=off)', () => {
  it('a product page carries the picks block and the notice embed by default', async () => {
    const page = await html('/products/wool-overcoat');
    expect(page).toContain('data-tacto-picks');
    expect(page).toContain('data-tacto-notice');
    // tacto.js is added by the loader snippet after the page's load event and a paint, never parser-blocking.
    expect(page).toContain('window.tactoScript = "/cdn/extensions/tacto/assets/tacto.js";');
    expect(page).not.toMatch(/<script[^>]*src="[^"]*tacto\.js"/);
  });

  it('with ?tacto=off the same product page has nothing of Tacto, and the theme content unchanged', async () => {
    const page = await html('/products/wool-overcoat?tacto=off');
    expect(page).toMatch(/<h1>Charcoal Wool Overcoat<\/h1>/);
    expect(page).not.toContain('data-tacto');
    expect(page).not.toContain('/cdn/extensions/tacto/');
    expect(page).not.toContain('/apps/tacto');
    const theme = themeParts(page);
    expect(theme.every(Boolean)).toBe(true);
    expect(theme).toEqual(themeParts(await html('/products/wool-overcoat')));
  });

  it('home loses the preferences block too, and any other value keeps Tacto', async () => {
    expect(await html('/?tacto=off')).not.toContain('data-tacto');
    const home = await html('/?tacto=on');
    expect(home).toContain('data-tacto-picks');
    expect(home).toContain('data-tacto-notice');
  });
});
