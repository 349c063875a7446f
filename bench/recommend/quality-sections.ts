/**
 * The report's sections for the quality child's figures (issue point 6 (a)–(c)): the observer who knows the
 * visitor block, next-order recall, and basket completion over draws of hidden items, each with its goal.
 */
import type { Figure, Section } from '../report.ts';
import type { FlagScore } from './absence-observer.ts';
import type { PairedInterval } from './paired-interval.ts';
import type { QualityResult, TactoFigures } from './quality-child.ts';

/** Goals of the issue. */
export const GOALS = {
  /** Shoppers exposed by absence, at most. */
  absenceExposure: 0.05,
  /** Difference attacker's accuracy, at most this times the base rate. */
  differenceRatio: 1.2,
  /** Membership precision, at most the base rate plus this. */
  membershipMargin: 0.1,
};

const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
const three = (x: number) => x.toFixed(3);
const signed = (x: number) => `${x >= 0 ? '+' : '−'}${Math.abs(x).toFixed(3)}`;
const interval = (d: PairedInterval) => `${signed(d.meanDifference)}, 95 % interval [${signed(d.low)}, ${signed(d.high)}]`;
const mean = (xs: readonly number[]) => xs.reduce((sum, x) => sum + x, 0) / xs.length;

/** The better of the two difference attackers. */
export function bestDifferenceAttacker(observer: TactoFigures['observer']): { name: string; accuracy: number } {
  const { afterRemoval, bySurprise } = observer.topCategory;
  return afterRemoval >= bySurprise ? { name: 'visitor view removed', accuracy: afterRemoval } : { name: '1/πv weights', accuracy: bySurprise };
}

export function goalsMet(figures: TactoFigures): { absence: boolean; difference: boolean; membership: boolean; basket: boolean } {
  const { observer, basketDifference: d } = figures;
  return {
    absence: observer.absence.exposedShare <= GOALS.absenceExposure,
    difference: bestDifferenceAttacker(observer).accuracy <= GOALS.differenceRatio * observer.topCategory.baseRate,
    membership: observer.membership.precision <= observer.membership.baseRate + GOALS.membershipMargin,
    basket: d.meanA >= d.meanB && d.low >= 0,
  };
}

/** One line per tried deniability ratio: (a)'s figures and Tacto's (b) and (c). */
function sweepNotes(quality: QualityResult): string[] {
  if ('skipped' in quality.sweep) return [`Sweep of policy.deniabilityRatio r ∈ {${quality.sweepRatios.join(', ')}}: skipped — ${quality.sweep.skipped}.`];
  return [
    'Sweep of policy.deniabilityRatio (r → largest ratio seen, exposed, difference attacker × base rate, membership − base rate, next-order recall@10 (≥ EASE λ=200?), basket HR@10 − EASE λ=50):',
    ...quality.sweep.map(({ r, figures }) => {
      const { observer, nextOrder, basketDifference } = figures;
      const met = goalsMet(figures);
      const mark = (ok: boolean) => (ok ? '✔' : '✘');
      return `  r = ${r}: ${ratioText(figures.worstRatio)} (${(figures.outsideBound * 100).toFixed(1)} % outside), ${pct(observer.absence.exposedShare)} ${mark(met.absence)}, ${(bestDifferenceAttacker(observer).accuracy / observer.topCategory.baseRate).toFixed(2)}× ${mark(met.difference)}, ${signed(observer.membership.precision - observer.membership.baseRate)} ${mark(met.membership)}, ${three(nextOrder.recall)} ${mark(nextOrder.recall >= quality.nextOrder.ease200.recall)}, ${interval(basketDifference)} ${mark(met.basket)}`;
    }),
  ];
}

const ratioText = (worst: number | null) => (worst === null ? 'unbounded' : worst.toFixed(2));

/**
 * With exact inclusion and a stated r, the bound is a correctness check: every shopper's home page must keep
 * πs ≤ r·πv and 1 − πs ≤ r·(1 − πv). Throws when it does not (the run exits 1).
 */
export function boundCheck(quality: QualityResult): string | null {
  const r = quality.deniabilityRatio;
  if (!quality.exactInclusion || r === null) return null;
  const settings = [{ r, worst: quality.tacto.worstRatio }, ...('skipped' in quality.sweep ? [] : quality.sweep.map((row) => ({ r: row.r, worst: row.figures.worstRatio })))];
  for (const { r: bound, worst } of settings) {
    if (worst === null || worst > bound * (1 + 1e-9)) {
      throw new Error(`deniability bound broken: with r = ${bound} a shopper's home page reaches ratio ${ratioText(worst)}`);
    }
  }
  return `every shopper's home page the bound covers is within it (and within each r of the sweep): largest πs/πv or (1 − πs)/(1 − πv) ${ratioText(quality.tacto.worstRatio)} ≤ r = ${r}; ${(quality.tacto.outsideBound * 100).toFixed(1)} % of shoppers are the stated exception (their exclusions leave the pool too short)`;
}

/** A flag precision beside flagging the same items blind; no figure when nothing was flagged (the notes say so). */
function precisionFigure(name: string, score: FlagScore): Figure[] {
  if (score.precision === null || score.blindPrecision === null) return [];
  return [{ name, value: score.precision * 100, baseline: score.blindPrecision * 100, unit: '%' }];
}

function observerSection(quality: QualityResult): Section {
  const { observer } = quality.tacto;
  const { absence, naive, topCategory, membership } = observer;
  const met = goalsMet(quality.tacto);
  const best = bestDifferenceAttacker(observer);
  const ratio = (x: number) => `${(x / topCategory.baseRate).toFixed(2)}×`;
  const figures: Figure[] = [
    {
      name: 'shoppers exposed by absence (posterior ≥ 0.9)',
      value: absence.exposedShare * 100,
      baseline: observer.exposable * 100,
      unit: '%',
      goal: { text: `≤ ${GOALS.absenceExposure * 100} %`, pass: met.absence },
    },
    ...precisionFigure('precision of those flags', absence),
    { name: 'shoppers missing one of a visitor view’s first 7', value: naive.flaggedShare * 100, baseline: observer.exposable * 100, unit: '%' },
    ...precisionFigure('share of those misses they own', naive),
    {
      name: `difference attacker, top category (${best.name})`,
      value: best.accuracy * 100,
      baseline: topCategory.baseRate * 100,
      unit: '%',
      goal: { text: `≤ ${GOALS.differenceRatio}× base rate`, pass: met.difference },
    },
    {
      name: 'membership precision ("bought category X")',
      value: membership.precision * 100,
      baseline: membership.baseRate * 100,
      unit: '%',
      goal: { text: `≤ base rate + ${GOALS.membershipMargin * 100} points`, pass: met.membership },
    },
  ];
  return {
    title: `Privacy — an observer who knows the visitor block sees one view of a logged-in shopper’s home block (${quality.returningShoppers.toLocaleString('en-US')} returning shoppers, storefront setting)`,
    baseline:
      'exposure: shoppers owning an item the visitor block can show; precision: the flagged items’ prior (flagging them blind); top category: always the most-bought one; membership: claiming the same categories of a random shopper',
    figures,
    checks: [
      `every observer scored on the same ${quality.returningShoppers.toLocaleString('en-US')} shoppers at their first test visit, home block, limit 10, all their train purchases (any age)`,
      ...[boundCheck(quality)].filter((check) => check !== null),
    ],
    notes: [
      quality.exactInclusion
        ? `πv and πs exact, from the engine’s inclusion()${quality.deniabilityRatio === null ? '' : `; policy.deniabilityRatio r = ${quality.deniabilityRatio}`}.`
        : 'The engine has no inclusion(): πv sampled from 200 visitor views per day, πs from 20 views per shopper. This engine ignores the seed, so every view is the same and πv ∈ {0, 1}: an absent visitor pick has posterior 1.',
      `Absence: ${pct(absence.flaggedShare)} of shoppers get a flag, ${absence.flags.toLocaleString('en-US')} flags${absence.precision === null ? ' (so no precision)' : ''}; the issue’s observer (first 7 of one visitor view): ${pct(naive.flaggedShare)} of shoppers, ${naive.precision === null ? 'no misses' : `${pct(naive.precision)} of misses owned`}.`,
      `Top category: visitor view removed ${pct(topCategory.afterRemoval)} (${ratio(topCategory.afterRemoval)}), 1/πv weights ${pct(topCategory.bySurprise)} (${ratio(topCategory.bySurprise)}), the view alone ${pct(topCategory.viewOnly)} (${ratio(topCategory.viewOnly)}); base rate ${pct(topCategory.baseRate)}.`,
      `Membership: ${membership.claims.toLocaleString('en-US')} claims (a claim needs a category above its visitor expectation).`,
      `Per view, the largest πs/πv or (1 − πs)/(1 − πv) over every shopper's home page: ${ratioText(quality.tacto.worstRatio)}${quality.deniabilityRatio === null ? '' : ` (r = ${quality.deniabilityRatio})`}.`,
      ...sweepNotes(quality),
      `Coarse categories from descriptions (bench/recommend/coarse-categories.ts), share of items: ${quality.categoryShares.map((c) => `${c.category} ${pct(c.items)}`).join(', ')}.`,
    ],
  };
}

function nextOrderSection(quality: QualityResult): Section {
  const { tacto, nextOrder } = quality;
  const recall = (name: string, baseline: number, goal?: boolean): Figure => ({
    name: `recall@10 vs ${name}`,
    value: tacto.nextOrder.recall * 100,
    baseline: baseline * 100,
    unit: '%',
    goal: goal === undefined ? undefined : { text: `≥ ${name}`, pass: goal },
  });
  const skipped = quality.returningShoppers - tacto.nextOrder.shoppers;
  return {
    title: `Next order — ${tacto.nextOrder.shoppers.toLocaleString('en-US')} returning customers’ first test order, only items new to them (${tacto.nextOrder.meanNewItems.toFixed(1)} on average)`,
    baseline: 'popularity, item-item Jaccard and full EASE λ=200 fitted on the train split, queried with the customer’s history, nothing they own',
    figures: [
      recall('EASE λ=200', nextOrder.ease200.recall, tacto.nextOrder.recall >= nextOrder.ease200.recall),
      recall('Jaccard', nextOrder.jaccard.recall),
      recall('popularity', nextOrder.popularity.recall),
      { name: 'NDCG@10 vs EASE λ=200', value: tacto.nextOrder.ndcg, baseline: nextOrder.ease200.ndcg, unit: '' },
    ],
    checks: [`every model scored on the same customers and orders (${skipped} whose order held nothing new left out)`],
    notes: [
      `Tacto: the logged-in home block, limit 10, storefront setting; recall in expectation over the draw (${quality.exactInclusion ? 'πs from inclusion()' : 'πs as the share of 20 seeded views'}), NDCG averaged over 20 seeded views.`,
      `Recall@10: Tacto ${three(tacto.nextOrder.recall)}, popularity ${three(nextOrder.popularity.recall)}, Jaccard ${three(nextOrder.jaccard.recall)}, EASE λ=200 ${three(nextOrder.ease200.recall)}.`,
      `NDCG@10: Tacto ${three(tacto.nextOrder.ndcg)}, popularity ${three(nextOrder.popularity.ndcg)}, Jaccard ${three(nextOrder.jaccard.ndcg)}, EASE λ=200 ${three(nextOrder.ease200.ndcg)}; the visitor home block’s recall@10: ${three(nextOrder.visitorRecall)}.`,
      `EASE fits: λ=50 ${(quality.easeBuildMs.lambda50 / 1000).toFixed(1)} s, λ=200 ${(quality.easeBuildMs.lambda200 / 1000).toFixed(1)} s.`,
    ],
  };
}

function basketSection(quality: QualityResult): Section {
  const { basket } = quality;
  const tacto = quality.tacto.basket;
  const d = quality.tacto.basketDifference;
  const met = goalsMet(quality.tacto);
  const hr = (name: string, baseline: readonly number[]): Figure => ({
    name: `HR@10 vs ${name}`,
    value: mean(tacto) * 100,
    baseline: mean(baseline) * 100,
    unit: '%',
  });
  const reminders = basket.tactoReminders;
  const remindersDifference = reminders.map((x, k) => x - basket.ease50[k]!);
  return {
    title: `Basket completion — mean HR@10 over ${basket.seeds.length} draws of hidden items (${basket.holdOuts.toLocaleString('en-US')} per draw), cart block, logged in, storefront setting`,
    baseline: 'the baselines of ../shared/README.md, fitted once on the train split, scored on the same hidden items of each draw',
    figures: [
      {
        ...hr('EASE λ=50', basket.ease50),
        goal: { text: '≥ EASE λ=50, 95 % interval of the difference ≥ 0', pass: met.basket },
      },
      hr('EASE λ=50 leaving out what the customer owns', basket.ease50NotOwned),
      hr('Jaccard', basket.jaccard),
      hr('raw co-occurrence', basket.cooccurrence),
      hr('popularity', basket.popularity),
    ],
    checks: [`every model scored on the same ${basket.seeds.length} × ${basket.holdOuts.toLocaleString('en-US')} hold-outs (seeds ${basket.seeds[0]}–${basket.seeds.at(-1)})`],
    notes: [
      `HR@10 means: Tacto ${three(d.meanA)}, EASE λ=50 ${three(d.meanB)}, EASE λ=50 leaving out what the customer owns ${three(mean(basket.ease50NotOwned))}, Jaccard ${three(mean(basket.jaccard))}, co-occurrence ${three(mean(basket.cooccurrence))}, popularity ${three(mean(basket.popularity))}.`,
      `Tacto − EASE λ=50 per draw: ${interval(d)} (t, ${d.n - 1} df).`,
      `Per draw, Tacto: ${tacto.map(three).join(', ')}; EASE λ=50: ${basket.ease50.map(three).join(', ')}.`,
      `Tacto’s hit is ${quality.exactInclusion ? 'πs of the hidden item (exact, from inclusion())' : 'one seeded view per hold-out (this engine ignores the seed)'}. The same cart block for a visitor: ${three(mean(basket.tactoVisitor))}; logged in with reorder reminders (no storefront asks): ${three(mean(reminders))}, − EASE λ=50 per draw from ${signed(Math.min(...remindersDifference))} to ${signed(Math.max(...remindersDifference))}.`,
      'Storefront blocks never show what the customer bought; many hidden items are wholesalers restocking: EASE held to the same rule is the like-for-like figure.',
      `Time spent (s): ${Object.entries(quality.phaseMs).map(([phase, ms]) => `${phase} ${(ms / 1000).toFixed(1)}`).join(', ')}.`,
    ],
  };
}

export function qualitySections(quality: QualityResult): Section[] {
  return [observerSection(quality), nextOrderSection(quality), basketSection(quality)];
}
