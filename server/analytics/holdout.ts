import { createHash } from 'node:crypto';
import type { Arm } from './cart-marks.ts';

/**
 * Pure: who is in a holdout. A customer's place is a hash of shop and customer id — the same on every device, every
 * day, and in every process, with nothing stored. A visitor's is a random number their browser keeps (tacto.js);
 * both are uniform on [0, 1), and the holdout is the part below the percentage, so raising the percentage only moves
 * shoppers from treatment into the holdout, never back and forth.
 */

export const DEFAULT_HOLDOUT_PERCENT = 10;
export const MAX_HOLDOUT_PERCENT = 50;

/** Uniform on [0, 1): the first 48 bits of SHA-256 over the parts, joined by a character no part contains. */
export function uniformHash(...parts: (string | number)[]): number {
  const digest = createHash('sha256').update(parts.join('\n')).digest();
  return digest.readUIntBE(0, 6) / 2 ** 48;
}

export function armAt(position: number, holdoutPercent: number): Arm {
  return position < holdoutPercent / 100 ? 'holdout' : 'treatment';
}

/** A logged-in customer's arm in the storefront experiment. */
export function customerArm(shop: string, customerId: number, holdoutPercent: number): Arm {
  return armAt(uniformHash('tacto-holdout', shop, customerId), holdoutPercent);
}

/**
 * Whether an eligible follow-up is held back to measure what follow-ups add. By order, not by customer: the
 * comparison is between orders that got a follow-up and orders that would have and did not.
 */
export function followupHeldOut(shop: string, orderId: number, holdoutPercent: number): boolean {
  return armAt(uniformHash('tacto-followup-holdout', shop, orderId), holdoutPercent) === 'holdout';
}
