import { z } from 'zod';
import type { Surface } from '../../recommend/types.ts';

/**
 * A Shopify id as the admin hands it over: App Bridge's resource picker gives GIDs (gid://shopify/Product/123),
 * older callers the number alone. Either way the engine gets the number.
 */
const numberOf = (text: string): number => Number(/^(?:gid:\/\/shopify\/(?:Product|Collection|Customer)\/)?(\d{1,16})$/.exec(text.trim())?.[1] ?? NaN);
const id = z
  .string()
  .max(80)
  .transform((text, ctx) => {
    const n = numberOf(text);
    if (!Number.isSafeInteger(n) || n <= 0) {
      ctx.addIssue({ code: 'custom', message: 'expected a Shopify id' });
      return z.NEVER;
    }
    return n;
  });
const idList = z
  .string()
  .max(4000)
  .transform((text, ctx) => {
    const ids = text.split(',').filter(Boolean).map(numberOf);
    if (ids.length === 0 || ids.length > 100 || ids.some((n) => !Number.isSafeInteger(n) || n <= 0)) {
      ctx.addIssue({ code: 'custom', message: 'expected 1 to 100 comma-separated product ids' });
      return z.NEVER;
    }
    return ids;
  });

/** The admin's "why did this shopper see this" question: a surface, optionally a customer. */
export const explainQuery = z
  .object({
    surface: z.enum(['home', 'product', 'cart', 'collection', 'email']),
    productId: id.optional(),
    productIds: idList.optional(),
    collectionId: id.optional(),
    customerId: id.optional(),
    limit: z.coerce.number().int().min(1).max(20).default(8),
    consent: z.enum(['granted', 'denied']).default('granted'),
  })
  .transform((q, ctx) => {
    const missing = (field: string) => {
      ctx.addIssue({ code: 'custom', path: [field], message: `required for surface "${q.surface}"` });
      return z.NEVER;
    };
    let surface: Surface;
    switch (q.surface) {
      case 'home':
        surface = { kind: 'home' };
        break;
      case 'product':
        if (q.productId === undefined) return missing('productId');
        surface = { kind: 'product', productId: q.productId };
        break;
      case 'collection':
        if (q.collectionId === undefined) return missing('collectionId');
        surface = { kind: 'collection', collectionId: q.collectionId };
        break;
      case 'cart':
        if (!q.productIds) return missing('productIds');
        surface = { kind: 'cart', productIds: q.productIds };
        break;
      case 'email':
        if (!q.productIds) return missing('productIds');
        surface = { kind: 'email', orderProductIds: q.productIds };
        break;
    }
    return { surface, customerId: q.customerId ?? null, limit: q.limit, consentAllowsPersonalization: q.consent === 'granted' };
  });

/** What the merchant reads when the question is incomplete or malformed, by the field at fault: never zod's text. */
const EXPLAIN_PROBLEMS: Record<string, { error: string; message: string }> = {
  surface: { error: 'surface_required', message: 'Choose where the picks would show: home, product page, cart, collection page or follow-up email.' },
  productId: { error: 'product_required', message: 'Choose the product on the page first.' },
  productIds: { error: 'products_required', message: 'Choose at least one product (up to 100) first.' },
  collectionId: { error: 'collection_required', message: 'Choose the collection first.' },
  customerId: { error: 'customer_invalid', message: 'That customer could not be read. Choose them again.' },
  limit: { error: 'limit_invalid', message: 'Ask for between 1 and 20 picks.' },
  consent: { error: 'consent_invalid', message: 'Consent is either "granted" or "denied".' },
};

/** The 4xx answer for an explain question that zod refused: the first field at fault, in words. */
export function explainProblem(error: z.ZodError): { error: string; message: string } {
  const field = String(error.issues[0]?.path[0] ?? '');
  return EXPLAIN_PROBLEMS[field] ?? { error: 'invalid_request', message: 'Choose a page and what is on it, then ask again.' };
}

/**
 * The admin's customer search (App Bridge's resource picker has no customer type): a short name or email
 * prefix, stripped of Shopify search syntax so the text is only ever matched, never interpreted as a filter.
 */
export const customerSearchQuery = z.object({
  query: z
    .string()
    .max(60)
    .transform((text) => text.replace(/[^\p{L}\p{N}@._+\- ]/gu, ' ').replace(/\s+/g, ' ').trim())
    .pipe(z.string().min(2, 'type at least 2 letters')),
});
