import { describe, expect, it } from 'vitest';
import { NOT_SENSITIVE_PHRASES, SENSITIVE_KEYWORDS } from '../../server/recommend/sensitive-keywords.ts';
import { SENSITIVE_CATEGORIES, SENSITIVE_TOPICS, sensitiveTopicsOf, wordsOf } from '../../server/recommend/sensitive-topics.ts';

interface Extra {
  productType?: string;
  categoryId?: string | null;
  tags?: string[];
}
const topics = (title: string, extra: Extra = {}) =>
  sensitiveTopicsOf({ title, productType: extra.productType ?? '', categoryId: extra.categoryId ?? null, tags: extra.tags ?? [] });

describe('taxonomy subtrees', () => {
  it.each([
    ['hb-1-15-5', 'pregnancy-fertility'], // Pregnancy Tests itself
    ['hb-1-4-8-2', 'pregnancy-fertility'], // Ovulation Tests, under Fertility Monitors and Ovulation Tests
    ['aa-1-7-1', 'pregnancy-fertility'], // Nursing Bras, under Maternity Clothing
    ['aa-2-21', 'pregnancy-fertility'],
    ['bt-6-3-3', 'baby'], // Full-Sized Strollers, deep in Baby & Toddler
    ['fr-1-6-10', 'baby'], // Standard Cribs
    ['lb-4', 'baby'],
    ['ma-1-4', 'sexual-wellness'],
    ['hb-1-5', 'sexual-wellness'],
    ['hb-1-11-8', 'medical'],
    ['hb-1-17-1-4', 'medical'], // Wheelchairs
    ['rc-1-1', 'funeral-grief'], // Memorial Urns
    ['rc-2-1', 'religion'], // Prayer Beads
  ])('%s is %s', (categoryId, topic) => {
    expect(topics('Item', { categoryId })).toEqual([topic]);
  });

  it.each([
    'bta-1', // shares the letters, not the subtree
    'hb-1-4-80', // shares the digits, not the subtree
    'hb-1-15', // Medical Tests: the parent of Pregnancy Tests is not itself sensitive
    'hb-1-15-8', // COVID-19 Tests
    'hb-1-9-6-7', // Multivitamin Supplements
    'hb-1-8-4', // First Aid Kits
    'ma-2-2-9', // Mature > Weapons: mature, but not sexual
    'rc-3-3', // Wedding Ceremony Supplies > Ring Pillows & Holders
  ])('%s is not sensitive', (categoryId) => {
    expect(topics('Item', { categoryId })).toEqual([]);
  });

  it('lists real-looking ids (a vertical, then numbers), each once and none hidden under another of the same topic', () => {
    const ids = SENSITIVE_CATEGORIES.map(([id]) => id);
    for (const id of ids) expect(id).toMatch(/^[a-z]{2}(-[1-9]\d*)*$/);
    expect(new Set(ids).size).toBe(ids.length);
    for (const [id, topic] of SENSITIVE_CATEGORIES) {
      const ancestors = SENSITIVE_CATEGORIES.filter(([other, t]) => t === topic && other !== id && id.startsWith(`${other}-`));
      expect(ancestors).toEqual([]);
    }
  });
});

describe('merchant tags', () => {
  it('flag a product, by topic when one is named, trimmed and in any case', () => {
    expect(topics('Gift card', { tags: ['tacto:sensitive'] })).toEqual(['merchant-flagged']);
    expect(topics('Book', { tags: ['  Tacto:Sensitive:Religion '] })).toEqual(['religion']);
    expect(topics('Book', { tags: ['tacto:sensitive:finance-debt', 'tacto:sensitive:medical'] })).toEqual(['finance-debt', 'medical']);
    expect(topics('Book', { tags: ['tacto:sensitive:gossip'] })).toEqual(['merchant-flagged']);
    expect(topics('Book', { tags: ['sensitive', 'tacto:sensitively'] })).toEqual([]);
  });

  it('tacto:not-sensitive switches off keywords, and nothing else', () => {
    expect(topics('Baby Blue Baby Mug')).toEqual(['baby']);
    expect(topics('Baby Blue Baby Mug', { tags: ['tacto:not-sensitive'] })).toEqual([]);
    expect(topics('Debt-free planner', { tags: [' TACTO:NOT-SENSITIVE'] })).toEqual([]);
    expect(topics('Test', { categoryId: 'hb-1-15-5', tags: ['tacto:not-sensitive'] })).toEqual(['pregnancy-fertility']);
    expect(topics('Card', { tags: ['tacto:not-sensitive', 'tacto:sensitive:funeral-grief'] })).toEqual(['funeral-grief']);
  });

  it('are instructions, not words to match', () => {
    expect(topics('Card', { tags: ['tacto:sensitive:baby'] })).toEqual(['baby']);
    expect(topics('Card', { tags: ['tacto:note:baby'] })).toEqual([]);
  });
});

describe('keywords', () => {
  it.each([
    ['Pregnancy test (2 pack)', 'pregnancy-fertility'],
    ['Ovulation kit', 'pregnancy-fertility'],
    ['Maternity leggings', 'pregnancy-fertility'],
    ['Crib mobile', 'baby'],
    ['Condoms, 12', 'sexual-wellness'],
    ['Adult diapers', 'medical'],
    ['Weight loss shake', 'weight-loss'],
    ['Debt consolidation guide', 'finance-debt'],
    ['Sympathy card', 'funeral-grief'],
    ['Bible', 'religion'],
    ['Rosary', 'religion'],
  ])('English: "%s" is %s', (title, topic) => {
    expect(topics(title)).toEqual([topic]);
  });

  it.each([
    ['Prueba de embarazo', 'pregnancy-fertility'],
    ['Vitaminas prenatales', 'pregnancy-fertility'],
    ['Chupete de silicona', 'baby'],
    ['Preservativos', 'sexual-wellness'],
    ['Lubricante íntimo', 'sexual-wellness'],
    ['Pañales para adultos', 'medical'],
    ['Quemagrasas', 'weight-loss'],
    ['Tarjeta de condolencias', 'funeral-grief'],
    ['Biblia de estudio', 'religion'],
  ])('Spanish: "%s" is %s', (title, topic) => {
    expect(topics(title)).toEqual([topic]);
  });

  it.each([
    ['Teste de gravidez digital', 'pregnancy-fertility'],
    ['Chupeta ortodôntica', 'baby'],
    ['Camisinha texturizada', 'sexual-wellness'],
    ['Fraldas para adultos', 'medical'],
    ['Emagrecedor', 'weight-loss'],
    ['Como sair das dívidas', 'finance-debt'],
    ['Urna funerária', 'funeral-grief'],
    ['Terço de madeira', 'religion'],
  ])('Portuguese: "%s" is %s', (title, topic) => {
    expect(topics(title)).toEqual([topic]);
  });

  it.each([
    'Wool overcoat', 'Cashmere gloves', 'Babyliss hair dryer', 'Baby blue mug', 'Azul bebé taza', 'Baby alpaca scarf',
    'Christmas angel decoration', 'Cross stitch kit', 'Earring stand', 'Heart of wicker small', 'Salmon cat food', 'Pet food',
    'Lunch bag', 'Cake cases', 'Machine lubricant', 'Garden urn planter', 'Hot water bottle tea and sympathy', 'Lace wedding dress',
    'JUMBO BAG RED RETROSPOT', 'WHITE HANGING HEART T-LIGHT HOLDER', 'PACK OF 72 RETROSPOT CAKE CASES',
    'SET OF 3 CAKE TINS PANTRY DESIGN', 'CHRISTMAS CRAFT WHITE FAIRY', 'FIRST AID TIN', 'RETRO PILL BOX', 'GIN + TONIC DIET METAL SIGN',
  ])('"%s" is not sensitive', (title) => {
    expect(topics(title)).toEqual([]);
  });

  it('match whole words only', () => {
    expect(topics('Biblical-era pottery')).toEqual([]);
    expect(topics('Cribbage board')).toEqual([]);
    expect(topics('Infantry figures')).toEqual([]);
    expect(topics('BABY BOOM RIBBONS')).toEqual(['baby']);
  });

  it('let the longest phrase decide where phrases overlap', () => {
    expect(topics('Adult diapers, baby diapers')).toEqual(['medical', 'baby']);
    expect(topics('Fralda geriátrica')).toEqual(['medical']);
    expect(topics('Baby shower banner')).toEqual(['baby']);
  });

  it('flag "stroller" alone: a product sold to parents of a baby is a baby product', () => {
    expect(topics('Stroller-friendly travel bag')).toEqual(['baby']);
  });

  it('read the product type and each tag, never joining one field to the next', () => {
    expect(topics('Comfort band', { productType: 'Maternity' })).toEqual(['pregnancy-fertility']);
    expect(topics('Soft pads', { tags: ['incontinence'] })).toEqual(['medical']);
    expect(topics('Soft blanket for baby', { productType: 'Blue' })).toEqual(['baby']);
    expect(topics('Sleepy', { tags: ['weight', 'loss'] })).toEqual([]);
  });

  it('are written as they are matched: lower case, no accents, no punctuation, and no look-alike is a keyword', () => {
    const all = Object.values(SENSITIVE_KEYWORDS).flatMap((p) => [...p.en, ...p.es, ...p.pt]);
    for (const phrase of [...all, ...NOT_SENSITIVE_PHRASES.en, ...NOT_SENSITIVE_PHRASES.es, ...NOT_SENSITIVE_PHRASES.pt]) {
      expect(wordsOf(phrase).join(' ')).toBe(phrase);
    }
    const lookAlikes = [...NOT_SENSITIVE_PHRASES.en, ...NOT_SENSITIVE_PHRASES.es, ...NOT_SENSITIVE_PHRASES.pt];
    expect(lookAlikes.filter((phrase) => all.includes(phrase))).toEqual([]);
  });
});

describe('sensitiveTopicsOf', () => {
  it('reports each topic once, taxonomy first, then tags, then keywords', () => {
    const product = { title: 'Pocket Bible for baby', productType: 'Bible', categoryId: 'bt-2', tags: ['tacto:sensitive'] };
    expect(sensitiveTopicsOf(product)).toEqual(['baby', 'merchant-flagged', 'religion']);
    expect(sensitiveTopicsOf(product)).toEqual(sensitiveTopicsOf({ ...product }));
  });

  it('only ever names known topics', () => {
    const found = topics('Prenatal bible condoms debt urn funeral diet pill', { categoryId: 'rc-2', tags: ['tacto:sensitive:x'] });
    for (const topic of found) expect(SENSITIVE_TOPICS).toContain(topic);
  });
});
