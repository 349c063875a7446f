import { randomBytes } from 'node:crypto';
import express, { Router, type Request, type Response } from 'express';
import { CUSTOMER_COOKIE } from '../app-proxy/forward.ts';
import { placeCartOrder, variantOnSale } from '../store/place-order.ts';
import type { SandboxStore } from '../store/store.ts';
import type { SandboxCustomer, SandboxOrder } from '../store/types.ts';
import type { CartSessions } from './cart-sessions.ts';
import { parseCookies } from './cookies.ts';
import { lineItemJson } from './cart-json.ts';
import type { PageContent } from './page-renderer.ts';

/** Confirmation pages kept reachable (by a random key per order) for a while after checkout. */
const KEPT_CONFIRMATIONS = 500;

export interface CheckoutRouteDeps {
  store: SandboxStore;
  sessions: CartSessions;
  localeOf(req: Request): string;
  withLocale(path: string, locale: unknown): string;
  /** Renders a storefront page; checkout pages go without Tacto's embeds, as Shopify's checkout has no theme app embeds. */
  send(req: Request, res: Response, pageType: string, page: PageContent, status?: number): Promise<void>;
}

/**
 * The sandbox's checkout: `POST /checkout` turns the cart into an order at once (no payment, no address form) for
 * the "browse as" customer, or for a visitor a guest customer made on the spot, through the store as any order is
 * placed, so orders/create and the rest follow. The cart is then forgotten, attributes too (Shopify starts a new
 * cart), and the shopper lands on the order's confirmation page.
 */
export function checkoutRoutes(deps: CheckoutRouteDeps): Router {
  const { store, sessions } = deps;
  const router = Router();
  const form = express.urlencoded({ extended: false, limit: '2kb', parameterLimit: 10 });
  const confirmations = new Map<string, number>();

  router.post('/checkout', form, (req, res) => {
    const locale = (req.body as Record<string, unknown> | undefined)?.locale;
    const session = sessions.read(req);
    const lines = session.cart.lines.filter((line) => variantOnSale(store, line.variantId));
    if (lines.length === 0) {
      res.redirect(303, deps.withLocale('/cart', locale));
      return;
    }
    const customer = browsingCustomer(req) ?? guestCustomer(store, deps.localeOf(req));
    const order = placeCartOrder(store, {
      customerId: customer.id,
      lines: lines.map((line) => ({
        variantId: line.variantId,
        quantity: line.quantity,
        properties: Object.entries(line.properties).map(([name, value]) => ({ name, value })),
      })),
      attributes: Object.entries(session.cart.attributes).map(([name, value]) => ({ name, value })),
    });
    sessions.discard(res, session);
    const key = randomBytes(16).toString('hex');
    confirmations.set(key, order.id);
    if (confirmations.size > KEPT_CONFIRMATIONS) confirmations.delete(confirmations.keys().next().value!);
    res.redirect(303, deps.withLocale(`/checkout/thank_you/${key}`, locale));
  });

  router.get('/checkout/thank_you/:key', async (req, res) => {
    const orderId = confirmations.get(req.params.key);
    const order = orderId === undefined ? undefined : store.orders.get(orderId);
    if (!order) {
      await deps.send(req, res, '404', { titleKey: 'not_found.title' }, 404);
      return;
    }
    await deps.send(req, res, 'thank_you', { titleKey: 'checkout.thank_you_title', objects: { order: orderObject(order, store, deps.localeOf(req)) } });
  });

  function browsingCustomer(req: Request): SandboxCustomer | null {
    return store.customers.get(Number(parseCookies(req.get('cookie'))[CUSTOMER_COOKIE])) ?? null;
  }

  return router;
}

/** A visitor checking out: a customer with a made-up name and address-less, who gave no email marketing consent. */
function guestCustomer(store: SandboxStore, locale: string): SandboxCustomer {
  const tag = randomBytes(3).toString('hex');
  return store.addCustomer({
    firstName: 'Guest',
    lastName: `Shopper ${tag}`,
    email: `guest-${tag}@example.com`,
    phone: null,
    locale,
    addresses: [],
    note: 'Checked out as a visitor on the sandbox storefront.',
    emailMarketingConsent: { marketingState: 'NOT_SUBSCRIBED', marketingOptInLevel: null, consentUpdatedAt: null },
  });
}

/** Liquid's `order` on the confirmation page: its name, the customer's first name and the lines as bought. */
function orderObject(order: SandboxOrder, store: SandboxStore, locale: string) {
  const customer = order.customerId === null ? null : store.customers.get(order.customerId);
  const lineItems = order.lineItems.map((line) => {
    const properties = Object.fromEntries((line.properties ?? []).map((property) => [property.name, property.value]));
    const shown = line.variantId === null ? null : lineItemJson(store, { variantId: line.variantId, quantity: line.quantity, properties }, locale);
    const price = Math.round(Number(line.price) * 100);
    return { title: shown?.title ?? line.title, quantity: line.quantity, properties, line_price: price * line.quantity };
  });
  return {
    name: order.name,
    customer: customer ? { first_name: customer.firstName } : null,
    line_items: lineItems,
    subtotal_price: lineItems.reduce((sum, line) => sum + line.line_price, 0),
  };
}
