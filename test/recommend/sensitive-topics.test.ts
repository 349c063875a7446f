import { describe, expect, it } from 'vitest';
import { SENSITIVE_CATEGORIES, sensitiveTopicsOf } from '../../server/recommend/sensitive-topics.ts';

const topics = (title: string, extra: { productType?: string; categoryId?: string | null; tags?: string[] } = {}) =>
  sensitiveTopicsOf({ title, productType: extra.productType ?? '', categoryId: extra.categoryId ?? null, tags: extra.tags ?? [] });

describe('sensitive topics', () => {
  it('reads Shopify taxonomy subtrees, not look-alike prefixes', () => {
    expect(topics('Test', { categoryId: 'hb-1-15-5' })).toEqual(['pregnancy-fertility']);
    expect(topics('Strips', { categoryId: 'hb-1-4-8-2' })).toEqual(['pregnancy-fertility']);
    expect(topics('City stroller', { categoryId: 'bt-6-3-3' })).toContain('baby');
    expect(topics('Pads', { categoryId: 'hb-1-11-8' })).toEqual(['medical']);
    expect(topics('Thing', { categoryId: 'bta-1' })).toEqual([]);
    expect(topics('Multivitamins', { categoryId: 'hb-1-9-6-7' })).toEqual([]);
    for (const [id] of SENSITIVE_CATEGORIES) expect(id).toMatch(/^[a-z]{2}(-\d+)*$/);
  });

  it.each([
    ['Pregnancy test (2 pack)', 'pregnancy-fertility'],
    ['Teste de gravidez digital', 'pregnancy-fertility'],
    ['Prueba de embarazo', 'pregnancy-fertility'],
    ['Vitaminas prenatales', 'pregnancy-fertility'],
    ['Maternity leggings', 'pregnancy-fertility'],
    ['Adult diapers', 'medical'],
    ['Pañales para adultos', 'medical'],
    ['Fraldas para adultos', 'medical'],
    ['Condoms, 12', 'sexual-wellness'],
    ['Preservativos', 'sexual-wellness'],
    ['Lubricante íntimo', 'sexual-wellness'],
    ['Weight loss shake', 'weight-loss'],
    ['Emagrecedor natural', 'weight-loss'],
    ['Quemagrasas', 'weight-loss'],
    ['Debt consolidation guide', 'finance-debt'],
    ['Sympathy card', 'funeral-grief'],
    ['Tarjeta de condolencias', 'funeral-grief'],
    ['Urna funerária', 'funeral-grief'],
    ['Pocket Bible', 'religion'],
    ['Biblia de estudio', 'religion'],
    ['Terço de madeira', 'religion'],
    ['Chupete de silicona', 'baby'],
  ])('"%s" is %s, in whichever language it is written', (title, topic) => {
    expect(topics(title)).toContain(topic);
  });

  it.each(['Wool overcoat', 'Cashmere gloves', 'Babyliss hair dryer', 'Baby blue mug', 'Christmas angel decoration', 'Earring stand',
    'JUMBO BAG RED RETROSPOT', 'WHITE HANGING HEART T-LIGHT HOLDER', 'PACK OF 72 RETROSPOT CAKE CASES', 'Lunch bag', 'Salmon cat food'])(
    '"%s" is not sensitive',
    (title) => expect(topics(title)).toEqual([]),
  );

  it('merchant tags flag a product, and can switch off a keyword false positive only', () => {
    expect(topics('Gift card', { tags: ['tacto:sensitive'] })).toEqual(['merchant-flagged']);
    expect(topics('Book', { tags: ['Tacto:Sensitive:religion'] })).toEqual(['religion']);
    expect(topics('Debt-free planner', { tags: ['tacto:not-sensitive'] })).toEqual([]);
    expect(topics('Debt-free planner')).toEqual(['finance-debt']);
    expect(topics('Test', { categoryId: 'hb-1-15-5', tags: ['tacto:not-sensitive'] })).toEqual(['pregnancy-fertility']);
  });

  it('reads the product type and tags too', () => {
    expect(topics('Comfort band', { productType: 'Maternity' })).toEqual(['pregnancy-fertility']);
    expect(topics('Soft pads', { tags: ['incontinence'] })).toEqual(['medical']);
  });
});
