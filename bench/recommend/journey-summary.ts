/**
 * What the journey simulation's report says, worked out from its blocks: block sizes per step and audience,
 * blocks whose size gives the shopper away, and the picks that are unrelated to their context or owned. Pure.
 */
import type { Audience, JourneyBlock, JourneySurface } from './journey.ts';

export interface SizeStat {
  min: number;
  mean: number;
  max: number;
}

export interface SizeRow {
  step: number;
  sizes: Record<Audience, SizeStat>;
}

/** Min / mean / max block size per audience on one surface, at the given steps (a step with no block is left out). */
export function sizeTable(blocks: readonly JourneyBlock[], surface: JourneySurface, steps: readonly number[]): SizeRow[] {
  const rows: SizeRow[] = [];
  for (const step of steps) {
    const at = blocks.filter((b) => b.surface === surface && b.step === step);
    if (at.length === 0) continue;
    const stat = (audience: Audience): SizeStat => {
      const sizes = at.filter((b) => b.audience === audience).map((b) => b.picks.length);
      if (sizes.length === 0) return { min: 0, mean: 0, max: 0 };
      return { min: Math.min(...sizes), mean: sizes.reduce((a, b) => a + b, 0) / sizes.length, max: Math.max(...sizes) };
    };
    rows.push({ step, sizes: { 'logged-in': stat('logged-in'), visitor: stat('visitor'), 'opted-out': stat('opted-out') } });
  }
  return rows;
}

export interface SizeCheck {
  surface: JourneySurface;
  /** Page views compared (one per shopper and step where the surface was shown). */
  views: number;
  /** Views where the logged-in or the opted-out block's size differs from the visitor's on the same page. */
  differing: number;
  /** Shoppers with at least one such view. */
  shoppersAffected: number;
  /** Over those shoppers, the median of the first step at which it happened (null when none). */
  medianFirstStep: number | null;
  /** The smallest logged-in block and the visitor's block at that view. */
  smallestLoggedIn: { size: number; visitorSize: number } | null;
}

/** Does the number of picks depend on who is looking? Per surface, against the visitor on the same page. */
export function sizeChecks(blocks: readonly JourneyBlock[], surfaces: readonly JourneySurface[]): SizeCheck[] {
  const views = new Map<string, Partial<Record<Audience, number>>>();
  for (const b of blocks) {
    const key = `${b.surface} ${b.shopper} ${b.step}`;
    const sizes = views.get(key) ?? {};
    sizes[b.audience] = b.picks.length;
    views.set(key, sizes);
  }
  return surfaces.map((surface) => {
    let compared = 0;
    let differing = 0;
    const firstStep = new Map<number, number>();
    let smallest: SizeCheck['smallestLoggedIn'] = null;
    for (const [key, sizes] of views) {
      const [kind, shopperText, stepText] = key.split(' ');
      if (kind !== surface || sizes.visitor === undefined) continue;
      compared++;
      const shopper = Number(shopperText);
      const step = Number(stepText);
      const loggedIn = sizes['logged-in'] ?? sizes.visitor;
      if (loggedIn !== sizes.visitor || (sizes['opted-out'] ?? sizes.visitor) !== sizes.visitor) {
        differing++;
        firstStep.set(shopper, Math.min(firstStep.get(shopper) ?? Infinity, step));
      }
      if (!smallest || loggedIn < smallest.size) smallest = { size: loggedIn, visitorSize: sizes.visitor };
    }
    return {
      surface,
      views: compared,
      differing,
      shoppersAffected: firstStep.size,
      medianFirstStep: median([...firstStep.values()]),
      smallestLoggedIn: smallest,
    };
  });
}

/** What is wrong with one pick, if anything. */
export interface PickVerdict {
  /** Below the relevance floor (the engine's predicate, or the bench's stand-in before it has one). */
  unrelated: boolean;
  /** Unrelated by the independent check (other department, no co-purchase evidence). */
  unrelatedIndependently: boolean;
  /** The shopper bought it (at any age): only meaningful for the logged-in audience. */
  owned: boolean;
}

export interface RelatednessRow {
  surface: JourneySurface;
  audience: Audience;
  picks: number;
  unrelated: number;
  unrelatedIndependently: number;
  owned: number;
}

export type Judge = (block: JourneyBlock, pick: number) => PickVerdict;

/** Per surface and audience: picks shown, and how many were unrelated (both ways) or owned. */
export function relatednessTable(blocks: readonly JourneyBlock[], judge: Judge): RelatednessRow[] {
  const rows = new Map<string, RelatednessRow>();
  for (const block of blocks) {
    const key = `${block.surface} ${block.audience}`;
    let row = rows.get(key);
    if (!row) {
      row = { surface: block.surface, audience: block.audience, picks: 0, unrelated: 0, unrelatedIndependently: 0, owned: 0 };
      rows.set(key, row);
    }
    for (const pick of block.picks) {
      const verdict = judge(block, pick);
      row.picks++;
      if (verdict.unrelated) row.unrelated++;
      if (verdict.unrelatedIndependently) row.unrelatedIndependently++;
      if (verdict.owned) row.owned++;
    }
  }
  return [...rows.values()];
}

/** Unrelated picks (below the floor) shown to one audience at each of the given steps, per surface. */
export function unrelatedByStep(
  blocks: readonly JourneyBlock[],
  judge: Judge,
  steps: readonly number[],
  audience: Audience,
): { step: number; counts: Partial<Record<JourneySurface, number>> }[] {
  return steps.map((step) => {
    const counts: Partial<Record<JourneySurface, number>> = {};
    for (const block of blocks) {
      if (block.step !== step || block.audience !== audience) continue;
      const bad = block.picks.filter((pick) => judge(block, pick).unrelated).length;
      counts[block.surface] = (counts[block.surface] ?? 0) + bad;
    }
    return { step, counts };
  });
}

/** Totals over audiences, per surface. */
export function bySurface(rows: readonly RelatednessRow[], surface: JourneySurface): Omit<RelatednessRow, 'audience'> {
  const mine = rows.filter((r) => r.surface === surface);
  const sum = (pick: (r: RelatednessRow) => number) => mine.reduce((total, r) => total + pick(r), 0);
  return { surface, picks: sum((r) => r.picks), unrelated: sum((r) => r.unrelated), unrelatedIndependently: sum((r) => r.unrelatedIndependently), owned: sum((r) => r.owned) };
}

export type ViolationKind = 'unrelated' | 'owned';

/**
 * The first `max` bad picks of one kind ('unrelated': by either check; 'owned': shown to their buyer), one line
 * per block as a reader wants them — when, who, where, what the page was about, what came — earliest step first.
 * Audiences shown the same bad picks on the same page share a line.
 */
export function violations(
  blocks: readonly JourneyBlock[],
  judge: Judge,
  kind: ViolationKind,
  describe: { shopper(index: number): string; product(id: number): string },
  max: number,
): string[] {
  const ordered = [...blocks].sort((a, b) => a.step - b.step || a.shopper - b.shopper);
  const lines = new Map<string, { audiences: string[]; text: (audiences: string) => string }>();
  for (const block of ordered) {
    const bad = block.picks
      .map((pick) => ({ pick, verdict: judge(block, pick) }))
      .filter(({ verdict }) => (kind === 'owned' ? verdict.owned : verdict.unrelated || verdict.unrelatedIndependently));
    if (bad.length === 0) continue;
    const what = bad
      .map(({ pick, verdict }) => {
        if (kind === 'owned') return describe.product(pick);
        const why = [verdict.unrelated ? 'below floor' : '', verdict.unrelatedIndependently ? 'other department' : ''].filter(Boolean).join(', ');
        return `${describe.product(pick)} (${why})`;
      })
      .join('; ');
    const key = `${block.step} ${block.shopper} ${block.surface} ${what}`;
    const line = lines.get(key);
    if (line) {
      line.audiences.push(block.audience);
      continue;
    }
    if (lines.size >= max) break;
    const context = block.context.slice(0, 3).map((id) => describe.product(id)).join(' + ') + (block.context.length > 3 ? ` + ${block.context.length - 3} more` : '');
    lines.set(key, {
      audiences: [block.audience],
      text: (audiences) => `step ${block.step}, ${describe.shopper(block.shopper)}, ${block.surface} (${audiences}) [${context}] → ${what}`,
    });
  }
  return [...lines.values()].map((line) => line.text(line.audiences.join(', ')));
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
