import type { Surface } from './types.ts';

/** The products a surface is about: the page's product, the cart, the order. */
export function contextOf(surface: Surface): readonly number[] {
  switch (surface.kind) {
    case 'product':
      return [surface.productId];
    case 'cart':
      return surface.productIds;
    case 'email':
      return surface.orderProductIds;
    case 'home':
    case 'collection':
      return [];
  }
}
