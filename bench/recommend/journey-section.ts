/**
 * The journey simulation's report (issue "Picks that stay relevant", benchmark (d)): one section per store. The
 * unrelated and owned counts are shown against the picks shown (Tacto ÷ baseline is then their share), the size
 * checks against the page views compared.
 */
import { runChild } from '../child.ts';
import type { Section } from '../report.ts';
import type { CatalogJourney, JourneyResult } from './journey-child.ts';
import type { SizeStat } from './journey-summary.ts';
import { bySurface } from './journey-summary.ts';
import type { JourneySurface } from './journey.ts';

const SURFACE_NAMES: Record<JourneySurface, string> = { product: 'product pages', cart: 'carts', email: 'follow-ups' };

/** Runs the journey child on the Online Retail file and reports it. */
export async function journeyBenchmark(dataFile: string): Promise<Section[]> {
  return journeySections(await runChild<JourneyResult>('recommend/journey-child.ts', [dataFile], 300_000));
}

export function journeySections(result: JourneyResult): Section[] {
  return result.stores.map((store) => storeSection(result, store));
}

function storeSection(result: JourneyResult, store: CatalogJourney): Section {
  const surfaces: JourneySurface[] = ['product', 'cart', 'email'];
  const totals = surfaces.map((surface) => bySurface(store.relatedness, surface));
  const loggedIn = store.relatedness.filter((r) => r.audience === 'logged-in');
  const ownedShown = loggedIn.reduce((sum, r) => sum + r.owned, 0);
  const loggedInPicks = loggedIn.reduce((sum, r) => sum + r.picks, 0);
  const views = store.sizeChecks.reduce((sum, c) => sum + c.views, 0);
  const differing = store.sizeChecks.reduce((sum, c) => sum + c.differing, 0);
  const independent = totals.reduce((sum, t) => sum + t.unrelatedIndependently, 0);
  const picks = totals.reduce((sum, t) => sum + t.picks, 0);
  const floor =
    result.floor === 'engine'
      ? 'the engine’s relevance floor (isRelatedToContext)'
      : `the bench’s stand-in until the engine has a floor: co-purchased in ≥ ${store.minCoPurchaseOrders} order(s) with lift > 1, or a shared collection`;
  const days = ((result.steps - 1) * result.stepHours) / 24;
  return {
    title: `Journey — ${store.store}: ${store.shoppers} shoppers open their product page and cart ${result.steps} times over ${days.toFixed(1)} days, follow-up at views ${result.emailSteps.join(' and ')}`,
    baseline: 'picks shown on that surface (logged in, visitor and opted out together); for block sizes, the page views compared',
    figures: [
      ...totals.map((t) => ({
        name: `unrelated picks, ${SURFACE_NAMES[t.surface]}`,
        value: t.unrelated,
        baseline: t.picks,
        unit: '',
        goal: { text: '= 0', pass: t.unrelated === 0 },
      })),
      {
        name: 'views whose block size differs from the visitor’s',
        value: differing,
        baseline: views,
        unit: '',
        goal: { text: '= 0', pass: differing === 0 },
      },
      { name: 'owned picks shown to their buyer', value: ownedShown, baseline: loggedInPicks, unit: '', goal: { text: '= 0', pass: ownedShown === 0 } },
      { name: 'unrelated by the independent check (all surfaces)', value: independent, baseline: picks, unit: '' },
    ],
    checks: [
      `${store.shoppers} shoppers × ${result.steps} views, ${store.products.toLocaleString('en-US')} products; every block held distinct products, no more than asked (${result.limit} on pages, ${result.emailLimit} in the follow-up)`,
    ],
    notes: [
      `Related means: ${floor}. Independent check: another department than every context product (${store.store === 'demo store' ? 'taxonomy vertical, journey-departments.ts' : 'coarse category of the description'}) and no co-purchase evidence. Draws ${result.seeded ? 'seeded per shopper, view and surface' : 'deterministic (this engine ignores the seed)'}.`,
      'Block size min/mean/max — logged in · visitor · opted out:',
      ...sizeLines(store),
      ...store.sizeChecks.map(
        (c) =>
          `  ${SURFACE_NAMES[c.surface]}: ${c.differing} of ${c.views} views differ, ${c.shoppersAffected} shopper(s)${c.medianFirstStep === null ? '' : `, first at view ${c.medianFirstStep} (median)`}; smallest logged-in block ${c.smallestLoggedIn?.size ?? '–'} (visitor ${c.smallestLoggedIn?.visitorSize ?? '–'})`,
      ),
      `Unrelated picks shown to logged-in shoppers at views ${store.unrelatedLoggedInByStep.map((s) => s.step).join('/')}: ${surfaces
        .map((surface) => `${SURFACE_NAMES[surface]} ${store.unrelatedLoggedInByStep.map((s) => s.counts[surface] ?? '–').join('/')}`)
        .join(', ')}.`,
      `Per audience (unrelated / independent / owned of picks): ${store.relatedness
        .map((r) => `${r.surface} ${r.audience} ${r.unrelated}/${r.unrelatedIndependently}/${r.owned} of ${r.picks}`)
        .join('; ')}.`,
      ...(store.unrelatedExamples.length > 0 ? ['First unrelated picks:', ...store.unrelatedExamples.map((line) => `  ${line}`)] : []),
      ...(store.ownedExamples.length > 0 ? ['First owned picks shown to their buyer:', ...store.ownedExamples.map((line) => `  ${line}`)] : []),
    ],
  };
}

function sizeLines(store: CatalogJourney): string[] {
  const stat = (s: SizeStat) => `${s.min}/${s.mean.toFixed(1)}/${s.max}`;
  const lines: string[] = [];
  for (const surface of ['product', 'cart', 'email'] as const) {
    const rows = store.sizes[surface];
    if (rows.length === 0) continue;
    const cells = rows.map((r) => `view ${r.step}: ${stat(r.sizes['logged-in'])} · ${stat(r.sizes.visitor)} · ${stat(r.sizes['opted-out'])}`);
    lines.push(`  ${SURFACE_NAMES[surface]} — ${cells.join(' | ')}`);
  }
  return lines;
}
