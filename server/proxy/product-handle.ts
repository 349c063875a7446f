import { z } from 'zod';

/** A product's handle, as in a pick's `/products/<handle>` link: the storefront names products by it, never by id. */
export const productHandle = z.string().min(1).max(255).regex(/^[a-z0-9][a-z0-9-]*$/, 'a product handle');
