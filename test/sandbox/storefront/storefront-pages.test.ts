import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStorefront, type RunningStorefront } from './storefront-fixture.ts';

let storefront: RunningStorefront;

beforeAll(async () => {
  storefront = await startStorefront();
});
afterAll(async () => {
  await storefront?.close();
});

const productId = (handle: string) => [...storefront.store.products.values()].find((p) => p.handle === handle)!.id;

async function get(path: string, headers: Record<string, string> = {}) {
  const response = await fetch(new URL(path, storefront.url), { headers });
  return { status: response.status, html: await response.text(), response };
}

async function post(path: string, fields: Record<string, string>, cookie = '') {
  return fetch(new URL(path, storefront.url), {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: cookie },
    body: new URLSearchParams(fields),
    redirect: 'manual',
  });
}

/** `name=value` of a Set-Cookie header, ready to send back as a Cookie header. */
function cookieFrom(response: Response): string {
  return (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
}

function picksSection(html: string): string {
  const match = /<section[^>]*data-tacto-picks[\s\S]*?<\/section>/.exec(html);
  expect(match, 'the page has a Tacto picks block').not.toBeNull();
  return match![0];
}

function heading(section: string): string {
  return /<h2[^>]*>([^<]*)<\/h2>/.exec(section)?.[1] ?? '';
}

const reservedSlots = (section: string) => section.match(/tacto-picks__item--pending/g)?.length ?? 0;

describe('storefront pages with the Tacto block, as a visitor', () => {
  it('home shows the block with a neutral heading and space reserved for its items', async () => {
    const { status, html } = await get('/');
    expect(status).toBe(200);
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('Charcoal Wool Overcoat');
    const section = picksSection(html);
    expect(heading(section)).toBe('You might also like');
    expect(reservedSlots(section)).toBe(4);
    expect(section).toContain('data-template="index"');
    expect(section).not.toContain('data-product-id');
    expect(section).toContain('data-proxy-path="/apps/tacto"');
    // tacto.js is added by the loader snippet after the page's load event and a paint, never parser-blocking.
    expect(html).toContain('window.tactoScript = "/cdn/extensions/tacto/assets/tacto.js";');
    expect(html).not.toMatch(/<script[^>]*src="[^"]*tacto\.js"/);
  });

  it('a product page gives the block the product it sits on', async () => {
    const { status, html } = await get('/products/wool-overcoat');
    expect(status).toBe(200);
    expect(html).toMatch(/<h1>Charcoal Wool Overcoat<\/h1>/);
    const section = picksSection(html);
    expect(section).toContain('data-template="product"');
    expect(section).toContain(`data-product-id="${productId('wool-overcoat')}"`);
    expect(reservedSlots(section)).toBe(4);
  });

  it('every page carries the transparency notice before </body>, with what is and is not used', async () => {
    const { html } = await get('/products/merino-gloves');
    const notice = /<aside[^>]*data-tacto-notice[\s\S]*?<\/aside>\s*<script>[\s\S]*?<\/script>\s*<\/body>/.exec(html)?.[0] ?? '';
    expect(notice).toContain('Why am I seeing this?');
    expect(notice).toMatch(/<dialog id="tacto-notice"[^>]*aria-labelledby="tacto-notice-title"/);
    expect(notice).toContain('Your orders in this store');
    expect(notice).toContain('Your browsing on other websites');
    expect(notice).toContain('Your microphone or any audio');
    // The retention period is never guessed in the theme: a placeholder until tacto.js has the app's value.
    expect(notice).toMatch(/<p\s+data-tacto-retention\s+data-template="[^"]*%DAYS%[^"]*"(\s+data-same="[^"<\d]*")?\s*>[^<\d]+<\/p>/);
    expect(notice).toMatch(/<button[^>]*data-tacto-personalization-off[^>]*>Turn personalization off<\/button>/);
  });

  it('adding to the cart with a plain form post shows the cart with the block', async () => {
    const variantId = storefront.store.products.get(productId('wool-overcoat'))!.variants[0]!.id;
    const added = await post('/cart/add', { id: String(variantId), quantity: '2' });
    expect(added.status).toBe(303);
    expect(added.headers.get('location')).toBe('/cart');
    const { html } = await get('/cart', { Cookie: cookieFrom(added) });
    expect(html).toContain('Charcoal Wool Overcoat - M');
    expect(html).toContain('€478.00');
    expect(html).toContain('Cart (2)');
    expect(picksSection(html)).toContain('data-template="cart"');
  });

  it('refuses to add something the store does not sell', async () => {
    expect((await post('/cart/add', { id: '999' })).status).toBe(422);
  });

  it('answers an unknown product with a 404 page in the store layout', async () => {
    const { status, html } = await get('/products/no-such-thing');
    expect(status).toBe(404);
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('Page not found');
  });
});

describe('browsing as a customer', () => {
  it('the login page lists the store\'s customers and "browse as visitor"', async () => {
    const { html } = await get('/account/login');
    expect(html).toContain('Browse as Olivia Bennett');
    expect(html).toContain('Browse as a visitor');
    expect(html).not.toContain('olivia.bennett@example.com');
  });

  it('logging in sets the customer cookie; the block shows nothing that reveals who is looking', async () => {
    const customer = [...storefront.store.customers.values()][0]!;
    const login = await post('/account/login', { customer_id: String(customer.id) });
    expect(login.status).toBe(303);
    const cookie = cookieFrom(login);
    expect(cookie).toBe(`sandbox_customer_id=${customer.id}`);

    const asCustomer = await get('/products/wool-overcoat', { Cookie: cookie });
    const asVisitor = await get('/products/wool-overcoat');
    expect(asCustomer.html).toContain('Browsing as Olivia');
    expect(picksSection(asCustomer.html)).toBe(picksSection(asVisitor.html));
    for (const secret of ['olivia.bennett@example.com', '+44 20 7946 0001', 'Long Lane', String(customer.id)]) {
      expect(asCustomer.html).not.toContain(secret);
    }

    const logout = await post('/account/logout', {}, cookie);
    expect(logout.headers.get('set-cookie')).toMatch(/^sandbox_customer_id=;/);
  });

  it('refuses a customer the store does not have', async () => {
    expect((await post('/account/login', { customer_id: '42' })).status).toBe(422);
  });
});

describe('the storefront language', () => {
  it('?locale=es switches the page, the product title and the block heading to Spanish', async () => {
    const { html } = await get('/products/wool-overcoat?locale=es');
    expect(html).toContain('<html lang="es">');
    expect(html).toMatch(/<h1>Abrigo de lana gris marengo<\/h1>/);
    expect(heading(picksSection(html))).toBe('También te puede gustar');
    expect(html).toContain('¿Por qué veo esto?');
    expect(html).toContain('href="/cart?locale=es"');
    expect((await get('/cart?locale=es')).html).toContain('<title>Tu carrito · Fixture Outfitters</title>');
  });

  it('follows the browser\'s Accept-Language when no locale is asked for', async () => {
    const { html } = await get('/', { 'Accept-Language': 'pt-PT;q=0.9, fr;q=1' });
    expect(html).toContain('<html lang="pt-BR">');
    expect(heading(picksSection(html))).toBe('Você também pode gostar');
  });

  it('keeps a chosen locale across a form post', async () => {
    const variantId = storefront.store.products.get(productId('merino-gloves'))!.variants[0]!.id;
    const added = await post('/cart/add', { id: String(variantId), locale: 'es' });
    expect(added.headers.get('location')).toBe('/cart?locale=es');
  });
});

describe('extension assets', () => {
  it('serves the extension\'s script and stylesheet, and nothing outside its assets folder', async () => {
    const script = await get('/cdn/extensions/tacto/assets/tacto.js');
    expect(script.status).toBe(200);
    expect(script.response.headers.get('content-type')).toMatch(/javascript/);
    expect((await get('/cdn/extensions/tacto/assets/tacto.css')).response.headers.get('content-type')).toMatch(/text\/css/);
    expect((await get('/cdn/extensions/tacto/assets/..%2Fshopify.extension.toml')).status).toBe(404);
    expect((await get('/cdn/extensions/tacto/assets/missing.js')).status).toBe(404);
  });
});
