import express, { type NextFunction, type Request, type Response } from 'express';
import { CartError } from './cart.ts';

/** Largest cart request body (JSON, form or multipart): a full add of 50 lines with properties fits well within. */
export const CART_BODY_LIMIT = '16kb';
const MAX_FORM_FIELDS = 200;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

const json = express.json({ limit: CART_BODY_LIMIT });
const urlencoded = express.urlencoded({ extended: false, limit: CART_BODY_LIMIT, parameterLimit: MAX_FORM_FIELDS });
const multipart = express.raw({ type: 'multipart/form-data', limit: CART_BODY_LIMIT });

/**
 * Reads a cart request's body into `req.body` as Shopify's Ajax API takes it: JSON, a form post, or a theme's
 * `new FormData(form)` (multipart). Form fields named the Rails way (`properties[Engraving]`, `items[0][id]`,
 * `attributes[_tacto_exp]`) become nested objects, as Shopify reads them.
 */
export function cartBody(req: Request, res: Response, next: NextFunction): void {
  json(req, res, (jsonError?: unknown) => {
    if (jsonError) return next(jsonError);
    urlencoded(req, res, (formError?: unknown) => {
      if (formError) return next(formError);
      if (req.is('application/x-www-form-urlencoded')) req.body = unflattenForm(Object.entries(req.body as Record<string, string>));
      multipart(req, res, (rawError?: unknown) => {
        if (rawError) return next(rawError);
        if (!req.is('multipart/form-data') || !Buffer.isBuffer(req.body)) {
          req.body ??= {};
          return next();
        }
        // Node's fetch Response parses multipart form data; the body is already bounded by the raw parser.
        new Response(new Uint8Array(req.body), { headers: { 'content-type': req.get('content-type') ?? '' } })
          .formData()
          .then((form) => {
            const fields = [...form.entries()].filter((entry): entry is [string, string] => typeof entry[1] === 'string');
            if (fields.length > MAX_FORM_FIELDS) throw new CartError(413, 'Too many form fields.');
            req.body = unflattenForm(fields);
            next();
          })
          .catch((error: unknown) => next(error instanceof CartError ? error : new CartError(400, 'The form data could not be read.')));
      });
    });
  });
}

/**
 * Pure: `a[b][c]=v` form fields as nested objects (`{ a: { b: { c: v } } }`), at most three levels deep. A field
 * that names a prototype key, or clashes with a plain value already read, is left out.
 */
export function unflattenForm(fields: Iterable<[string, string]>): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  fields: for (const [name, value] of fields) {
    const match = /^([^[\]]+)((?:\[[^[\]]*\]){0,3})$/.exec(name);
    if (!match) continue;
    const path = [match[1]!, ...[...match[2]!.matchAll(/\[([^[\]]*)\]/g)].map((part) => part[1]!)];
    if (path.some((segment) => FORBIDDEN_KEYS.has(segment))) continue;
    let node = root;
    for (const segment of path.slice(0, -1)) {
      const child = node[segment];
      if (child === undefined) node = node[segment] = {} as Record<string, unknown>;
      else if (typeof child === 'object' && child !== null) node = child as Record<string, unknown>;
      else continue fields;
    }
    const last = path.at(-1)!;
    if (node[last] === undefined) node[last] = value;
  }
  return root;
}

/** A cart refusal, or a body parser's (too large, unreadable) as one; null for anything else. */
export function toCartError(error: unknown): CartError | null {
  if (error instanceof CartError) return error;
  const { type, status } = (error ?? {}) as { type?: string; status?: number };
  if (type === 'entity.too.large') return new CartError(413, `The request body is larger than ${CART_BODY_LIMIT}.`);
  if (type === 'entity.parse.failed' || status === 400) return new CartError(400, 'The request body could not be read.');
  return null;
}

/** Errors of the cart's JSON endpoints in Shopify's shape. */
export function cartErrorJson(error: unknown, _req: Request, res: Response, next: NextFunction): void {
  const cartError = toCartError(error);
  if (!cartError || res.headersSent) return next(error);
  res.status(cartError.status).set('Cache-Control', 'no-store').json(cartError.toJSON());
}
