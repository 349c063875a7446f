/**
 * Exposure by absence: an observer who knows the visitor block's distribution sees one view of a shopper's
 * block and concludes "they own it" from what is missing. Pure: the views and probabilities come in.
 */

/** An item is flagged as owned when its posterior is at least this. */
export const FLAG_THRESHOLD = 0.9;

/**
 * P(owned | absent from one view) by Bayes, for an item owned with prior `prior`, shown to visitors with
 * probability `visitorInclusion`, and — the engine's promise — never shown to its owner:
 * q / (q + (1 − q)(1 − πv)). A deterministic visitor pick (πv = 1) missing from the view is owned for sure.
 */
export function absencePosterior(prior: number, visitorInclusion: number): number {
  if (prior <= 0) return 0;
  return prior / (prior + (1 - prior) * (1 - visitorInclusion));
}

/**
 * The items the Bayesian observer flags for one view: absent from it, posterior ≥ threshold. Only items
 * someone owns (prior > 0) can be flagged, so the prior's items are the ones to look at.
 */
export function flagAbsences(
  view: ReadonlySet<number>,
  prior: ReadonlyMap<number, number>,
  visitor: ReadonlyMap<number, number>,
  threshold = FLAG_THRESHOLD,
): number[] {
  const flagged: number[] = [];
  for (const [item, q] of prior) {
    if (view.has(item)) continue;
    if (absencePosterior(q, visitor.get(item) ?? 0) >= threshold) flagged.push(item);
  }
  return flagged;
}

/** The naive observer: the first `first` picks of one visitor view that are missing from the shopper's. */
export function missingVisitorPicks(view: ReadonlySet<number>, visitorView: readonly number[], first = 7): number[] {
  return visitorView.slice(0, first).filter((item) => !view.has(item));
}

export interface FlagScore {
  shoppers: number;
  /** Share of shoppers with at least one flagged item they own: exposed. */
  exposedShare: number;
  /** Share of shoppers with at least one flag, right or wrong. */
  flaggedShare: number;
  flags: number;
  /** Share of flags that name an owned item; null when nothing was flagged. */
  precision: number | null;
  /** Mean prior of the flagged items: the precision of flagging the same items without looking. */
  blindPrecision: number | null;
}

/** Scores each shopper's flags against what they own. */
export function scoreFlags(
  rows: readonly { flagged: readonly number[]; owned: ReadonlySet<number> }[],
  prior: ReadonlyMap<number, number>,
): FlagScore {
  let exposed = 0;
  let flaggedShoppers = 0;
  let flags = 0;
  let right = 0;
  let priorSum = 0;
  for (const { flagged, owned } of rows) {
    const correct = flagged.filter((item) => owned.has(item)).length;
    flags += flagged.length;
    right += correct;
    for (const item of flagged) priorSum += prior.get(item) ?? 0;
    if (flagged.length > 0) flaggedShoppers += 1;
    if (correct > 0) exposed += 1;
  }
  const n = rows.length;
  return {
    shoppers: n,
    exposedShare: n ? exposed / n : 0,
    flaggedShare: n ? flaggedShoppers / n : 0,
    flags,
    precision: flags ? right / flags : null,
    blindPrecision: flags ? priorSum / flags : null,
  };
}

/** q_i: the share of `owners` holding each item. */
export function ownershipPrior(owners: readonly ReadonlySet<number>[]): Map<number, number> {
  const counts = new Map<number, number>();
  for (const owned of owners) for (const item of owned) counts.set(item, (counts.get(item) ?? 0) + 1);
  const prior = new Map<number, number>();
  for (const [item, count] of counts) prior.set(item, count / owners.length);
  return prior;
}

/** Share of shoppers owning at least one item the visitor block can show: the most absence could expose. */
export function exposableShare(rows: readonly { owned: ReadonlySet<number>; visitor: ReadonlyMap<number, number> }[]): number {
  if (rows.length === 0) return 0;
  const exposable = rows.filter(({ owned, visitor }) => [...visitor].some(([item, pi]) => pi > 0 && owned.has(item))).length;
  return exposable / rows.length;
}
