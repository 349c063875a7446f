import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import { variantOnSale } from '../store/place-order.ts';
import type { SandboxStore } from '../store/store.ts';
import { addItems, CartError, clearLines, findLine, lineProperties, setAttributes, setLineQuantity, type AddRequest, type Cart } from './cart.ts';
import { cartBody, cartErrorJson, toCartError } from './cart-body.ts';
import { cartJson, lineItemJson } from './cart-json.ts';
import type { CartSessions } from './cart-sessions.ts';
import { productJson } from './product-json.ts';
import { productAtHandle, translatedHandleOwner } from '../store/product-handles.ts';

export interface CartRouteDeps {
  store: SandboxStore;
  sessions: CartSessions;
  /** The request's storefront locale (`?locale=`, then Accept-Language), for titles. */
  localeOf(req: Request): string;
  /** Where a form post lands afterwards, keeping a chosen locale. */
  withLocale(path: string, locale: unknown): string;
}

const variantIdSchema = z.union([z.number(), z.string().regex(/^\d{1,18}$/)]).transform(Number).pipe(z.number().int().positive());
const quantitySchema = z.union([z.number(), z.string().regex(/^-?\d{1,6}$/)]).transform(Number).pipe(z.number().int());
const itemSchema = z.object({ id: variantIdSchema, quantity: quantitySchema.optional(), properties: z.unknown().optional() });
const changeSchema = z.object({
  line: z.union([z.number(), z.string().regex(/^\d{1,6}$/)]).transform(Number).optional(),
  id: z.union([z.number(), z.string().max(200)]).optional(),
  quantity: quantitySchema,
});
const updateSchema = z.object({
  updates: z.union([z.array(quantitySchema).max(100), z.record(z.string().max(200), quantitySchema)]).optional(),
  attributes: z.unknown().optional(),
});

/**
 * Shopify's storefront cart Ajax API on the sandbox storefront (`/cart.js`, `/cart/add.js`, `/cart/update.js`,
 * `/cart/change.js`, `/cart/clear.js`), the theme's plain form posts (`/cart/add`, `/cart/clear`) and the product
 * JSON (`/products/<handle>.js`). The sandbox renders `Shopify.routes.root` as `/` (its locale rides on `?locale=`),
 * so root paths are the locale-aware ones. Refusals are Shopify's `{ status, message, description }`.
 */
export function cartRoutes(deps: CartRouteDeps): Router {
  const { store, sessions } = deps;
  const router = Router();

  const answerCart = (req: Request, res: Response, cart: Cart, token: string | null) =>
    res.set('Cache-Control', 'no-store').json(cartJson(store, cart, token, deps.localeOf(req)));

  router.get(['/cart.js', '/cart.json'], (req, res) => {
    const session = sessions.read(req);
    answerCart(req, res, session.cart, session.token);
  });

  router.post('/cart/add.js', cartBody, (req, res) => {
    const body = objectBody(req);
    const single = body.items === undefined;
    const requests = (single ? [body] : listOf(body.items)).map(addRequest);
    if (requests.length === 0) throw new CartError(422, 'There is nothing to add.');
    const session = sessions.read(req);
    const { cart, added } = addItems(session.cart, requests);
    sessions.write(res, session, cart);
    const locale = deps.localeOf(req);
    const items = added.map((line) => lineItemJson(store, line, locale)!);
    res.set('Cache-Control', 'no-store').json(single ? items[0] : { items });
  });

  router.post('/cart/update.js', cartBody, (req, res) => {
    const body = parse(updateSchema, objectBody(req));
    const session = sessions.read(req);
    let cart = session.cart;
    if (body.attributes !== undefined) cart = setAttributes(cart, body.attributes);
    if (Array.isArray(body.updates)) {
      body.updates.forEach((quantity, index) => {
        // Positions past the last line are ignored, as Shopify ignores them.
        if (index < cart.lines.length) cart = setLineQuantity(cart, index, quantity);
      });
    } else if (body.updates) {
      for (const [id, quantity] of Object.entries(body.updates)) cart = updateOne(cart, id, quantity);
    }
    const token = sessions.write(res, session, cart);
    answerCart(req, res, cart, token);
  });

  router.post('/cart/change.js', cartBody, (req, res) => {
    const body = parse(changeSchema, objectBody(req));
    const session = sessions.read(req);
    const cart = setLineQuantity(session.cart, findLine(session.cart, body), body.quantity);
    const token = sessions.write(res, session, cart);
    answerCart(req, res, cart, token);
  });

  router.post('/cart/clear.js', cartBody, (req, res) => {
    const session = sessions.read(req);
    const cart = clearLines(session.cart);
    const token = sessions.write(res, session, cart);
    answerCart(req, res, cart, token);
  });

  router.get('/products/:handle.js', (req, res) => {
    // By the handle in the page's language, else in any (the script reads it from a pick's link).
    const handle = req.params.handle;
    const product = productAtHandle(store.products.values(), handle, deps.localeOf(req)) ?? translatedHandleOwner(store.products.values(), handle)?.product;
    if (!product) {
      res.status(404).set('Cache-Control', 'no-store').json({ status: 404, message: 'Not Found', description: 'No product with that handle.' });
      return;
    }
    res.set('Cache-Control', 'no-store').json(productJson(product, deps.localeOf(req)));
  });

  router.use(['/cart.js', '/cart/:action.js', '/products/:handle.js'], cartErrorJson);

  // The theme's own product form: `id`, `quantity` and `properties[Name]` fields, then the cart page.
  router.post('/cart/add', cartBody, (req, res) => {
    const body = objectBody(req);
    const session = sessions.read(req);
    const { cart } = addItems(session.cart, [addRequest(body)]);
    sessions.write(res, session, cart);
    res.redirect(303, deps.withLocale('/cart', body.locale));
  });

  router.post('/cart/clear', cartBody, (req, res) => {
    const session = sessions.read(req);
    sessions.write(res, session, clearLines(session.cart));
    res.redirect(303, deps.withLocale('/cart', objectBody(req).locale));
  });

  router.use(['/cart/add', '/cart/clear'], (error: unknown, _req: Request, res: Response, next: (error?: unknown) => void) => {
    const cartError = toCartError(error);
    if (!cartError || res.headersSent) return next(error);
    res.status(cartError.status).type('text').send(cartError.description);
  });

  /** A requested add, checked against the store: the variant exists, is on sale and is not sold out. */
  function addRequest(raw: unknown): AddRequest {
    const item = parse(itemSchema, raw, 'Each item needs a variant "id" and a whole-number "quantity".');
    const found = variantOnSale(store, item.id);
    if (!found) throw new CartError(422, 'Cannot find variant');
    if (!found.variant.availableForSale || found.variant.inventoryQuantity <= 0) {
      throw new CartError(422, `The product '${found.product.title}' is already sold out.`);
    }
    return { variantId: item.id, quantity: item.quantity ?? 1, properties: lineProperties(item.properties) };
  }

  /** `updates: { <variant id or line key>: quantity }`: sets that line, or adds a variant not yet in the cart. */
  function updateOne(cart: Cart, id: string, quantity: number): Cart {
    const index = findLineSafe(cart, id);
    if (index >= 0) return setLineQuantity(cart, index, quantity);
    if (quantity === 0) return cart;
    if (id.includes(':')) throw new CartError(422, 'That item is not in the cart.');
    return addItems(cart, [{ ...addRequest({ id, quantity }) }]).cart;
  }

  return router;
}

function findLineSafe(cart: Cart, id: string): number {
  try {
    return findLine(cart, { id });
  } catch {
    return -1;
  }
}

function objectBody(req: Request): Record<string, unknown> {
  const body: unknown = req.body;
  return typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
}

/** `items` as JSON sends it (an array) or as a form does (`items[0][id]`: an object keyed by position). */
function listOf(items: unknown): unknown[] {
  if (Array.isArray(items)) return items;
  if (typeof items === 'object' && items !== null) {
    return Object.entries(items)
      .sort(([a], [b]) => Number(a) - Number(b))
      .map(([, item]) => item);
  }
  throw new CartError(422, '"items" must be a list.');
}

function parse<T>(schema: z.ZodType<T>, value: unknown, description = 'The request is not one the cart understands.'): T {
  const result = schema.safeParse(value);
  if (!result.success) throw new CartError(422, description);
  return result.data;
}
