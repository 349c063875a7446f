import type { DemoProductSpec } from './demo-product-spec.ts';
import { APPAREL_PRODUCTS } from './demo-products-apparel.ts';
import { GEAR_PRODUCTS } from './demo-products-gear.ts';
import { HOME_PRODUCTS } from './demo-products-home.ts';

/** Every demo product, in the order the store creates them. */
export const DEMO_PRODUCTS: DemoProductSpec[] = [...APPAREL_PRODUCTS, ...GEAR_PRODUCTS, ...HOME_PRODUCTS];

/** A stable SKU per variant, e.g. `TC-WOOL-OVERCOAT-2`. */
export function demoSku(handle: string, variantIndex: number): string {
  return `TC-${handle.toUpperCase()}-${variantIndex + 1}`;
}
