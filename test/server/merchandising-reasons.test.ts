/**
 * The explain tool's reasons for what the merchant's own rules held back: each names what the rule names (by
 * title), a privacy rule keeps its own code, and the admin words every code in each language.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { TFunction } from 'i18next';
import { exclusionReason } from '../../server/api/recommendations/reasons.ts';
import { adminWords } from '../support/admin-words.ts';

const titles = new Map([[7, 'Charcoal Wool Overcoat']]);
const titleOf = (id: number) => titles.get(id) ?? null;

let en: TFunction<'recommendations'>;
let es: TFunction<'recommendations'>;
beforeAll(async () => {
  en = await adminWords('en', 'recommendations');
  es = await adminWords('es', 'recommendations');
});

const worded = (t: TFunction<'recommendations'>, reason: ReturnType<typeof exclusionReason>) =>
  t(`explain.holdReasons.${reason.code}`, { ...reason.params, product: reason.params.product ?? t('explain.goneProduct') });

describe('why the merchant\'s rule held a product back', () => {
  it('names the collection, the tag, the product or the other half of the pair', () => {
    const collection = exclusionReason({ productId: 1, rule: 'merchant-excluded', hold: { rule: 'merchant-excluded', by: 'collection', collectionId: 3, collectionTitle: 'Winter sale' } }, titleOf);
    expect(collection).toEqual({ code: 'excluded_collection', params: { collection: 'Winter sale' } });
    expect(worded(en, collection)).toBe('Excluded by you: collection Winter sale.');
    expect(worded(es, collection)).toContain('Winter sale');
    expect(worded(es, collection)).not.toContain('Excluded by you');
    const tag = exclusionReason({ productId: 1, rule: 'merchant-excluded', hold: { rule: 'merchant-excluded', by: 'tag', tag: 'clearance' } }, titleOf);
    expect(worded(en, tag)).toBe('Excluded by you: tag “clearance”.');
    const product = exclusionReason({ productId: 1, rule: 'merchant-excluded', hold: { rule: 'merchant-excluded', by: 'product' } }, titleOf);
    expect(worded(en, product)).toBe('Excluded by you: this product.');
    const pair = exclusionReason({ productId: 1, rule: 'never-together', hold: { rule: 'never-together', withProductId: 7 } }, titleOf);
    expect(pair).toEqual({ code: 'never_together_with', params: { productId: 7, product: 'Charcoal Wool Overcoat' } });
    expect(worded(en, pair)).toBe('Never shown with Charcoal Wool Overcoat: your rule.');
    const gone = exclusionReason({ productId: 1, rule: 'never-together', hold: { rule: 'never-together', withProductId: 99 } }, titleOf);
    expect(worded(en, gone)).toContain('A product no longer in the catalog');
  });

  it('keeps a privacy rule\'s own reason, and gives every rule a short name', () => {
    const owned = exclusionReason({ productId: 1, rule: 'never-owned' }, titleOf);
    expect(owned).toEqual({ code: 'never-owned', params: {} });
    expect(worded(en, owned)).toBe('The shopper already owns it or something that does the same job.');
    expect(en('explain.ruleNames.merchant-excluded')).toBe('Excluded by you');
    expect(en('explain.ruleNames.never-together')).toMatch(/Never together/);
    expect(es('explain.ruleNames.never-owned')).not.toBe(en('explain.ruleNames.never-owned'));
  });
});
