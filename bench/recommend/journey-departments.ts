/**
 * The journey simulation's independent relatedness check, which owes nothing to the engine: a pick is unrelated
 * to its context when it sits in another coarse department than every context product AND no order shows them
 * bought together. Departments come from the Shopify taxonomy id's top level (demo store) or from the Online
 * Retail description's coarse category (bench/recommend/coarse-categories.ts). Cat food on a coat page: `ap`
 * against `aa`, never bought together — unrelated.
 */

/**
 * Shopify Standard Product Taxonomy verticals (the id's first segment), by the name a shopper would give the
 * department. Two refinements: Cameras & Optics and Electronics are one department (a camera battery is
 * `el-…` and goes with a camera, `co-…`), and wedding attire is its own occasion inside apparel (a wedding dress
 * on an overcoat page is as unrelated as cat food). The longest matching prefix wins.
 */
export const TAXONOMY_DEPARTMENTS: Readonly<Record<string, string>> = {
  aa: 'apparel',
  'aa-1-22': 'bridal', // Wedding & Bridal Party Dresses
  'aa-2-7': 'bridal', // Bridal Accessories (veils)
  ae: 'arts & entertainment',
  ap: 'animals & pets',
  bi: 'business & industrial',
  bt: 'baby & toddler',
  bu: 'bundles',
  co: 'electronics & cameras',
  el: 'electronics & cameras',
  fb: 'food & drink',
  fr: 'furniture',
  gc: 'gift cards',
  ha: 'hardware',
  hb: 'health & beauty',
  hg: 'home & garden',
  lb: 'luggage & bags',
  ma: 'mature',
  me: 'media',
  na: 'uncategorized',
  os: 'office supplies',
  pa: 'product add-ons',
  rc: 'religious & ceremonial',
  sg: 'sporting goods',
  so: 'software',
  tg: 'toys & games',
  vp: 'vehicles & parts',
};

/** A product without a taxonomy id (or with an unknown vertical) is in no department: only co-purchases relate it. */
export const NO_DEPARTMENT = 'none';

/** The coarse department of a taxonomy id such as `aa-1-10-2-5` (→ apparel) or `ap-2-2-1-1` (→ animals & pets). */
export function departmentOfCategory(categoryId: string | null): string {
  if (!categoryId) return NO_DEPARTMENT;
  const parts = categoryId.trim().toLowerCase().split('-');
  for (let n = parts.length; n >= 1; n--) {
    const department = TAXONOMY_DEPARTMENTS[parts.slice(0, n).join('-')];
    if (department) return department;
  }
  return NO_DEPARTMENT;
}

/**
 * Which orders hold each product, to count how often two products were bought together and whether that is
 * more than chance (lift above 1: a best-seller is in many baskets with everything, and that alone relates it
 * to nothing).
 */
export class CoPurchases {
  private readonly ordersOf = new Map<number, Int32Array>();
  private readonly orders: number;

  constructor(orders: readonly (readonly number[])[]) {
    const lists = new Map<number, number[]>();
    orders.forEach((productIds, index) => {
      for (const id of new Set(productIds)) {
        const list = lists.get(id);
        if (list) list.push(index);
        else lists.set(id, [index]);
      }
    });
    for (const [id, list] of lists) this.ordersOf.set(id, Int32Array.from(list));
    this.orders = orders.length;
  }

  /** Orders holding both products. */
  together(a: number, b: number): number {
    const x = this.ordersOf.get(a);
    const y = this.ordersOf.get(b);
    if (!x || !y) return 0;
    let i = 0;
    let j = 0;
    let count = 0;
    while (i < x.length && j < y.length) {
      if (x[i]! < y[j]!) i++;
      else if (x[i]! > y[j]!) j++;
      else {
        count++;
        i++;
        j++;
      }
    }
    return count;
  }

  /** At least `minOrders` orders hold both, and more than independence would put together (lift > 1). */
  evidence(a: number, b: number, minOrders: number): boolean {
    const both = this.together(a, b);
    if (both < Math.max(1, minOrders)) return false;
    const na = this.ordersOf.get(a)!.length;
    const nb = this.ordersOf.get(b)!.length;
    return both * this.orders > na * nb;
  }
}

/**
 * The independent check: unrelated when the pick's department differs from every context product's (or the
 * pick has none) and no context product has co-purchase evidence with it.
 */
export function isUnrelatedIndependently(
  context: readonly number[],
  pick: number,
  departmentOf: (productId: number) => string,
  coPurchases: CoPurchases,
  minOrders: number,
): boolean {
  const department = departmentOf(pick);
  for (const id of context) {
    if (department !== NO_DEPARTMENT && departmentOf(id) === department) return false;
    if (coPurchases.evidence(id, pick, minOrders)) return false;
  }
  return true;
}
