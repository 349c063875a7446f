import { seededRandom } from './random.ts';

/**
 * Draws n distinct items so that item i is in the draw with probability exactly `probabilities[i]` (which sum
 * to n, each at most 1): systematic sampling over a random order. The items are shuffled, laid end to end on
 * [0, n) as intervals of their probabilities' lengths, and the points u, u + 1, …, u + n − 1 (u uniform in
 * [0, 1)) pick the intervals they fall in. No interval is longer than 1, so no item is picked twice; the
 * shuffle keeps pairs of neighbours from always appearing together. Returns indices in ascending order.
 */
export function systematicDraw(probabilities: readonly number[], n: number, seed: number): number[] {
  const random = seededRandom(seed);
  const order = probabilities.map((_, i) => i).filter((i) => probabilities[i]! > 0);
  for (let k = order.length - 1; k > 0; k--) {
    const j = Math.floor(random() * (k + 1));
    [order[k], order[j]] = [order[j]!, order[k]!];
  }
  const picked: number[] = [];
  let point = random();
  let end = 0;
  for (const i of order) {
    end += probabilities[i]!;
    // An interval is at most 1 long and the points are 1 apart: each holds at most one point.
    if (point < end && picked.length < n) {
      picked.push(i);
      point += 1;
    }
  }
  // Rounding may leave the last point a hair past the end: the last unpicked items take it.
  for (let k = order.length - 1; k >= 0 && picked.length < n; k--) if (!picked.includes(order[k]!)) picked.push(order[k]!);
  return picked.sort((a, b) => a - b);
}
