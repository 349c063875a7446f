import { z } from 'zod';
import { matchLocale } from '../i18n/locales.ts';
import type { Surface } from '../recommend/types.ts';
import { consentReport, type ConsentReport } from './consent.ts';

const id = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);

/**
 * What the storefront script may ask for (extensions/tacto/assets/tacto.js). Shopify's own parameters (shop,
 * logged_in_customer_id, path_prefix, timestamp, signature) were checked by the signature middleware; anything
 * else unexpected is ignored, anything oversized or malformed is a 400.
 */
export const picksQuery = z
  .object({
    template: z.string().max(40).regex(/^[a-z0-9_./-]*$/, 'a theme template name').default(''),
    product_id: id.optional(),
    collection_id: id.optional(),
    cart: z
      .string()
      .max(1600)
      .regex(/^\d+(,\d+)*$/, 'comma-separated product ids')
      .transform((text) => [...new Set(text.split(',').map(Number))])
      .refine((ids) => ids.length <= 100, 'at most 100 products')
      .optional(),
    limit: z.coerce.number().int().min(1).max(12).default(4),
    guides: z.enum(['0', '1']).default('0'),
    locale: z.string().max(16).regex(/^[A-Za-z-]*$/, 'a locale such as es or pt-BR').default(''),
    /** `personalization=0` and `consent=explicit`, as consent.ts reads them. */
    ...consentReport,
  })
  .transform((q) => ({
    surface: surfaceOf(q.template, q),
    limit: q.limit,
    consent: { personalization: q.personalization, consent: q.consent } satisfies ConsentReport,
    /** The page's language as one of Tacto's (`es-AR` → `es`); null for the default titles. */
    locale: matchLocale(q.locale),
  }));

function surfaceOf(template: string, q: { product_id?: number; collection_id?: number; cart?: number[] }): Surface {
  const kind = template.split(/[./]/)[0];
  if (kind === 'product' && q.product_id !== undefined) return { kind: 'product', productId: q.product_id };
  if (kind === 'cart' && q.cart && q.cart.length > 0) return { kind: 'cart', productIds: q.cart };
  if (kind === 'collection' && q.collection_id !== undefined) return { kind: 'collection', collectionId: q.collection_id };
  return { kind: 'home' };
}
