/**
 * The explain tool's words for what the merchant's own rules held back: each names what the rule names, by title,
 * and a privacy rule keeps its own reason.
 */
import { describe, expect, it } from 'vitest';
import { exclusionReason, RULE_NAMES } from '../../server/api/recommendations/reasons.ts';

const titles = new Map([[7, 'Charcoal Wool Overcoat']]);
const titleOf = (id: number) => titles.get(id) ?? null;

describe('why the merchant\'s rule held a product back', () => {
  it('names the collection, the tag, the product or the other half of the pair', () => {
    expect(exclusionReason({ productId: 1, rule: 'merchant-excluded', hold: { rule: 'merchant-excluded', by: 'collection', collectionId: 3, collectionTitle: 'Winter sale' } }, titleOf)).toBe(
      'Excluded by you: collection Winter sale.',
    );
    expect(exclusionReason({ productId: 1, rule: 'merchant-excluded', hold: { rule: 'merchant-excluded', by: 'tag', tag: 'clearance' } }, titleOf)).toBe('Excluded by you: tag “clearance”.');
    expect(exclusionReason({ productId: 1, rule: 'merchant-excluded', hold: { rule: 'merchant-excluded', by: 'product' } }, titleOf)).toBe('Excluded by you: this product.');
    expect(exclusionReason({ productId: 1, rule: 'never-together', hold: { rule: 'never-together', withProductId: 7 } }, titleOf)).toBe(
      'Never shown with Charcoal Wool Overcoat: your rule.',
    );
    expect(exclusionReason({ productId: 1, rule: 'never-together', hold: { rule: 'never-together', withProductId: 99 } }, titleOf)).toContain('a product no longer in the catalog');
  });

  it('keeps a privacy rule\'s own reason, and gives every rule a short name', () => {
    expect(exclusionReason({ productId: 1, rule: 'never-owned' }, titleOf)).toBe('The shopper already owns it or something that does the same job.');
    expect(RULE_NAMES['merchant-excluded']).toBe('Excluded by you');
    expect(RULE_NAMES['never-together']).toMatch(/Never together/);
  });
});
