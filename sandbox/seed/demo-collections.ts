/** The demo store's collections, keyed by handle so product data can name them. */
export const DEMO_COLLECTIONS = [
  { handle: 'winter', title: 'Winter' },
  { handle: 'photography', title: 'Photography' },
  { handle: 'baby-stroller', title: 'Baby & Stroller' },
  { handle: 'pets', title: 'Pets' },
  { handle: 'weddings', title: 'Weddings' },
  { handle: 'travel', title: 'Travel' },
  { handle: 'health-wellness', title: 'Health & Wellness' },
] as const;

export type CollectionHandle = (typeof DEMO_COLLECTIONS)[number]['handle'];
