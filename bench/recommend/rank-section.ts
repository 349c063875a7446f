/**
 * Rank time per surface, logged in and visitor (issue "Picks that stay relevant", benchmark (e)), beside the
 * Jaccard ranker on the cart requests of the speed section.
 */
import type { Section } from '../report.ts';
import type { SpeedResult } from './speed-child.ts';

const RANK_GOAL_MS = 2;

export function rankSection(speed: SpeedResult): Section {
  return {
    title: `Rank time per surface — Online Retail hold-outs (${speed.requests.toLocaleString('en-US')} timed requests per row), limit 10, rules on`,
    baseline: 'the Jaccard ranker on the cart requests (same hold-outs, same run)',
    figures: speed.surfaces.map((t) => ({
      name: `${t.surface}, ${t.audience}, p99`,
      value: t.p99Ms,
      baseline: speed.jaccardP99Ms,
      unit: 'ms',
      goal: { text: `≤ ${RANK_GOAL_MS} ms`, pass: t.p99Ms <= RANK_GOAL_MS },
    })),
    checks: [`each hold-out asked on every surface by its customer (all their purchases, any age) and by a visitor, a seed per request; a warm-up pass, then 3 timed passes`],
    notes: [
      `p50 / p99 of best of 3 (ms): ${speed.surfaces.map((t) => `${t.surface} ${t.audience} ${t.p50Ms.toFixed(2)} / ${t.p99BestOfThreeMs.toFixed(2)}`).join('; ')}; Jaccard p50 ${speed.jaccardP50Ms.toFixed(2)}.`,
      'The product page is the hold-out’s first remaining item, the cart its remaining items, the follow-up its whole order. Online Retail has no collections: for the collection page each product sits in its coarse category’s collection (bench/recommend/rank-surfaces.ts).',
      'The p99 includes garbage-collection pauses and whatever else the machine runs; the best-of-3 figure removes most of both.',
    ],
  };
}
