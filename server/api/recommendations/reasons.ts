import type { Exclusion, MerchantRuleName, PickSource, PrivacyRuleName } from '../../recommend/types.ts';

/** Plain words for the merchant. These strings exist only in the admin API, never in a storefront response. */
export const PICK_REASONS: Record<PickSource, string> = {
  context: 'Often bought together with what is on the page, in the cart or in the order.',
  catalog: 'Shares a collection or tags with what is on the page, or is a best-seller of a category bought with it.',
  popular: 'Popular in the store lately: what any visitor here could see.',
  history: 'Made a little likelier because it goes with something the shopper bought recently (within the bound).',
  reorder: 'A consumable the shopper bought before and would typically need again by now (within the bound).',
  declared: 'In a topic, or a collection of the store, that the shopper declared they are shopping for.',
  pinned: 'Pinned by you: it leads the draw, yet is not in every view, so its absence never reveals what a shopper owns.',
};

/** Each privacy rule's short name, shown beside the products it held back in the explain tool. */
export const RULE_NAMES: Record<PrivacyRuleName | MerchantRuleName, string> = {
  'merchant-excluded': 'Excluded by you',
  'never-together': 'Never together (your rule)',
  'never-owned': 'Never what they own',
  'no-sensitive-inference': 'No sensitive guesses',
  'decay-and-stop': 'Event purchases fade',
  'frequency-cap': 'Rests after being shown often',
  'not-for-me': '“Not for me”',
  'off-means-off': 'Personalization off',
  'substitute-of-context': 'Complements before look-alikes',
};

export const RULE_REASONS: Record<PrivacyRuleName | MerchantRuleName, string> = {
  'merchant-excluded': 'You excluded it from picks.',
  'never-together': 'You chose never to show it with a product on the page, in the cart or in the order.',
  'never-owned': 'The shopper already owns it or something that does the same job.',
  'no-sensitive-inference': 'Sensitive topic: shown only when the shopper looks at it or declared it.',
  'decay-and-stop': 'It goes with a one-off or event purchase (a wedding, a trip) whose time has passed.',
  'frequency-cap': 'Shown to this shopper often enough lately; it rests.',
  'not-for-me': 'The shopper said "not for me".',
  'off-means-off': 'Personalization is off for this shopper.',
  'substitute-of-context': 'Same kind of product as the one in view: complements come first.',
};

/**
 * Why a product was held back, in words: a privacy rule's reason, or the merchant's own rule naming what it names
 * ("Excluded by you: collection Winter sale", "Never shown with Charcoal Wool Overcoat").
 */
export function exclusionReason(exclusion: Exclusion, titleOf: (productId: number) => string | null): string {
  const hold = exclusion.hold;
  if (!hold) return RULE_REASONS[exclusion.rule];
  if (hold.rule === 'never-together') return `Never shown with ${titleOf(hold.withProductId) ?? 'a product no longer in the catalog'}: your rule.`;
  switch (hold.by) {
    case 'product':
      return 'Excluded by you: this product.';
    case 'collection':
      return `Excluded by you: collection ${hold.collectionTitle}.`;
    case 'tag':
      return `Excluded by you: tag “${hold.tag}”.`;
  }
}
