import { describe, expect, it } from 'vitest';
import { CoPurchases, departmentOfCategory, isUnrelatedIndependently, NO_DEPARTMENT } from '../../bench/recommend/journey-departments.ts';
import { TAXONOMY } from '../../sandbox/seed/taxonomy.ts';

describe('coarse departments from Shopify taxonomy ids', () => {
  it('puts the demo store’s coat, its accessories, cat food, luggage and wedding wear where a shopper would', () => {
    expect(departmentOfCategory(TAXONOMY.overcoats.id)).toBe('apparel');
    expect(departmentOfCategory(TAXONOMY.glovesMittens.id)).toBe('apparel');
    expect(departmentOfCategory(TAXONOMY.scarvesShawls.id)).toBe('apparel');
    expect(departmentOfCategory(TAXONOMY.catFood.id)).toBe('animals & pets');
    expect(departmentOfCategory(TAXONOMY.dogTreats.id)).toBe('animals & pets');
    expect(departmentOfCategory(TAXONOMY.duffelBags.id)).toBe('luggage & bags');
    // Wedding wear is its own occasion inside apparel: a wedding dress on a coat page is unrelated.
    expect(departmentOfCategory(TAXONOMY.weddingDresses.id)).toBe('bridal');
    expect(departmentOfCategory(TAXONOMY.bridalAccessories.id)).toBe('bridal');
    // A camera battery (Electronics) goes with a camera (Cameras & Optics).
    expect(departmentOfCategory(TAXONOMY.cameraBatteries.id)).toBe(departmentOfCategory(TAXONOMY.mirrorlessCameras.id));
  });

  it('gives every category the demo store uses a department', () => {
    for (const category of Object.values(TAXONOMY)) expect(departmentOfCategory(category.id), category.fullName).not.toBe(NO_DEPARTMENT);
  });

  it('gives none to a product without a category or with an unknown vertical', () => {
    expect(departmentOfCategory(null)).toBe(NO_DEPARTMENT);
    expect(departmentOfCategory('')).toBe(NO_DEPARTMENT);
    expect(departmentOfCategory('zz-1-2')).toBe(NO_DEPARTMENT);
    // `aa-1-22` is bridal, but `aa-1-2` (another branch sharing a prefix of characters) is plain apparel.
    expect(departmentOfCategory('aa-1-2')).toBe('apparel');
    expect(departmentOfCategory('AA-1-22-2')).toBe('bridal');
  });
});

describe('co-purchase evidence', () => {
  // 0 = coat, 1 = gloves, 2 = cat food (in every order: a best-seller), 3 = scarf.
  const orders = [[0, 1, 2], [0, 1, 2], [0, 3, 2], [2], [2, 3], [1, 3, 2]];
  const co = new CoPurchases(orders);

  it('counts the orders holding both products', () => {
    expect(co.together(0, 1)).toBe(2);
    expect(co.together(1, 0)).toBe(2);
    expect(co.together(0, 2)).toBe(3);
    expect(co.together(0, 99)).toBe(0);
  });

  it('needs the minimum number of orders and more than chance: a best-seller in every basket relates to nothing', () => {
    // Coat & gloves: 2 of 6 orders against 3 × 3 / 6 = 1.5 by chance.
    expect(co.evidence(0, 1, 2)).toBe(true);
    expect(co.evidence(0, 1, 3)).toBe(false);
    // Coat & cat food: 3 of 6, exactly what 3 × 6 / 6 gives by chance.
    expect(co.evidence(0, 2, 1)).toBe(false);
  });
});

describe('the independent check', () => {
  const departments: Record<number, string> = { 0: 'apparel', 1: 'apparel', 2: 'animals & pets', 3: 'electronics & cameras', 4: 'electronics & cameras', 5: NO_DEPARTMENT };
  const departmentOf = (id: number) => departments[id] ?? NO_DEPARTMENT;
  // 3 = camera, 5 = an uncategorized lens cloth bought with it; 2 = cat food bought alone.
  const co = new CoPurchases([[3, 5], [2], [0, 1]]);

  it('calls cat food on a coat page unrelated, and gloves related', () => {
    expect(isUnrelatedIndependently([0], 2, departmentOf, co, 1)).toBe(true);
    expect(isUnrelatedIndependently([0], 1, departmentOf, co, 1)).toBe(false);
  });

  it('relates by co-purchase what departments cannot place, and by any one of several context products', () => {
    expect(isUnrelatedIndependently([3], 5, departmentOf, co, 1)).toBe(false);
    expect(isUnrelatedIndependently([0], 5, departmentOf, co, 1)).toBe(true);
    expect(isUnrelatedIndependently([2, 0], 1, departmentOf, co, 1)).toBe(false);
    // Two products without a department are not "the same department".
    expect(isUnrelatedIndependently([5], 6, departmentOf, co, 1)).toBe(true);
  });
});
