import { existsSync } from 'node:fs';
import { join } from 'node:path';
import express, { Router, type Request, type Response } from 'express';
import { CUSTOMER_COOKIE } from '../app-proxy/forward.ts';
import type { SandboxStore } from '../store/store.ts';
import { cartRoutes } from './cart-routes.ts';
import { CartSessions } from './cart-sessions.ts';
import { checkoutRoutes } from './checkout-routes.ts';
import { parseCookies, SANDBOX_COOKIE } from './cookies.ts';
import { productAtHandle, translatedHandleOwner } from '../store/product-handles.ts';
import { productObject } from './liquid-objects.ts';
import { COUNTRY_COOKIE, knownCountry, SHOP_COUNTRY } from './country.ts';
import { chooseLocale, STOREFRONT_LOCALES } from './locale.ts';
import { EXTENSION_ASSETS_PATH, PageRenderer, THEME_ASSETS_PATH, THEME_DIR, type PageContent, type Visit } from './page-renderer.ts';

export interface StorefrontOptions {
  store: SandboxStore;
  /** Path to `extensions/tacto`: its blocks, snippets, locales and assets are read on each request. */
  extensionDir: string;
}

const FEATURED_PRODUCTS = 8;
const LISTED_CUSTOMERS = 50;

/**
 * The sandbox's storefront preview: home, product and cart pages of a minimal theme with Tacto's app block and
 * notice embed rendered as Shopify renders them, a "browse as" page standing in for customer login, and the
 * extension's assets. Needs only the store: the blocks' script calls `/apps/tacto/*`, which others mount.
 * `?tacto=off` on a page renders it without Tacto's block and embed, as a theme that has not added them.
 */
export function createStorefrontRouter(options: StorefrontOptions): Router {
  const { store } = options;
  const pages = new PageRenderer({ store, extensionDir: options.extensionDir });
  const form = express.urlencoded({ extended: false, limit: '16kb' });
  const sessions = new CartSessions();
  const router = Router();

  const send = async (req: Request, res: Response, pageType: string, page: PageContent, status = 200) => {
    const visit = visitOf(req, store, sessions);
    // Shopify's checkout pages are not theme pages: no app block, no app embed.
    if (pageType === 'thank_you') visit.withoutTacto = true;
    const html = await pages.render(pageType, visit, page);
    res.status(status).type('html').setHeader('Cache-Control', 'no-store').send(html);
  };
  const localeOf = (req: Request) => chooseRequestLocale(req, store).locale;

  // Before the product page route: `/products/<handle>.js` is the product's JSON, not a page.
  router.use(cartRoutes({ store, sessions, localeOf, withLocale }));
  router.use(checkoutRoutes({ store, sessions, localeOf, withLocale, send }));

  router.get('/', async (req, res) => {
    const locale = localeOf(req);
    const featured = [...store.products.values()]
      .filter((product) => product.status === 'ACTIVE')
      .slice(0, FEATURED_PRODUCTS)
      .map((product) => productObject(product, locale));
    await send(req, res, 'index', { title: store.shop.name, objects: { featured_products: featured } });
  });

  router.get('/products/:handle', async (req, res) => {
    const locale = localeOf(req);
    const product = productAtHandle(store.products.values(), req.params.handle, locale);
    if (!product) {
      // A translated handle without its language (Shopify's rides on a /es/ prefix, the sandbox's on ?locale=, which a
      // pick's root-relative link does not carry): on to the page in that language, the link's other parameters kept.
      const owner = translatedHandleOwner(store.products.values(), req.params.handle);
      if (!owner || typeof req.query.locale === 'string') return notFound(req, res);
      const query = new URLSearchParams(req.url.split('?')[1] ?? '');
      query.set('locale', owner.locale);
      return res.redirect(302, `/products/${encodeURIComponent(req.params.handle)}?${query}`);
    }
    const object = productObject(product, locale);
    await send(req, res, 'product', { title: object.title, objects: { product: object } });
  });

  router.get('/cart', (req, res) => send(req, res, 'cart', { titleKey: 'cart.title' }));

  router.get('/account/login', async (req, res) => {
    const customers = [...store.customers.values()];
    const listed = customers.slice(0, LISTED_CUSTOMERS).map((c) => ({ id: c.id, name: `${c.firstName} ${c.lastName}` }));
    await send(req, res, 'customers/login', {
      titleKey: 'account.title',
      objects: { sandbox_customers: listed, sandbox_customers_hidden: customers.length - listed.length },
    });
  });

  // A sandbox stand-in for Shopify's customer login: the cookie names the customer, and the app proxy forwards
  // it as `logged_in_customer_id`, as Shopify does for a logged-in shopper.
  router.post('/account/login', form, (req, res) => {
    const customerId = Number(req.body?.customer_id);
    if (!store.customers.has(customerId)) {
      res.status(422).type('text').send('No customer with that id in this store.');
      return;
    }
    res.cookie(CUSTOMER_COOKIE, String(customerId), SANDBOX_COOKIE);
    res.redirect(303, withLocale('/', req.body?.locale));
  });

  // Shopify's localization form (`{% form 'localization' %}`): the chosen country is remembered in the
  // `localization` cookie, then back to the page the shopper was on (a local path only).
  router.post('/localization', form, (req, res) => {
    const country = knownCountry(req.body?.country_code);
    if (!country) {
      res.status(422).type('text').send('This store does not sell to that country.');
      return;
    }
    res.cookie(COUNTRY_COOKIE, country, SANDBOX_COOKIE);
    const back = typeof req.body?.return_to === 'string' && /^\/(?!\/)/.test(req.body.return_to) ? req.body.return_to : '/';
    res.redirect(303, back);
  });

  router.post('/account/logout', form, (req, res) => {
    res.clearCookie(CUSTOMER_COOKIE, SANDBOX_COOKIE);
    res.redirect(303, withLocale('/', req.body?.locale));
  });

  router.get(`${EXTENSION_ASSETS_PATH}/:file`, serveAsset(join(options.extensionDir, 'assets')));
  router.get(`${THEME_ASSETS_PATH}/:file`, serveAsset(join(THEME_DIR, 'assets')));

  function notFound(req: Request, res: Response) {
    return send(req, res, '404', { titleKey: 'not_found.title' }, 404);
  }

  return router;
}

/** The visit a request describes: locale, the "browse as" customer, the cart its cookie names. */
function visitOf(req: Request, store: SandboxStore, sessions: CartSessions): Visit {
  const cookies = parseCookies(req.get('cookie'));
  const { locale, fromQuery } = chooseRequestLocale(req, store);
  const customerId = Number(cookies[CUSTOMER_COOKIE]);
  return {
    locale,
    localeFromQuery: fromQuery,
    country: knownCountry(cookies[COUNTRY_COOKIE]) ?? SHOP_COUNTRY,
    customer: store.customers.get(customerId) ?? null,
    cart: sessions.read(req).cart,
    path: req.path,
    host: req.get('host') ?? 'localhost',
    withoutTacto: req.query.tacto === 'off',
  };
}

function chooseRequestLocale(req: Request, store: SandboxStore) {
  return chooseLocale({
    query: req.query.locale,
    acceptLanguage: req.get('accept-language'),
    available: STOREFRONT_LOCALES,
    primary: store.shop.primaryLocale,
  });
}

/** Keeps an explicitly chosen locale across a form post's redirect. */
function withLocale(path: string, locale: unknown): string {
  return typeof locale === 'string' && STOREFRONT_LOCALES.includes(locale) ? `${path}?locale=${encodeURIComponent(locale)}` : path;
}

/** Files of one assets folder, by plain name only (no folders, no dotfiles), never cached: edits show at once. */
function serveAsset(dir: string) {
  return (req: Request<{ file: string }>, res: Response) => {
    const file = req.params.file;
    if (!/^[\w-][\w.-]*$/.test(file) || !existsSync(join(dir, file))) {
      res.status(404).type('text').send('No such asset.');
      return;
    }
    res.sendFile(file, { root: dir, dotfiles: 'deny', headers: { 'Cache-Control': 'no-cache' } });
  };
}
