import type { SandboxProduct, SandboxVariant } from '../../store/types.ts';
import type { AdminContext } from './context.ts';

/**
 * Indexes the store does not keep (variant → product), built once per request or bulk operation: a bulk
 * export of 400,000 line items must not scan every product for each one.
 */
export interface VariantEntry {
  variant: SandboxVariant;
  product: SandboxProduct;
}

export function variantIndex(ctx: AdminContext): Map<number, VariantEntry> {
  const cached = ctx.memo.get('variants') as Map<number, VariantEntry> | undefined;
  if (cached) return cached;
  const index = new Map<number, VariantEntry>();
  for (const product of ctx.store.products.values()) {
    for (const variant of product.variants) index.set(variant.id, { variant, product });
  }
  ctx.memo.set('variants', index);
  return index;
}

export function productOfVariant(ctx: AdminContext, variant: SandboxVariant): SandboxProduct | null {
  const entry = variantIndex(ctx).get(variant.id);
  if (entry?.variant === variant) return entry.product;
  // Built before this variant existed (a product created later in the same request): look again.
  ctx.memo.delete('variants');
  return variantIndex(ctx).get(variant.id)?.product ?? null;
}
