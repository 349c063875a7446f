import type { TaxonomyCategory } from '../store/types.ts';
import type { CollectionHandle } from './demo-collections.ts';

/** One demo product as written in the data modules; demo-catalog.ts turns it into a store product. */
export interface DemoProductSpec {
  handle: string;
  title: string;
  /** Natural Spanish and Brazilian Portuguese titles, as a merchant's translator would write them. */
  es: string;
  ptBR: string;
  description: string;
  /** A real Shopify taxonomy category (taxonomy.ts); null only where the taxonomy has none (a guided trip). */
  category: TaxonomyCategory | null;
  productType: string;
  vendor: string;
  collections: CollectionHandle[];
  tags: string[];
  /** `inventory: 0` makes the variant unavailable, so some products are out of stock. */
  variants: { title: string; price: string; inventory: number }[];
}
