import { z } from 'zod';
import type { Storage } from '../db/storage.ts';
import { NO_MERCHANDISING, type Merchandising } from '../recommend/merchandising/rules.ts';

/** The settings document's name in storage.shopSettings. */
export const MERCHANDISING_SETTING = 'merchandising';

/** Bounds on what a merchant may save: generous for a store, small enough to check on every page. */
export const MERCHANDISING_LIMITS = {
  excludedProducts: 500,
  excludedCollections: 100,
  excludedTags: 100,
  pins: 200,
  complementsPerPin: 4,
  neverTogether: 500,
  tagLength: 255,
  titleLength: 255,
} as const;

const L = MERCHANDISING_LIMITS;
const shopifyId = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const unique = <T>(key: (item: T) => unknown) => (items: T[]) => new Set(items.map(key)).size === items.length;

/**
 * The document as saved and as read back: zod on both sides, so a document an older version wrote (or a hand
 * edit) that no longer fits is refused rather than half-applied. Duplicates are refused, not silently merged:
 * the admin never sends them, so one means the request is not the admin's.
 */
export const merchandisingDocument = z.object({
  excludedProducts: z.array(shopifyId).max(L.excludedProducts).refine(unique((id: number) => id), 'each product once').default([]),
  excludedCollections: z
    .array(z.object({ id: shopifyId, title: z.string().trim().min(1).max(L.titleLength) }))
    .max(L.excludedCollections)
    .refine(unique((c: { id: number }) => c.id), 'each collection once')
    .default([]),
  excludedTags: z
    .array(z.string().trim().min(1, 'a tag has at least one letter').max(L.tagLength))
    .max(L.excludedTags)
    .refine(unique((tag: string) => tag.toLowerCase()), 'each tag once')
    .default([]),
  pins: z
    .array(
      z
        .object({
          productId: shopifyId,
          complements: z.array(shopifyId).min(1, 'pin at least one complement').max(L.complementsPerPin).refine(unique((id: number) => id), 'each complement once'),
        })
        .refine((pin) => !pin.complements.includes(pin.productId), { message: 'a product cannot be pinned to itself', path: ['complements'] }),
    )
    .max(L.pins)
    .refine(unique((pin: { productId: number }) => pin.productId), 'one pin list per product')
    .default([]),
  neverTogether: z
    .array(z.tuple([shopifyId, shopifyId]).refine(([a, b]) => a !== b, 'a pair is two different products'))
    .max(L.neverTogether)
    .refine(unique(([a, b]: [number, number]) => `${Math.min(a, b)} ${Math.max(a, b)}`), 'each pair once')
    .default([]),
});

export type MerchandisingDocument = z.infer<typeof merchandisingDocument>;

/** The shop's rules; none when it never saved any. A stored document that no longer fits is refused loudly. */
export async function readMerchandising(storage: Storage, shop: string): Promise<Merchandising> {
  const stored = await storage.shopSettings.get(shop, MERCHANDISING_SETTING);
  return stored === null ? NO_MERCHANDISING : merchandisingDocument.parse(stored);
}

export async function saveMerchandising(storage: Storage, shop: string, document: MerchandisingDocument, at: Date): Promise<void> {
  await storage.shopSettings.save(shop, MERCHANDISING_SETTING, merchandisingDocument.parse(document), at);
}

/** What the admin reads when a document is refused: which field, in words. Never zod's own text alone. */
export function merchandisingProblem(error: z.ZodError): { error: string; message: string; field: string } {
  const issue = error.issues[0];
  const field = (issue?.path ?? []).map(String).join('.') || 'body';
  const top = String(issue?.path[0] ?? '');
  const what: Record<string, string> = {
    excludedProducts: `Exclude up to ${L.excludedProducts} products, each once.`,
    excludedCollections: `Exclude up to ${L.excludedCollections} collections, each once.`,
    excludedTags: `Exclude up to ${L.excludedTags} tags, each once and at most ${L.tagLength} characters.`,
    pins: `Pin 1 to ${L.complementsPerPin} other products to up to ${L.pins} products.`,
    neverTogether: `Keep up to ${L.neverTogether} pairs of two different products apart, each pair once.`,
  };
  const detail = issue?.message ? ` (${issue.message})` : '';
  return { error: 'merchandising_invalid', message: `${what[top] ?? 'Send the merchandising rules as the admin does.'}${detail}`, field };
}
