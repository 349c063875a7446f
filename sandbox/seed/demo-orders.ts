import { PERSONAS } from './demo-customers.ts';

/**
 * The demo store's order history, in days before the seed's `now`. Orders reach back ~200 days so that some
 * are older than 60 days (Shopify shows those only to apps holding read_all_orders). Each persona's story is
 * told by its orders: the coat buyer bought gloves months ago and a coat last week, the pet owner reorders
 * cat food about every 30 days, the camera buyer returned one of two spare batteries, the trip buyer went
 * trekking in Patagonia about 200 days ago.
 *
 * Other shoppers' baskets (CO_PURCHASES) give the engine its co-purchase evidence: each showcase product is
 * bought with a complement in at least two orders, which the relevance floor needs (policy.minCoPurchases).
 */
export interface DemoOrderSpec {
  /** Customer email (a DEMO_CUSTOMERS entry), or null for a guest checkout. */
  customer: string | null;
  /** Contact email of a guest checkout (guests may also leave none). */
  guestEmail?: string | null;
  daysAgo: number;
  lines: { handle: string; variant?: number; quantity?: number }[];
  fulfilledAfterDays?: number;
  cancelledAfterDays?: number;
  refund?: { afterDays: number; lines: { handle: string; quantity: number }[]; note: string };
  note?: string;
}

const P = PERSONAS;

/** The trip, the gear bought for it two days later, and a scarf last month: owned, all of it, for good. */
const TRIP_BUYER_ORDERS: DemoOrderSpec[] = [
  {
    customer: P.TRIP_BUYER,
    daysAgo: 198,
    lines: [{ handle: 'patagonia-trekking-week' }, { handle: 'travel-adapter' }],
    fulfilledAfterDays: 1,
    note: 'March departure, two travellers.',
  },
  {
    customer: P.TRIP_BUYER,
    daysAgo: 196,
    lines: [{ handle: 'weekender-duffel' }, { handle: 'packing-cubes' }, { handle: 'toiletry-bag' }],
    fulfilledAfterDays: 2,
  },
  { customer: P.TRIP_BUYER, daysAgo: 28, lines: [{ handle: 'cashmere-scarf' }], fulfilledAfterDays: 2 },
];

/** Baskets of other shoppers (and guests): each pairs a showcase product with a complement, twice or more. */
const CO_PURCHASES: DemoOrderSpec[] = [
  {
    customer: 'george.patel@example.com',
    daysAgo: 160,
    lines: [{ handle: 'wool-overcoat', variant: 1 }, { handle: 'merino-scarf' }],
    fulfilledAfterDays: 2,
  },
  {
    customer: null,
    guestEmail: 'w.harris@example.com',
    daysAgo: 150,
    lines: [{ handle: 'wool-overcoat' }, { handle: 'merino-scarf', variant: 1 }, { handle: 'cedar-coat-hangers' }],
    fulfilledAfterDays: 3,
  },
  {
    customer: null,
    guestEmail: 'j.moreau@example.com',
    daysAgo: 140,
    lines: [{ handle: 'weekender-duffel' }, { handle: 'packing-cubes' }, { handle: 'toiletry-bag' }],
    fulfilledAfterDays: 2,
  },
  {
    customer: 'isabel.romero@example.com',
    daysAgo: 130,
    lines: [{ handle: 'puffer-jacket' }, { handle: 'winter-beanie' }],
    fulfilledAfterDays: 2,
  },
  {
    customer: 'carlos.ruiz@example.com',
    daysAgo: 110,
    lines: [{ handle: 'puffer-jacket', variant: 1 }, { handle: 'winter-beanie' }, { handle: 'shearling-earmuffs' }],
    fulfilledAfterDays: 2,
    note: 'Gift wrap, please.',
  },
  {
    customer: null,
    guestEmail: 'e.novak@example.com',
    daysAgo: 100,
    lines: [{ handle: 'expedition-parka' }, { handle: 'leather-gloves' }],
    fulfilledAfterDays: 2,
  },
  {
    customer: 'hannah.fischer@example.com',
    daysAgo: 85,
    lines: [{ handle: 'expedition-parka', variant: 1 }, { handle: 'leather-gloves', variant: 1 }, { handle: 'wool-wash' }],
    fulfilledAfterDays: 2,
  },
  {
    customer: null,
    guestEmail: 'r.tanaka@example.com',
    daysAgo: 75,
    lines: [{ handle: 'mirrorless-camera' }, { handle: 'battery-charger' }, { handle: 'lens-cleaning-kit' }],
    fulfilledAfterDays: 2,
  },
  {
    customer: null,
    guestEmail: 'k.mensah@example.com',
    daysAgo: 70,
    lines: [{ handle: 'cat-food-salmon', variant: 1 }, { handle: 'cat-litter' }, { handle: 'scratching-post' }],
    fulfilledAfterDays: 1,
  },
  {
    customer: 'beatriz.lima@example.com',
    daysAgo: 62,
    lines: [{ handle: 'mirrorless-camera' }, { handle: 'battery-charger' }, { handle: 'wide-angle-lens-16mm' }],
    fulfilledAfterDays: 2,
  },
  {
    customer: 'george.patel@example.com',
    daysAgo: 58,
    lines: [{ handle: 'cat-food-salmon' }, { handle: 'cat-litter' }, { handle: 'feather-wand-toy' }],
    fulfilledAfterDays: 1,
  },
  {
    customer: null,
    guestEmail: 'l.silva@example.com',
    daysAgo: 52,
    lines: [{ handle: 'city-stroller', variant: 1 }, { handle: 'stroller-cup-holder' }, { handle: 'stroller-hooks' }],
    fulfilledAfterDays: 2,
  },
  {
    customer: 'carlos.ruiz@example.com',
    daysAgo: 40,
    lines: [{ handle: 'city-stroller' }, { handle: 'stroller-cup-holder' }, { handle: 'stroller-footmuff' }],
    fulfilledAfterDays: 3,
    note: 'A present for my sister: gift wrap, please.',
  },
];

export const DEMO_ORDERS: DemoOrderSpec[] = [
  { customer: 'carlos.ruiz@example.com', daysAgo: 190, lines: [{ handle: 'merino-scarf' }, { handle: 'winter-beanie' }], fulfilledAfterDays: 2 },
  { customer: P.COAT_BUYER, daysAgo: 170, lines: [{ handle: 'leather-gloves' }], fulfilledAfterDays: 3 },
  { customer: 'isabel.romero@example.com', daysAgo: 140, lines: [{ handle: 'knit-mittens' }], fulfilledAfterDays: 2 },
  {
    customer: 'hannah.fischer@example.com',
    daysAgo: 120,
    lines: [{ handle: 'carry-on-suitcase' }, { handle: 'packing-cubes' }],
    fulfilledAfterDays: 2,
  },
  {
    customer: P.PET_OWNER,
    daysAgo: 95,
    lines: [{ handle: 'cat-food-salmon' }, { handle: 'cat-treats', quantity: 2 }],
    fulfilledAfterDays: 1,
  },
  { customer: P.PREGNANCY_TEST_BUYER, daysAgo: 90, lines: [{ handle: 'ovulation-tests' }], fulfilledAfterDays: 2 },
  {
    customer: 'george.patel@example.com',
    daysAgo: 80,
    lines: [{ handle: 'camera-backpack' }, { handle: 'uv-lens-filter' }],
    fulfilledAfterDays: 3,
  },
  {
    customer: P.WEDDING_DRESS_BUYER,
    daysAgo: 70,
    lines: [{ handle: 'lace-wedding-dress' }, { handle: 'cathedral-veil' }],
    fulfilledAfterDays: 5,
    note: 'Please steam the veil before shipping.',
  },
  { customer: P.PET_OWNER, daysAgo: 65, lines: [{ handle: 'cat-food-salmon' }], fulfilledAfterDays: 1 },
  { customer: 'beatriz.lima@example.com', daysAgo: 55, lines: [{ handle: 'weekender-duffel' }], fulfilledAfterDays: 2 },
  { customer: 'beatriz.lima@example.com', daysAgo: 50, lines: [{ handle: 'travel-tripod' }], cancelledAfterDays: 1 },
  { customer: P.STROLLER_BUYER, daysAgo: 45, lines: [{ handle: 'city-stroller' }], fulfilledAfterDays: 2 },
  {
    customer: P.PET_OWNER,
    daysAgo: 35,
    lines: [{ handle: 'cat-food-salmon', variant: 1 }, { handle: 'dog-treats' }],
    fulfilledAfterDays: 1,
  },
  {
    customer: P.CAMERA_BUYER,
    daysAgo: 30,
    lines: [{ handle: 'mirrorless-camera' }, { handle: 'camera-battery', quantity: 2 }],
    fulfilledAfterDays: 2,
    refund: { afterDays: 6, lines: [{ handle: 'camera-battery', quantity: 1 }], note: 'Returned one unopened battery.' },
  },
  { customer: 'isabel.romero@example.com', daysAgo: 25, lines: [{ handle: 'prenatal-vitamins' }], fulfilledAfterDays: 2 },
  {
    customer: null,
    guestEmail: 'guest.shopper@example.com',
    daysAgo: 15,
    lines: [{ handle: 'packable-rain-coat' }],
    fulfilledAfterDays: 2,
  },
  { customer: P.CAMERA_BUYER, daysAgo: 12, lines: [{ handle: 'prime-lens-50mm' }], fulfilledAfterDays: 2 },
  { customer: P.STROLLER_BUYER, daysAgo: 10, lines: [{ handle: 'stroller-rain-cover' }], fulfilledAfterDays: 1 },
  { customer: null, guestEmail: null, daysAgo: 9, lines: [{ handle: 'incontinence-pads' }], fulfilledAfterDays: 1 },
  { customer: P.COAT_BUYER, daysAgo: 8, lines: [{ handle: 'wool-overcoat' }], fulfilledAfterDays: 2 },
  { customer: P.PREGNANCY_TEST_BUYER, daysAgo: 5, lines: [{ handle: 'pregnancy-test' }], fulfilledAfterDays: 2 },
  // Not yet shipped: the sandbox can fulfil these during a scenario.
  { customer: P.PET_OWNER, daysAgo: 4, lines: [{ handle: 'cat-food-salmon' }] },
  { customer: 'hannah.fischer@example.com', daysAgo: 2, lines: [{ handle: 'leather-luggage-tag' }] },
  ...TRIP_BUYER_ORDERS,
  ...CO_PURCHASES,
];
