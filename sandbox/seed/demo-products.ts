import type { DemoProductSpec } from './demo-product-spec.ts';
import { ACCESSORY_PRODUCTS } from './demo-products-accessories.ts';
import { APPAREL_PRODUCTS } from './demo-products-apparel.ts';
import { GEAR_PRODUCTS } from './demo-products-gear.ts';
import { HOME_PRODUCTS } from './demo-products-home.ts';
import { TRAVEL_PRODUCTS } from './demo-products-travel.ts';

/** Every demo product, in the order the store creates them (later additions last, so earlier ids stay put). */
export const DEMO_PRODUCTS: DemoProductSpec[] = [...APPAREL_PRODUCTS, ...GEAR_PRODUCTS, ...HOME_PRODUCTS, ...ACCESSORY_PRODUCTS, ...TRAVEL_PRODUCTS];

/** A stable SKU per variant, e.g. `TC-WOOL-OVERCOAT-2`. */
export function demoSku(handle: string, variantIndex: number): string {
  return `TC-${handle.toUpperCase()}-${variantIndex + 1}`;
}
