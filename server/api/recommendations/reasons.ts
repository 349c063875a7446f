import type { Exclusion, MerchantRuleName, PrivacyRuleName } from '../../recommend/types.ts';

/**
 * Why the explain tool held a product back, as a code and the values its wording names: the admin words it in the
 * merchant's language (app/locales/<locale>/recommendations.json, `explain.holdReasons.<code>`). A privacy rule's
 * code is its name; the merchant's own rules name what they name (a collection, a tag, the other product of a
 * pair, by title: null when it left the catalog). `message` is English, for logs and developers only.
 */
export interface HoldReason {
  code: PrivacyRuleName | MerchantRuleName | 'excluded_product' | 'excluded_collection' | 'excluded_tag' | 'never_together_with';
  params: Record<string, string | number | null>;
}

export function exclusionReason(exclusion: Exclusion, titleOf: (productId: number) => string | null): HoldReason {
  const hold = exclusion.hold;
  if (!hold) return { code: exclusion.rule, params: {} };
  if (hold.rule === 'never-together') return { code: 'never_together_with', params: { productId: hold.withProductId, product: titleOf(hold.withProductId) } };
  switch (hold.by) {
    case 'product':
      return { code: 'excluded_product', params: {} };
    case 'collection':
      return { code: 'excluded_collection', params: { collection: hold.collectionTitle } };
    case 'tag':
      return { code: 'excluded_tag', params: { tag: hold.tag } };
  }
}
