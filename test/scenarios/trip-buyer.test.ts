/**
 * "Owned means owned", on the demo store through the running app: the trip buyer went on a one-off trekking week
 * about 200 days ago. The 180-day window limits what shapes her picks, not what she owns: the trip never comes
 * back to her — home, the travel collection, any product page, a follow-up — 200 days after and 3 years after.
 * And what goes with the trip (an event purchase, tag `one-time`) stops once the event window has passed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PERSONAS } from '../../sandbox/seed/demo-customers.ts';
import { isRelatedToContext } from '../../server/recommend/engine.ts';
import { DEFAULT_POLICY } from '../../server/recommend/policy.ts';
import type { Surface } from '../../server/recommend/types.ts';
import type { RecommendationService } from '../../server/recommendations/service.ts';
import { startInstalledApp, type AppAndSandbox } from '../support/sandbox.ts';
import { clockedRecommendations, DAY_MS, demoStore, JourneySeeds, renderedFollowup } from './demo-store.ts';

let env: AppAndSandbox;
const demo = demoStore(() => env);
let camila: number;
let trip: number;
let purchasedAt: number;
let now: number;
let recommendations: RecommendationService;

/** Several days around each moment: a shopper's draw changes once a day, so each day is another sample. */
const DAYS_SAMPLED = 4;
const MOMENTS = [
  { name: '200 days later', afterDays: 200 },
  { name: '3 years later', afterDays: 3 * 365 },
];

beforeAll(async () => {
  env = await startInstalledApp();
  camila = demo.customerOf(PERSONAS.TRIP_BUYER);
  trip = demo.idOf('patagonia-trekking-week');
  const tripOrder = demo.ordersOf(camila).find((o) => o.lineItems.some((l) => l.productId === trip))!;
  purchasedAt = Date.parse(tripOrder.createdAt);
  now = purchasedAt;
  recommendations = clockedRecommendations(env, () => now, new JourneySeeds(purchasedAt));
});
afterAll(() => env?.close());

/** Every page of the demo store: home, each collection, each product. */
function everyPage(): Surface[] {
  return [
    { kind: 'home' },
    ...[...env.sandbox.store.collections.values()].map((c): Surface => ({ kind: 'collection', collectionId: c.id })),
    ...demo.products().map((p): Surface => ({ kind: 'product', productId: p.id })),
  ];
}

async function herPicks(surface: Surface): Promise<number[]> {
  return recommendations.recommend({ shop: demo.shop(), surface, customerId: camila, limit: 4, consentAllowsPersonalization: true });
}

async function herExplanation(surface: Surface) {
  return recommendations.explain({ shop: demo.shop(), surface, customerId: camila, limit: 4, consentAllowsPersonalization: true });
}

describe('the trip buyer', () => {
  it('bought the trip about 200 days ago, and other things since', () => {
    expect((Date.now() - purchasedAt) / DAY_MS).toBeGreaterThan(190);
    expect(demo.productOf(trip).tags).toContain('one-time');
    expect(demo.ordersOf(camila).length).toBeGreaterThanOrEqual(3);
  });

  it.each(MOMENTS)('never sees the trip again, $name: not at home, not in the travel collection, not on any product page', async ({ afterDays }) => {
    const travel = demo.collectionIdOf('travel');
    let travelPageBlocks = 0;
    for (let day = 0; day < DAYS_SAMPLED; day++) {
      now = purchasedAt + (afterDays + day) * DAY_MS;
      for (const surface of everyPage()) {
        const picks = await herPicks(surface);
        expect(picks, JSON.stringify(surface)).not.toContain(trip);
        if (surface.kind === 'collection' && surface.collectionId === travel) travelPageBlocks += picks.length > 0 ? 1 : 0;
      }
    }
    // The travel collection page does show her blocks (of other travel products): the trip is absent, not the block.
    expect(travelPageBlocks).toBe(DAYS_SAMPLED);
  });

  it.each(MOMENTS)('has the trip taken out as owned wherever a page offers it, $name', async ({ afterDays }) => {
    now = purchasedAt + afterDays * DAY_MS;
    const pages: Surface[] = [
      { kind: 'collection', collectionId: demo.collectionIdOf('travel') },
      { kind: 'product', productId: demo.idOf('weekender-duffel') },
      { kind: 'product', productId: demo.idOf('carry-on-suitcase') },
    ];
    for (const surface of pages) {
      // A visitor may be shown the trip on these pages; for her it is out by rule, not by chance.
      const explanation = await herExplanation(surface);
      expect(explanation.excluded, JSON.stringify(surface)).toContainEqual({ productId: trip, rule: 'never-owned' });
    }
  });

  it.each(MOMENTS)('finds no trip in the follow-ups of her later orders, $name', async ({ afterDays }) => {
    now = purchasedAt + afterDays * DAY_MS;
    const later = demo.ordersOf(camila).filter((o) => !o.lineItems.some((l) => l.productId === trip));
    expect(later.length).toBeGreaterThanOrEqual(2);
    let complements = 0;
    for (const order of later) {
      const handles = (await renderedFollowup(env, recommendations, order.id)).complementHandles;
      complements += handles.length;
      expect(handles, `order ${order.id}`).not.toContain('patagonia-trekking-week');
    }
    // The follow-ups do carry complements (her duffel's are travel gear): only the trip is never among them.
    expect(complements).toBeGreaterThan(0);
  });

  it('gets what goes with the trip while its event window lasts, and none of it at home once it has passed', async () => {
    const model = await env.app.models.get(demo.shop());
    const complementsOfTrip = new Set(demo.products().map((p) => p.id).filter((id) => id !== trip && isRelatedToContext(model, [trip], id)));
    expect(complementsOfTrip.size).toBeGreaterThan(4);
    const home: Surface = { kind: 'home' };

    // Inside the window the trip may still suggest its complements: none is stopped.
    now = purchasedAt + (DEFAULT_POLICY.eventWindowDays / 2) * DAY_MS;
    const during = await herExplanation(home);
    expect(during.excluded.filter((e) => e.rule === 'decay-and-stop')).toEqual([]);

    for (const { afterDays } of MOMENTS) {
      now = purchasedAt + afterDays * DAY_MS;
      const after = await herExplanation(home);
      // The home page offers some of them (travel gear sells), and each is stopped (or owned) for her.
      const offered = [...after.excluded.map((e) => e.productId), ...after.picks.map((p) => p.productId)].filter((id) => complementsOfTrip.has(id));
      expect(offered.length, `${afterDays} days`).toBeGreaterThan(0);
      for (const id of offered) {
        expect(after.excluded.find((e) => e.productId === id)?.rule, `${demo.handleOf(id)} after ${afterDays} days`).toMatch(/^(decay-and-stop|never-owned)$/);
      }
      for (let day = 0; day < DAYS_SAMPLED; day++) {
        now = purchasedAt + (afterDays + day) * DAY_MS;
        const picks = await herPicks(home);
        expect(picks.length).toBe(4);
        expect(picks.filter((id) => complementsOfTrip.has(id)).map(demo.handleOf), `${afterDays + day} days`).toEqual([]);
      }
    }
  });
});
