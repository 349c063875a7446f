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

/**
 * One string per page: the same page gives the same key whatever order its cart or order lists products in. Keys
 * the page's pool (computed once per model state) and a shopper's draw of the page (one seed per page and day).
 */
export function pageKey(surface: Surface): string {
  switch (surface.kind) {
    case 'product':
      return `product:${surface.productId}`;
    case 'cart':
      return `cart:${[...surface.productIds].sort((a, b) => a - b).join(',')}`;
    case 'email':
      return `email:${[...surface.orderProductIds].sort((a, b) => a - b).join(',')}`;
    case 'collection':
      return `collection:${surface.collectionId}`;
    case 'home':
      return 'home';
  }
}
