import { randomBytes } from 'node:crypto';
import type { Request, Response } from 'express';
import { CART_LIMITS, emptyCart, type Cart } from './cart.ts';
import { parseCookies, SANDBOX_COOKIE } from './cookies.ts';

/** Shopify's cart cookie is readable by page script (themes read the token), unlike the sandbox's own cookies. */
const CART_COOKIE_OPTIONS = { path: '/', sameSite: 'lax' } as const;

/** Shopify's cart cookie: it holds the cart's token, and the cart itself stays on the server. */
export const CART_COOKIE = 'cart';
/** The cookie that held the whole cart (`[[variantId, quantity], …]`) before carts had properties. */
export const LEGACY_CART_COOKIE = 'sandbox_cart';
/** Carts kept in memory; the least recently used goes first, as an abandoned cart expires on Shopify. */
export const MAX_CARTS = 2_000;

export interface CartSession {
  /** Null until the cart is first saved: reading a page creates no cart. */
  token: string | null;
  cart: Cart;
}

/**
 * The storefront's carts by token, as Shopify keeps them server-side behind the `cart` cookie, so the cookie stays
 * a 32-character token whatever the cart holds. A cart an old sandbox wrote into its cookie reads as those lines.
 * In memory only: a sandbox restart empties every cart, as its orders and catalog start over too.
 */
export class CartSessions {
  private readonly carts = new Map<string, Cart>();

  constructor(private readonly maxCarts = MAX_CARTS) {}

  /** The request's cart: by its token, else converted from the old cookie, else empty. */
  read(req: Request): CartSession {
    const cookies = parseCookies(req.get('cookie'));
    const token = cookies[CART_COOKIE];
    const cart = token ? this.carts.get(token) : undefined;
    if (token && cart) {
      this.touch(token, cart);
      return { token, cart };
    }
    return { token: null, cart: { ...emptyCart(), lines: readLegacyCart(cookies[LEGACY_CART_COOKIE]) } };
  }

  /** Saves the cart under its token (a new one for a new cart) and points the browser at it. */
  write(res: Response, session: CartSession, cart: Cart): string {
    const token = session.token ?? randomBytes(16).toString('hex');
    this.touch(token, cart);
    if (session.token === null) {
      res.cookie(CART_COOKIE, token, CART_COOKIE_OPTIONS);
      res.clearCookie(LEGACY_CART_COOKIE, SANDBOX_COOKIE);
    }
    return token;
  }

  /** Forgets the cart after checkout: the browser's next add starts a new cart, with a new token. */
  discard(res: Response, session: CartSession): void {
    if (session.token) this.carts.delete(session.token);
    res.clearCookie(CART_COOKIE, CART_COOKIE_OPTIONS);
    res.clearCookie(LEGACY_CART_COOKIE, SANDBOX_COOKIE);
  }

  get size(): number {
    return this.carts.size;
  }

  private touch(token: string, cart: Cart): void {
    this.carts.delete(token);
    this.carts.set(token, cart);
    while (this.carts.size > this.maxCarts) this.carts.delete(this.carts.keys().next().value!);
  }
}

/** Pure: the lines of the old cookie format; anything unreadable counts as an empty cart. */
export function readLegacyCart(value: string | undefined): Cart['lines'] {
  if (!value) return [];
  try {
    const parsed: unknown = JSON.parse(value);
    if (!Array.isArray(parsed)) return [];
    return parsed
      .filter((line): line is [number, number] => Array.isArray(line) && line.length === 2 && line.every((n) => Number.isInteger(n) && n > 0))
      .slice(0, CART_LIMITS.lines)
      .map(([variantId, quantity]) => ({ variantId, quantity: Math.min(quantity, CART_LIMITS.quantity), properties: {} }));
  } catch {
    return [];
  }
}
