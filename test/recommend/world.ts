/**
 * A small store for engine tests: products with real taxonomy ids, and orders that make the co-purchase
 * signal unmistakable (coats go with gloves and scarves, pregnancy tests with ovulation tests…).
 */
import { ShopModel, type TrainingOrder } from '../../server/recommend/model/shop-model.ts';
import { DAY_MS, DEFAULT_POLICY, type RecommendPolicy } from '../../server/recommend/policy.ts';
import type { CatalogProduct, Purchase, RecommendRequest, Shopper, Surface } from '../../server/recommend/types.ts';

export const NOW = Date.parse('2026-06-01T12:00:00Z');
export const daysAgo = (days: number) => NOW - days * DAY_MS;

function product(id: number, title: string, productType: string, categoryId: string | null, tags: string[] = [], collectionIds: number[] = []): CatalogProduct {
  return { id, title, productType, categoryId, tags, collectionIds, available: true };
}

export const P = {
  overcoat: 1,
  parka: 2,
  gloves: 3,
  scarf: 4,
  beanie: 5,
  catFood: 6,
  catTreats: 7,
  pregnancyTest: 8,
  ovulationTests: 9,
  weddingDress: 10,
  veil: 11,
  stroller: 12,
  strollerKit: 13,
  umbrella: 14,
  mug: 15,
  candle: 16,
  prenatalVitamins: 17,
  pregnancyPillow: 18,
  strollerCover: 19,
  strollerOrganizer: 20,
} as const;

export const WINTER = 100;

export const CATALOG: CatalogProduct[] = [
  product(P.overcoat, 'Wool overcoat', 'Coat', 'aa-1-10-2-5', ['winter'], [WINTER]),
  product(P.parka, 'Expedition parka', 'Coat', 'aa-1-10-2-6', ['winter'], [WINTER]),
  product(P.gloves, 'Leather gloves', 'Gloves', 'aa-2-13', ['winter'], [WINTER]),
  product(P.scarf, 'Merino scarf', 'Scarf', 'aa-2-26', ['winter'], [WINTER]),
  product(P.beanie, 'Winter beanie', 'Hat', 'aa-2-17-16', ['winter'], [WINTER]),
  product(P.catFood, 'Salmon cat food', 'Pet Food', 'ap-2-2-1-1', ['consumable', 'reorder-days:30']),
  product(P.catTreats, 'Cat treats', 'Pet Treats', 'ap-2-2-6', ['consumable', 'reorder-days:21']),
  product(P.pregnancyTest, 'Digital pregnancy test', 'Health', 'hb-1-15-5'),
  product(P.ovulationTests, 'Ovulation tests (20)', 'Health Tests', 'hb-1-4-8-2'),
  product(P.weddingDress, 'Lace wedding dress', 'Wedding Dress', 'aa-1-22-2', ['one-time']),
  product(P.veil, 'Cathedral veil', 'Veil', 'aa-2-7'),
  product(P.stroller, 'City stroller', 'Stroller', 'bt-6-3-3'),
  product(P.strollerKit, 'Stroller care kit', 'Stroller Care Kit', 'bt-7-3'),
  product(P.umbrella, 'Travel umbrella', 'Umbrella', null),
  product(P.mug, 'Enamel mug', 'Mug', null),
  product(P.candle, 'Cedar candle', 'Candle', null),
  product(P.prenatalVitamins, 'Prenatal vitamins', 'Vitamins', 'hb-1-11-4'),
  product(P.pregnancyPillow, 'Pregnancy pillow', 'Pillow', 'hg-3-13'),
  product(P.strollerCover, 'Stroller rain cover', 'Stroller Rain Cover', 'bt-7-5'),
  product(P.strollerOrganizer, 'Stroller organizer', 'Stroller Organizer', 'bt-7-4'),
];

/** `times` copies of an order, spread over the days before `NOW`. */
function repeat(times: number, productIds: number[], customerBase: number): TrainingOrder[] {
  return Array.from({ length: times }, (_, k) => ({ customerId: customerBase + k, orderedAt: daysAgo(1 + (k % 60)), productIds }));
}

export const ORDERS: TrainingOrder[] = [
  ...repeat(12, [P.overcoat, P.gloves], 1000),
  ...repeat(10, [P.parka, P.scarf], 2000),
  ...repeat(8, [P.overcoat, P.scarf, P.beanie], 3000),
  ...repeat(9, [P.catFood, P.catTreats], 4000),
  ...repeat(6, [P.pregnancyTest, P.ovulationTests], 5000),
  ...repeat(4, [P.pregnancyTest, P.prenatalVitamins, P.pregnancyPillow], 5500),
  ...repeat(5, [P.weddingDress, P.veil], 6000),
  ...repeat(5, [P.stroller, P.strollerKit], 7000),
  ...repeat(4, [P.stroller, P.strollerCover, P.strollerOrganizer], 7500),
  ...repeat(14, [P.umbrella, P.mug], 8000),
  ...repeat(11, [P.mug, P.candle], 9000),
  ...repeat(4, [P.gloves, P.pregnancyTest], 9500),
];

export function buildWorld(policy: RecommendPolicy = DEFAULT_POLICY, products = CATALOG, orders = ORDERS): ShopModel {
  return ShopModel.build(products, orders, policy, NOW);
}

export function shopper(purchases: [productId: number, days: number][], extra: Partial<Shopper> = {}): Shopper {
  return {
    personalizationAllowed: true,
    purchases: purchases.map(([productId, days]): Purchase => ({ productId, orderedAt: daysAgo(days) })),
    feedback: [],
    declaredTopics: [],
    recentImpressions: new Map(),
    ...extra,
  };
}

export function request(surface: Surface, who: Shopper | null, limit = 6, reorderReminders = false): RecommendRequest {
  return { surface, shopper: who, limit, now: NOW, reorderReminders };
}
