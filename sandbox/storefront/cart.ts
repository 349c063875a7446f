import { createHash } from 'node:crypto';

/**
 * Pure: the sandbox cart and the changes Shopify's cart allows. A line is a variant with its line item properties:
 * the same variant with other properties is another line, as on Shopify. The cart's attributes live on the cart, not
 * on a line, so they stay when the cart has no lines (Shopify's `cart/clear.js` keeps them too).
 */

/** Bounds of one cart. Shopify documents none of these; they keep a sandbox cart (held in memory) small. */
export const CART_LIMITS = {
  lines: 50,
  quantity: 99,
  /** Properties per line, and attributes per cart. */
  entries: 10,
  nameLength: 100,
  valueLength: 255,
} as const;

export interface CartLine {
  variantId: number;
  quantity: number;
  properties: Record<string, string>;
}

export interface Cart {
  lines: CartLine[];
  attributes: Record<string, string>;
}

export const emptyCart = (): Cart => ({ lines: [], attributes: {} });

/** A refusal in Shopify's Ajax API shape: `{ status, message, description }`. */
export class CartError extends Error {
  constructor(
    readonly status: 400 | 404 | 413 | 422,
    readonly description: string,
  ) {
    super(description);
  }

  toJSON() {
    return { status: this.status, message: 'Cart Error', description: this.description };
  }
}

/**
 * Shopify's line `key`: `<variant id>:<digest of the properties>`. Lines with the same properties in another order
 * are one line, so the digest reads them sorted.
 */
export function lineKey(line: Pick<CartLine, 'variantId' | 'properties'>): string {
  const sorted = Object.entries(line.properties).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `${line.variantId}:${createHash('sha256').update(JSON.stringify(sorted)).digest('hex').slice(0, 32)}`;
}

/**
 * Line item properties or cart attributes as a shopper's request gives them, checked against the bounds. Values
 * are text (numbers and booleans are written out, as Shopify stores them); an empty or null value drops the name,
 * as Shopify keeps no blank property. `kind` names them in the refusal.
 */
export function cleanEntries(raw: unknown, kind: 'property' | 'attribute'): Record<string, string | null> {
  if (raw === undefined || raw === null) return {};
  if (typeof raw !== 'object' || Array.isArray(raw)) throw new CartError(422, `The ${kind === 'property' ? 'properties' : 'attributes'} must be an object of names and values.`);
  const entries = Object.entries(raw as Record<string, unknown>);
  if (entries.length > CART_LIMITS.entries * 4) throw new CartError(422, `At most ${CART_LIMITS.entries} ${kind === 'property' ? 'properties per line' : 'cart attributes'}.`);
  const cleaned: Record<string, string | null> = {};
  for (const [name, value] of entries) {
    if (name.length === 0 || name.length > CART_LIMITS.nameLength) {
      throw new CartError(422, `A ${kind} name must have 1 to ${CART_LIMITS.nameLength} characters.`);
    }
    if (value !== null && typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') {
      throw new CartError(422, `The ${kind} "${name}" must have a text value.`);
    }
    const text = value === null ? '' : String(value);
    if (text.length > CART_LIMITS.valueLength) throw new CartError(422, `The ${kind} "${name}" is longer than ${CART_LIMITS.valueLength} characters.`);
    cleaned[name] = text === '' ? null : text;
  }
  return cleaned;
}

function withinEntryLimit(entries: Record<string, string>, kind: 'property' | 'attribute'): Record<string, string> {
  if (Object.keys(entries).length > CART_LIMITS.entries) {
    throw new CartError(422, `At most ${CART_LIMITS.entries} ${kind === 'property' ? 'properties per line' : 'cart attributes'}.`);
  }
  return entries;
}

/** A line's properties from a request: blank ones left out. */
export function lineProperties(raw: unknown): Record<string, string> {
  const kept = Object.entries(cleanEntries(raw, 'property')).filter((entry): entry is [string, string] => entry[1] !== null);
  return withinEntryLimit(Object.fromEntries(kept), 'property');
}

export interface AddRequest {
  variantId: number;
  quantity: number;
  properties: Record<string, string>;
}

/**
 * The cart after adding items: an item joins the line with its variant and the same properties (quantity capped),
 * or opens a new line at the top of the cart, where Shopify puts the newest line. Answers the touched lines too
 * (add.js returns them).
 */
export function addItems(cart: Cart, items: readonly AddRequest[]): { cart: Cart; added: CartLine[] } {
  let lines = cart.lines;
  const touchedKeys: string[] = [];
  for (const item of items) {
    if (!Number.isInteger(item.quantity) || item.quantity < 1) throw new CartError(422, 'The quantity must be a whole number of at least 1.');
    const key = lineKey(item);
    const existing = lines.find((line) => lineKey(line) === key);
    if (existing) {
      lines = lines.map((line) => (line === existing ? { ...line, quantity: Math.min(line.quantity + item.quantity, CART_LIMITS.quantity) } : line));
    } else {
      if (lines.length >= CART_LIMITS.lines) throw new CartError(422, `A cart holds at most ${CART_LIMITS.lines} lines.`);
      lines = [{ variantId: item.variantId, quantity: Math.min(item.quantity, CART_LIMITS.quantity), properties: { ...item.properties } }, ...lines];
    }
    if (!touchedKeys.includes(key)) touchedKeys.push(key);
  }
  const next = { ...cart, lines };
  return { cart: next, added: touchedKeys.map((key) => lines.find((line) => lineKey(line) === key)!) };
}

/** The cart with attributes merged in; a blank value removes that attribute, as Shopify does. */
export function setAttributes(cart: Cart, raw: unknown): Cart {
  const attributes = { ...cart.attributes };
  for (const [name, value] of Object.entries(cleanEntries(raw, 'attribute'))) {
    if (value === null) delete attributes[name];
    else attributes[name] = value;
  }
  return { ...cart, attributes: withinEntryLimit(attributes, 'attribute') };
}

/** Index (0-based) of the line a change names: a 1-based `line`, a line `key`, or a variant id (its first line). */
export function findLine(cart: Cart, target: { line?: number; id?: string | number }): number {
  if (target.line !== undefined) {
    const index = target.line - 1;
    if (Number.isInteger(index) && index >= 0 && index < cart.lines.length) return index;
    throw new CartError(400, `There is no line ${target.line} in the cart.`);
  }
  if (target.id !== undefined) {
    const id = String(target.id);
    const index = id.includes(':') ? cart.lines.findIndex((line) => lineKey(line) === id) : cart.lines.findIndex((line) => String(line.variantId) === id);
    if (index >= 0) return index;
    throw new CartError(400, 'That item is not in the cart.');
  }
  throw new CartError(400, 'Name the line to change with "line" or "id".');
}

/** The cart with one line set to `quantity` (capped); 0 removes it. */
export function setLineQuantity(cart: Cart, index: number, quantity: number): Cart {
  if (!Number.isInteger(quantity) || quantity < 0) throw new CartError(422, 'The quantity must be a whole number of at least 0.');
  const lines =
    quantity === 0
      ? cart.lines.filter((_, at) => at !== index)
      : cart.lines.map((line, at) => (at === index ? { ...line, quantity: Math.min(quantity, CART_LIMITS.quantity) } : line));
  return { ...cart, lines };
}

/** Every line gone, the attributes kept (`cart/clear.js`). */
export function clearLines(cart: Cart): Cart {
  return { ...cart, lines: [] };
}
