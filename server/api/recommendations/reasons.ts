import type { PickSource, PrivacyRuleName } from '../../recommend/types.ts';

/** Plain words for the merchant. These strings exist only in the admin API, never in a storefront response. */
export const PICK_REASONS: Record<PickSource, string> = {
  context: 'Often bought together with what is on the page, in the cart or in the order.',
  catalog: 'Shares a collection or tags with what is on the page (new products have no orders yet).',
  popular: 'Popular in the store lately: what any visitor here would see.',
  history: "Goes with something the shopper bought within the history window (one of the limited personal slots).",
  reorder: 'A consumable the shopper bought before and would typically need again by now (personal slot).',
  declared: 'In a topic the shopper declared they are shopping for (personal slot).',
};

export const RULE_REASONS: Record<PrivacyRuleName, string> = {
  'never-owned': 'The shopper already owns it or something that does the same job.',
  'no-sensitive-inference': 'Sensitive topic: shown only when the shopper looks at it or declared it.',
  blend: 'Personal slots were full.',
  'decay-and-stop': 'The purchase behind it is too old, or its category stops at purchase.',
  'frequency-cap': 'Shown to this shopper often enough lately; it rests.',
  'not-for-me': 'The shopper said "not for me".',
  'off-means-off': 'Personalization is off for this shopper.',
  'substitute-of-context': 'Same kind of product as the one in view: complements come first.',
};
