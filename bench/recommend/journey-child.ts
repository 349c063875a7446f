/**
 * Child process of `npm run bench`: the journey simulation (bench/recommend/journey.ts) on two stores — the
 * sandbox's demo store, installed and imported as `npm start` does it (its model is the app's own), and all of
 * Online Retail — with the summaries the report prints. Prints one JSON object (JourneyResult).
 * Argument: the Online Retail file.
 */
import { PERSONAS } from '../../sandbox/seed/demo-customers.ts';
import type { ShopModel } from '../../server/recommend/model/shop-model.ts';
import type { CatalogProduct, Purchase } from '../../server/recommend/types.ts';
import { startInstalledDemoApp } from '../installed-demo-app.ts';
import { coarseCategoryOf } from './coarse-categories.ts';
import { CoPurchases, departmentOfCategory, isUnrelatedIndependently } from './journey-departments.ts';
import { engineDrawsWithSeed, engineIsRelatedToContext, type RelatedPredicate } from './journey-engine.ts';
import { JOURNEY_PLAN, JOURNEY_SURFACES, simulateJourneys, type JourneyBlock, type JourneyShopper, type JourneySurface } from './journey.ts';
import {
  relatednessTable,
  sizeChecks,
  sizeTable,
  unrelatedByStep,
  violations,
  type Judge,
  type RelatednessRow,
  type SizeCheck,
  type SizeRow,
} from './journey-summary.ts';
import { loadOnlineRetailSplit, seededRandom } from './online-retail-split.ts';
import { buildModel, catalogOf } from './tacto-ranker.ts';

const REPORTED_STEPS = [1, 5, 10, 15, 20] as const;
const ONLINE_RETAIL_SHOPPERS = 300;
const ONLINE_RETAIL_SEED = 20111209;
const MAX_EXAMPLES = 6;

export interface CatalogJourney {
  store: string;
  shoppers: number;
  products: number;
  /** Orders that must hold both products for co-purchase evidence (and lift above 1). */
  minCoPurchaseOrders: number;
  sizes: Record<JourneySurface, SizeRow[]>;
  sizeChecks: SizeCheck[];
  relatedness: RelatednessRow[];
  /** Unrelated picks (below the floor) shown to logged-in shoppers at the reported steps. */
  unrelatedLoggedInByStep: ReturnType<typeof unrelatedByStep>;
  /** The first unrelated picks (by either check), verbatim. */
  unrelatedExamples: string[];
  /** The first picks shown to a shopper who had bought them. */
  ownedExamples: string[];
}

export interface JourneyResult {
  /** Whose relevance floor judged the picks: the engine's `isRelatedToContext`, or the bench's stand-in. */
  floor: 'engine' | 'bench stand-in';
  seeded: boolean;
  steps: number;
  stepHours: number;
  limit: number;
  emailLimit: number;
  emailSteps: readonly number[];
  stores: CatalogJourney[];
}

interface Store {
  name: string;
  model: ShopModel;
  catalog: readonly CatalogProduct[];
  orders: readonly (readonly number[])[];
  shoppers: JourneyShopper[];
  departmentOf(productId: number): string;
  minCoPurchaseOrders: number;
  start: number;
}

/**
 * Until the engine has a relevance floor: related means co-purchase evidence with a context product, or a
 * collection shared with one (a catalog complement that, unlike tags such as "accessory", says what goes together).
 */
function standInFloor(catalog: readonly CatalogProduct[], coPurchases: CoPurchases, minOrders: number): RelatedPredicate {
  const collections = new Map(catalog.map((p) => [p.id, new Set(p.collectionIds)]));
  return (_model, context, id) =>
    context.some((c) => coPurchases.evidence(c, id, minOrders) || [...(collections.get(c) ?? [])].some((k) => collections.get(id)?.has(k)));
}

function summarize(store: Store): CatalogJourney {
  const blocks = simulateJourneys(store.model, store.shoppers, { ...JOURNEY_PLAN, start: store.start });
  for (const block of blocks) {
    const limit = block.surface === 'email' ? JOURNEY_PLAN.emailLimit : JOURNEY_PLAN.limit;
    if (new Set(block.picks).size !== block.picks.length || block.picks.length > limit) {
      throw new Error(`${store.name}: a ${block.surface} block of ${block.picks.length} picks (${block.picks.join(', ')}) for a limit of ${limit}`);
    }
  }
  const coPurchases = new CoPurchases(store.orders);
  const floor = engineIsRelatedToContext ?? standInFloor(store.catalog, coPurchases, store.minCoPurchaseOrders);
  const owned = store.shoppers.map((s) => new Set(s.purchases.map((p) => p.productId)));
  const judge: Judge = (block: JourneyBlock, pick: number) => ({
    unrelated: !floor(store.model, block.context, pick),
    unrelatedIndependently: isUnrelatedIndependently(block.context, pick, store.departmentOf, coPurchases, store.minCoPurchaseOrders),
    owned: block.audience === 'logged-in' && owned[block.shopper]!.has(pick),
  });
  const titles = new Map(store.catalog.map((p) => [p.id, p.title]));
  const describe = { shopper: (i: number) => store.shoppers[i]!.label, product: (id: number) => titles.get(id) ?? `#${id}` };
  return {
    store: store.name,
    shoppers: store.shoppers.length,
    products: store.catalog.length,
    minCoPurchaseOrders: store.minCoPurchaseOrders,
    sizes: {
      product: sizeTable(blocks, 'product', REPORTED_STEPS),
      cart: sizeTable(blocks, 'cart', REPORTED_STEPS),
      email: sizeTable(blocks, 'email', JOURNEY_PLAN.emailSteps),
    },
    sizeChecks: sizeChecks(blocks, JOURNEY_SURFACES),
    relatedness: relatednessTable(blocks, judge),
    unrelatedLoggedInByStep: unrelatedByStep(blocks, judge, REPORTED_STEPS, 'logged-in'),
    unrelatedExamples: violations(blocks, judge, 'unrelated', describe, MAX_EXAMPLES),
    ownedExamples: violations(blocks, judge, 'owned', describe, MAX_EXAMPLES),
  };
}

/** A shopper's journey inputs from their orders (oldest first, products in catalog order). */
function journeyShopper(label: string, orders: readonly { orderedAt: number; productIds: readonly number[] }[], inCatalog: (id: number) => boolean): JourneyShopper | null {
  const purchases: Purchase[] = orders.flatMap((o) => o.productIds.map((productId) => ({ productId, orderedAt: o.orderedAt })));
  for (let k = orders.length - 1; k >= 0; k--) {
    const known = orders[k]!.productIds.filter(inCatalog);
    if (known.length === 0) continue;
    return { label, purchases, productId: known[0]!, cart: known.slice(0, 3), lastOrder: known };
  }
  return null;
}

/** The demo store as the app holds it: installed into the sandbox, imported, the model the app serves from. */
async function demoStore(): Promise<{ store: Store; close(): Promise<void> }> {
  const demo = await startInstalledDemoApp('journey');
  const { storage } = demo.server;
  const model = await demo.server.models.get(demo.shop);
  const catalog = await storage.recommendations.catalog(demo.shop);
  const orders = await storage.recommendations.trainingOrders(demo.shop);
  const emails = new Map([...demo.sandbox.store.customers.values()].map((c) => [c.id, c.email ?? `customer ${c.id}`]));
  const personaOf = new Map(Object.entries(PERSONAS).map(([name, email]) => [email as string, name]));
  const categories = new Map(catalog.map((p) => [p.id, p.categoryId]));
  const ids = new Set(catalog.map((p) => p.id));
  const customers = [...new Set(orders.flatMap((o) => (o.customerId === null ? [] : [o.customerId])))];
  const shoppers = customers.flatMap((id) => {
    const email = emails.get(id) ?? `customer ${id}`;
    const persona = personaOf.get(email);
    const label = persona ? `${email.split('@')[0]} (${persona})` : email.split('@')[0]!;
    const mine = orders.filter((o) => o.customerId === id);
    const shopper = journeyShopper(label, mine, (p) => ids.has(p));
    return shopper ? [shopper] : [];
  });
  return {
    store: {
      name: 'demo store',
      model,
      catalog,
      orders: orders.map((o) => o.productIds),
      shoppers,
      departmentOf: (id) => departmentOfCategory(categories.get(id) ?? null),
      // A few dozen orders: one order holding both is all the evidence the demo store has.
      minCoPurchaseOrders: 1,
      start: Date.now(),
    },
    close: () => demo.close(),
  };
}

/** Online Retail: 300 returning customers (two orders or more), drawn with a seeded generator. */
async function onlineRetail(file: string): Promise<Store> {
  const split = await loadOnlineRetailSplit(file);
  const all = [...split.train, ...split.test];
  const model = buildModel(split, all);
  const catalog = catalogOf(split);
  const byCustomer = new Map<number, { orderedAt: number; productIds: number[] }[]>();
  for (const b of all) {
    const list = byCustomer.get(b.customer) ?? [];
    list.push({ orderedAt: b.time, productIds: b.items });
    byCustomer.set(b.customer, list);
  }
  const returning = [...byCustomer.keys()].filter((c) => byCustomer.get(c)!.length >= 2).sort((a, b) => a - b);
  const random = seededRandom(ONLINE_RETAIL_SEED);
  for (let k = returning.length - 1; k > 0; k--) {
    const j = Math.floor(random() * (k + 1));
    [returning[k], returning[j]] = [returning[j]!, returning[k]!];
  }
  const inCatalog = (id: number) => id < split.trainItems;
  const shoppers = returning
    .slice(0, ONLINE_RETAIL_SHOPPERS)
    .flatMap((c) => journeyShopper(`customer ${c}`, byCustomer.get(c)!, inCatalog) ?? []);
  const categories = split.descriptions.map((d) => coarseCategoryOf(d));
  return {
    name: 'Online Retail',
    model,
    catalog,
    orders: all.map((b) => b.items),
    shoppers,
    departmentOf: (id) => categories[id] ?? 'other',
    // Tens of thousands of orders: one basket holding both is chance; two with lift above 1 is evidence.
    minCoPurchaseOrders: 2,
    start: all.at(-1)!.time + 3_600_000,
  };
}

const demo = await demoStore();
let demoJourney: CatalogJourney;
try {
  demoJourney = summarize(demo.store);
} finally {
  await demo.close();
}
const retailJourney = summarize(await onlineRetail(process.argv[2]!));

const result: JourneyResult = {
  floor: engineIsRelatedToContext ? 'engine' : 'bench stand-in',
  seeded: engineDrawsWithSeed,
  steps: JOURNEY_PLAN.steps,
  stepHours: JOURNEY_PLAN.stepMs / 3_600_000,
  limit: JOURNEY_PLAN.limit,
  emailLimit: JOURNEY_PLAN.emailLimit,
  emailSteps: JOURNEY_PLAN.emailSteps,
  stores: [demoJourney, retailJourney],
};
process.stdout.write(JSON.stringify(result));
