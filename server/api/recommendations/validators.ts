import { z } from 'zod';
import type { Surface } from '../../recommend/types.ts';

const id = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const idList = z
  .string()
  .max(2000)
  .transform((text, ctx) => {
    const ids = text.split(',').filter(Boolean).map(Number);
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
