/**
 * Duties that follow the buyer's country (README, "Regional duties"), decided here without I/O; their words are
 * translation data (regional-words.ts) and Tacto adds them outside the merchant's template, so no template can
 * drop them. The country is the default address's (customers.country, kept only while subscribed).
 *
 * - `ar-marketing-removal`: Argentina, Ley 25.326 art. 27 inc. 3 and Disposición DNPDP 4/2009 — every marketing
 *   communication states the right to be removed or blocked from the database and how, with the rules quoted.
 * - `br-automated-criteria`: Brazil, LGPD (Lei 13.709/2018) art. 20 — the criteria behind the automatically
 *   chosen suggestions and the right to ask for them and for a review. Only in a mail that shows suggestions.
 * - `mx-optional-purpose`: Mexico, LFPDPPP (2025) — this mail serves an optional purpose, not the order, and how
 *   to refuse it.
 */
export const FOLLOWUP_DUTIES = ['ar-marketing-removal', 'br-automated-criteria', 'mx-optional-purpose'] as const;
export type FollowupDuty = (typeof FOLLOWUP_DUTIES)[number];

export interface FollowupDutyInput {
  /** ISO 3166-1 alpha-2 of the buyer's default address, or null when unknown. */
  country: string | null;
  /** The mail lists suggested complements (chosen automatically). */
  hasComplements: boolean;
}

/** The duties a follow-up to this buyer carries, in the order they are printed; none for most countries. */
export function followupDuties(input: FollowupDutyInput): FollowupDuty[] {
  switch (input.country?.trim().toUpperCase()) {
    case 'AR':
      return ['ar-marketing-removal'];
    case 'BR':
      return input.hasComplements ? ['br-automated-criteria'] : [];
    case 'MX':
      return ['mx-optional-purpose'];
    default:
      return [];
  }
}
