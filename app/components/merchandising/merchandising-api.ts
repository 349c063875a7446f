import { apiFetch } from '../../lib/api.ts';

/** A product or collection as the admin lists it: by title; null when it left the catalog. */
export interface Named {
  id: number;
  title: string | null;
}

export interface NamedRules {
  excludedProducts: Named[];
  excludedCollections: { id: number; title: string }[];
  excludedTags: string[];
  pins: { product: Named; complements: Named[] }[];
  neverTogether: [Named, Named][];
}

export interface MerchandisingAnswer {
  merchandising: NamedRules;
  /** The most any one product (a pin included) appears in: a share of views, below 1. */
  pinShare: number;
  limits: { excludedProducts: number; excludedCollections: number; excludedTags: number; pins: number; complementsPerPin: number; neverTogether: number; tagLength: number };
}

export const loadMerchandising = () => apiFetch<MerchandisingAnswer>('/recommendations/merchandising');
export const loadCatalogTags = () => apiFetch<{ tags: string[] }>('/recommendations/catalog-tags').then((answer) => answer.tags);

/** Saves the rules whole, as the server stores them (ids only); answers them back with titles. */
export function saveMerchandising(rules: NamedRules): Promise<MerchandisingAnswer> {
  const document = {
    excludedProducts: rules.excludedProducts.map((p) => p.id),
    excludedCollections: rules.excludedCollections,
    excludedTags: rules.excludedTags,
    pins: rules.pins.map((pin) => ({ productId: pin.product.id, complements: pin.complements.map((c) => c.id) })),
    neverTogether: rules.neverTogether.map(([a, b]) => [a.id, b.id]),
  };
  return apiFetch<MerchandisingAnswer>('/recommendations/merchandising', {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(document),
  });
}

/**
 * Products or collections chosen with App Bridge's resource picker, as numbers and titles (the picker names them
 * by GID). Undefined when cancelled or when the admin is not around the app.
 */
export async function pickResources(type: 'product' | 'collection', multiple: number, action: 'add' | 'select', selected: number[] = []) {
  if (!window.shopify) return undefined;
  const kind = type === 'product' ? 'Product' : 'Collection';
  const selection = await window.shopify.resourcePicker({
    type,
    action,
    multiple: multiple > 1 ? multiple : false,
    selectionIds: selected.map((id) => ({ id: `gid://shopify/${kind}/${id}` })),
  });
  return selection?.map((s) => ({ id: Number(s.id.split('/').pop()), title: s.title })).filter((s) => Number.isSafeInteger(s.id) && s.id > 0);
}
