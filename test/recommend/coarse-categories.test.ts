import { describe, expect, it } from 'vitest';
import { COARSE_CATEGORIES, coarseCategoryOf } from '../../bench/recommend/coarse-categories.ts';

const EXAMPLES: [description: string, category: string][] = [
  ['WHITE HANGING HEART T-LIGHT HOLDER', 'lighting & candles'], // T-LIGHT before the HEART motif and HOLDER
  ['JUMBO BAG RED RETROSPOT', 'bags'],
  ['LUNCH BAG RED RETROSPOT', 'bags'], // a bag first, lunch second
  ['SPACEBOY LUNCH BOX', 'kitchen & baking'],
  ['PACK OF 72 RETROSPOT CAKE CASES', 'kitchen & baking'], // the phrase, not CASE (storage)
  ['REGENCY CAKESTAND 3 TIER', 'kitchen & baking'],
  ['PINK REGENCY TEACUP AND SAUCER', 'tableware & drinks'],
  ['PAPER CHAIN KIT 50\'S CHRISTMAS', 'christmas'], // the season before KIT (toys)
  ['JUMBO BAG 50\'S CHRISTMAS', 'christmas'],
  ['SET OF 6 T-LIGHTS EASTER CHICKS', 'easter'],
  ['RETROSPOT HEART HOT WATER BOTTLE', 'cushions & textiles'], // not a drinks bottle
  ['SCANDINAVIAN 3 HEARTS NAPKIN RING', 'tableware & drinks'], // not jewellery
  ['LETTER "A" BLING KEY RING', 'jewellery & accessories'],
  ['DIAMANTE NECKLACE BLACK', 'jewellery & accessories'],
  ['PARTY BUNTING', 'party & gift wrap'],
  ['SPACEBOY BIRTHDAY CARD', 'stationery & cards'], // the card, not the birthday
  ['FAIRY CAKES NOTEBOOK A6 SIZE', 'stationery & cards'], // the notebook, not the cake print
  ['FELTCRAFT PRINCESS CHARLOTTE DOLL', 'toys, games & crafts'],
  ['S/6 WOODEN SKITTLES IN COTTON BAG', 'toys, games & crafts'], // the bag is packaging
  ['ASSORTED FARMYARD ANIMALS IN BUCKET', 'toys, games & crafts'], // the bucket is packaging
  ['ALARM CLOCK BAKELIKE RED', 'frames, signs & clocks'],
  ['DOORMAT KEEP CALM AND COME IN', 'garden & outdoor'],
  ['PLASTERS IN TIN SPACEBOY', 'bath & beauty'],
  ['WOOD 2 DRAWER CABINET WHITE FINISH', 'furniture & storage'],
  ['ASSORTED COLOUR BIRD ORNAMENT', 'home decor'],
  ['HEART OF WICKER SMALL', 'home decor'], // only motif words
  ['FEATHER PEN,LIGHT PINK', 'stationery & cards'], // LIGHT PINK is a colour
];

describe('coarseCategoryOf', () => {
  it.each(EXAMPLES)('%s → %s', (description, category) => {
    expect(coarseCategoryOf(description)).toBe(category);
  });

  it('matches whole words, any case, with simple plurals', () => {
    expect(coarseCategoryOf('jumbo bags')).toBe('bags');
    expect(coarseCategoryOf('GLASS BOXES')).toBe('furniture & storage');
    expect(coarseCategoryOf('BAGUETTE')).toBe('other'); // BAG only as a word
  });

  it('gives unknown text "other"', () => {
    expect(coarseCategoryOf('')).toBe('other');
    expect(coarseCategoryOf('Next Day Carriage')).toBe('other');
    expect(coarseCategoryOf('XYZZY 42')).toBe('other');
  });

  it('only returns listed categories, with no duplicates and "other" last', () => {
    expect(new Set(COARSE_CATEGORIES).size).toBe(COARSE_CATEGORIES.length);
    expect(COARSE_CATEGORIES.at(-1)).toBe('other');
    for (const [description] of EXAMPLES) expect(COARSE_CATEGORIES).toContain(coarseCategoryOf(description));
    for (const category of COARSE_CATEGORIES.slice(0, -1)) {
      expect(EXAMPLES.some(([, expected]) => expected === category), category).toBe(true);
    }
  });
});
